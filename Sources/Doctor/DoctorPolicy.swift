import SyncModel

/// The thresholds of `clinicsync doctor`'s checks, in one place (defaults in the README).
public struct DoctorPolicy: Sendable, Equatable {
    /// The central node's clock-skew limit: a clock further off than this cannot sync.
    public var skewLimitMillis = HybridLogicalClock.defaultSkewLimitMillis
    /// Free space under which the disk check warns, and fails.
    public var diskWarnBytes: Int64 = 500 << 20, diskFailBytes: Int64 = 50 << 20
    /// Age of the oldest unsynced change at which the outbox check warns, and fails.
    public var outboxWarnMillis: Int64 = 24 * DoctorPolicy.hour, outboxFailMillis: Int64 = 7 * 24 * DoctorPolicy.hour
    /// Age of the last sync at which the last-sync check warns.
    public var lastSyncWarnMillis: Int64 = 3 * 24 * DoctorPolicy.hour
    /// Age of the oldest open conflict at which the conflicts check fails (any open one warns).
    public var conflictFailMillis: Int64 = 30 * 24 * DoctorPolicy.hour

    /// One hour in milliseconds.
    public static let hour: Int64 = 3_600_000

    /// The defaults.
    public init() {}
}
