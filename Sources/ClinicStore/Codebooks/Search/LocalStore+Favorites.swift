import BillingModel
import Foundation
import GRDB

extension LocalStore {
    /// The codes this clinic used on its claims with service dates in the last
    /// ``FavoriteCode/windowDays`` days (store clock), most used first: each diagnosis once per
    /// claim, each procedure once per service line. Empty on the central store.
    public func favoriteCodes(limit: Int = 50) throws -> [FavoriteCode] {
        try read { db in Array(try self.favorites(db).prefix(max(0, limit))) }
    }

    /// Favorites as ``FavoriteCode/boost(uses:)`` by code, remembered until a change is logged or the day turns.
    func favoriteBoosts(_ db: Database) throws -> [String: Double] {
        let lastChange = try Int64.fetchOne(db.cachedStatement(sql: "SELECT max(rowid) FROM change_log")) ?? 0
        return try searchCache.favorites(key: "\(today)|\(lastChange)") {
            Dictionary(try favorites(db).map { ($0.code, $0.boost) }, uniquingKeysWith: max)
        }
    }

    private func favorites(_ db: Database) throws -> [FavoriteCode] {
        guard identity.role == .clinic else { return [] }
        let since = CalendarDate(unixMilliseconds: clock.nowMillis() - Int64(FavoriteCode.windowDays) * 86_400_000).description
        var diagnoses: [String: Int] = [:], procedures: [String: Int] = [:]
        let arguments: StatementArguments = ["owner": identity.clinicID, "since": since]
        let claims = try Row.fetchCursor(db, sql: """
            SELECT c.diagnoses FROM claim AS c
            WHERE c.owner = :owner AND c.deleted = 0 AND EXISTS (
              SELECT 1 FROM service_line AS l WHERE l.claim_id = c.id AND l.deleted = 0 AND l.service_date >= :since)
            """, arguments: arguments)
        while let row = try claims.next() {
            for code in Set((row[0] as String).split(separator: ",").map(String.init)) { diagnoses[code, default: 0] += 1 }
        }
        let lines = try Row.fetchCursor(db, sql: """
            SELECT l.procedure_code, count(*) FROM service_line AS l JOIN claim AS c ON c.id = l.claim_id
            WHERE c.owner = :owner AND c.deleted = 0 AND l.deleted = 0 AND l.service_date >= :since
            GROUP BY l.procedure_code
            """, arguments: arguments)
        while let row = try lines.next() { procedures[row[0], default: 0] += row[1] }
        let all = diagnoses.map { FavoriteCode(code: $0.key, display: DiagnosisCode.display($0.key), kind: .diagnosis,
                                               uses: $0.value, boost: FavoriteCode.boost(uses: $0.value)) }
            + procedures.map { FavoriteCode(code: $0.key, display: $0.key, kind: .procedure,
                                            uses: $0.value, boost: FavoriteCode.boost(uses: $0.value)) }
        return all.sorted { $0.uses != $1.uses ? $0.uses > $1.uses : $0.code < $1.code }
    }
}
