import ClinicStore
import Foundation

/// Runs the scenarios in order and turns their figures into the report.
struct BenchRun {
    let settings: BenchSettings
    let root: URL

    func log(_ line: String) {
        FileHandle.standardError.write(Data("[bench] \(line)\n".utf8))
    }

    func run() async throws -> BenchReport {
        var report = BenchReport()
        let world = try await BenchWorld.start(in: root, name: "world")
        do {
            try await fill(&report, world: world)
        } catch {
            await world.stop()
            throw error
        }
        await world.stop()
        if let url = settings.postgresURL, settings.wants("sync") || settings.wants("central") {
            let schema = "bench_" + UUID().uuidString.prefix(8).lowercased()
            log("PostgreSQL rows: schema \(schema)")
            let postgres = try await BenchWorld.start(in: root, name: "postgres", postgres: url, schema: schema)
            do {
                try await fillPostgres(&report, world: postgres)
            } catch {
                await postgres.stop()
                throw error
            }
            await postgres.stop()
        }
        return report
    }

    /// The central node's rows again with the node on PostgreSQL (issue 7): the same push and
    /// pull of `lines` captured lines, and the same 50 clinics at once.
    private func fillPostgres(_ report: inout BenchReport, world: BenchWorld) async throws {
        if settings.wants("sync") {
            var syncs: [SyncScenario.Figures] = []
            for run in 1...settings.runs {
                let source = try await world.clinic("pg-bench-\(run)", file: "pg-bench-\(run)")
                let workload = try ClinicWorkload.register(in: source, patients: 500, seed: 7)
                _ = try source.enterClaims(workload.claims(lines: settings.lines, seed: 11), author: "bench")
                syncs.append(try await SyncScenario(world: world, source: source, log: log).run())
            }
            let typical = syncs.sorted { $0.rowsPerSecond < $1.rowsPerSecond }[syncs.count / 2]
            let rate = syncs.map(\.rowsPerSecond).median
            let sqliteRate = report.json["sync_rows_per_s"]
            report.lines.append(.init(name: "sync via PostgreSQL node: push + pull, \(Format.count(typical.changes)) rows",
                                      figure: Format.rate(rate),
                                      native: sqliteRate.map { "SQLite node \(Format.rate($0))" } ?? "",
                                      ratio: sqliteRate.map { Format.ratio(rate / $0) } ?? "", target: "reported"))
            report.lines.append(.init(name: "  push / pull (median run)",
                                      figure: "\(Format.seconds(typical.pushSeconds)) / \(Format.seconds(typical.pullSeconds))"))
            report.json["pg_sync_rows_per_s"] = rate
            report.json["pg_sync_push_s"] = typical.pushSeconds
            report.json["pg_sync_pull_s"] = typical.pullSeconds
        }
        if settings.wants("central") {
            try await runCentralLoad(world, jsonPrefix: "pg_", into: &report)
        }
    }

    /// 50 clinics at once against `world`'s node: the table rows, and the JSON keys
    /// `central_changes_per_s`, `central_p50_ms`, `central_p99_ms`, `central_edit_p50_ms` and
    /// `central_edit_p99_ms`, each after `jsonPrefix`.
    private func runCentralLoad(_ world: BenchWorld, jsonPrefix prefix: String, into report: inout BenchReport) async throws {
        let load = try await CentralLoadScenario(world: world, clinics: settings.clinics,
                                                 linesPerClinic: settings.linesPerClinic, log: log).run()
        appendCentralLoad(load, backend: world.backendName, to: &report)
        report.json[prefix + "central_changes_per_s"] = load.backlog.changesPerSecond
        report.json[prefix + "central_p50_ms"] = load.backlog.latencies.median * 1000
        report.json[prefix + "central_p99_ms"] = load.backlog.latencies.percentile(99) * 1000
        report.json[prefix + "central_edit_p50_ms"] = load.everyday.latencies.median * 1000
        report.json[prefix + "central_edit_p99_ms"] = load.everyday.latencies.percentile(99) * 1000
    }

    /// The central-load rows of one backend.
    private func appendCentralLoad(_ load: CentralLoadScenario.Figures, backend: String, to report: inout BenchReport) {
        for (name, round) in [("backlog", load.backlog), ("one edit each", load.everyday)] {
            report.lines.append(.init(
                name: "central (\(backend)): \(load.clinics) clinics at once, \(name)",
                figure: String(format: "%.0f changes/s, %.1f syncs/s", round.changesPerSecond, round.syncsPerSecond),
                native: String(format: "p50 %.1f ms, p99 %.1f ms", round.latencies.median * 1000,
                               round.latencies.percentile(99) * 1000),
                target: "reported"))
        }
    }

    private func fill(_ report: inout BenchReport, world: BenchWorld) async throws {
        var sessionApplyRate: Double?
        if settings.wants("capture") || settings.wants("sync") {
            let capture = try await CaptureScenario(world: world, lines: settings.lines, runs: settings.runs, log: log).run()
            let plain = capture.plainSeconds.median, stored = capture.captureSeconds.median
            let sessionCapture = capture.sessionCaptureSeconds.median, apply = capture.sessionApplySeconds.median
            let overhead = stored / plain
            let rows = "\(Format.count(capture.lines)) lines + \(Format.count(capture.rows - capture.lines)) claims"
            report.lines.append(.init(name: "capture: store API, \(rows)", figure: Format.seconds(stored),
                                      native: "plain insert \(Format.seconds(plain))", ratio: Format.ratio(overhead),
                                      target: "≤ 1.50× plain", holds: overhead <= 1.5))
            let floor = capture.logRowFloorSeconds.median
            report.lines.append(.init(name: "  plain insert + a bare log row each (trigger)", figure: Format.seconds(floor),
                                      native: "plain insert \(Format.seconds(plain))", ratio: Format.ratio(floor / plain),
                                      target: "floor of a log row"))
            report.json["log_row_floor_overhead"] = floor / plain
            let triggers = capture.storeTriggerSeconds.median
            report.lines.append(.init(name: "  plain insert into a store file (its capture triggers)",
                                      figure: Format.seconds(triggers), native: "plain insert \(Format.seconds(plain))",
                                      ratio: Format.ratio(triggers / plain), target: "SQLite's share"))
            report.json["store_trigger_overhead"] = triggers / plain
            report.lines.append(.init(name: "  session extension capture", figure: Format.seconds(sessionCapture),
                                      native: "plain insert \(Format.seconds(plain))",
                                      ratio: Format.ratio(sessionCapture / plain), target: "reference"))
            sessionApplyRate = Double(capture.rows) / apply
            report.lines.append(.init(name: "  session changeset apply", figure: Format.rate(sessionApplyRate!),
                                      native: Format.seconds(apply), target: "reference"))
            // A push and a pull apply every row twice: at the node, then at the second clinic.
            report.lines.append(.init(name: "  session changeset apply, node then clinic",
                                      figure: Format.rate(sessionApplyRate! / 2), native: Format.seconds(2 * apply),
                                      target: "two-hop ceiling"))
            report.json["session_two_hop_rows_per_s"] = sessionApplyRate! / 2
            report.json["capture_overhead"] = overhead
            report.json["capture_s"] = stored
            report.json["plain_insert_s"] = plain
            report.json["session_capture_s"] = sessionCapture
            report.json["session_apply_rows_per_s"] = sessionApplyRate!
            report.json["session_bytes_per_row"] = Double(capture.changesetBytes) / Double(capture.rows)
            report.json["session_gzip_bytes_per_row"] = Double(capture.changesetGzipBytes) / Double(capture.rows)

            if settings.wants("sync"), let first = capture.stores.first {
                let sample = try WireScenario.pushBody(of: first, limit: 5_000)
                let wirePerRow = Double(sample.bytes) / Double(max(sample.changes, 1))
                var syncs: [SyncScenario.Figures] = []
                for source in capture.stores {
                    syncs.append(try await SyncScenario(world: world, source: source, log: log).run())
                }
                let rates = syncs.map(\.rowsPerSecond)
                let rate = rates.median
                let versusSession = rate / sessionApplyRate!
                let typical = syncs.sorted { $0.rowsPerSecond < $1.rowsPerSecond }[syncs.count / 2]
                report.lines.append(.init(name: "sync: push + pull, \(Format.count(typical.changes)) rows",
                                          figure: Format.rate(rate),
                                          native: "session apply \(Format.rate(sessionApplyRate!))",
                                          ratio: String(format: "%.2f", versusSession),
                                          target: "≥ 50,000 rows/s and ≥ 0.25",
                                          holds: rate >= 50_000 && versusSession >= 0.25))
                report.lines.append(.init(name: "  push / pull (median run)",
                                          figure: "\(Format.seconds(typical.pushSeconds)) / \(Format.seconds(typical.pullSeconds))"))
                report.lines.append(.init(name: "  wire bytes per row insert (gzip)", figure: String(format: "%.1f B", wirePerRow),
                                          native: String(format: "changeset %.1f B (gzip %.1f B)",
                                                         report.json["session_bytes_per_row"]!, report.json["session_gzip_bytes_per_row"]!),
                                          ratio: Format.ratio(wirePerRow / report.json["session_bytes_per_row"]!), target: "reported"))
                report.json["sync_rows_per_s"] = rate
                report.json["sync_vs_session_apply"] = versusSession
                report.json["sync_push_s"] = typical.pushSeconds
                report.json["sync_pull_s"] = typical.pullSeconds
                report.json["wire_bytes_per_row_insert"] = wirePerRow
            }
        }
        if settings.wants("incremental") {
            let small = try await IncrementalScenario(world: world, clinicID: "small", fieldVersions: settings.smallFieldVersions,
                                                      repeats: settings.incrementalRepeats, log: log).run()
            let large = try await IncrementalScenario(world: world, clinicID: "large", fieldVersions: settings.largeFieldVersions,
                                                      repeats: settings.incrementalRepeats, log: log).run()
            let ratio = large.medianMillis / small.medianMillis
            report.lines.append(.init(name: "incremental: one claim, \(Format.count(small.fieldVersions)) field versions",
                                      figure: Format.millis(small.medianMillis)))
            report.lines.append(.init(name: "incremental: one claim, \(Format.count(large.fieldVersions)) field versions",
                                      figure: Format.millis(large.medianMillis), native: "small store \(Format.millis(small.medianMillis))",
                                      ratio: Format.ratio(ratio), target: "< 50 ms and ≤ 1.50×",
                                      holds: large.medianMillis < 50 && ratio <= 1.5))
            report.json["incremental_ms_10k"] = small.medianMillis
            report.json["incremental_ms_1m"] = large.medianMillis
            report.json["incremental_ratio"] = ratio
            report.json["incremental_field_versions_large"] = Double(large.fieldVersions)
        }
        if settings.wants("search") {
            let quality = try SearchQualityScenario.load(settings.searchQueriesFile ?? SearchQualityScenario.defaultFile)
            let heldOut = FileManager.default.fileExists(atPath: SearchQualityScenario.heldOutFile)
                ? try SearchQualityScenario.load(SearchQualityScenario.heldOutFile) : []
            let codebooks = try await CodebookScenario(world: world, icd10File: settings.icd10File, runs: settings.runs,
                                                       passes: settings.searchPasses, qualityQueries: quality,
                                                       heldOutQueries: heldOut, log: log).run()
            let importSeconds = codebooks.importSeconds.median
            report.lines.append(.init(name: "ICD-10-CM import, \(Format.count(codebooks.codes)) codes",
                                      figure: Format.seconds(importSeconds), target: "< 3 s", holds: importSeconds < 3))
            let p99 = codebooks.searchMillis.percentile(99)
            report.lines.append(.init(name: "search as you type, \(codebooks.queries) keystrokes: p99",
                                      figure: Format.millis(p99),
                                      native: "p50 \(Format.millis(codebooks.searchMillis.median))",
                                      target: "< 2 ms", holds: p99 < 2))
            report.json["icd10_import_s"] = importSeconds
            report.json["search_p99_ms"] = p99
            report.json["search_p50_ms"] = codebooks.searchMillis.median
            report.json["search_p99_best_of_passes_ms"] = codebooks.bestOfPassesMillis.percentile(99)
            report.lines.append(.init(name: "  each keystroke's fastest of \(settings.searchPasses) passes: p99",
                                      figure: Format.millis(codebooks.bestOfPassesMillis.percentile(99)),
                                      target: "noise-free reference"))
            let everyday = codebooks.quality
            report.lines.append(.init(name: "search quality, \(everyday.queries) everyday queries: hit@3",
                                      figure: String(format: "%.1f%%", everyday.hitAt3 * 100),
                                      native: String(format: "hit@1 %.1f%%", everyday.hitAt1 * 100),
                                      target: "≥ 90%", holds: everyday.hitAt3 >= 0.9))
            report.lines.append(.init(name: "  typing them, \(everyday.keystrokes) keystrokes: p99",
                                      figure: Format.millis(everyday.keystrokeMillis.percentile(99)),
                                      native: "p50 \(Format.millis(everyday.keystrokeMillis.median))",
                                      target: "< 2 ms", holds: everyday.keystrokeMillis.percentile(99) < 2))
            report.json["search_hit_at_1"] = everyday.hitAt1
            report.json["search_hit_at_3"] = everyday.hitAt3
            report.json["search_everyday_p99_ms"] = everyday.keystrokeMillis.percentile(99)
            if !heldOut.isEmpty {
                let held = codebooks.heldOut
                report.lines.append(.init(name: "search quality, \(held.queries) held-out queries: hit@3",
                                          figure: String(format: "%.1f%%", held.hitAt3 * 100),
                                          native: String(format: "hit@1 %.1f%%", held.hitAt1 * 100),
                                          target: "≥ 90%", holds: held.hitAt3 >= 0.9))
                report.json["search_heldout_hit_at_1"] = held.hitAt1
                report.json["search_heldout_hit_at_3"] = held.hitAt3
            }
        }
        if settings.wants("wire") {
            let wire = try await WireScenario(world: world, claims: settings.wireClaims, log: log).run()
            report.lines.append(.init(name: "wire: bytes per field change (gzip JSON)",
                                      figure: String(format: "%.1f B", wire.wireBytesPerFieldChange),
                                      native: String(format: "changeset %.1f B (gzip %.1f B)", wire.sessionBytesPerFieldChange,
                                                     wire.sessionGzipBytesPerFieldChange),
                                      ratio: Format.ratio(wire.wireBytesPerFieldChange / wire.sessionBytesPerFieldChange),
                                      target: "reported"))
            report.json["wire_bytes_per_change"] = wire.wireBytesPerFieldChange
            report.json["session_bytes_per_change"] = wire.sessionBytesPerFieldChange
            report.json["session_gzip_bytes_per_change"] = wire.sessionGzipBytesPerFieldChange
        }
        if settings.wants("breakdown") {
            try await SyncBreakdownScenario(world: world, lines: settings.lines, log: log).run()
        }
        if settings.wants("central") {
            try await runCentralLoad(world, jsonPrefix: "", into: &report)
        }
    }
}
