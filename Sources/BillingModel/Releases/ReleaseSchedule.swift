/// Where a new release goes among the releases of its system (DESIGN §13): it follows the
/// latest one, which then ends the day before the new one starts.
///
/// Pure: given the periods already held, it says which end dates change, or why the new
/// release does not fit.
public enum ReleaseSchedule {
    /// What importing a release changes in its system's timeline.
    public struct Placement: Equatable, Sendable {
        /// The new release's last date of service (`nil`: until a later release takes over).
        public var effectiveTo: CalendarDate?
        /// Releases already held whose last date changes, with their new ``ReleasePeriod/effectiveTo``.
        public var closed: [ReleasePeriod]

        /// A placement as given.
        public init(effectiveTo: CalendarDate?, closed: [ReleasePeriod]) {
            self.effectiveTo = effectiveTo
            self.closed = closed
        }
    }

    /// A release imported at this store: it must start after every release of the system
    /// held here and not overlap a release that already has an end; each open-ended release
    /// ends the day before it starts.
    ///
    /// Throws ``ReleaseOrderError`` for a release that starts on or before one held (out of
    /// order, or the same start), overlaps a closed one, or ends before it starts.
    public static func appending(_ new: ReleasePeriod, to existing: [ReleasePeriod],
                                 system: CodeSystem) throws(ReleaseOrderError) -> Placement {
        if let end = new.effectiveTo, end < new.effectiveFrom {
            throw .endsBeforeStart(system: system, release: new)
        }
        let sorted = existing.sorted { $0.effectiveFrom < $1.effectiveFrom }
        if let same = sorted.first(where: { $0.effectiveFrom == new.effectiveFrom }) {
            throw .sameStart(system: system, release: new, existing: same)
        }
        if let later = sorted.last, later.effectiveFrom > new.effectiveFrom {
            throw .outOfOrder(system: system, release: new, existing: later)
        }
        if let overlapped = sorted.first(where: { ($0.effectiveTo.map { $0 >= new.effectiveFrom }) ?? false }) {
            throw .overlaps(system: system, release: new, existing: overlapped)
        }
        let dayBefore = new.effectiveFrom.adding(days: -1)
        let closed = sorted.filter { $0.effectiveTo == nil }.map { period in
            var period = period
            period.effectiveTo = dayBefore
            return period
        }
        return Placement(effectiveTo: new.effectiveTo, closed: closed)
    }

    /// A release that must be taken as it comes (published by the central office, or shipped
    /// with ClinicSync): never refused. An open-ended one ends the day before the next release
    /// held here starts, and open-ended releases that started before it end the day before
    /// it starts; one with its own end changes nothing (it overlays the releases it covers,
    /// and the latest start governs each day).
    public static func fitting(_ new: ReleasePeriod, into existing: [ReleasePeriod]) -> Placement {
        guard new.effectiveTo == nil else { return Placement(effectiveTo: new.effectiveTo, closed: []) }
        let next = existing.filter { $0.effectiveFrom > new.effectiveFrom }.map(\.effectiveFrom).min()
        let dayBefore = new.effectiveFrom.adding(days: -1)
        let closed = existing.filter { $0.effectiveTo == nil && $0.effectiveFrom < new.effectiveFrom }
            .sorted { $0.effectiveFrom < $1.effectiveFrom }
            .map { period in
                var period = period
                period.effectiveTo = dayBefore
                return period
            }
        return Placement(effectiveTo: next?.adding(days: -1), closed: closed)
    }
}
