import BillingModel
import GRDB

extension LocalStore {
    /// The releases of one system (all systems when `nil`), by system then effective date, newest first.
    public func releases(system: CodeSystem?) throws -> [CodeRelease] {
        guard let system else { return try releases() }
        return try read { db in
            try CodeRelease.filter(CodeRelease.Columns.system == system.rawValue)
                .order(CodeRelease.Columns.effectiveFrom.desc).fetchAll(db)
        }
    }

    /// One release by name (or id), within `system` when given; a name two systems share needs
    /// the system. Throws ``StoreError/notFound(entity:id:)`` or ``StoreError/invalid(entity:field:reason:)``.
    public func release(named key: String, system: CodeSystem? = nil) throws -> CodeRelease {
        try read { db in try Self.release(named: key, system: system, db) }
    }

    static func release(named key: String, system: CodeSystem?, _ db: Database) throws -> CodeRelease {
        var request = CodeRelease.filter(CodeRelease.Columns.name == key || Column("id") == key)
        if let system { request = request.filter(CodeRelease.Columns.system == system.rawValue) }
        let found = try request.fetchAll(db)
        guard let release = found.first else {
            throw StoreError.notFound(entity: "\(system.map { "\($0.cliName) " } ?? "")release", id: key)
        }
        guard found.count == 1 else {
            let systems = found.map(\.system.cliName).sorted().joined(separator: ", ")
            throw StoreError.invalid(entity: "release", field: "system",
                                     reason: "\(key) names a release of several systems (\(systems)): give --system")
        }
        return release
    }

    /// The release of the same system that `release` took over from: the one with the latest
    /// start before it; `nil` for the first release of its system.
    static func previousRelease(of release: CodeRelease, _ db: Database) throws -> CodeRelease? {
        try CodeRelease.filter(CodeRelease.Columns.system == release.system.rawValue)
            .filter(CodeRelease.Columns.effectiveFrom < release.effectiveFrom)
            .order(CodeRelease.Columns.effectiveFrom.desc, Column("imported_at").desc).fetchOne(db)
    }

    /// Places `release` among the releases of its system held in `db` (``ReleaseSchedule``):
    /// sets its end and ends the releases it takes over from. Throws
    /// ``BillingModel/ReleaseOrderError`` when a checked release does not fit; nothing is written then.
    static func schedule(_ release: inout CodeRelease, ordering: ReleaseImport.Ordering, _ db: Database) throws {
        let held = try CodeRelease.filter(CodeRelease.Columns.system == release.system.rawValue).fetchAll(db)
        let periods = held.compactMap(\.period)
        guard let new = release.period else { return }
        let placement: ReleaseSchedule.Placement
        switch ordering {
        case .checked: placement = try ReleaseSchedule.appending(new, to: periods, system: release.system)
        case .fitted: placement = ReleaseSchedule.fitting(new, into: periods)
        }
        release.effectiveTo = placement.effectiveTo?.description
        for closed in placement.closed {
            try db.execute(sql: "UPDATE code_release SET effective_to = ? WHERE id = ?",
                           arguments: [closed.effectiveTo?.description, closed.id])
        }
    }
}
