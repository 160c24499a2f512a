/// A complete claim as it arrives in a batch — the header a coder would type with
/// ``LocalStore/newClaim(_:author:)`` and its lines as ``LocalStore/addLine(claim:_:author:)``
/// would take them — for ``LocalStore/enterClaims(_:author:)``.
public struct ClaimEntry: Sendable {
    /// Patient, payer, providers, place of service and diagnoses.
    public var claim: ClaimInput
    /// The service lines in order; each needs a code, units, a charge and a date (1–50 lines).
    public var lines: [LineInput]

    /// A claim header with its lines.
    public init(claim: ClaimInput, lines: [LineInput]) {
        self.claim = claim
        self.lines = lines
    }
}
