import Foundation
import GRDB
import SyncModel

extension LocalStore {
    /// Central node: where it stands with `site` of `clinicID` (issue 28; a site bound to another clinic is refused): the highest sequence
    /// of the site it answered (accepted or refused, ``SiteAnswer``), that change's fingerprint,
    /// its log head and its own site; with `markSeq`, the ``LogMark`` of its log entry there.
    public func siteStanding(for clinicID: String, site: String, markSeq: Int64? = nil) throws -> SiteStanding {
        guard identity.role == .central else {
            throw ErrorBody(error: .badRequest, message: "this store is a clinic store, not a central node")
        }
        let centralSite = identity.siteID
        return try read { db in
            let bound = try String.fetchOne(db, sql: "SELECT clinic_id FROM site_owner WHERE site = ?", arguments: [site])
            if let problem = SiteBinding.bindingProblem(site: site, boundTo: bound, clinicID: clinicID) {
                throw ErrorBody(error: .forbidden, message: problem)
            }
            let answer = try Self.answer(of: site, db)
            let head = try Int64.fetchOne(db, sql: "SELECT coalesce(max(seq), 0) FROM change_log") ?? 0
            var mark: String?
            if let markSeq, let entry = try Row.fetchOne(db, sql: "SELECT tbl, row_id, field, hlc, site FROM change_log WHERE seq = ?",
                                                         arguments: [markSeq]) {
                mark = LogMark.of(serverSeq: markSeq, table: entry[0], row: entry[1], field: entry[2], hlc: entry[3], site: entry[4])
            }
            return SiteStanding(site: site, highestAppliedSeq: answer?.seq ?? 0, digest: answer?.digest,
                                logHead: head, centralSite: centralSite, mark: mark)
        }
    }

    /// Central node, inside a push's transaction before anything is applied: refuses the whole
    /// push (`site_moved`) when it expects another record of its site than the node holds.
    static func checkBase(of request: PushRequest, _ db: Database) throws {
        if let problem = SiteAnswer.baseProblem(site: request.siteID, baseSeq: request.baseSeq,
                                                baseDigest: request.baseDigest, held: try answer(of: request.siteID, db)) {
            throw problem
        }
    }

    /// Central node, inside a push's transaction once it is applied: keeps the site's highest
    /// answered sequence and its fingerprint (`changes`: the site's changes of the push).
    static func recordAnswer(highestAnswered: Int64, of changes: [Change], site: String, _ db: Database) throws {
        guard let answer = SiteAnswer.recorded(after: changes, highestAnswered: highestAnswered,
                                               held: try self.answer(of: site, db)) else { return }
        try db.execute(sql: """
            INSERT INTO site_answer (site, answered_seq, digest) VALUES (?, ?, ?)
            ON CONFLICT (site) DO UPDATE SET answered_seq = excluded.answered_seq, digest = excluded.digest
            """, arguments: [site, answer.seq, answer.digest])
    }

    /// The node's highest answered sequence of `site`, `nil` when it never answered one.
    private static func answer(of site: String, _ db: Database) throws -> SiteAnswer? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT answered_seq, digest FROM site_answer WHERE site = ?"),
                         arguments: [site]).map { SiteAnswer(seq: $0["answered_seq"], digest: $0["digest"]) }
    }
}
