import BillingModel

extension ReleaseFile {
    /// The release as BillingModel's in-memory release, for a ``BillingModel/InMemoryCodeReference``
    /// over published release files (the PostgreSQL central node keeps its releases as these);
    /// `nil` when its dates or content do not parse.
    public var codeReferenceRelease: InMemoryCodeReference.Release? {
        guard let from = CalendarDate(effectiveFrom) else { return nil }
        let to = effectiveTo.flatMap(CalendarDate.init)
        switch content {
        case .codes(let entries):
            guard system.hasCodeList else { return nil }
            return InMemoryCodeReference.Release(system: system, name: name, effectiveFrom: from, effectiveTo: to, entries: entries)
        case .ncci(let edits):
            return InMemoryCodeReference.Release(name: name, effectiveFrom: from, effectiveTo: to, ncciEdits: edits)
        case .mue(let limits):
            return InMemoryCodeReference.Release(name: name, effectiveFrom: from, effectiveTo: to, mueLimits: limits)
        case nil:
            return nil
        }
    }
}
