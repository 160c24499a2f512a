import SyncModel

/// The checks after syncing to quiescence (DESIGN §8): same state, same conflicts, no write lost.
extension SimWorld {
    /// Every breach found, one line each; empty when the run is sound.
    func invariantBreaches() -> [String] {
        var breaches = replicas.flatMap(\.violations)
        let central = replicas[0]
        for clinic in clinics.map({ replicas[$0] }) {
            if !clinic.outbox.isEmpty { breaches.append("\(clinic.site): \(clinic.outbox.count) changes never pushed") }
            breaches += sameScope(central, clinic)
        }
        breaches += writesReachedCentral()
        breaches += noWriteLostWithoutTrace()
        breaches += parkedChangesNeverWin()
        breaches += deletedRowsKeepConcurrentEdits()
        breaches += submittedClaimsKeepTheirCoding()
        breaches += conflictsAreGenuine()
        return breaches
    }

    /// A clinic holds exactly its scope, with the central node's values and versions.
    func sameScope(_ central: SimReplica, _ clinic: SimReplica) -> [String] {
        var breaches: [String] = []
        let scope = central.rows.filter { SimReplica.inScope(owner: $0.value.owner, of: clinic.site) }
        for key in Set(scope.keys).union(clinic.rows.keys).sorted() {
            guard let expected = scope[key] else {
                breaches.append("\(clinic.site) holds \(key), outside its scope")
                continue
            }
            guard let actual = clinic.rows[key] else {
                breaches.append("\(clinic.site) misses \(key)")
                continue
            }
            for field in Set(expected.fields.keys).union(actual.fields.keys).sorted() {
                let want = expected.fields[field], have = actual.fields[field]
                if want?.value != have?.value || want?.version != have?.version {
                    breaches.append("\(key).\(field): central has \(describe(want)), \(clinic.site) has \(describe(have))")
                }
            }
        }
        do {
            let centralConflicts = try central.conflictRecords().filter {
                SimReplica.inScope(owner: $0.owner, of: clinic.site)
            }
            if try clinic.conflictRecords() != centralConflicts {
                breaches.append("\(clinic.site): conflict records differ from the central node's")
            }
        } catch {
            breaches.append("unreadable conflict record: \(error)")
        }
        return breaches
    }

    private func describe(_ state: FieldState?) -> String {
        state.map { "\($0.value) by \($0.version)" } ?? "nothing"
    }

    /// Every change any site wrote is in the central log exactly once.
    func writesReachedCentral() -> [String] {
        let logged = Dictionary(grouping: replicas[0].log, by: \.key)
        return replicas.flatMap(\.localWrites).compactMap { write in
            logged[write.key]?.count == 1 ? nil : "\(write.key) is in the central log \(logged[write.key]?.count ?? 0) times"
        }
    }

    /// Rule 6: each accepted write of a last-writer-wins field is the current value, or the loser
    /// of a conflict record, or was overwritten by a write that had seen it (or by a write of the
    /// same value that is itself accounted for).
    func noWriteLostWithoutTrace() -> [String] {
        let central = replicas[0]
        struct FieldKey: Hashable { var row: RowKey; var field: String }
        struct LoserKey: Hashable { var row: RowKey; var field: String; var version: Version }
        var writes: [FieldKey: [Change]] = [:]
        for change in central.log where change.table != SyncSchema.conflictTable {
            for write in change.fieldChanges
            where MergePolicy.for(table: write.table, field: write.field) == .lastWriterWins {
                writes[FieldKey(row: RowKey(table: write.table, row: write.row), field: write.field), default: []]
                    .append(write)
            }
        }
        let records = (try? central.conflictRecords()) ?? []
        let losers = Set(records.compactMap { record in
            record.loser.version.map { LoserKey(row: RowKey(table: record.table, row: record.row), field: record.field,
                                                version: $0) }
        })

        var breaches: [String] = []
        for (key, fieldWrites) in writes.sorted(by: { ($0.key.row, $0.key.field) < ($1.key.row, $1.key.field) }) {
            let current = central.state(key.row, key.field)?.version
            var memo: [Version: Bool] = [:]
            func traced(_ write: Change) -> Bool {
                if let known = memo[write.version] { return known }
                memo[write.version] = false
                let result = write.version == current
                    || losers.contains(LoserKey(row: key.row, field: key.field, version: write.version))
                    || losers.contains(LoserKey(row: key.row, field: SyncSchema.rowInsertField, version: write.version))
                    || fieldWrites.contains { $0.version != write.version && Causality.saw($0, write) }
                    || fieldWrites.contains { $0.version > write.version && $0.value == write.value && traced($0) }
                memo[write.version] = result
                return result
            }
            for write in fieldWrites where !traced(write) {
                breaches.append("\(key.row).\(key.field) = \(write.value) by \(write.version) was lost without a trace")
            }
        }
        return breaches
    }

    /// A parked coding change never ends up as the value of the submitted claim.
    func parkedChangesNeverWin() -> [String] {
        let central = replicas[0]
        return ((try? central.conflictRecords()) ?? []).compactMap { record in
            guard record.kind == .submittedClaim, record.field != SyncSchema.rowInsertField,
                  let loser = record.loser.version,
                  central.state(RowKey(table: record.table, row: record.row), record.field)?.version == loser
            else { return nil }
            return "parked change \(loser) to \(record.table).\(record.field) is the current value"
        }
    }

    /// Rule 5: when a row ends deleted, every field whose last write the deletion had not seen
    /// (nor seen it) is kept in a delete-versus-edit record. Judged with the whole log, where
    /// every change has its server sequence.
    func deletedRowsKeepConcurrentEdits() -> [String] {
        let central = replicas[0]
        let logged = Dictionary(central.log.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        let recorded = Set(((try? central.conflictRecords()) ?? []).filter { $0.kind == .deleteVersusEdit }
            .map { "\($0.table)/\($0.row).\($0.field)@\($0.loser.version?.token ?? "")" })
        var breaches: [String] = []
        for (key, row) in central.rows.sorted(by: { $0.key < $1.key }) where key.table != SyncSchema.conflictTable {
            guard let tombstone = row.fields[SyncSchema.deletedField], tombstone.value == 1,
                  let deletion = logged[ChangeKey(site: tombstone.version.site, seq: tombstone.version.seq)]
            else { continue }
            for (field, state) in row.fields.sorted(by: { $0.key < $1.key }) where field != SyncSchema.deletedField {
                guard let edit = logged[ChangeKey(site: state.version.site, seq: state.version.seq)],
                      Causality.concurrent(deletion, edit),
                      !recorded.contains("\(key).\(field)@\(state.version.token)") else { continue }
                breaches.append("\(key) was deleted by \(deletion.version) over \(field) by \(state.version) "
                    + "with no delete-versus-edit record")
            }
        }
        return breaches
    }

    /// Rule 4: a claim still in the round it was submitted in (by one site) bills exactly the
    /// coding that site submitted, whatever the other site did meanwhile.
    func submittedClaimsKeepTheirCoding() -> [String] {
        var breaches: [String] = []
        let rounds = Dictionary(grouping: submissions) { SubmissionKey(claim: $0.claim, round: $0.round) }
        for (key, sent) in rounds.sorted(by: { ($0.key.claim, $0.key.round) < ($1.key.claim, $1.key.round) }) {
            guard let final = replicas[0].lifecycle(of: key.claim), final.isSubmitted, final.round == key.round,
                  sent.count == 1 // submitted at two sites at once: each sent its own claim
            else { continue }
            let now = coding(of: key.claim, at: 0)
            if now != sent[0].coding {
                let changed = Set(now.keys).union(sent[0].coding.keys).filter { now[$0] != sent[0].coding[$0] }.sorted()
                breaches.append("\(key.claim) submitted by \(sent[0].version) changed silently: \(changed.prefix(4))")
            }
        }
        return breaches
    }

    private struct SubmissionKey: Hashable { var claim: RowKey; var round: Int }

    /// Every concurrent-edit and delete-versus-edit record is about two writes that really did
    /// not see each other (judged with the whole log), so people are not asked about nothing.
    func conflictsAreGenuine() -> [String] {
        let logged = Dictionary(replicas[0].log.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        func change(_ version: Version?) -> Change? {
            version.flatMap { logged[ChangeKey(site: $0.site, seq: $0.seq)] }
        }
        return ((try? replicas[0].conflictRecords()) ?? []).compactMap { record in
            guard record.kind != .submittedClaim, let winner = change(record.winner.version),
                  let loser = change(record.loser.version) else { return nil }
            return Causality.saw(winner, loser) ? "\(record.kind.rawValue) on \(record.table).\(record.field): "
                + "winner \(winner.version) had seen loser \(loser.version)" : nil
        }
    }

    /// Adds this run's conflicts and re-assertions to the stats.
    mutating func countOutcomes() {
        for record in (try? replicas[0].conflictRecords()) ?? [] { stats.conflicts[record.kind, default: 0] += 1 }
        stats.reassertions += replicas.flatMap(\.localWrites).filter(\.isReassertion).count
    }
}
