/// An envelope setting, named for error messages.
public enum EnvelopeField: String, Hashable, Sendable, CustomStringConvertible {
    case submitterName = "submitter name (1000A NM103)"
    case submitterID = "submitter id (ISA06/GS02)"
    case submitterIDQualifier = "submitter id qualifier (ISA05)"
    case submitterContact = "submitter contact name (PER02)"
    case submitterPhone = "submitter phone (PER04)"
    case receiverName = "receiver name (1000B NM103)"
    case receiverID = "receiver id (ISA08/GS03)"
    case receiverIDQualifier = "receiver id qualifier (ISA07)"
    case interchangeControlNumber = "interchange control number (ISA13)"
    case groupControlNumber = "group control number (GS06)"
    case transactionSetControlNumber = "transaction set control number (ST02)"

    public var description: String { rawValue }
}
