import Foundation
import SyncModel

/// `admin clinics` and `admin clinic show` for people: clinic names, ages ("3 d ago"), counts.
enum ClinicHealthView {
    /// One row per clinic.
    static func table(_ clinics: [ClinicHealth], nowMillis: Int64) -> String {
        Table(headers: ["CLINIC", "NAME", "LAST SYNC", "SITES", "LAST RESULT", "REFUSED", "CONFLICTS", "CLAIMS"],
              rows: clinics.map { clinic in
                  [clinic.clinicID, clinic.name ?? "", lastSync(clinic, nowMillis: nowMillis), String(clinic.sites.count),
                   clinic.sites.first?.lastResult ?? "", String(clinic.refusedChanges), String(clinic.openConflicts),
                   counts(clinic.claimsByStatus)]
              }).render(empty: "No clinic is enrolled.")
    }

    /// One clinic in full.
    static func detail(_ clinic: ClinicHealth, nowMillis: Int64) -> String {
        var lines = [
            "Clinic \(clinic.clinicID)" + (clinic.name.map { " (\($0))" } ?? ""),
            "  enrolled:  \(date(clinic.enrolledAtMillis))" + (clinic.revokedAtMillis.map { ", revoked \(date($0))" } ?? ""),
            "  last sync: \(lastSync(clinic, nowMillis: nowMillis))",
            "  refused:   \(clinic.refusedChanges)" + (clinic.refusedByReason.isEmpty ? "" : " (\(counts(clinic.refusedByReason)))"),
            "  conflicts: \(clinic.openConflicts) open",
            "  claims:    \(clinic.claimsByStatus.isEmpty ? "none" : counts(clinic.claimsByStatus))",
            "",
            Table(headers: ["SITE", "LAST PUSH", "LAST PULL", "LAST RESULT"], rows: clinic.sites.map { site in
                [site.site, site.lastPushAtMillis.map { age($0, nowMillis: nowMillis) } ?? "never",
                 site.lastPullAtMillis.map { age($0, nowMillis: nowMillis) } ?? "never", site.lastResult]
            }).render(empty: "No site has synced yet."),
        ]
        if let recent = clinic.recentSyncs, !recent.isEmpty {
            lines += ["", Table(headers: ["WHEN", "SITE", "KIND", "CHANGES", "REFUSED", "TOOK", "RESULT"], rows: recent.map {
                [date($0.atMillis), $0.site, $0.kind.rawValue, String($0.changes), String($0.refused),
                 "\($0.durationMillis) ms", $0.result]
            }).render()]
        }
        return lines.joined(separator: "\n")
    }

    /// "never" or "2 h ago (2026-12-01 14:03)".
    static func lastSync(_ clinic: ClinicHealth, nowMillis: Int64) -> String {
        clinic.lastSyncAtMillis.map { age($0, nowMillis: nowMillis) } ?? "never"
    }

    /// How long ago, in the largest whole unit.
    static func age(_ millis: Int64, nowMillis: Int64) -> String {
        let seconds = max(0, (nowMillis - millis) / 1000)
        switch seconds {
        case ..<60: return "\(seconds) s ago"
        case ..<3_600: return "\(seconds / 60) min ago"
        case ..<86_400: return "\(seconds / 3_600) h ago"
        default: return "\(seconds / 86_400) d ago"
        }
    }

    /// A local date and time, to the minute.
    static func date(_ millis: Int64) -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: Date(timeIntervalSince1970: Double(millis) / 1000))
    }

    /// `submitted 3, draft 1`, largest first.
    static func counts(_ values: [String: Int]) -> String {
        values.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
    }
}
