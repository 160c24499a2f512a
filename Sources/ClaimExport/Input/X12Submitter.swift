/// The party sending the interchange (ISA06, GS02, loop 1000A).
public struct X12Submitter: Hashable, Sendable {
    /// Organization name for NM1*41.
    public var name: String
    /// Submitter id as the receiver assigned it: ISA06 (padded to 15), GS02 and NM109.
    public var id: String
    /// The ISA05 qualifier of ``id``; `ZZ` (mutually defined) unless the receiver says otherwise.
    public var idQualifier: String
    /// The EDI contact person or office for PER02.
    public var contactName: String
    /// The contact's telephone number, ten digits (punctuation is dropped).
    public var phone: String

    /// Creates a submitter; the qualifier defaults to `ZZ`.
    public init(name: String, id: String, idQualifier: String = "ZZ", contactName: String, phone: String) {
        self.name = name
        self.id = id
        self.idQualifier = idQualifier
        self.contactName = contactName
        self.phone = phone
    }
}
