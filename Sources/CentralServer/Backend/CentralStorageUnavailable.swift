/// The central node's storage cannot serve now (a database down, restarting or overloaded):
/// answered as 503 `unavailable`, which tells the clinic to sync again later.
///
/// A push that fails this way may or may not have been committed; either way, sending it
/// again is safe, because a replayed batch changes nothing.
public struct CentralStorageUnavailable: Error, Hashable, Sendable, CustomStringConvertible {
    /// What failed, for the operator's log (never SQL values, patient data or tokens).
    public var reason: String

    /// An outage with its reason.
    public init(reason: String) { self.reason = reason }

    /// `the central database is unavailable: REASON`.
    public var description: String { "the central database is unavailable: \(reason)" }
}
