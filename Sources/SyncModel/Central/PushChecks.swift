/// The whole-request checks of a push (DESIGN §4): anything wrong here refuses the push
/// whole, before anything is read or written. Written once for both central backends.
///
/// A backend calls ``check(_:from:limits:)`` first, then ``binding(site:boundTo:clinicID:)``
/// inside its write transaction, then plans the batch (``ApplyPlanner``). A further standing
/// check of the pushing site belongs next to ``binding(site:boundTo:clinicID:)``.
public enum PushChecks {
    /// The most changes one push may carry.
    public static let maxPushChanges = 10_000

    /// What the node holds a push against.
    public struct Limits: Hashable, Sendable {
        /// The node's schema version.
        public var schemaVersion: Int
        /// The central node's own site id.
        public var centralSite: String
        /// The node's wall clock now.
        public var nowMillis: Int64
        /// How far ahead of it a change may be stamped.
        public var skewLimitMillis: Int64

        /// Limits from their parts.
        public init(schemaVersion: Int, centralSite: String, nowMillis: Int64,
                    skewLimitMillis: Int64 = HybridLogicalClock.defaultSkewLimitMillis) {
            self.schemaVersion = schemaVersion
            self.centralSite = centralSite
            self.nowMillis = nowMillis
            self.skewLimitMillis = skewLimitMillis
        }
    }

    /// Throws the refusal of the whole push (an ``ErrorBody``, or a ``ClockSkewError``), or
    /// returns the batch split into the pushing site's own changes, which go on to the merge,
    /// and a refusal for each change of another site (``SiteBinding/partition(_:site:)``).
    public static func check(_ request: PushRequest, from clinicID: String,
                             limits: Limits) throws -> (own: [Change], foreign: [RefusedChange]) {
        // A node serves clinics of its version and the one before (DESIGN §4, rolling upgrades).
        if let mismatch = SyncCatalogue.mismatch(client: request.schemaVersion, node: limits.schemaVersion) {
            throw ErrorBody(mismatch)
        }
        guard request.clinicID == clinicID else {
            throw ErrorBody(error: .forbidden, message: "the token belongs to clinic \(clinicID), not \(request.clinicID)")
        }
        guard request.changes.count <= maxPushChanges else {
            throw ErrorBody(error: .tooLarge, message: "a push carries at most \(maxPushChanges) changes")
        }
        for change in request.changes {
            try HybridLogicalClock.checkSkew(of: change, nowMillis: limits.nowMillis, limitMillis: limits.skewLimitMillis)
        }
        if let problem = SiteBinding.requestProblem(site: request.siteID, centralSite: limits.centralSite) {
            throw ErrorBody(error: .forbidden, message: problem)
        }
        let (own, foreign) = SiteBinding.partition(request.changes, site: request.siteID)
        return (own, foreign)
    }

    /// Inside the write transaction: throws when `site` is bound to another clinic; returns
    /// whether this push binds it (it was bound to none, so the backend records the binding).
    public static func binding(site: String, boundTo: String?, clinicID: String) throws -> Bool {
        if let problem = SiteBinding.bindingProblem(site: site, boundTo: boundTo, clinicID: clinicID) {
            throw ErrorBody(error: .forbidden, message: problem)
        }
        return boundTo == nil
    }
}
