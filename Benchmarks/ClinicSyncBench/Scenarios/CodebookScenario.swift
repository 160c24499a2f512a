import BillingModel
import ClinicStore
import Foundation

/// The full ICD-10-CM order file import, and as-you-type search over it plus the procedure
/// lists (DESIGN §7): every prefix of what coders type, a keystroke at a time.
struct CodebookScenario {
    struct Figures {
        var codes = 0
        var importSeconds: [Double] = []
        var searchMillis: [Double] = []
        var queries = 0
        var slowest: [(query: String, millis: Double)] = []
        /// Each keystroke's fastest pass: its cost with the machine's scheduling noise taken out.
        var bestOfPassesMillis: [Double] = []
        /// Hit rates of the everyday query set, on the same store.
        var quality = SearchQualityScenario.Figures()
        /// Hit rates of the held-out set, on the same store.
        var heldOut = SearchQualityScenario.Figures()
    }

    /// What coders type: descriptions in their words, and codes with or without the dot.
    static let typed = [
        "type 2 diabetes without complications", "essential hypertension", "hyperlipidemia", "low back pain",
        "acute upper respiratory infection", "urinary tract infection", "major depressive disorder",
        "generalized anxiety disorder", "gastro-esophageal reflux", "chest pain", "fracture of left wrist",
        "sprain of right ankle", "otitis media", "pneumonia", "covid", "asthma with exacerbation", "migraine",
        "morbid obesity", "vitamin d deficiency", "hypothyroidism", "atrial fibrillation", "osteoarthritis of knee",
        "office visit established", "venipuncture", "flu vaccine", "annual wellness visit",
        "encounter for general adult medical examination", "injection", "tobacco cessation", "strep test",
        "E11.9", "I10", "E78.5", "M54.50", "Z00.00", "J06.9", "N39.0", "F32.9", "S52.501A", "99213", "99214",
        "G0439", "J1100", "36415", "87880", "0591T",
    ]

    /// Every keystroke of every typed text (trailing spaces included, as a search box sends them).
    static var queries: [String] {
        typed.flatMap { text in (1...text.count).map { String(text.prefix($0)) } }
    }

    let world: BenchWorld
    let icd10File: String?
    let runs: Int
    let passes: Int
    /// The everyday query set (see ``SearchQualityScenario``).
    var qualityQueries: [SearchQualityScenario.Query] = []
    /// The held-out query set (``SearchQualityScenario/heldOutFile``).
    var heldOutQueries: [SearchQualityScenario.Query] = []
    let log: (String) -> Void

    func run() async throws -> Figures {
        var figures = Figures()
        var store: LocalStore?
        for run in 1...runs {
            let fresh = try await world.clinic("codes", file: "codes-\(run)")
            let (release, seconds) = try Stopwatch.time { try importICD10(into: fresh) }
            figures.importSeconds.append(seconds)
            figures.codes = release.entryCount
            log(String(format: "ICD-10-CM import run %d: %d codes in %.3f s", run, release.entryCount, seconds))
            store = fresh
        }
        guard let store else { return figures }
        _ = try store.loadBundledCodebooks(only: [.cpt, .hcpcs, .modifier, .pos])
        let queries = Self.queries
        figures.queries = queries.count
        var byQuery: [String: Double] = [:]
        var bestByKeystroke = [Double](repeating: .infinity, count: queries.count)
        for pass in 0...passes {
            for (index, query) in queries.enumerated() {
                let (_, seconds) = try Stopwatch.time { try store.searchCodes(query, limit: 10) }
                let millis = seconds * 1000
                if pass == 0 { continue }   // the first pass warms the page cache
                figures.searchMillis.append(millis)
                bestByKeystroke[index] = min(bestByKeystroke[index], millis)
                byQuery[query] = max(byQuery[query] ?? 0, millis)
            }
        }
        figures.bestOfPassesMillis = passes > 0 ? bestByKeystroke : []
        figures.slowest = byQuery.sorted { $0.value > $1.value }.prefix(8).map { ($0.key, $0.value) }
        log(String(format: "search: %d queries × %d passes, p50 %.3f ms, p99 %.3f ms (best of passes: p99 %.3f ms); slowest: %@",
                   queries.count, passes, figures.searchMillis.median, figures.searchMillis.percentile(99),
                   figures.bestOfPassesMillis.percentile(99),
                   figures.slowest.map { String(format: "'%@' %.2f", $0.query, $0.millis) }.joined(separator: ", ")))
        if !qualityQueries.isEmpty {
            figures.quality = try quality(qualityQueries, named: "everyday", store: store)
        }
        if !heldOutQueries.isEmpty {
            figures.heldOut = try quality(heldOutQueries, named: "held-out", store: store)
        }
        return figures
    }

    private func quality(_ queries: [SearchQualityScenario.Query], named name: String, store: LocalStore) throws -> SearchQualityScenario.Figures {
        let quality = try SearchQualityScenario(store: store, queries: queries, passes: passes).run()
        log(String(format: "search quality: %d %@ queries, hit@1 %.1f%%, hit@3 %.1f%%; misses: %@", quality.queries, name,
                   quality.hitAt1 * 100, quality.hitAt3 * 100,
                   quality.misses.map { "'\($0.query)' (\($0.expected)) -> \($0.found.joined(separator: " "))" }.joined(separator: "; ")))
        return quality
    }

    private func importICD10(into store: LocalStore) throws -> CodeRelease {
        if let icd10File {
            let spec = ReleaseImport(system: .icd10cm, name: "ICD10CM-FY2025", effectiveFrom: CalendarDate("2024-10-01")!,
                                     sourceName: (icd10File as NSString).lastPathComponent)
            return try store.importRelease(spec, file: icd10File)
        }
        guard let release = try store.loadBundledCodebooks(only: [.icd10cm]).first else {
            struct Missing: Error, CustomStringConvertible { var description = "no bundled ICD-10-CM release" }
            throw Missing()
        }
        return release
    }
}
