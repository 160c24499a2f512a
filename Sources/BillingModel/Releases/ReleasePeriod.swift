/// One release's place in its system's timeline: which release, and the dates of service it governs.
public struct ReleasePeriod: Hashable, Sendable, CustomStringConvertible {
    /// The release's id in the store.
    public var id: String
    /// The release name (`ICD10CM-FY2026`).
    public var name: String
    /// The first date of service it governs.
    public var effectiveFrom: CalendarDate
    /// The last date of service it governs (inclusive); `nil` until a later release takes over.
    public var effectiveTo: CalendarDate?

    /// A period as given.
    public init(id: String, name: String, effectiveFrom: CalendarDate, effectiveTo: CalendarDate? = nil) {
        self.id = id
        self.name = name
        self.effectiveFrom = effectiveFrom
        self.effectiveTo = effectiveTo
    }

    /// Whether the release governs services on `date`.
    public func covers(_ date: CalendarDate) -> Bool {
        effectiveFrom <= date && effectiveTo.map { date <= $0 } ?? true
    }

    /// `NAME (2024-10-01 to 2025-09-30)`, or `NAME (from 2025-10-01)` when open-ended.
    public var description: String {
        effectiveTo.map { "\(name) (\(effectiveFrom) to \($0))" } ?? "\(name) (from \(effectiveFrom))"
    }
}
