/// An envelope setting, named for error messages.
public enum EnvelopeField: String, Hashable, Sendable, CustomStringConvertible {
    /// Submitter name (1000A NM103).
    case submitterName = "submitter name (1000A NM103)"
    /// Submitter id (ISA06/GS02).
    case submitterID = "submitter id (ISA06/GS02)"
    /// Submitter id qualifier (ISA05).
    case submitterIDQualifier = "submitter id qualifier (ISA05)"
    /// Submitter contact name (PER02).
    case submitterContact = "submitter contact name (PER02)"
    /// Submitter phone (PER04).
    case submitterPhone = "submitter phone (PER04)"
    /// Receiver name (1000B NM103).
    case receiverName = "receiver name (1000B NM103)"
    /// Receiver id (ISA08/GS03).
    case receiverID = "receiver id (ISA08/GS03)"
    /// Receiver id qualifier (ISA07).
    case receiverIDQualifier = "receiver id qualifier (ISA07)"
    /// Interchange control number (ISA13).
    case interchangeControlNumber = "interchange control number (ISA13)"
    /// Group control number (GS06).
    case groupControlNumber = "group control number (GS06)"
    /// Transaction set control number (ST02).
    case transactionSetControlNumber = "transaction set control number (ST02)"

    /// The setting as error messages name it.
    public var description: String { rawValue }
}
