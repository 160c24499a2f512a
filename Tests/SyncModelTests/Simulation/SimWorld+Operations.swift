import BillingModel
import SyncModel

/// What people do at a site: create claims and lines, re-code, remove lines, move claims
/// through their lifecycle, resolve conflicts. Each site only does what its store allows:
/// no coding edit of a claim it knows is submitted.
extension SimWorld {
    static let notes: [FieldValue] = ["", "call payer", "fax sent", "prior auth"]
    static let diagnoses: [FieldValue] = ["E119", "I10", "E119,I10", "J069"]
    static let placesOfService: [FieldValue] = ["11", "02", "22"]
    static let totals: [FieldValue] = [0, 12_500, 20_000]
    static let procedures: [FieldValue] = ["99213", "99214", "93000"]
    static let charges: [FieldValue] = [5_000, 12_500]
    static let units: [FieldValue] = [1, 2, 3]

    /// One random operation by a person at `index`.
    mutating func operate(at index: Int) {
        let roll = Int.random(in: 0..<100, using: &rng)
        switch roll {
        case 0..<10: createClaim(at: index)
        case 10..<22: addLine(at: index)
        case 22..<44: editClaim(at: index)
        case 44..<58: editLine(at: index)
        case 58..<65: removeLine(at: index)
        case 65..<80: advanceLifecycle(at: index)
        case 80..<95: resolveConflict(at: index)
        default: editReferenceData(at: index)
        }
    }

    func keys(at index: Int, table: String, live: Bool = true) -> [RowKey] {
        replicas[index].rows.keys.filter { key in
            key.table == table && (!live || replicas[index].value(key, SyncSchema.deletedField) != 1)
        }.sorted()
    }

    /// Whether the site's store accepts a coding edit of the claim `key` belongs to.
    func allowsCoding(at index: Int, _ key: RowKey) -> Bool {
        replicas[index].lifecycle(of: key).map { !$0.isSubmitted && !$0.isTerminal } ?? true
    }

    /// A coding edit of a rejected claim opens the next round first, as the store does.
    mutating func openNextRoundIfRejected(at index: Int, _ key: RowKey) {
        guard let lifecycle = replicas[index].lifecycle(of: key), lifecycle.stage == .rejected else { return }
        let claim = key.table == SyncSchema.claimTable ? key
            : RowKey(table: SyncSchema.claimTable, row: replicas[index].value(key, SyncSchema.claimIDField)!.textValue!)
        write(at: index, claim, SyncSchema.lifecycleField, .integer(Int64(lifecycle.afterCodingEdit().rank)))
    }

    mutating func write(at index: Int, _ key: RowKey, _ field: String, _ value: FieldValue) {
        let owner = replicas[index].rows[key]!.owner
        replicas[index].write(key, owner: owner, field: field, value: value, now: now)
    }

    mutating func newRowID(_ prefix: String) -> String {
        nextRow += 1
        return "\(prefix)-\(nextRow)"
    }

    mutating func createClaim(at index: Int) {
        guard index != 0 else { return }
        let key = RowKey(table: SyncSchema.claimTable, row: newRowID("claim"))
        let values: [String: FieldValue] = [
            "lifecycle": .integer(Int64(ClaimLifecycle().rank)), "diagnoses": rng.pick(Self.diagnoses),
            "pos": "11", "total_charge_cents": 0, "notes": "", "deleted": 0,
        ]
        replicas[index].insert(key, owner: replicas[index].site, values: values, now: now)
    }

    mutating func addLine(at index: Int) {
        let claims = keys(at: index, table: SyncSchema.claimTable)
        guard !claims.isEmpty else { return }
        let claim = rng.pick(claims)
        guard allowsCoding(at: index, claim) else { return }
        openNextRoundIfRejected(at: index, claim)
        let key = RowKey(table: SyncSchema.serviceLineTable, row: newRowID("line"))
        let values: [String: FieldValue] = [
            "claim_id": .text(claim.row), "procedure_code": rng.pick(Self.procedures), "units": 1,
            "charge_cents": rng.pick(Self.charges), "deleted": 0,
        ]
        replicas[index].insert(key, owner: replicas[index].rows[claim]!.owner, values: values, now: now)
    }

    mutating func editClaim(at index: Int) {
        let claims = keys(at: index, table: SyncSchema.claimTable)
        guard !claims.isEmpty else { return }
        let claim = rng.pick(claims)
        let (field, pool) = rng.pick([("notes", Self.notes), ("diagnoses", Self.diagnoses),
                                      ("pos", Self.placesOfService), ("total_charge_cents", Self.totals)])
        if SyncSchema.isCodingChange(table: claim.table, field: field) {
            guard allowsCoding(at: index, claim) else { return }
            openNextRoundIfRejected(at: index, claim)
        }
        write(at: index, claim, field, rng.pick(pool))
    }

    mutating func editLine(at index: Int) {
        let lines = keys(at: index, table: SyncSchema.serviceLineTable)
        guard !lines.isEmpty else { return }
        let line = rng.pick(lines)
        guard allowsCoding(at: index, line) else { return }
        openNextRoundIfRejected(at: index, line)
        let (field, pool) = rng.pick([("units", Self.units), ("procedure_code", Self.procedures),
                                      ("charge_cents", Self.charges)])
        write(at: index, line, field, rng.pick(pool))
    }

    mutating func removeLine(at index: Int) {
        let lines = keys(at: index, table: SyncSchema.serviceLineTable)
        guard !lines.isEmpty else { return }
        let line = rng.pick(lines)
        guard allowsCoding(at: index, line) else { return }
        openNextRoundIfRejected(at: index, line)
        write(at: index, line, SyncSchema.deletedField, 1)
    }

    mutating func advanceLifecycle(at index: Int) {
        let claims = keys(at: index, table: SyncSchema.claimTable)
        guard !claims.isEmpty else { return }
        let claim = rng.pick(claims)
        guard let current = replicas[index].lifecycle(of: claim) else { return }
        let target: ClaimLifecycle
        switch current.stage {
        case .draft: target = ClaimLifecycle(round: current.round, stage: .coded)
        case .coded: target = ClaimLifecycle(round: current.round, stage: .validated)
        case .validated: target = ClaimLifecycle(round: current.round, stage: .submitted)
        case .submitted: target = ClaimLifecycle(round: current.round, stage: rng.pick([.accepted, .rejected]))
        case .accepted: target = ClaimLifecycle(round: current.round, stage: rng.pick([.paid, .denied]))
        case .denied: target = ClaimLifecycle(round: current.round, stage: .appealed)
        case .rejected: target = current.afterCodingEdit()
        case .paid, .appealed, .replaced, .voided: return
        }
        guard current.canMove(to: target) else { return }
        write(at: index, claim, SyncSchema.lifecycleField, .integer(Int64(target.rank)))
        if target.stage == .submitted {
            submissions.append(Submission(claim: claim, round: target.round,
                                          version: replicas[index].state(claim, SyncSchema.lifecycleField)!.version,
                                          coding: coding(of: claim, at: index)))
        }
    }

    /// What a submitted claim sends the payer, as a site holds it: the claim's coding fields
    /// and every field of its live lines.
    func coding(of claim: RowKey, at index: Int) -> [String: FieldValue] {
        var coding: [String: FieldValue] = [:]
        let rows = replicas[index].rows
        for field in SyncSchema.claimCodingFields { coding["claim.\(field)"] = rows[claim]?.fields[field]?.value }
        for (key, row) in rows where key.table == SyncSchema.serviceLineTable
            && row.fields[SyncSchema.claimIDField]?.value == .text(claim.row) && row.fields[SyncSchema.deletedField]?.value != 1 {
            for (field, state) in row.fields { coding["\(key.row).\(field)"] = state.value }
        }
        return coding
    }

    mutating func resolveConflict(at index: Int) {
        let open = ((try? replicas[index].conflictRecords()) ?? []).filter { $0.status == .open }
        guard !open.isEmpty else { return }
        let record = rng.pick(open)
        let choice: ConflictResolution = rng.pick([.keepWinner, .keepLoser, .value(record.loser.value),
                                                   .value(record.winner.value)])
        guard let plan = try? record.resolution(choice) else { return }
        let key = RowKey(table: record.table, row: record.row)
        guard replicas[index].rows[key] != nil else { return }
        // The store refuses to change a submitted claim's coding (a replacement claim is the way).
        if plan.writes.contains(where: { SyncSchema.isCodingChange(table: $0.table, field: $0.field) }),
           !allowsCoding(at: index, key) { return }
        stats.resolutions += 1
        for write in plan.all {
            let target = RowKey(table: write.table, row: write.row)
            replicas[index].write(target, owner: write.owner, field: write.field, value: write.value, now: now)
        }
    }

    mutating func editReferenceData(at index: Int) {
        guard index == 0 else { return }
        let payers = keys(at: 0, table: "payer")
        if payers.isEmpty || rng.chance(30) {
            let key = RowKey(table: "payer", row: newRowID("payer"))
            replicas[0].insert(key, owner: SyncSchema.centralSite, values: ["name": "Payer", "deleted": 0], now: now)
        } else {
            write(at: 0, rng.pick(payers), "name", rng.pick(["Acme Health", "Blue Plan", "State Medicaid"]))
        }
    }
}
