import BillingModel
@testable import SyncModel

/// Builders for the merge tests: versions, changes and field states on a `claim` row
/// owned by `clinic-a`, which `clinic-a` and `central` both write.
enum Fixture {
    static let clinic = "clinic-a"
    static let central = SyncSchema.centralSite
    static let claimRow = "0190a000-0000-7000-8000-000000000001"
    static let lineRow = "0190a000-0000-7000-8000-000000000002"

    /// A version at `millis` milliseconds (counter 0).
    static func version(_ millis: Int64, _ site: String, _ seq: Int64) -> Version {
        Version(hlc: HLC(millis: millis), site: site, seq: seq)
    }

    /// A field change on the fixture claim (or another table/row).
    static func change(_ field: String, _ value: FieldValue, at version: Version, replaced: Version? = nil,
                       observed: Int64 = 0, serverSeq: Int64? = nil, table: String = SyncSchema.claimTable,
                       row: String = claimRow) -> Change {
        Change(table: table, row: row, owner: clinic, field: field, value: value, version: version,
               replaced: replaced, observed: observed, serverSeq: serverSeq)
    }

    /// The field state a change leaves behind.
    static func state(_ change: Change) -> FieldState { FieldState(applying: change) }

    /// A lifecycle field state at `stage` (round 1 unless given), written by `version`.
    static func lifecycle(_ stage: ClaimLifecycle.Stage, round: Int = 1, at version: Version,
                          serverSeq: Int64?, observed: Int64 = 0) -> FieldState {
        FieldState(value: .integer(Int64(ClaimLifecycle(round: round, stage: stage).rank)), version: version,
                   serverSeq: serverSeq, observed: observed)
    }

    /// Merges `incoming` into a replica holding `first` (applied as its current state), with
    /// the field's default policy: the decision and the field state after it.
    static func deliver(_ incoming: Change, after first: Change?, context: RowContext = RowContext())
        -> (decision: MergeDecision, state: FieldState?) {
        let current = first.map(FieldState.init(applying:))
        let decision = Merge.field(current: current, incoming: incoming, context: context)
        return (decision, decision.apply ? FieldState(applying: incoming) : current)
    }
}
