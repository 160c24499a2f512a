/// Whether a store belongs to a clinic or to the central office.
public enum StoreRole: String, Codable, Sendable {
    case clinic
    case central
}

/// Who this store is: fixed when the store is created.
public struct StoreIdentity: Sendable, Equatable, Codable {
    /// Clinic or central: decides what this store may write and how it syncs.
    public var role: StoreRole
    /// The clinic id, or `central` for the central store.
    public var clinicID: String
    /// The display name given to `clinicsync init --name`; `nil` when none was given.
    public var clinicName: String?
    /// This replica's site id, the origin stamped on every change it writes.
    public var siteID: String

    /// The owner written on rows this store creates.
    public var owner: String { clinicID }
}
