/// Whether an interchange is test or production data (ISA15).
public enum X12Usage: String, Hashable, Sendable, CaseIterable {
    /// `T`: the receiver validates the file and does not adjudicate it.
    case test = "T"
    /// `P`: real claims for adjudication.
    case production = "P"
}
