import ClinicStore
import Foundation
import GRDB

/// Incremental sync (DESIGN §7): on a clinic whose stores and central node already hold
/// `fieldVersions` field versions (rows × versioned columns), one claim changes — its notes
/// and one line's units — and travels: the writing site syncs (push, pull), then a second
/// site of the clinic syncs and applies it. The median over `repeats` edits is kept.
struct IncrementalScenario {
    struct Figures {
        var fieldVersions = 0
        var samples: [Double] = []
        var medianMillis: Double { samples.median * 1000 }
    }

    let world: BenchWorld
    let clinicID: String
    let fieldVersions: Int
    let repeats: Int
    let log: (String) -> Void

    /// Versioned fields per row: every synced column but the id.
    static let claimFields = 15, lineFields = 12

    func run() async throws -> Figures {
        let writer = try await world.clinic(clinicID, file: "\(clinicID)-a")
        let workload = try ClinicWorkload.register(in: writer, patients: 200, seed: 21)
        // Lines with their claims give ~17.8 field versions per line; fill in batches.
        var entries: [ClaimEntry] = []
        var batchSeed: UInt64 = 100
        while try Self.fieldVersions(in: writer) < fieldVersions {
            let missing = fieldVersions - (try Self.fieldVersions(in: writer))
            let lines = max(50, min(50_000, missing / 18 + 1))
            entries = workload.claims(lines: lines, seed: batchSeed)
            batchSeed += 1
            _ = try writer.enterClaims(entries, author: "bench")
        }
        let reader = try await world.clinic(clinicID, file: "\(clinicID)-b")
        try await world.sync(writer)
        try await world.sync(reader)
        let held = try Self.fieldVersions(in: writer)
        let sample = repeats + 3
        let claims = try writer.read { try String.fetchAll($0, sql: "SELECT id FROM claim ORDER BY id LIMIT ?", arguments: [sample]) }

        var figures = Figures(fieldVersions: held)
        for (index, claim) in claims.enumerated() {
            _ = try writer.setClaimField(claim, field: .notes, value: "payer asked for records, call back (\(index))", author: "bench")
            _ = try writer.setLine(claim: claim, lineNumber: 1, LineInput(units: 2 + index % 3), author: "bench")
            let (summaries, seconds) = try await Stopwatch.time {
                (try await world.sync(writer), try await world.sync(reader))
            }
            guard summaries.0.pushed >= 2, summaries.1.applied >= 2 else {
                struct Lost: Error, CustomStringConvertible { var description = "the incremental change did not travel" }
                throw Lost()
            }
            if index >= 3 { figures.samples.append(seconds) }   // the first few warm the connections and caches
        }
        log(String(format: "incremental on %d field versions: median %.2f ms, max %.2f ms", held,
                   figures.medianMillis, (figures.samples.max() ?? 0) * 1000))
        return figures
    }

    /// Field versions a clinic store holds: each synced row's versioned columns.
    static func fieldVersions(in store: LocalStore) throws -> Int {
        try store.read { db in
            let counts = try Row.fetchOne(db, sql: """
                SELECT (SELECT count(*) FROM claim), (SELECT count(*) FROM service_line),
                       (SELECT count(*) FROM patient), (SELECT count(*) FROM provider), (SELECT count(*) FROM payer)
                """)!
            let claims: Int = counts[0], lines: Int = counts[1], patients: Int = counts[2]
            let providers: Int = counts[3], payers: Int = counts[4]
            return claims * claimFields + lines * lineFields + patients * 13 + providers * 10 + payers * 5
        }
    }
}
