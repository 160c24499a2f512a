import BillingModel

/// What changed from one release of a code system to another (`codes diff`): codes added,
/// codes deleted, and codes whose description or billable flag changed.
public struct CodeDiff: Codable, Sendable, Equatable {
    /// A code as one release lists it.
    public struct Code: Codable, Sendable, Equatable {
        /// Stored form, without dots.
        public var code: String
        /// Display form: ICD-10-CM with its dot.
        public var display: String
        /// The long description.
        public var description: String
        /// Whether the code may go on a claim.
        public var billable: Bool
    }

    /// A code both releases list, described or flagged differently.
    public struct Change: Codable, Sendable, Equatable {
        /// Stored form, without dots.
        public var code: String
        /// Display form: ICD-10-CM with its dot.
        public var display: String
        /// The description in the `from` release.
        public var oldDescription: String
        /// The description in the `to` release.
        public var newDescription: String
        /// Billable in the `from` release.
        public var oldBillable: Bool
        /// Billable in the `to` release.
        public var newBillable: Bool

        /// Whether the description changed (the billable flag may have changed instead, or too).
        public var redescribed: Bool { oldDescription != newDescription }

        enum CodingKeys: String, CodingKey {
            case code, display
            case oldDescription = "old_description", newDescription = "new_description"
            case oldBillable = "old_billable", newBillable = "new_billable"
        }
    }

    /// The code system of both releases.
    public var system: CodeSystem
    /// The release compared from.
    public var from: CodeRelease
    /// The release compared to.
    public var to: CodeRelease
    /// Codes `to` lists and `from` does not, by code.
    public var added: [Code]
    /// Codes `from` lists and `to` does not, by code.
    public var deleted: [Code]
    /// Codes both list with a different description or billable flag, by code.
    public var changed: [Change]
    /// How long the comparison took in the store, in milliseconds of wall-clock time.
    public var elapsedMilliseconds: Double
    /// The CPU time the comparison used, in milliseconds (on a busy machine, less than the wall time).
    public var cpuMilliseconds: Double

    enum CodingKeys: String, CodingKey {
        case system, from, to, added, deleted, changed
        case elapsedMilliseconds = "elapsed_ms", cpuMilliseconds = "cpu_ms"
    }
}
