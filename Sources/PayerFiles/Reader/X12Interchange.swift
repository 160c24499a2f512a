/// One X12 interchange read from a file: its envelope and the transaction sets inside.
public struct X12Interchange: Hashable, Sendable {
    /// The delimiters the header announced.
    public let delimiters: X12Delimiters
    /// ISA06, trimmed: who sent the file.
    public let senderID: String
    /// ISA08, trimmed: who it was sent to.
    public let receiverID: String
    /// ISA13, the interchange control number.
    public let controlNumber: String
    /// ISA15: `P` production, `T` test.
    public let usage: String
    /// The functional groups (GS … GE), in order.
    public let groups: [X12FunctionalGroup]
    /// Flaws tolerated while reading the envelope.
    public let warnings: [PayerFileWarning]
}

/// One functional group (GS … GE).
public struct X12FunctionalGroup: Hashable, Sendable {
    /// GS01: `HP` remittance, `FA` acknowledgment, `HN` claim status, `HC` claim.
    public let functionalID: String
    /// GS02, the application sender's code.
    public let senderCode: String
    /// GS03, the application receiver's code.
    public let receiverCode: String
    /// GS06, the group control number.
    public let controlNumber: String
    /// GS08, the version and implementation guide (`005010X221A1`).
    public let version: String
    /// The transaction sets (ST … SE), in order.
    public let transactionSets: [X12TransactionSet]
}

/// One transaction set (ST … SE): its header and the segments between ST and SE.
public struct X12TransactionSet: Hashable, Sendable {
    /// ST01: `835`, `999`, `277`.
    public let id: String
    /// ST02, the transaction set control number.
    public let controlNumber: String
    /// ST03, the implementation convention (`005010X214`), when present.
    public let conventionReference: String?
    /// The ST segment itself (for messages).
    public let header: X12ReadSegment
    /// The segments after ST and before SE.
    public let segments: [X12ReadSegment]
    /// The group's GS08 version.
    public let groupVersion: String
}

extension X12TransactionSet {
    /// Refuses the set when its group's version (GS08) is not one of `versions`.
    func requireVersion(_ versions: Set<String>, _ expected: String) throws {
        guard versions.contains(groupVersion) else {
            throw PayerFileError(.unsupported, at: header, "\(id) version \(groupVersion) (GS08) is not \(expected)")
        }
    }

    /// The set's first segment after ST, refusing the set when it is not `segmentID`.
    func opening(_ cursor: inout SegmentCursor, _ segmentID: String, _ what: String) throws -> X12ReadSegment {
        guard let segment = cursor.take(segmentID) else {
            throw PayerFileError(.malformed, segmentNumber: header.number + 1, segmentID: cursor.nextID,
                                 "\(what) (\(segmentID)) must follow ST")
        }
        return segment
    }
}
