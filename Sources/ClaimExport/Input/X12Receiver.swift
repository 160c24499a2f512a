/// The party receiving the interchange, usually a clearinghouse (ISA08, GS03, loop 1000B).
public struct X12Receiver: Hashable, Sendable {
    /// Organization name for NM1*40.
    public var name: String
    /// Receiver id: ISA08 (padded to 15), GS03 and NM109.
    public var id: String
    /// The ISA07 qualifier of ``id``; `ZZ` unless the receiver says otherwise.
    public var idQualifier: String

    /// Creates a receiver; the qualifier defaults to `ZZ`.
    public init(name: String, id: String, idQualifier: String = "ZZ") {
        self.name = name
        self.id = id
        self.idQualifier = idQualifier
    }
}
