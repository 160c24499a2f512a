import BillingModel

/// Writes claims as one X12 837P 005010X222A1 interchange.
///
/// The file holds one ISA/GS/ST envelope with the submitter (1000A) and receiver (1000B),
/// then the claims in an HL tree: one 2000A per distinct billing provider, under it one
/// 2000B per subscriber and payer, and for dependents a 2000C per patient (see
/// ``X12ClaimBundle``). Delimiters are `*` (element), `:` (component), `^` (repetition)
/// and `~` (segment), with a line break after each `~` unless turned off.
///
/// Writing is a pure function of its input: the date, time and control numbers come from
/// the ``X12Envelope``. Every claim is checked first; the first problem (in input order)
/// is thrown as a ``ClaimExportError`` naming the claim number and field.
public struct Claim837PWriter: Sendable {
    /// Claims one transaction set may carry (the implementation guide's recommended limit).
    public static let maximumClaims = 5000

    /// Whether a line break follows each segment terminator (easier to read; receivers
    /// that want one long line can turn it off).
    public var lineBreakAfterSegment: Bool

    /// Creates a writer; by default each segment ends its own line.
    public init(lineBreakAfterSegment: Bool = true) {
        self.lineBreakAfterSegment = lineBreakAfterSegment
    }

    /// The 837P interchange for `claims`, as text.
    ///
    /// - Throws: ``ClaimExportError`` when there are no claims, too many, the envelope
    ///   settings are unusable, or a claim lacks data the 837P requires.
    public func write(_ claims: [X12ClaimBundle], envelope: X12Envelope) throws -> String {
        guard !claims.isEmpty else { throw ClaimExportError.noClaims }
        guard claims.count <= Self.maximumClaims else {
            throw ClaimExportError.tooManyClaims(count: claims.count, limit: Self.maximumClaims)
        }
        let envelopeSegments = try EnvelopeSegments(envelope)
        let hierarchy = ClaimHierarchy(try claims.map(ClaimSections.init))

        let header = envelopeSegments.headerSegments
        let transaction = header.transaction + hierarchy.segments()
        let trailers = envelopeSegments.trailers(segmentCount: transaction.count + 1)
        let lines = [envelopeSegments.interchangeHeader, header.group.text]
            + transaction.map(\.text) + trailers.map(\.text)
        let terminator = X12Segment.terminator + (lineBreakAfterSegment ? "\n" : "")
        return lines.map { $0 + terminator }.joined()
    }
}
