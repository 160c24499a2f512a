/// A 999 (005010X231A1): what the receiver said about one functional group we sent.
public struct FunctionalAcknowledgment: Hashable, Sendable {
    /// AK101: the acknowledged group's functional id (`HC` for an 837).
    public let functionalID: String
    /// AK102: our group control number (GS06 of the file we sent).
    public let groupControlNumber: String
    /// AK103: the version of the acknowledged group, when given.
    public let version: String?
    /// One entry per AK2 loop: each transaction set acknowledged.
    public let transactionSets: [TransactionSetAcknowledgment]
    /// AK9: the verdict on the whole group.
    public let outcome: AcknowledgmentOutcome
    /// AK901 as sent.
    public let outcomeCode: String
    /// AK902: the number of transaction sets the group held.
    public let includedCount: Int?
    /// AK903: the number the receiver received.
    public let receivedCount: Int?
    /// AK904: the number it accepted.
    public let acceptedCount: Int?
    /// AK905–AK909: group-level errors in words.
    public let groupErrors: [String]
    /// ST02 of the 999 itself.
    public let controlNumber: String
}

/// What a 999 says about one transaction set (AK2 … IK5).
public struct TransactionSetAcknowledgment: Hashable, Sendable {
    /// AK201: `837`.
    public let transactionID: String
    /// AK202: our transaction set control number (ST02 of the set we sent).
    public let controlNumber: String
    /// IK501 read.
    public let outcome: AcknowledgmentOutcome
    /// IK501 as sent.
    public let outcomeCode: String
    /// IK3/IK4 segment errors, each in words.
    public let segmentErrors: [SegmentError]
    /// IK502–IK506 in words.
    public let setErrors: [String]
}

/// An IK3 segment error with its IK4 element errors.
public struct SegmentError: Hashable, Sendable, CustomStringConvertible {
    /// IK301: the segment id in our file.
    public let segmentID: String
    /// IK302: its position in our transaction set (ST is 1).
    public let position: Int?
    /// IK303: the loop, when given.
    public let loop: String?
    /// IK304 as sent.
    public let code: String?
    /// IK304 in words.
    public let problem: String
    /// IK4 element errors in words (`element 3 (data element 1035): required element missing`).
    /// The bad value (IK404) is never copied: it may be a patient's data.
    public let elementErrors: [String]

    /// One line: `segment NM1 at 17: segment has data element errors; element 3: …`.
    public var description: String {
        var text = "segment \(segmentID)" + (position.map { " at \($0)" } ?? "") + (loop.map { " (loop \($0))" } ?? "") + ": " + problem
        if !elementErrors.isEmpty { text += "; " + elementErrors.joined(separator: "; ") }
        return text
    }
}

/// The verdict of a 999 on a set or a group.
public enum AcknowledgmentOutcome: String, Hashable, Sendable, Codable {
    /// `A`: accepted.
    case accepted
    /// `E`: accepted, with errors noted.
    case acceptedWithErrors = "accepted_with_errors"
    /// `P` (AK9): some sets accepted, some rejected.
    case partiallyAccepted = "partially_accepted"
    /// `R`, `M`, `W`, `X`: rejected.
    case rejected

    /// The outcome for IK501 / AK901, nil for a code the 999 does not define.
    init?(code: String) {
        switch code {
        case "A": self = .accepted
        case "E": self = .acceptedWithErrors
        case "P": self = .partiallyAccepted
        case "R", "M", "W", "X": self = .rejected
        default: return nil
        }
    }
}
