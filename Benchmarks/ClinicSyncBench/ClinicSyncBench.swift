import ArgumentParser
import ClinicStore
import Foundation

/// `clinicsync-bench`: every scenario of DESIGN §7, side by side with native SQLite on the
/// same rows, in one process. Prints a table (or, with `--json`, one JSON object).
@main
struct ClinicSyncBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clinicsync-bench",
        abstract: "Benchmarks ClinicSync against native SQLite (DESIGN §7).",
        discussion: "Run with `swift run -c release clinicsync-bench`. Progress goes to stderr.")

    @Flag(help: "Print one JSON object instead of the table.")
    var json = false

    @Option(name: .customLong("icd10"), help: "The full ICD-10-CM order file (plain or .gz); default: the copy shipped with ClinicStore.")
    var icd10File: String?

    @Option(name: .customLong("search-queries"), help: "Everyday search queries with the codes a coder would pick (query<TAB>codes per line); default: Benchmarks/SearchQuality/everyday_queries.tsv.")
    var searchQueries: String?

    @Option(help: "Service lines entered, captured and synced.")
    var rows: Int?

    @Flag(help: "A short smoke run: 10k lines, a 100k-field-version store, one run each.")
    var quick = false

    @Option(help: "Runs of the capture and import comparisons (the median is reported).")
    var runs: Int?

    @Option(help: "Comma-separated scenarios to run: capture,sync,incremental,search,wire,central, and the diagnostic breakdown (default: all but breakdown).")
    var only: String?

    @Option(help: ArgumentHelp(
        "PostgreSQL URL: also run the sync and central-load scenarios with the central node on PostgreSQL.",
        discussion: "Default: $CLINICSYNC_POSTGRES_URL when set. Each run uses a new schema (bench_…); use a throwaway database."))
    var postgres: String?

    @Option(help: "Folder for the benchmark's stores (default: a new temporary folder, removed afterwards).")
    var folder: String?

    mutating func run() async throws {
        var settings = BenchSettings(quick: quick, rows: rows, runs: runs, icd10File: icd10File,
                                     only: only.map { Set($0.split(separator: ",").map(String.init)) })
        settings.postgresURL = postgres ?? ProcessInfo.processInfo.environment["CLINICSYNC_POSTGRES_URL"]
        settings.searchQueriesFile = searchQueries
        let root: URL
        if let folder {
            root = URL(fileURLWithPath: folder)
        } else {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("clinicsync-bench-\(UUID().uuidString)")
        }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { if folder == nil { try? FileManager.default.removeItem(at: root) } }

        let report = try await BenchRun(settings: settings, root: root).run()
        print(json ? report.jsonText : report.table)
    }
}

/// The sizes of a run.
struct BenchSettings {
    var lines: Int
    var runs: Int
    var largeFieldVersions: Int
    var smallFieldVersions = 10_000
    var incrementalRepeats: Int
    var searchPasses: Int
    var clinics = 50
    var linesPerClinic: Int
    var wireClaims: Int
    var icd10File: String?
    /// The everyday query set of the search-quality row; `nil`: the shipped one.
    var searchQueriesFile: String?
    var only: Set<String>?
    /// Where to run the PostgreSQL rows; `nil`: SQLite only.
    var postgresURL: String?

    init(quick: Bool, rows: Int?, runs: Int?, icd10File: String?, only: Set<String>?) {
        lines = rows ?? (quick ? 10_000 : 100_000)
        self.runs = max(1, runs ?? (quick ? 1 : 3))
        largeFieldVersions = quick ? 100_000 : 1_000_000
        incrementalRepeats = quick ? 8 : 25
        searchPasses = quick ? 1 : 3
        linesPerClinic = quick ? 40 : 200
        wireClaims = quick ? 200 : 1_000
        self.icd10File = icd10File
        self.only = only
    }

    /// Whether `scenario` runs: every §7 scenario by default; diagnostics (`breakdown`) only when named.
    func wants(_ scenario: String) -> Bool { only?.contains(scenario) ?? (scenario != "breakdown") }
}
