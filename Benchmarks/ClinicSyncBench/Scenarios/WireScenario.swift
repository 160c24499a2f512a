import ClinicStore
import Foundation
import SyncModel

/// Bytes on the wire per change (DESIGN §7): a push body as the client sends it (JSON,
/// gzipped), divided by the changes it carries, next to the session extension's changeset
/// for the same writes.
struct WireScenario {
    struct Figures {
        var fieldChanges = 0
        var wireBytesPerFieldChange = 0.0
        var sessionBytesPerFieldChange = 0.0
        var sessionGzipBytesPerFieldChange = 0.0
    }

    let world: BenchWorld
    let claims: Int
    let log: (String) -> Void

    /// Gzipped bytes of the next push of `store` (up to `limit` changes) and its change count.
    static func pushBody(of store: LocalStore, limit: Int) throws -> (bytes: Int, changes: Int) {
        guard let request = try store.nextPush(limit: limit) else { return (0, 0) }
        let json = [UInt8](try JSONEncoder().encode(request))
        return (try GzipSize.of(json), request.changes.count)
    }

    /// Edits notes on `claims` claims and units on one line of each, one edit per transaction
    /// as coders make them, then sizes the push that carries them.
    func run() async throws -> Figures {
        let store = try await world.clinic("wire", file: "wire-a")
        let workload = try ClinicWorkload.register(in: store, patients: 100, seed: 31)
        let saved = try store.enterClaims(workload.claims(lines: claims * 3, seed: 32), author: "bench")
        try await world.sync(store)
        let tables = try ["claim", "service_line"].map { try TableRows.read($0, from: store) }
        let schema = try TableRows.schema(of: ["claim", "service_line"], in: store)

        var updates: [(table: String, column: String, row: String, value: NativeValue)] = []
        for (index, claim) in saved.prefix(claims).enumerated() {
            let notes = "called payer \(index % 7 + 1)x, resubmit with records"
            _ = try store.setClaimField(claim.id, field: .notes, value: notes, author: "bench")
            let units = 2 + index % 3
            _ = try store.setLine(claim: claim.id, lineNumber: 1, LineInput(units: units), author: "bench")
            updates.append(("claim", "notes", claim.id, .text(notes)))
            updates.append(("service_line", "units", claim.lines[0].id, .integer(Int64(units))))
        }
        let (bytes, changes) = try Self.pushBody(of: store, limit: LocalStore.maxPushChanges)
        let changeset = try NativeBaseline.updateChangeset(tables, schema: schema,
                                                           path: world.folder.appendingPathComponent("wire-native.sqlite").path,
                                                           updates: updates)
        let figures = Figures(fieldChanges: changes, wireBytesPerFieldChange: Double(bytes) / Double(max(changes, 1)),
                              sessionBytesPerFieldChange: Double(changeset.count) / Double(max(updates.count, 1)),
                              sessionGzipBytesPerFieldChange: Double(try GzipSize.of(changeset)) / Double(max(updates.count, 1)))
        log(String(format: "wire: %d field changes, %.1f B/change gzipped JSON; session changeset %.1f B/change (%.1f gzipped)",
                   changes, figures.wireBytesPerFieldChange, figures.sessionBytesPerFieldChange,
                   figures.sessionGzipBytesPerFieldChange))
        return figures
    }
}
