import ClinicStore
import PostgresNIO
import SyncModel

extension PostgresCentral {
    /// Where the node stands with `site` of `clinicID` (issue 28), as `LocalStore.siteStanding`
    /// answers it at the SQLite node: the site's highest answered sequence (accepted or refused),
    /// that change's fingerprint, the log head and the node's own site; with `markSeq`, the
    /// `LogMark` of its log entry there. A site bound to another clinic is refused.
    public func siteStanding(for clinicID: String, site: String, markSeq: Int64? = nil) async throws -> SiteStanding {
        let logger = self.logger, centralSite = self.siteID
        return try await gateway.transaction(readOnly: true, isolation: "REPEATABLE READ") { connection in
            let bound = try await connection.rows("SELECT clinic_id FROM site_owner WHERE site = $1", [.text(site)], logger: logger)
                .first.map { try $0.decode(String.self) }
            if let problem = SiteBinding.bindingProblem(site: site, boundTo: bound, clinicID: clinicID) {
                throw ErrorBody(error: .forbidden, message: problem)
            }
            let head = try await connection.rows("SELECT log_head FROM central_state", logger: logger)
                .first.map { try $0.decode(Int64.self) } ?? 0
            let answer = try await Self.answer(of: site) { try await connection.rows($0, $1, logger: logger) }
            var mark: String?
            if let markSeq, let entry = try await connection.rows(
                "SELECT tbl, row_id, field, hlc, site FROM change_log WHERE seq = $1", [.integer(markSeq)], logger: logger).first {
                let (table, row, field, hlc, origin) = try entry.decode((String, String, String, Int64, String).self)
                mark = LogMark.of(serverSeq: markSeq, table: table, row: row, field: field, hlc: hlc, site: origin)
            }
            return SiteStanding(site: site, highestAppliedSeq: answer?.seq ?? 0, digest: answer?.digest, logHead: head,
                                centralSite: centralSite, mark: mark)
        }
    }

    /// Inside a push's transaction before anything is applied: refuses the whole push
    /// (`site_moved`) when it expects another record of its site than the node holds.
    static func checkBase(of request: PushRequest, in context: WriteContext) async throws {
        let held = try await answer(of: request.siteID) { try await context.rows($0, $1) }
        if let problem = SiteAnswer.baseProblem(site: request.siteID, baseSeq: request.baseSeq,
                                                baseDigest: request.baseDigest, held: held) {
            throw problem
        }
    }

    /// Inside a push's transaction once it is applied: keeps the site's highest answered
    /// sequence and its fingerprint (`changes`: the site's changes of the push).
    static func recordAnswer(highestAnswered: Int64, of changes: [Change], site: String, in context: WriteContext) async throws {
        let held = try await answer(of: site) { try await context.rows($0, $1) }
        guard let answer = SiteAnswer.recorded(after: changes, highestAnswered: highestAnswered, held: held) else { return }
        try await context.run("""
            INSERT INTO site_answer (site, answered_seq, digest) VALUES ($1, $2, $3)
            ON CONFLICT (site) DO UPDATE SET answered_seq = excluded.answered_seq, digest = excluded.digest
            """, [.text(site), .integer(answer.seq), answer.digest.map(FieldValue.text) ?? .null])
    }

    /// The node's highest answered sequence of `site` (`nil`: none), read through `rows`.
    private static func answer(of site: String,
                               rows: (String, [FieldValue]) async throws -> [PostgresRow]) async throws -> SiteAnswer? {
        guard let row = try await rows("SELECT answered_seq, digest FROM site_answer WHERE site = $1", [.text(site)]).first else {
            return nil
        }
        let (seq, digest) = try row.decode((Int64, String?).self)
        return SiteAnswer(seq: seq, digest: digest)
    }
}
