import CommandSupport
import SyncEngine

/// Shows a sync's steps on the progress meter: the push against the outbox size it started
/// with, the pull as a count with its rate (the node does not say how much is left).
struct SyncProgressDisplay: Sendable {
    let meter: ProgressMeter
    /// Changes in the outbox when the sync started (a coder may add more while it runs).
    let outbox: Int

    func show(_ step: SyncProgress) {
        switch step {
        case .pushed(let count): meter.update("push", done: count, total: max(outbox, count), unit: "changes")
        case .pulled(let count): meter.update("pull", done: count, total: nil, unit: "changes")
        case .downloadingRelease(let name): meter.update("code release \(name)", done: 0, total: nil, unit: "")
        case .restamped(let count): meter.update("re-stamped", done: count, total: count, unit: "changes")
        case .siteRecovered(let count): meter.update("site recovery", done: count, total: count, unit: "changes")
        }
    }
}
