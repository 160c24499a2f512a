import BillingModel
import ClaimExport

/// One 837P file written by ``LocalStore/exportX12(_:author:)``.
public struct X12Export: Sendable {
    /// The interchange text, ready to save or send.
    public var text: String
    /// The exported claims, in file order.
    public var claims: [Claim]
    /// The envelope the file carries: parties, control numbers, creation moment.
    public var envelope: X12Envelope

    /// The control numbers this file used.
    public var controlNumbers: ControlNumbers {
        ControlNumbers(interchange: envelope.interchangeControlNumber, group: envelope.groupControlNumber,
                       transactionSet: envelope.transactionSetControlNumber)
    }
}
