import ClinicStore
import Crypto
import Foundation
import SyncModel

extension PostgresCentral {
    /// Enrolls a clinic (or rotates its token) and returns the new bearer token, to be shown
    /// once; only its SHA-256 is kept. Tokens read `CLINIC_ID.SECRET` (32 random bytes), as at
    /// the SQLite central node, so a token works against either. A revoked clinic is enrolled
    /// again only with `reinstate` (``EnrollmentAction``).
    public func enroll(clinicID: String, name: String? = nil, reinstate: Bool = false) async throws -> String {
        try await issueToken(clinicID: clinicID, name: name, action: .enroll(reinstate: reinstate))
    }

    /// A new token for an enrolled, unrevoked clinic; the old one stops working at once.
    public func rotate(clinicID: String) async throws -> String {
        try await issueToken(clinicID: clinicID, name: nil, action: .rotate)
    }

    private func issueToken(clinicID: String, name: String?, action: EnrollmentAction) async throws -> String {
        let id = clinicID.trimmingCharacters(in: .whitespaces)
        guard !id.isEmpty, id.count <= 80,
              id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else {
            throw StoreError.invalid(entity: "clinic", field: "id", reason: "must be 1–80 letters, digits, '-' or '_'")
        }
        guard id != LocalStore.centralOwner else {
            throw StoreError.invalid(entity: "clinic", field: "id", reason: "'central' is reserved")
        }
        let token = "\(id).\(ids.hex(count: 64))"
        let now = clock.nowMillis(), logger = self.logger
        try await gateway.transaction { connection in
            let found = try await connection.rows("SELECT revoked_at FROM clinic_enrollment WHERE clinic_id = $1 FOR UPDATE",
                                                  [.text(id)], logger: logger)
            let current: EnrollmentAction.Current = try found.first.map { row in
                try row.decode(Int64?.self) == nil ? .active : .revoked
            } ?? .unknown
            if let refusal = action.refusal(for: current) {
                throw current == .unknown ? StoreError.notFound(entity: "enrolled clinic", id: id)
                    : StoreError.notAllowed(entity: "clinic", id: id, reason: refusal.reason)
            }
            try await connection.run("""
                INSERT INTO clinic_enrollment (clinic_id, name, token_hash, enrolled_at) VALUES ($1, $2, $3, $4)
                ON CONFLICT (clinic_id) DO UPDATE SET token_hash = excluded.token_hash,
                  name = coalesce(excluded.name, clinic_enrollment.name), enrolled_at = excluded.enrolled_at, revoked_at = NULL
                """, [.text(id), name.map(FieldValue.text) ?? .null, .text(Self.tokenHash(token)), .integer(now)],
                logger: logger)
        }
        return token
    }

    /// Revokes a clinic's token; its next request is refused.
    public func revoke(clinicID: String) async throws {
        let now = clock.nowMillis(), logger = self.logger
        try await gateway.transaction { connection in
            let revoked = try await connection.rows("""
                UPDATE clinic_enrollment SET revoked_at = $1 WHERE clinic_id = $2 AND revoked_at IS NULL RETURNING clinic_id
                """, [.integer(now), .text(clinicID)], logger: logger)
            guard !revoked.isEmpty else { throw StoreError.notFound(entity: "enrolled clinic", id: clinicID) }
        }
    }

    /// The clinic a bearer token authorizes, or `nil` (unknown, revoked or forged); hashes are
    /// compared in constant time.
    public func authenticate(token: String) async throws -> String? {
        guard let dot = token.firstIndex(of: "."), token.utf8.count <= 300 else { return nil }
        let clinicID = String(token[..<dot])
        let presented = Array(Self.tokenHash(token).utf8)
        let logger = self.logger
        return try await gateway.transaction(readOnly: true) { connection -> String? in
            guard let row = try await connection.rows(
                "SELECT token_hash, revoked_at FROM clinic_enrollment WHERE clinic_id = $1", [.text(clinicID)],
                logger: logger).first else { return nil }
            let (hash, revokedAt) = try row.decode((String, Int64?).self)
            return LocalStore.constantTimeEqual(Array(hash.utf8), presented) && revokedAt == nil ? clinicID : nil
        }
    }

    /// The enrolled clinics, by id.
    public func enrollments() async throws -> [Enrollment] {
        let logger = self.logger
        return try await gateway.transaction(readOnly: true) { connection in
            try await connection.rows("""
                SELECT clinic_id, name, enrolled_at, revoked_at FROM clinic_enrollment ORDER BY clinic_id
                """, logger: logger).map { row in
                let (clinicID, name, enrolledAt, revokedAt) = try row.decode((String, String?, Int64, Int64?).self)
                return try EnrollmentRow(clinicID: clinicID, name: name, enrolledAtMillis: enrolledAt,
                                         revokedAtMillis: revokedAt).enrollment()
            }
        }
    }

    /// Lower-case hex SHA-256 of a token, as the SQLite central node keeps it.
    static func tokenHash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}

/// An enrollment read from PostgreSQL, made into ClinicStore's ``ClinicStore/Enrollment``
/// through its Codable form (its memberwise initializer is not public).
private struct EnrollmentRow: Codable {
    var clinicID: String
    var name: String?
    var enrolledAtMillis: Int64
    var revokedAtMillis: Int64?

    func enrollment() throws -> Enrollment {
        try JSONDecoder().decode(Enrollment.self, from: JSONEncoder().encode(self))
    }
}
