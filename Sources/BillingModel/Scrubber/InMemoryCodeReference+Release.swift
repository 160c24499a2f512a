extension InMemoryCodeReference {
    /// One release of one code system, in memory: its period and its content, indexed for
    /// lookups. An ``InMemoryCodeReference`` is built from these.
    public struct Release: Sendable {
        /// The system the release belongs to.
        public let system: CodeSystem
        /// The release name (also its id here); by default `SYSTEM-YYYY-MM-DD` of its start.
        public let name: String
        /// The first date of service the release applies to.
        public let effectiveFrom: CalendarDate
        /// The last date of service the release applies to (inclusive); `nil` when open-ended.
        public let effectiveTo: CalendarDate?
        let codes: [String: CodeEntry]
        let edits: [CodePair: [NCCIEdit]]
        let limits: [String: MUELimit]

        /// A release of a code-list system (ICD-10-CM, CPT, HCPCS, MODIFIER, POS).
        /// - Precondition: `system.hasCodeList`.
        public init(system: CodeSystem, name: String? = nil, effectiveFrom: CalendarDate, effectiveTo: CalendarDate? = nil,
                    entries: [CodeEntry]) {
            precondition(system.hasCodeList, "\(system.rawValue) releases hold edits, not code entries")
            self.system = system
            self.name = name ?? "\(system.rawValue)-\(effectiveFrom)"
            self.effectiveFrom = effectiveFrom
            self.effectiveTo = effectiveTo
            self.codes = Dictionary(entries.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
            self.edits = [:]
            self.limits = [:]
        }

        /// A release of NCCI procedure-to-procedure edits.
        public init(name: String? = nil, effectiveFrom: CalendarDate, effectiveTo: CalendarDate? = nil, ncciEdits: [NCCIEdit]) {
            self.system = .ncciPTP
            self.name = name ?? "\(CodeSystem.ncciPTP.rawValue)-\(effectiveFrom)"
            self.effectiveFrom = effectiveFrom
            self.effectiveTo = effectiveTo
            self.codes = [:]
            self.edits = Dictionary(grouping: ncciEdits, by: { CodePair(column1: $0.column1, column2: $0.column2) })
            self.limits = [:]
        }

        /// A release of MUE limits.
        public init(name: String? = nil, effectiveFrom: CalendarDate, effectiveTo: CalendarDate? = nil, mueLimits: [MUELimit]) {
            self.system = .mue
            self.name = name ?? "\(CodeSystem.mue.rawValue)-\(effectiveFrom)"
            self.effectiveFrom = effectiveFrom
            self.effectiveTo = effectiveTo
            self.codes = [:]
            self.edits = [:]
            self.limits = Dictionary(mueLimits.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        }

        /// The release's name and period.
        public var period: ReleasePeriod {
            ReleasePeriod(id: name, name: name, effectiveFrom: effectiveFrom, effectiveTo: effectiveTo)
        }

        /// Whether the release lists `code` (code-list systems).
        public func lists(_ code: String) -> Bool { codes[code] != nil }

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
