import BillingModel
import ClinicStore
import Logging
import PostgresNIO
import SyncModel

extension PostgresCentral {
    /// A live claim with its live lines, by id or by claim number (as `LocalStore.claim`).
    ///
    /// Throws `StoreError.notFound` when there is no such claim.
    public func claim(_ key: String) async throws -> Claim {
        let logger = self.logger
        return try await gateway.transaction(readOnly: true) { connection in
            try await Self.fetchClaim(key, on: connection, logger: logger)
        }
    }

    /// The central office changes one claim field (`claim set CLAIM FIELD VALUE`), with the
    /// rules `LocalStore.setClaimField` applies (BillingModel's lifecycle through
    /// ``ClinicStore/ClaimEdit``): coding fields are frozen once the claim is submitted, a
    /// voided or replaced claim takes no edit, each value is checked for its field, and a
    /// coding edit moves a draft to coded. The changed columns are written as the central
    /// office's own changes in one transaction and reach the owning clinic at its next pull.
    /// Returns the claim as saved.
    ///
    /// Throws `StoreError.notFound` for an unknown claim (or payer), `StoreError.notAllowed`
    /// for an edit the claim's state refuses and `StoreError.invalid` for a bad value; then
    /// nothing changes.
    @discardableResult
    public func setClaimField(_ key: String, field: ClaimField, value: String, author: String? = nil) async throws -> Claim {
        let schema = configuration.schema, siteID = self.siteID, logger = self.logger, now = clock.nowMillis()
        return try await gateway.transaction { connection in
            let context = try await WriteContext.begin(connection, schema: schema, siteID: siteID, nowMillis: now,
                                                       author: author, logger: logger)
            let (claim, stored) = try await Self.fetchClaimRow(key, on: connection, logger: logger)
            // The payer is looked up ahead (the check is synchronous) and its answer given only
            // when the rules ask, after the state checks, as at the SQLite store.
            var payer: Result<String, any Error> = .failure(StoreError.notFound(entity: "payer", id: value))
            if field == .payer {
                do {
                    payer = .success(try await Self.payerID(value, visibleTo: claim.clinicID, on: connection, logger: logger))
                } catch {
                    payer = .failure(error)
                }
            }
            let edited = try ClaimEdit.applying(field, value: value, to: claim) { _ in try payer.get() }
            let wanted = ClaimEdit.rowValues(of: edited)
            let writes = wanted.keys.sorted().filter { $0 != "owner" && stored[$0] != wanted[$0] }.map {
                FieldWrite(table: SyncSchema.claimTable, row: claim.id, owner: claim.clinicID, field: $0, value: wanted[$0] ?? .null)
            }
            try await context.writeCentral(writes, entity: "claim")
            try await context.finish()
            return try await Self.fetchClaim(claim.id, on: connection, logger: logger)
        }
    }

    /// The live claim `key` names (its id, else its claim number, preferring the claim still in
    /// play as ``ClinicStore/ClaimEdit/preferredClaim(amongNewestFirst:)`` says) with its lines.
    static func fetchClaim(_ key: String, on connection: PostgresConnection, logger: Logger) async throws -> Claim {
        try await fetchClaimRow(key, on: connection, logger: logger).claim
    }

    /// ``fetchClaim(_:on:logger:)`` with the `claim` row's stored columns.
    private static func fetchClaimRow(_ key: String, on connection: PostgresConnection,
                                      logger: Logger) async throws -> (claim: Claim, stored: [String: FieldValue]) {
        guard let claims = SyncedTable.all[SyncSchema.claimTable],
              let lines = SyncedTable.all[SyncSchema.serviceLineTable] else {
            throw StoreError.notFound(entity: "claim", id: key)
        }
        var found = try await SyncedRows.select(claims, where: "deleted = 0 AND id = $1", [.text(key)],
                                                on: connection, logger: logger).first
        if found == nil {
            let numbered = try await SyncedRows.select(claims, where: "deleted = 0 AND claim_number = $1", [.text(key.uppercased())],
                                                       orderBy: "id COLLATE \"C\" DESC", on: connection, logger: logger)
            let chosen = ClaimEdit.preferredClaim(amongNewestFirst: numbered.map {
                (id: $0.id, lifecycle: Int($0.values[SyncSchema.lifecycleField]?.integerValue ?? 0))
            })
            found = numbered.first { $0.id == chosen }
        }
        guard let found else { throw StoreError.notFound(entity: "claim", id: key) }
        let lineRows = try await SyncedRows.select(lines, where: "deleted = 0 AND claim_id = $1", [.text(found.id)],
                                                   orderBy: "line_number", on: connection, logger: logger)
        let serviceLines = try lineRows.map { row in
            guard let line = ClaimEdit.line(id: row.id, rowValues: row.values) else {
                throw StoreError.corrupt(path: "service_line \(row.id)", detail: "a column is missing or malformed")
            }
            return line
        }
        guard let claim = ClaimEdit.claim(id: found.id, rowValues: found.values, lines: serviceLines) else {
            throw StoreError.corrupt(path: "claim \(found.id)", detail: "a column is missing or malformed")
        }
        return (claim, found.values)
    }

    /// The id of the live payer `key` names — a payer record id, else an external payer id —
    /// among the payers the claim's clinic has (its own first, then the central office's shared
    /// ones): a claim never points at a payer its clinic does not receive.
    private static func payerID(_ key: String, visibleTo clinic: String, on connection: PostgresConnection,
                                logger: Logger) async throws -> String {
        let found = try await connection.rows("""
            SELECT id FROM payer WHERE deleted = 0 AND (id = $1 OR payer_id = $1) AND owner IN ($2, $3)
            ORDER BY id = $1 DESC, owner = $2 DESC, id COLLATE "C" LIMIT 1
            """, [.text(key), .text(clinic), .text(LocalStore.centralOwner)], logger: logger).first
        guard let found else { throw StoreError.notFound(entity: "payer", id: key) }
        return try found.decode(String.self)
    }
}
