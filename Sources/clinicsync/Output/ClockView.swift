import ClinicStore
import Foundation
import SyncModel

/// What `status` says about the clock (issue 27), from the store alone (it does not call the
/// central node): the difference the last sync measured, and whether this store's hybrid clock
/// is far ahead of this machine's clock now (changes stamped by a clock that ran ahead).
struct ClockView: Encodable {
    /// The difference between this machine's clock and the central node's at the last sync.
    var lastSync: ClockDifference?
    /// How far the store's hybrid clock is ahead of this machine's clock, when beyond the limit.
    var stampsAheadMillis: Int64?

    init(store: LocalStore) throws {
        lastSync = try store.lastClockDifference()
        stampsAheadMillis = try store.hybridClockAhead()
    }

    /// The warnings to print, one line each.
    var warnings: [String] {
        var lines: [String] = []
        if let warning = lastSync?.warning { lines.append("at the last sync, \(warning)") }
        if let ahead = stampsAheadMillis {
            lines.append("changes here were stamped up to \(ClockDifference.text(millis: ahead)) "
                + "ahead of this machine's clock (it ran ahead and was put right); the next `clinicsync sync` re-stamps "
                + "the unsynced ones from the central node's clock")
        }
        return lines
    }

    /// One line for the status table.
    var summary: String {
        guard let lastSync else { return "not compared with the central node yet (it is at each sync)" }
        return "\(lastSync.direction == .inStep ? "in step" : lastSync.direction.rawValue) at the last sync "
            + "(\(lastSync.offsetMillis >= 0 ? "+" : "-")\(lastSync.sizeText))"
    }

    private enum CodingKeys: String, CodingKey { case lastSync = "last_sync", stampsAheadMillis = "stamps_ahead_millis" }
}
