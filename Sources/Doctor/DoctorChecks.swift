/// The checks of `clinicsync doctor`: pure functions of ``DoctorFacts`` and ``DoctorPolicy``,
/// each returning one ``HealthCheck`` with one line of advice when it is not ok.
public enum DoctorChecks {
    /// Every check that applies to the store the facts describe, in the order they print.
    public static func all(_ facts: DoctorFacts, policy: DoctorPolicy = DoctorPolicy()) -> [HealthCheck] {
        if let error = facts.openError {
            return [HealthCheck(id: "store", result: .fail, area: .store, summary: "cannot open the store: \(error)",
                                advice: "check the path (--store or $CLINICSYNC_STORE); restore the file from a backup if it is damaged")]
        }
        var checks = [integrity(facts), schema(facts), disk(facts, policy), fileMode(facts)]
        guard facts.role == "clinic" else { return checks + [conflicts(facts, policy)] }
        checks += remote(facts)
        checks += [clock(facts, policy), outbox(facts, policy), lastSync(facts, policy), refused(facts), site(facts),
                   conflicts(facts, policy)]
        return checks
    }

    /// `PRAGMA quick_check`: `ok` or the first problem SQLite names.
    public static func integrity(_ facts: DoctorFacts) -> HealthCheck {
        guard facts.quickCheck == ["ok"] else {
            let problem = facts.quickCheck.first ?? "no answer"
            return HealthCheck(id: "integrity", result: .fail, area: .store,
                               summary: "quick_check found \(facts.quickCheck.count) problem(s): \(problem)",
                               advice: "stop using this store; restore it from a backup, or sync a fresh store from the central node")
        }
        return HealthCheck(id: "integrity", result: .ok, area: .store, summary: "quick_check: ok")
    }

    /// The store's migrations against this build's.
    public static func schema(_ facts: DoctorFacts) -> HealthCheck {
        let unknown = facts.appliedMigrations.filter { !facts.knownMigrations.contains($0) }
        if !unknown.isEmpty {
            return HealthCheck(id: "schema", result: .fail, area: .store,
                               summary: "written by a newer ClinicSync (migrations \(unknown.joined(separator: ", ")))",
                               advice: "upgrade clinicsync on this machine")
        }
        let missing = facts.knownMigrations.filter { !facts.appliedMigrations.contains($0) }
        if !missing.isEmpty {
            return HealthCheck(id: "schema", result: .fail, area: .store,
                               summary: "migrations \(missing.joined(separator: ", ")) not applied",
                               advice: "open the store with any clinicsync command to migrate it, with a backup at hand")
        }
        return HealthCheck(id: "schema", result: .ok, area: .store,
                           summary: "current (migrations \(facts.appliedMigrations.joined(separator: ", ")))")
    }

    /// Free space on the store's file system.
    public static func disk(_ facts: DoctorFacts, _ policy: DoctorPolicy) -> HealthCheck {
        guard let free = facts.freeDiskBytes else {
            return HealthCheck(id: "disk", result: .skipped, area: .store, summary: "free space unknown")
        }
        let summary = "\(Self.bytes(free)) free"
        if free < policy.diskFailBytes {
            return HealthCheck(id: "disk", result: .fail, area: .store, summary: summary,
                               advice: "free space now: writes and syncs fail on a full disk")
        }
        if free < policy.diskWarnBytes {
            return HealthCheck(id: "disk", result: .warn, area: .store, summary: summary,
                               advice: "free some space before the disk fills (imports and syncs need room)")
        }
        return HealthCheck(id: "disk", result: .ok, area: .store, summary: summary)
    }

    /// The store file readable by its owner only (it holds PHI and the clinic's token).
    public static func fileMode(_ facts: DoctorFacts) -> HealthCheck {
        guard let mode = facts.fileMode else {
            return HealthCheck(id: "file_mode", result: .skipped, area: .store, summary: "file mode unknown")
        }
        let octal = "0" + String(mode & 0o777, radix: 8)
        let advice = "chmod 600 \(facts.path)"
        if mode & 0o002 != 0 {
            return HealthCheck(id: "file_mode", result: .fail, area: .store, summary: "\(octal): anyone may write the store",
                               advice: advice)
        }
        if mode & 0o077 != 0 {
            return HealthCheck(id: "file_mode", result: .warn, area: .store,
                               summary: "\(octal): other users may read the store (PHI, the clinic's token)", advice: advice)
        }
        return HealthCheck(id: "file_mode", result: .ok, area: .store, summary: "\(octal): owner only")
    }

    /// The central node reachable, and this clinic's token accepted.
    public static func remote(_ facts: DoctorFacts) -> [HealthCheck] {
        let server = facts.serverURL ?? "the central node"
        switch facts.remote ?? .notConfigured {
        case .notConfigured:
            return [HealthCheck(id: "remote", result: .warn, area: .network, summary: "no central node configured",
                                advice: "clinicsync remote set --server URL --token TOKEN (unless this office never syncs)"),
                    HealthCheck(id: "token", result: .skipped, area: .sync, summary: "no token to check")]
        case .accepted:
            return [HealthCheck(id: "remote", result: .ok, area: .network, summary: "\(server) answers"),
                    HealthCheck(id: "token", result: .ok, area: .sync, summary: "accepted")]
        case .unreachable(let detail):
            return [HealthCheck(id: "remote", result: .fail, area: .network, summary: "cannot reach \(server): \(detail)",
                                advice: "check the network and the address (clinicsync remote set); work stays safe locally"),
                    HealthCheck(id: "token", result: .skipped, area: .sync, summary: "not checked: no answer")]
        case .unavailable(let status, let message):
            return [HealthCheck(id: "remote", result: .fail, area: .network,
                                summary: "\(server) is unavailable (HTTP \(status)): \(message)",
                                advice: "the central office's node or database is down; sync again later"),
                    HealthCheck(id: "token", result: .skipped, area: .sync, summary: "not checked: node unavailable")]
        case .refused(let status, let code, let message):
            let advice = status == 401 || status == 403
                ? "ask the central office for a new token (admin enroll), then clinicsync remote set --token TOKEN"
                : "read the message; an upgrade of this program or of the central node may be needed"
            return [HealthCheck(id: "remote", result: .ok, area: .network, summary: "\(server) answers"),
                    HealthCheck(id: "token", result: .fail, area: .sync,
                                summary: "refused (HTTP \(status), \(code)): \(message)", advice: advice)]
        }
    }

    /// This machine's clock against the central node's, in either direction.
    public static func clock(_ facts: DoctorFacts, _ policy: DoctorPolicy) -> HealthCheck {
        guard case .accepted(let difference) = facts.remote else {
            let why: String
            if case .refused = facts.remote { why = "the central node refused the request" } else { why = "no answer from the central node" }
            return HealthCheck(id: "clock", result: .skipped, area: .sync, summary: "not checked: \(why)")
        }
        let size = difference.magnitude
        let summary = size < 1_000 ? "within a second of the central node"
            : "\(duration(Int64(size))) \(difference > 0 ? "ahead of" : "behind") the central node"
        let limit = "(limit \(duration(policy.skewLimitMillis)))"
        if size > policy.skewLimitMillis {
            return HealthCheck(id: "clock", result: .fail, area: .sync, summary: "\(summary) \(limit)",
                               advice: difference > 0 ? "set this machine's clock right (NTP); changes stamped ahead are refused"
                                   : "set this machine's clock right (NTP); edits made behind lose to older ones")
        }
        if size > policy.skewLimitMillis / 2 {
            return HealthCheck(id: "clock", result: .warn, area: .sync, summary: "\(summary) \(limit)",
                               advice: "turn on time synchronisation (NTP) before the difference reaches the limit")
        }
        return HealthCheck(id: "clock", result: .ok, area: .sync, summary: summary)
    }

    /// Local changes waiting to be pushed, and how long the oldest has waited.
    public static func outbox(_ facts: DoctorFacts, _ policy: DoctorPolicy) -> HealthCheck {
        guard facts.outboxCount > 0 else { return HealthCheck(id: "outbox", result: .ok, area: .sync, summary: "empty") }
        let age = max(facts.nowMillis - (facts.outboxOldestMillis ?? facts.nowMillis), 0)
        let summary = "\(facts.outboxCount) change(s) waiting, oldest \(duration(age)) old"
        if age >= policy.outboxFailMillis {
            return HealthCheck(id: "outbox", result: .fail, area: .sync, summary: summary,
                               advice: "run clinicsync sync; the central office has not seen this work for days")
        }
        if age >= policy.outboxWarnMillis {
            return HealthCheck(id: "outbox", result: .warn, area: .sync, summary: summary, advice: "run clinicsync sync")
        }
        return HealthCheck(id: "outbox", result: .ok, area: .sync, summary: summary)
    }

    /// When this clinic last finished a sync.
    public static func lastSync(_ facts: DoctorFacts, _ policy: DoctorPolicy) -> HealthCheck {
        guard let last = facts.lastSyncMillis else {
            return HealthCheck(id: "last_sync", result: .warn, area: .sync, summary: "never", advice: "run clinicsync sync")
        }
        let age = max(facts.nowMillis - last, 0)
        if age >= policy.lastSyncWarnMillis {
            return HealthCheck(id: "last_sync", result: .warn, area: .sync, summary: "\(duration(age)) ago",
                               advice: "run clinicsync sync, or schedule it")
        }
        return HealthCheck(id: "last_sync", result: .ok, area: .sync, summary: "\(duration(age)) ago")
    }

    /// Whether this store's site is known to be its own (issue 28): a store `restore` put in place
    /// is checked against the central node at its next sync; the last recovery a sync made is shown.
    public static func site(_ facts: DoctorFacts) -> HealthCheck {
        if let restored = facts.restoredAtMillis {
            return HealthCheck(id: "site", result: .warn, area: .sync,
                               summary: "restored from a backup \(duration(max(facts.nowMillis - restored, 0))) ago, not synced since",
                               advice: "run clinicsync sync: it checks the site against the central node before pushing")
        }
        guard let recovery = facts.lastRecovery else { return HealthCheck(id: "site", result: .ok, area: .sync, summary: "in step") }
        let when = facts.lastRecoveryMillis.map { "\(duration(max(facts.nowMillis - $0, 0))) ago" } ?? "once"
        return HealthCheck(id: "site", result: .ok, area: .sync, summary: "last recovery \(when): \(recovery)")
    }

    /// Changes the central node refused (kept here with their reasons).
    public static func refused(_ facts: DoctorFacts) -> HealthCheck {
        guard facts.refusedChanges > 0 else { return HealthCheck(id: "refused", result: .ok, area: .sync, summary: "none") }
        return HealthCheck(id: "refused", result: .warn, area: .sync, summary: "\(facts.refusedChanges) change(s) refused",
                           advice: "clinicsync status --refused shows each one and why")
    }

    /// Open conflicts and the age of the oldest.
    public static func conflicts(_ facts: DoctorFacts, _ policy: DoctorPolicy) -> HealthCheck {
        conflicts(open: facts.openConflicts, oldestMillis: facts.oldestConflictMillis, now: facts.nowMillis, policy: policy)
    }

    /// `open` conflicts, the oldest recorded at `oldestMillis`, as of `now`.
    public static func conflicts(open: Int, oldestMillis: Int64?, now: Int64, policy: DoctorPolicy) -> HealthCheck {
        guard open > 0 else { return HealthCheck(id: "conflicts", result: .ok, area: .sync, summary: "none open") }
        let age = max(now - (oldestMillis ?? now), 0)
        let summary = "\(open) open, oldest \(duration(age)) old"
        return HealthCheck(id: "conflicts", result: age >= policy.conflictFailMillis ? .fail : .warn, area: .sync,
                           summary: summary, advice: "clinicsync conflicts list, then conflicts resolve ID")
    }

    /// `3 d 4 h`, `12 min`, `40 s`: the two largest units.
    public static func duration(_ millis: Int64) -> String {
        let seconds = max(millis, 0) / 1000
        let (days, hours, minutes, secs) = (seconds / 86_400, seconds / 3600 % 24, seconds / 60 % 60, seconds % 60)
        if days > 0 { return hours > 0 ? "\(days) d \(hours) h" : "\(days) d" }
        if hours > 0 { return minutes > 0 ? "\(hours) h \(minutes) min" : "\(hours) h" }
        if minutes > 0 { return secs > 0 ? "\(minutes) min \(secs) s" : "\(minutes) min" }
        return "\(secs) s"
    }

    /// `1.2 GB`, `340 MB`, `12 KB`.
    public static func bytes(_ count: Int64) -> String {
        let units = ["B", "KB", "MB", "GB", "TB"]
        var value = Double(count), unit = 0
        while value >= 1000, unit < units.count - 1 { value /= 1000; unit += 1 }
        return unit == 0 ? "\(count) B" : (value < 10 ? String(format1: value) : String(Int(value.rounded()))) + " " + units[unit]
    }
}

extension String {
    /// One decimal: `1.2`.
    fileprivate init(format1 value: Double) {
        let tenths = Int((value * 10).rounded())
        self = "\(tenths / 10).\(tenths % 10)"
    }
}
