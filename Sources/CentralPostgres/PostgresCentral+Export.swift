import BillingModel
import ClinicStore
import Foundation
import Logging
import PostgresNIO
import SyncModel

extension PostgresCentral {
    /// The central office's export settings as saved (see ``ClinicStore/ExportSettings``).
    public func exportSettings() async throws -> ExportSettings {
        let logger = self.logger
        return try await gateway.transaction(readOnly: true) { connection in
            try await Self.loadExportSettings(on: connection, logger: logger)
        }
    }

    /// Saves the given fields of `changes` (`nil` keeps a field, an empty string clears it),
    /// checked as the SQLite store checks them; one bad value saves nothing.
    public func updateExportSettings(_ changes: ExportSettings) async throws -> ExportSettings {
        let updates = try ExportSettings.storedUpdates(changes), logger = self.logger
        return try await gateway.transaction { connection in
            for update in updates {
                if let value = update.value {
                    try await connection.run("""
                        INSERT INTO office_setting (key, value) VALUES ($1, $2)
                        ON CONFLICT (key) DO UPDATE SET value = excluded.value
                        """, [.text(update.key), .text(value)], logger: logger)
                } else {
                    try await connection.run("DELETE FROM office_setting WHERE key = $1", [.text(update.key)], logger: logger)
                }
            }
            return try await Self.loadExportSettings(on: connection, logger: logger)
        }
    }

    /// The control numbers of the last exported file (all 0 before the first export).
    public func lastControlNumbers() async throws -> ControlNumbers {
        let logger = self.logger
        return try await gateway.transaction(readOnly: true) { connection in
            try await Self.controlNumbers(on: connection, lock: false, logger: logger)
        }
    }

    /// `export x12` at the PostgreSQL node, by ``ClinicStore/X12ExportPlan``: the claims named,
    /// the scrubber gate over the published releases, the records from this database and the
    /// next control numbers, reserved in the same transaction (a refused export uses none). The
    /// claims' status does not change.
    public func exportX12(_ keys: [String], author: String?,
                          progress: (@Sendable (_ done: Int, _ total: Int) -> Void)?) async throws -> X12Export {
        guard !keys.isEmpty else {
            throw StoreError.invalid(entity: "export", field: "claims", reason: "name at least one claim")
        }
        let scrubber = ClaimScrubber(reference: try await codeReference(), today: today)
        let logger = self.logger, millis = clock.nowMillis()
        return try await gateway.transaction { connection in
            var found: [Claim] = []
            for key in keys { found.append(try await Self.fetchClaim(key, on: connection, logger: logger)) }
            let claims = try X12ExportPlan.claims(found)
            var checks: [ClaimCheck] = []
            for (index, claim) in claims.enumerated() {
                checks.append(ClaimCheck(claim: claim, findings: scrubber.check(claim)))
                progress?(index + 1, claims.count)
            }
            if let refusal = X12ExportPlan.refusal(checks) { throw refusal }
            let records = try await ExportRecords.load(for: claims, on: connection, logger: logger)
            let bundles = try claims.map { claim in
                try X12ExportPlan.bundle(for: claim, patient: records.patient, payer: records.payer,
                                         provider: { records.providers[$0] })
            }
            let settings = try await Self.loadExportSettings(on: connection, logger: logger)
            let next = try await Self.controlNumbers(on: connection, lock: true, logger: logger).next
            for (name, value) in zip(ControlNumbers.names, next.values) {
                try await connection.run("""
                    INSERT INTO export_counter (name, value) VALUES ($1, $2)
                    ON CONFLICT (name) DO UPDATE SET value = excluded.value
                    """, [.text(name), .integer(Int64(value))], logger: logger)
            }
            return try X12ExportPlan.export(bundles, settings: settings, controlNumbers: next, createdAtMillis: millis)
        }
    }

    private static func loadExportSettings(on connection: PostgresConnection, logger: Logger) async throws -> ExportSettings {
        let rows = try await connection.rows("SELECT key, value FROM office_setting WHERE key LIKE 'export.%'", logger: logger)
        return ExportSettings(stored: Dictionary(try rows.map { try $0.decode((String, String).self) },
                                                 uniquingKeysWith: { first, _ in first }))
    }

    /// The stored counters; with `lock`, locked until the transaction ends (two exports never share a number).
    private static func controlNumbers(on connection: PostgresConnection, lock: Bool, logger: Logger) async throws -> ControlNumbers {
        if lock {
            try await connection.run("LOCK TABLE export_counter IN SHARE ROW EXCLUSIVE MODE", logger: logger)
        }
        let rows = try await connection.rows("SELECT name, value FROM export_counter", logger: logger)
        return ControlNumbers(counters: Dictionary(try rows.map { row in
            let (name, value) = try row.decode((String, Int64).self)
            return (name, Int(value))
        }, uniquingKeysWith: { first, _ in first }))
    }
}

/// The patients, payers and providers the exported claims name, read ahead from the database.
private struct ExportRecords {
    var patients: [String: Patient] = [:]
    var payers: [String: Payer] = [:]
    var providers: [String: Provider] = [:]

    func patient(_ id: String) throws -> Patient {
        guard let found = patients[id] else { throw StoreError.notFound(entity: "patient", id: id) }
        return found
    }

    func payer(_ key: String) throws -> Payer {
        guard let found = payers[key] else { throw StoreError.notFound(entity: "payer", id: key) }
        return found
    }

    static func load(for claims: [Claim], on connection: PostgresConnection, logger: Logger) async throws -> ExportRecords {
        guard let patients = SyncedTable.all["patient"], let payers = SyncedTable.all["payer"],
              let providers = SyncedTable.all["provider"] else { return ExportRecords() }
        var records = ExportRecords()
        var wanted = Set(claims.map(\.patientID))
        while !wanted.isEmpty {
            // The claims' patients, then their subscribers (themselves patients).
            var next: Set<String> = []
            for id in wanted.sorted() {
                guard let row = try await SyncedRows.select(patients, where: "deleted = 0 AND id = $1", [.text(id)],
                                                            on: connection, logger: logger).first else { continue }
                let patient = try OfficeRows.patient(id: row.id, rowValues: row.values)
                records.patients[id] = patient
                if let subscriber = patient.subscriberID, records.patients[subscriber] == nil { next.insert(subscriber) }
            }
            wanted = next
        }
        for key in Set(claims.map(\.payerID)) {
            if let row = try await SyncedRows.select(payers, where: "deleted = 0 AND (id = $1 OR payer_id = $1)", [.text(key)],
                                                     orderBy: "id = $1 DESC, id COLLATE \"C\"", limit: 1,
                                                     on: connection, logger: logger).first {
                records.payers[key] = try OfficeRows.payer(id: row.id, rowValues: row.values)
            }
        }
        for npi in Set(claims.flatMap { [$0.billingNPI] + ($0.renderingNPI.map { [$0] } ?? []) }) {
            if let row = try await SyncedRows.select(providers, where: "deleted = 0 AND npi = $1", [.text(npi)], limit: 1,
                                                     on: connection, logger: logger).first {
                records.providers[npi] = try OfficeRows.provider(id: row.id, rowValues: row.values)
            }
        }
        return records
    }
}
