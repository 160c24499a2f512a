import ClinicStore
import Foundation
import SyncModel

/// `status --json` at the central office (a central store or `--postgres URL`): the same keys on both.
struct OfficeStatusView: Encodable {
    var role = "central"
    var siteId: String
    var logHead: Int64
    var openConflicts: Int
    var clinics: [ClinicHealth]

    init(_ status: CentralOfficeStatus) {
        siteId = status.siteID
        logHead = status.logHead
        openConflicts = status.openConflicts
        clinics = status.clinics
    }

    /// The human rendering: the node, then one row per clinic with its last sync.
    static func human(_ status: CentralOfficeStatus) -> String {
        let formatter = ISO8601DateFormatter()
        let head = """
            Central office (site \(status.siteID))
              log head:        \(status.logHead)
              open conflicts:  \(status.openConflicts)
              clinics:         \(status.clinics.count)
            """
        let table = Table(headers: ["CLINIC", "NAME", "LAST SYNC (UTC)", "CLAIMS", "OPEN CONFLICTS", "REFUSED", "TOKEN"],
                          rows: status.clinics.map { clinic in
                              [clinic.clinicID, clinic.name ?? "",
                               clinic.lastSyncAtMillis.map { formatter.string(from: Date(timeIntervalSince1970: Double($0) / 1000)) } ?? "never",
                               String(clinic.claimsByStatus.values.reduce(0, +)), String(clinic.openConflicts),
                               String(clinic.refusedChanges), clinic.revoked ? "revoked" : "active"]
                          }).render(empty: "No clinics enrolled yet: `clinicsync admin enroll`.")
        return head + "\n\n" + table
    }
}
