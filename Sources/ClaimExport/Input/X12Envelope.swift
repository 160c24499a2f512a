import BillingModel

/// Everything about one interchange that is not a claim: the parties, the control numbers,
/// when it was created and whether it is test data.
///
/// The caller persists the control numbers and increments them, so that they never repeat
/// between files; the writer only formats them (ISA13 nine digits zero-padded, GS06 plain,
/// ST02 at least four digits zero-padded). The creation date and time are injected.
public struct X12Envelope: Hashable, Sendable {
    /// Who sends the file (ISA06, GS02, 1000A).
    public var submitter: X12Submitter
    /// Who receives it (ISA08, GS03, 1000B).
    public var receiver: X12Receiver
    /// ISA13/IEA02, 1...999999999.
    public var interchangeControlNumber: Int
    /// GS06/GE02, 1...999999999.
    public var groupControlNumber: Int
    /// ST02/SE02 (and BHT03), 1...999999999.
    public var transactionSetControlNumber: Int
    /// ISA09 (`YYMMDD`), GS04 and BHT04 (`CCYYMMDD`).
    public var creationDate: CalendarDate
    /// ISA10, GS05 and BHT05 (`HHMM`).
    public var creationTime: X12Time
    /// ISA15: test or production.
    public var usage: X12Usage
    /// ISA14: whether a TA1 interchange acknowledgment is requested.
    public var acknowledgmentRequested: Bool

    /// Creates the settings; see the properties for what each one becomes in the file.
    public init(submitter: X12Submitter, receiver: X12Receiver, interchangeControlNumber: Int,
                groupControlNumber: Int, transactionSetControlNumber: Int, creationDate: CalendarDate,
                creationTime: X12Time, usage: X12Usage, acknowledgmentRequested: Bool = false) {
        self.submitter = submitter
        self.receiver = receiver
        self.interchangeControlNumber = interchangeControlNumber
        self.groupControlNumber = groupControlNumber
        self.transactionSetControlNumber = transactionSetControlNumber
        self.creationDate = creationDate
        self.creationTime = creationTime
        self.usage = usage
        self.acknowledgmentRequested = acknowledgmentRequested
    }

    /// The largest control number X12 allows (nine digits).
    public static let maximumControlNumber = 999_999_999
}
