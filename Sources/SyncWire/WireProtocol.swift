import SyncModel

/// The names and numbers every sync request and reply agrees on (DESIGN §4): the schema
/// version header and the wire schema version, which is the table catalogue's.
public enum WireProtocol {
    /// The wire schema version this build speaks (``SyncModel/SyncCatalogue/current``'s). A
    /// central node serves clinics at this version and the one before.
    public static let schemaVersion = SyncCatalogue.current.version
    /// The header every sync request carries its schema version in.
    public static let schemaHeader = "ClinicSync-Schema-Version"
}
