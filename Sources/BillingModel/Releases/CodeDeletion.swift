/// A code a release deleted: the release that no longer lists it and the day that release
/// took effect. Releases name no successors, so neither does this.
public struct CodeDeletion: Hashable, Sendable, Codable {
    /// The normalized code (`99201`, `E1199`).
    public var code: String
    /// Its system.
    public var system: CodeSystem
    /// The first release without the code, after one that had it.
    public var release: String
    /// The day that release took effect: the day the code was deleted.
    public var effectiveFrom: CalendarDate

    /// A deletion as given.
    public init(code: String, system: CodeSystem, release: String, effectiveFrom: CalendarDate) {
        self.code = code
        self.system = system
        self.release = release
        self.effectiveFrom = effectiveFrom
    }

    /// Finds when `code` was deleted, as seen from `inForce` (the release governing a date,
    /// which lacks the code): the latest earlier release of the system that listed it, and
    /// the release that followed that one. `nil` when no earlier release listed it (the code
    /// never existed here) or `inForce` itself is what followed nothing.
    ///
    /// - Parameters:
    ///   - history: every release of the system (any order), `inForce` included.
    ///   - listing: whether a release (by id) lists the code.
    public static func find(_ code: String, system: CodeSystem, inForce: ReleasePeriod, history: [ReleasePeriod],
                            listing: (String) -> Bool) -> CodeDeletion? {
        let ordered = history.sorted { ($0.effectiveFrom, $0.id) < ($1.effectiveFrom, $1.id) }
        guard let last = ordered.last(where: { $0.effectiveFrom < inForce.effectiveFrom && listing($0.id) }),
              let next = ordered.first(where: { $0.effectiveFrom > last.effectiveFrom && $0.effectiveFrom <= inForce.effectiveFrom })
        else { return nil }
        return CodeDeletion(code: code, system: system, release: next.name, effectiveFrom: next.effectiveFrom)
    }

    enum CodingKeys: String, CodingKey {
        case code, system, release
        case effectiveFrom = "effective_from"
    }
}
