extension InMemoryCodeReference {
    /// One release of one code system, in memory: its period and its content, indexed for
    /// lookups. An ``InMemoryCodeReference`` is built from these.
    public struct Release: Sendable {
        /// The system the release belongs to.
        public let system: CodeSystem
        /// The first date of service the release applies to.
        public let effectiveFrom: CalendarDate
        /// The last date of service the release applies to (inclusive); `nil` when open-ended.
        public let effectiveTo: CalendarDate?
        let codes: [String: CodeEntry]
        let edits: [CodePair: [NCCIEdit]]
        let limits: [String: MUELimit]

        /// A release of a code-list system (ICD-10-CM, CPT, HCPCS, MODIFIER, POS).
        /// - Precondition: `system.hasCodeList`.
        public init(system: CodeSystem, effectiveFrom: CalendarDate, effectiveTo: CalendarDate? = nil,
                    entries: [CodeEntry]) {
            precondition(system.hasCodeList, "\(system.rawValue) releases hold edits, not code entries")
            self.system = system
            self.effectiveFrom = effectiveFrom
            self.effectiveTo = effectiveTo
            self.codes = Dictionary(entries.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
            self.edits = [:]
            self.limits = [:]
        }

        /// A release of NCCI procedure-to-procedure edits.
        public init(effectiveFrom: CalendarDate, effectiveTo: CalendarDate? = nil, ncciEdits: [NCCIEdit]) {
            self.system = .ncciPTP
            self.effectiveFrom = effectiveFrom
            self.effectiveTo = effectiveTo
            self.codes = [:]
            self.edits = Dictionary(grouping: ncciEdits, by: { CodePair(column1: $0.column1, column2: $0.column2) })
            self.limits = [:]
        }

        /// A release of MUE limits.
        public init(effectiveFrom: CalendarDate, effectiveTo: CalendarDate? = nil, mueLimits: [MUELimit]) {
            self.system = .mue
            self.effectiveFrom = effectiveFrom
            self.effectiveTo = effectiveTo
            self.codes = [:]
            self.edits = [:]
            self.limits = Dictionary(mueLimits.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        }

        /// Whether the release applies to services on `date`.
        public func covers(_ date: CalendarDate) -> Bool {
            effectiveFrom <= date && effectiveTo.map { date <= $0 } ?? true
        }

        /// An ordered pair of procedure codes, the key of NCCI edits.
        struct CodePair: Hashable, Sendable {
            var column1: String
            var column2: String
        }
    }
}
