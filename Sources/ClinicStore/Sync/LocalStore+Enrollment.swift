import Crypto
import Foundation
import GRDB
import SyncModel

/// An enrolled clinic as the central node knows it (never the token itself).
public struct Enrollment: Codable, Sendable, Equatable {
    /// The clinic id, the owner of that clinic's rows and the prefix of its token.
    public var clinicID: String
    /// The display name given at enrollment; `nil` when none was given.
    public var name: String?
    /// When the current token was issued (enrolled or rotated), milliseconds since 1970.
    public var enrolledAtMillis: Int64
    /// When the token was revoked, milliseconds since 1970; `nil` while it is valid.
    public var revokedAtMillis: Int64?
}

extension LocalStore {
    /// Central node: enrolls a clinic (or rotates its token) and returns the new bearer token,
    /// to be shown once. Only its SHA-256 is kept. A revoked clinic is enrolled again only
    /// with `reinstate` (``EnrollmentAction``).
    ///
    /// Tokens read `CLINIC_ID.SECRET`, with 32 random bytes of secret.
    public func enroll(clinicID: String, name: String? = nil, reinstate: Bool = false) throws -> String {
        try issueToken(clinicID: clinicID, name: name, action: .enroll(reinstate: reinstate))
    }

    /// Central node: a new token for an enrolled, unrevoked clinic; the old one stops working
    /// at once. Returns the new token, to be shown once.
    public func rotate(clinicID: String) throws -> String {
        try issueToken(clinicID: clinicID, name: nil, action: .rotate)
    }

    private func issueToken(clinicID: String, name: String?, action: EnrollmentAction) throws -> String {
        guard identity.role == .central else {
            throw StoreError.notAllowed(entity: "store", id: path, reason: "clinics are enrolled on the central store")
        }
        let id = try FieldCheck.identifier(clinicID, entity: "clinic", field: "id")
        guard id != Self.centralOwner else {
            throw StoreError.invalid(entity: "clinic", field: "id", reason: "'central' is reserved")
        }
        let secret = ids.hex(count: 64)
        let token = "\(id).\(secret)"
        let now = clock.nowMillis()
        try write { db in
            let revokedAt = try Row.fetchOne(db, sql: "SELECT revoked_at FROM clinic_enrollment WHERE clinic_id = ?",
                                             arguments: [id]).map { $0["revoked_at"] as Int64? }
            let current: EnrollmentAction.Current = revokedAt == nil ? .unknown : revokedAt! == nil ? .active : .revoked
            if let refusal = action.refusal(for: current) {
                throw current == .unknown ? StoreError.notFound(entity: "enrolled clinic", id: id)
                    : StoreError.notAllowed(entity: "clinic", id: id, reason: refusal.reason)
            }
            try db.execute(sql: """
                INSERT INTO clinic_enrollment (clinic_id, name, token_hash, enrolled_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (clinic_id) DO UPDATE SET token_hash = excluded.token_hash,
                  name = coalesce(excluded.name, name), enrolled_at = excluded.enrolled_at, revoked_at = NULL
                """, arguments: [id, name, Self.tokenHash(token), now])
        }
        return token
    }

    /// Central node: revokes a clinic's token; its next request is refused.
    public func revoke(clinicID: String) throws {
        let now = clock.nowMillis()
        try write { db in
            try db.execute(sql: "UPDATE clinic_enrollment SET revoked_at = ? WHERE clinic_id = ? AND revoked_at IS NULL",
                           arguments: [now, clinicID])
            guard db.changesCount > 0 else { throw StoreError.notFound(entity: "enrolled clinic", id: clinicID) }
        }
    }

    /// Central node: the clinic a bearer token authorizes, or `nil` (unknown, revoked or forged).
    /// The comparison of hashes takes the same time whatever they hold.
    public func authenticate(token: String) throws -> String? {
        guard let dot = token.firstIndex(of: "."), token.utf8.count <= 300 else { return nil }
        let clinicID = String(token[..<dot])
        let presented = Array(Self.tokenHash(token).utf8)
        return try read { db -> String? in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT token_hash, revoked_at FROM clinic_enrollment WHERE clinic_id = ?
                """, arguments: [clinicID]) else { return nil }
            let stored = Array((row["token_hash"] as String).utf8)
            let revoked = (row["revoked_at"] as Int64?) != nil
            return Self.constantTimeEqual(stored, presented) && !revoked ? clinicID : nil
        }
    }

    /// Central node: the enrolled clinics.
    public func enrollments() throws -> [Enrollment] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM clinic_enrollment ORDER BY clinic_id").map {
                Enrollment(clinicID: $0["clinic_id"], name: $0["name"], enrolledAtMillis: $0["enrolled_at"],
                           revokedAtMillis: $0["revoked_at"])
            }
        }
    }

    static func tokenHash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// Compares two byte strings in time that depends only on their length.
    public static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }
}
