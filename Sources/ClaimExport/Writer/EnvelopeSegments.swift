import BillingModel

/// The checked, formatted envelope of one interchange: ISA/GS/ST/BHT, loops 1000A and 1000B,
/// and the trailers.
struct EnvelopeSegments {
    static let implementationGuide = "005010X222A1"

    let envelope: X12Envelope
    private let submitterID: String
    private let submitterName: String
    private let contactName: String
    private let phone: String
    private let receiverID: String
    private let receiverName: String

    init(_ envelope: X12Envelope) throws {
        self.envelope = envelope
        submitterID = try Self.partyID(envelope.submitter.id, field: .submitterID)
        receiverID = try Self.partyID(envelope.receiver.id, field: .receiverID)
        try Self.checkQualifier(envelope.submitter.idQualifier, field: .submitterIDQualifier)
        try Self.checkQualifier(envelope.receiver.idQualifier, field: .receiverIDQualifier)
        submitterName = try Self.name(envelope.submitter.name, field: .submitterName)
        receiverName = try Self.name(envelope.receiver.name, field: .receiverName)
        contactName = try Self.name(envelope.submitter.contactName, field: .submitterContact)
        var digits = X12Text.digits(envelope.submitter.phone)
        if digits.count == 11, digits.hasPrefix("1") { digits.removeFirst() }
        guard digits.count == 10 else {
            throw ClaimExportError.invalidEnvelope(field: .submitterPhone, reason: "is not a ten-digit telephone number")
        }
        phone = digits
        for (number, field) in [(envelope.interchangeControlNumber, EnvelopeField.interchangeControlNumber),
                                (envelope.groupControlNumber, .groupControlNumber),
                                (envelope.transactionSetControlNumber, .transactionSetControlNumber)]
            where !(1...X12Envelope.maximumControlNumber).contains(number) {
            throw ClaimExportError.invalidEnvelope(field: field, reason: "must be between 1 and 999999999")
        }
    }

    /// ISA13/IEA02: nine digits, zero-padded.
    var interchangeControlNumber: String { Self.zeroPadded(envelope.interchangeControlNumber, width: 9) }
    /// GS06/GE02: plain digits.
    var groupControlNumber: String { String(envelope.groupControlNumber) }
    /// ST02/SE02: at least four digits, zero-padded.
    var transactionSetControlNumber: String { Self.zeroPadded(envelope.transactionSetControlNumber, width: 4) }

    /// The fixed-width ISA segment (105 characters before its terminator).
    var interchangeHeader: String {
        let date = envelope.creationDate
        let shortDate = Self.zeroPadded(date.year % 100, width: 2) + Self.zeroPadded(date.month, width: 2)
            + Self.zeroPadded(date.day, width: 2)
        return [
            "ISA", "00", Self.padded("", 10), "00", Self.padded("", 10),
            envelope.submitter.idQualifier, Self.padded(submitterID, 15),
            envelope.receiver.idQualifier, Self.padded(receiverID, 15),
            shortDate, envelope.creationTime.hhmm, X12Segment.repetitionSeparator, "00501",
            interchangeControlNumber, envelope.acknowledgmentRequested ? "1" : "0", envelope.usage.rawValue,
            X12Segment.componentSeparator,
        ].joined(separator: X12Segment.elementSeparator)
    }

    /// GS through 1000B, in order.
    var headerSegments: (group: X12Segment, transaction: [X12Segment]) {
        let date = envelope.creationDate.compactString
        let time = envelope.creationTime.hhmm
        let group = X12Segment("GS", "HC", submitterID, receiverID, date, time, groupControlNumber, "X", Self.implementationGuide)
        return (group, [
            X12Segment("ST", "837", transactionSetControlNumber, Self.implementationGuide),
            X12Segment("BHT", "0019", "00", transactionSetControlNumber, date, time, "CH"),
            X12Segment("NM1", "41", "2", submitterName, "", "", "", "", "46", submitterID),
            X12Segment("PER", "IC", contactName, "TE", phone),
            X12Segment("NM1", "40", "2", receiverName, "", "", "", "", "46", receiverID),
        ])
    }

    /// SE for a transaction set of `segmentCount` segments (ST and SE included), GE and IEA.
    func trailers(segmentCount: Int) -> [X12Segment] {
        [
            X12Segment("SE", String(segmentCount), transactionSetControlNumber),
            X12Segment("GE", "1", groupControlNumber),
            X12Segment("IEA", "1", interchangeControlNumber),
        ]
    }

    private static func partyID(_ raw: String, field: EnvelopeField) throws -> String {
        switch X12Text.identifier(raw, maxLength: 15) {
        case let .success(id) where id.count >= 2: return id
        case .success: throw ClaimExportError.invalidEnvelope(field: field, reason: "is shorter than 2 characters")
        case .failure(.missing): throw ClaimExportError.invalidEnvelope(field: field, reason: "is empty")
        case let .failure(.invalid(reason)): throw ClaimExportError.invalidEnvelope(field: field, reason: reason)
        }
    }

    private static func checkQualifier(_ raw: String, field: EnvelopeField) throws {
        guard raw.count == 2, raw.allSatisfy(X12Text.isUpperLetterOrDigit) else {
            throw ClaimExportError.invalidEnvelope(field: field, reason: "is not a two-character ID qualifier")
        }
    }

    private static func name(_ raw: String, field: EnvelopeField) throws -> String {
        let value = X12Text.freeText(raw, maxLength: 60)
        guard !value.isEmpty else { throw ClaimExportError.invalidEnvelope(field: field, reason: "is empty") }
        return value
    }

    private static func padded(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }

    private static func zeroPadded(_ value: Int, width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
