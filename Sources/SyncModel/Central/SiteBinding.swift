/// Site ids belong to one clinic (DESIGN §4 "A hostile clinic"): a site is bound to the clinic
/// whose token first pushes from it (`site_owner`), and every other clinic's push from it is
/// refused whole. The rules, written once for both central backends.
public enum SiteBinding {
    /// Hex digits of randomness in a new store's site id: 32, so 128 random bits (unguessable).
    /// Stores made before keep their shorter ids; their sites are bound all the same.
    public static let newSiteHexDigits = 32

    /// Why a push's site id is refused before anything is read, or `nil`: too long, empty, or
    /// the central node's own site.
    public static func requestProblem(site: String, centralSite: String) -> String? {
        if site.isEmpty || site.utf8.count > SyncedTable.maxSiteLength {
            return "a site id has 1 to \(SyncedTable.maxSiteLength) bytes"
        }
        if site == centralSite || site == SyncSchema.centralSite {
            return "a clinic cannot push as the central node's site"
        }
        return nil
    }

    /// Why `clinicID` may not push from `site`, which is bound to `boundTo` (`nil`: not yet
    /// bound, and this push binds it), or `nil` when it may.
    public static func bindingProblem(site: String, boundTo: String?, clinicID: String) -> String? {
        guard let boundTo, boundTo != clinicID else { return nil }
        return "site \(site) belongs to another clinic"
    }

    /// The changes stamped with `site` (they go on to the merge), and a refusal for each other
    /// one (it never reaches the merge, nor any site's progress).
    public static func partition(_ changes: [Change], site: String) -> (own: [Change], refused: [RefusedChange]) {
        var own: [Change] = [], refused: [RefusedChange] = []
        own.reserveCapacity(changes.count)
        for change in changes {
            if change.version.site == site {
                own.append(change)
            } else {
                refused.append(RefusedChange(seq: change.version.seq, reason: .wrongSite,
                                             message: "a change from another site in a push from site \(site)"))
            }
        }
        return (own, refused)
    }
}
