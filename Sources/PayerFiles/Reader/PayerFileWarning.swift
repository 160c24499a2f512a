/// A flaw the reader tolerated because it cannot change the money or the outcome (an impossible
/// check date, a group time out of range, an interchange trailer whose control number differs):
/// said, so the office sees what was accepted as it was.
public struct PayerFileWarning: Hashable, Sendable, CustomStringConvertible {
    /// The 1-based position of the segment in the file.
    public let segmentNumber: Int
    /// The segment's id.
    public let segmentID: String
    /// What was tolerated, in words.
    public let detail: String

    /// A warning about one segment.
    public init(at segment: X12ReadSegment, _ detail: String) {
        self.segmentNumber = segment.number
        self.segmentID = segment.id
        self.detail = detail
    }

    /// `segment 4 (BPR): …`.
    public var description: String {
        X12Location.prefix(number: segmentNumber, id: segmentID) + detail
    }
}
