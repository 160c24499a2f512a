/// Why a payer file (835, 999, 277CA) was refused: the segment, its number and what is wrong.
///
/// Reads as one line, `segment 14 (CLP): …`, or `file: …` when no segment can be named (an
/// empty file, text that is not X12). Messages carry ids, codes, control numbers and amounts,
/// never patient names, birth dates or member ids.
public struct PayerFileError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What kind of problem this is, for callers that act on it.
    public enum Kind: String, Hashable, Sendable {
        /// Not an X12 interchange at all (no ISA header, garbage).
        case notX12
        /// The file ends before its envelope closes (a missing SE, GE or IEA).
        case truncated
        /// Envelope counts or control numbers disagree.
        case envelope
        /// A version or transaction this reader does not read.
        case unsupported
        /// A segment or element that cannot be read as the guide requires.
        case malformed
        /// Money that does not add up.
        case unbalanced
    }

    /// What kind of problem.
    public let kind: Kind
    /// The 1-based position of the segment in the file (ISA is 1), when one is named.
    public let segmentNumber: Int?
    /// The segment's id (`CLP`), when one is named.
    public let segmentID: String?
    /// What is wrong, in words.
    public let detail: String

    /// An error about one segment.
    public init(_ kind: Kind, at segment: X12ReadSegment, _ detail: String) {
        self.kind = kind
        self.segmentNumber = segment.number
        self.segmentID = segment.id
        self.detail = detail
    }

    /// An error about a segment known by number and id.
    public init(_ kind: Kind, segmentNumber: Int?, segmentID: String?, _ detail: String) {
        self.kind = kind
        self.segmentNumber = segmentNumber
        self.segmentID = segmentID
        self.detail = detail
    }

    /// `segment 14 (CLP): …` or `file: …`.
    public var description: String {
        X12Location.prefix(number: segmentNumber, id: segmentID) + detail
    }
}

/// How messages about payer files name a place.
enum X12Location {
    /// `segment 14 (CLP): `, `segment 14: `, or `file: `.
    static func prefix(number: Int?, id: String?) -> String {
        switch (number, id) {
        case let (number?, id?): return "segment \(number) (\(id)): "
        case let (number?, nil): return "segment \(number): "
        case let (nil, id?): return "\(id): "
        case (nil, nil): return "file: "
        }
    }
}
