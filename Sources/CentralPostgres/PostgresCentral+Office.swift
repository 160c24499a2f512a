import BillingModel
import ClinicStore
import Foundation
import Logging
import PostgresNIO
import SyncModel

/// The PostgreSQL central node is a ``ClinicStore/CentralOffice``: the same commands as on the
/// SQLite central store, fed with this database's rows; the rules are the shared ones
/// (``ClinicStore/ClaimEdit``, ``ClinicStore/OfficeRules``, BillingModel's scrubber).
extension PostgresCentral: CentralOffice {
    /// Every clinic's live claims newest first (by id), filtered and paged as `query` says.
    public func claims(matching query: ClaimQuery) async throws -> [Claim] {
        var condition = "deleted = 0", arguments: [FieldValue] = []
        if let stage = query.stage {
            arguments.append(.integer(Int64(stage.rawValue)))
            condition += " AND (lifecycle % 16) = $\(arguments.count)"
        }
        if let clinic = query.clinic {
            arguments.append(.text(clinic))
            condition += " AND owner = $\(arguments.count)"
        }
        let page = "\(condition) ORDER BY id COLLATE \"C\" DESC LIMIT \(max(query.limit, 0)) OFFSET \(max(query.offset, 0))"
        let logger = self.logger, bound = arguments
        return try await gateway.transaction(readOnly: true) { connection in
            try await Self.fetchClaims(where: "id IN (SELECT id FROM claim WHERE \(page))", bound,
                                       orderBy: "id COLLATE \"C\" DESC", on: connection, logger: logger)
        }
    }

    /// The scrubber over the published releases in force on each date of service; a clean draft
    /// or coded claim moves to `validated` (as the central office's change) unless it changed
    /// since it was checked.
    public func checkClaim(_ key: String, author: String?) async throws -> ClaimCheck {
        let scrubber = ClaimScrubber(reference: try await codeReference(), today: today)
        let schema = configuration.schema, siteID = self.siteID, logger = self.logger, now = clock.nowMillis()
        return try await gateway.transaction { connection in
            let claim = try await Self.fetchClaim(key, on: connection, logger: logger)
            let check = ClaimCheck(claim: claim, findings: scrubber.check(claim))
            guard OfficeRules.promotesToValidated(check) else { return check }
            let context = try await WriteContext.begin(connection, schema: schema, siteID: siteID, nowMillis: now,
                                                       author: author, logger: logger)
            guard try await Self.fetchClaim(claim.id, on: connection, logger: logger) == claim else {
                try await context.finish()
                return check
            }
            let validated = OfficeRules.afterCheck(check)
            try await context.writeCentral([Self.lifecycleWrite(validated)], entity: "claim")
            try await context.finish()
            return ClaimCheck(claim: validated, findings: check.findings)
        }
    }

    /// ``checkClaim(_:author:)`` over every open claim (not yet submitted in its round, not
    /// voided or replaced), oldest first, under the write lock so none changes between its check
    /// and its promotion; the clean ones move to `validated` in one transaction.
    public func checkOpenClaims(author: String?) async throws -> [ClaimCheck] {
        let scrubber = ClaimScrubber(reference: try await codeReference(), today: today)
        let schema = configuration.schema, siteID = self.siteID, logger = self.logger, now = clock.nowMillis()
        return try await gateway.transaction { connection in
            let context = try await WriteContext.begin(connection, schema: schema, siteID: siteID, nowMillis: now,
                                                       author: author, logger: logger)
            let checks = try await Self.fetchClaims(where: "deleted = 0", [], on: connection, logger: logger)
                .filter { $0.lifecycle.allowsCodingEdits && !$0.lifecycle.isTerminal }
                .map { ClaimCheck(claim: $0, findings: scrubber.check($0)) }
            let promoted = checks.filter(OfficeRules.promotesToValidated).map(OfficeRules.afterCheck)
            try await context.writeCentral(promoted.map(Self.lifecycleWrite), entity: "claim")
            try await context.finish()
            return checks.map { ClaimCheck(claim: OfficeRules.afterCheck($0), findings: $0.findings) }
        }
    }

    /// Submits a claim by ``ClinicStore/OfficeRules/submitted(_:findings:)``: refused with a
    /// ``ClinicStore/ClaimRefusal`` when the scrubber finds errors (nothing changes), else the
    /// claim's lifecycle is written as the central office's change and reaches its clinic at
    /// the next pull.
    public func submitClaim(_ key: String, author: String?) async throws -> Claim {
        let scrubber = ClaimScrubber(reference: try await codeReference(), today: today)
        let schema = configuration.schema, siteID = self.siteID, logger = self.logger, now = clock.nowMillis()
        return try await gateway.transaction { connection in
            let context = try await WriteContext.begin(connection, schema: schema, siteID: siteID, nowMillis: now,
                                                       author: author, logger: logger)
            let claim = try await Self.fetchClaim(key, on: connection, logger: logger)
            _ = try OfficeRules.submittedLifecycle(of: claim)
            let submitted = try OfficeRules.submitted(claim, findings: scrubber.check(claim))
            try await context.writeCentral([Self.lifecycleWrite(submitted)], entity: "claim")
            try await context.finish()
            return try await Self.fetchClaim(claim.id, on: connection, logger: logger)
        }
    }

    /// The change log of a claim and its lines, oldest first, as the SQLite store reports it.
    public func claimHistory(_ key: String) async throws -> [HistoryEntry] {
        let logger = self.logger
        return try await gateway.transaction(readOnly: true) { connection in
            let claim = try await Self.fetchClaim(key, on: connection, logger: logger)
            return try await connection.rows("""
                SELECT l.seq, l.hlc, l.author, l.site, l.tbl, l.row_id, l.field, l.value, l.applied, s.line_number
                FROM change_log AS l
                LEFT JOIN service_line AS s ON l.tbl = 'service_line' AND s.id = l.row_id
                WHERE (l.tbl = 'claim' AND l.row_id = $1)
                   OR (l.tbl = 'service_line' AND l.row_id IN (SELECT id FROM service_line WHERE claim_id = $1))
                ORDER BY l.seq
                """, [.text(claim.id)], logger: logger).map { row in
                let cells = row.makeRandomAccess()
                let field = try cells["field"].decode(String.self), logged = try cells["value"].decode(String.self)
                return HistoryEntry(
                    seq: try cells["seq"].decode(Int64.self), atMillis: try cells["hlc"].decode(Int64.self) >> 16,
                    author: try cells["author"].decode(String?.self), site: try cells["site"].decode(String.self),
                    table: try cells["tbl"].decode(String.self), rowID: try cells["row_id"].decode(String.self),
                    lineNumber: try cells["line_number"].decode(Int64?.self).map { Int($0) }, field: field,
                    value: field == SyncSchema.rowInsertField ? logged : try FieldJSON.decodeValue(logged).historyText,
                    applied: try cells["applied"].decode(Bool.self), restampedFromMillis: nil)
            }
        }
    }

    /// The node at a glance: its site, log head, open conflicts and every clinic's health.
    public func officeStatus() async throws -> CentralOfficeStatus {
        CentralOfficeStatus(siteID: siteID, logHead: try await logHead(), openConflicts: try await conflicts().count,
                            clinics: try await clinicHealth(recentLimit: CentralOfficeStatus.recentSyncs))
    }

    /// The labels of the rows this node holds, worded as ``ClinicStore/LocalStore/rowLabel(table:row:)`` words them.
    public func rowLabels(_ rows: [RowReference]) async throws -> [RowReference: String] {
        let logger = self.logger
        return try await gateway.transaction(readOnly: true) { connection in
            var labels: [RowReference: String] = [:]
            for reference in Set(rows) {
                let sql: String
                switch reference.table {
                case "patient": sql = "SELECT last_name || ', ' || first_name FROM patient WHERE id = $1"
                case "payer": sql = "SELECT name || ' (' || payer_id || ')' FROM payer WHERE id = $1 OR payer_id = $1 ORDER BY id = $1 DESC"
                case "provider": sql = "SELECT name || ' (NPI ' || npi || ')' FROM provider WHERE id = $1 OR npi = $1 ORDER BY id = $1 DESC"
                case "claim": sql = "SELECT 'claim ' || claim_number FROM claim WHERE id = $1"
                case "service_line":
                    sql = """
                        SELECT 'claim ' || c.claim_number || ' line ' || l.line_number FROM service_line AS l
                        JOIN claim AS c ON c.id = l.claim_id WHERE l.id = $1
                        """
                default: continue
                }
                labels[reference] = try await connection.rows(sql + " LIMIT 1", [.text(reference.row)], logger: logger)
                    .first.flatMap { try $0.decode(String?.self) }
            }
            return labels
        }
    }

    // MARK: - Shared steps

    /// Today on the node's clock, for the scrubber's date rules.
    var today: CalendarDate { CalendarDate(unixMilliseconds: clock.nowMillis()) }

    /// The code reference of every published release (the node's releases, as clinics receive them).
    func codeReference() async throws -> InMemoryCodeReference {
        let logger = self.logger
        return try await gateway.transaction(readOnly: true) { connection in
            let rows = try await connection.rows("SELECT file_json FROM code_release ORDER BY system, effective_from",
                                                 logger: logger)
            return InMemoryCodeReference(releases: try rows.compactMap { row in
                try JSONDecoder().decode(ReleaseFile.self, from: Data(try row.decode(String.self).utf8)).codeReferenceRelease
            })
        }
    }

    /// The write of `claim`'s lifecycle as it now stands.
    static func lifecycleWrite(_ claim: Claim) -> FieldWrite {
        FieldWrite(table: SyncSchema.claimTable, row: claim.id, owner: claim.clinicID, field: SyncSchema.lifecycleField,
                   value: .integer(Int64(claim.lifecycle.rank)))
    }

    /// The live claims `condition` selects, each with its live lines, assembled by ``ClinicStore/ClaimEdit``.
    static func fetchClaims(where condition: String, _ arguments: [FieldValue], orderBy order: String = "id COLLATE \"C\"",
                            on connection: PostgresConnection, logger: Logger) async throws -> [Claim] {
        guard let claims = SyncedTable.all[SyncSchema.claimTable], let lines = SyncedTable.all[SyncSchema.serviceLineTable] else {
            return []
        }
        let claimRows = try await SyncedRows.select(claims, where: condition, arguments, orderBy: order,
                                                    on: connection, logger: logger)
        let lineRows = try await SyncedRows.select(lines, where: "deleted = 0 AND claim_id IN (SELECT id FROM claim WHERE \(condition))",
                                                   arguments, orderBy: "claim_id COLLATE \"C\", line_number",
                                                   on: connection, logger: logger)
        var linesByClaim: [String: [ServiceLine]] = [:]
        for row in lineRows {
            guard let line = ClaimEdit.line(id: row.id, rowValues: row.values) else {
                throw StoreError.corrupt(path: "service_line \(row.id)", detail: "a column is missing or malformed")
            }
            linesByClaim[line.claimID, default: []].append(line)
        }
        return try claimRows.map { row in
            guard let claim = ClaimEdit.claim(id: row.id, rowValues: row.values, lines: linesByClaim[row.id] ?? []) else {
                throw StoreError.corrupt(path: "claim \(row.id)", detail: "a column is missing or malformed")
            }
            return claim
        }
    }
}

extension FieldValue {
    /// The value as the SQLite store's history prints it: text unquoted, numbers as digits, NULL as `nil`.
    var historyText: String? {
        switch self {
        case .null: return nil
        case .integer(let value): return String(value)
        case .real(let value): return String(value)
        case .text(let value): return value
        }
    }
}
