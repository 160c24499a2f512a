import Foundation
import GRDB

/// `clinicsync restore FILE`: puts a backup in place of a store, safely (issue 28).
///
/// Everything is checked before anything changes: the backup must be a sound ClinicSync store
/// (`PRAGMA integrity_check`), and a store already in place is replaced only when it is the
/// same clinic's and not newer than the backup, unless forced. The store replaced is kept aside
/// as a consistent copy; the restored clinic store is marked, so its next sync checks its site
/// against the central node first (``LocalStore/markRestored()``).
public struct StoreRestore: Sendable {
    /// What a restore did.
    public struct Outcome: Codable, Sendable, Equatable {
        /// The store now in place.
        public var store: String
        /// Where the store it replaced was kept, or `nil` when there was none.
        public var keptAside: String?
        /// The restored store's site.
        public var site: String

        enum CodingKeys: String, CodingKey { case store, keptAside = "kept_aside", site }
    }

    /// Why a restore was refused; nothing was changed.
    public struct Refusal: Error, CustomStringConvertible, Sendable, Equatable {
        /// One line for people.
        public var description: String
    }

    /// The backup file.
    public var backup: String
    /// The store path it goes to.
    public var target: String
    /// Replace a newer store, or another clinic's, anyway (it is still kept aside).
    public var force: Bool
    /// The clock behind the aside file's name and the restore mark.
    public var clock: any StoreClock

    /// A restore of `backup` to `target`.
    public init(backup: String, target: String, force: Bool, clock: any StoreClock = SystemClock()) {
        self.backup = backup
        self.target = target
        self.force = force
        self.clock = clock
    }

    /// Checks, keeps the old store aside, and puts the backup in place.
    public func run() throws -> Outcome {
        let files = FileManager.default
        guard files.fileExists(atPath: backup) else { throw Refusal(description: "there is no backup at \(backup)") }
        let staging = target + ".restoring"
        try? removeStore(at: staging)
        do {
            try files.copyItem(atPath: backup, toPath: staging)
            chmod(staging, 0o600)
            if files.fileExists(atPath: backup + "-wal") { try files.copyItem(atPath: backup + "-wal", toPath: staging + "-wal") }
        } catch {
            try? removeStore(at: staging)
            throw Refusal(description: "cannot copy \(backup) next to \(target): \(error.localizedDescription)")
        }
        do {
            let site = try prepare(staging: staging)
            for suffix in ["-wal", "-shm"] where files.fileExists(atPath: staging + suffix) {
                try files.removeItem(atPath: staging + suffix)
            }
            let aside = try keepAside()
            try removeStore(at: target)
            try files.moveItem(atPath: staging, toPath: target)
            return Outcome(store: target, keptAside: aside, site: site)
        } catch {
            try? removeStore(at: staging)
            throw error
        }
    }

    /// Checks the staged copy against the store in place and marks it; returns its site.
    private func prepare(staging: String) throws -> String {
        let restored: LocalStore
        do {
            restored = try LocalStore.open(at: staging, clock: clock)
        } catch {
            throw Refusal(description: "\(backup) is not a ClinicSync store that opens: \(error)")
        }
        let integrity = try restored.integrityCheck()
        guard integrity == "ok" else { throw Refusal(description: "\(backup) is damaged: \(integrity)") }
        if FileManager.default.fileExists(atPath: target), !force {
            guard let current = try? LocalStore.open(at: target, clock: clock) else {
                throw Refusal(description: "\(target) is not a ClinicSync store; restore --force replaces it (it is kept aside)")
            }
            guard current.identity.clinicID == restored.identity.clinicID, current.identity.role == restored.identity.role else {
                throw Refusal(description: "\(target) belongs to \(current.identity.clinicID), the backup to "
                              + "\(restored.identity.clinicID); restore --force replaces it (it is kept aside)")
            }
            let now = try current.lastWrittenMillis(), then = try restored.lastWrittenMillis()
            guard now <= then else {
                throw Refusal(description: "\(target) is newer than the backup (last written \(Self.timestamp(now)), the backup "
                              + "\(Self.timestamp(then))); restore --force replaces it (it is kept aside)")
            }
        }
        if restored.identity.role == .clinic { try restored.markRestored() }
        try restored.checkpoint()
        return restored.identity.siteID
    }

    /// A consistent copy of the store in place, next to it; `nil` when there is none.
    private func keepAside() throws -> String? {
        guard FileManager.default.fileExists(atPath: target) else { return nil }
        let stamp = Self.timestamp(clock.nowMillis()).filter { $0.isNumber }
        var aside = "\(target).before-restore-\(stamp)"
        var suffix = 1
        while FileManager.default.fileExists(atPath: aside) {
            suffix += 1
            aside = "\(target).before-restore-\(stamp)-\(suffix)"
        }
        if let current = try? LocalStore.open(at: target, clock: clock) {
            try current.backup(to: aside)
        } else {
            try FileManager.default.copyItem(atPath: target, toPath: aside)
            chmod(aside, 0o600)
        }
        return aside
    }

    /// Removes a store file and its WAL and shared-memory files.
    private func removeStore(at path: String) throws {
        for suffix in ["-wal", "-shm", ""] where FileManager.default.fileExists(atPath: path + suffix) {
            try FileManager.default.removeItem(atPath: path + suffix)
        }
    }

    private static func timestamp(_ millis: Int64) -> String {
        ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: Double(millis) / 1000))
    }
}
