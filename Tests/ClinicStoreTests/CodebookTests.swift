import BillingModel
import ClinicStore
import GRDB
import Testing

/// Codebook releases: import, refusal of bad files, and as-you-type search.
@Suite struct CodebookTests {
    static let sample = """
        00001 A00     0 Cholera                                                      Cholera
        00002 A000    1 Cholera due to Vibrio cholerae 01, biovar cholerae           Cholera due to Vibrio cholerae 01, biovar cholerae
        00003 A001    1 Cholera due to Vibrio cholerae 01, biovar eltor              Cholera due to Vibrio cholerae 01, biovar eltor
        """

    func spec(_ system: CodeSystem, _ name: String, from: String = "2024-10-01") -> ReleaseImport {
        ReleaseImport(system: system, name: name, effectiveFrom: CalendarDate(from)!, sourceName: "\(name).txt")
    }

    func tableCounts(_ store: LocalStore) throws -> [Int] {
        try store.read { db in
            try ["code_release", "code", "code_search", "ncci_edit", "mue_limit"].map {
                try Int.fetchOne(db, sql: "SELECT count(*) FROM \($0)") ?? -1
            }
        }
    }

    @Test func importsAnOrderFileWithHashAndDates() throws {
        let store = try TestStores.clinic()
        let release = try store.importRelease(spec(.icd10cm, "SAMPLE"), bytes: Array(Self.sample.utf8))
        #expect(release.entryCount == 3)
        #expect(release.sha256.count == 64)
        #expect(release.origin == .local)
        let codes = try store.lookupCode("A00.0")
        #expect(codes.first?.display == "A00.0" && codes.first?.billable == true)
        #expect(try store.lookupCode("A00").first?.billable == false)
    }

    @Test(arguments: [
        ("garbage", "this is not a codebook\nnor\u{0}\u{1} is this\n", 2),
        ("truncated", "00001 A00     0 Cholera                                                      Cholera\n00002 A0", 2),
        ("bad code", "00001 A00     0 Cholera                                                      Cholera\n00002 !!!!    1 Bad code                                                     Bad code\n", 2),
    ])
    func aBadFileNamesTheLineAndChangesNothing(label: String, text: String, line: Int) throws {
        let store = try TestStores.clinic()
        _ = try store.importRelease(spec(.icd10cm, "GOOD"), bytes: Array(Self.sample.utf8))
        let before = try tableCounts(store)
        do {
            _ = try store.importRelease(spec(.icd10cm, "BAD"), bytes: Array(text.utf8))
            Issue.record("\(label) import was accepted")
        } catch let error as StoreError {
            guard case .importFailed(_, let reported, _) = error else { Issue.record("unexpected \(error)"); return }
            #expect(reported == line, "\(label): \(error)")
            #expect(error.description.contains("line \(line)"))
        }
        #expect(try tableCounts(store) == before)
    }

    /// An import builds the search index holding up to 16 MiB of new terms in memory (FTS5's
    /// `hashsize`) before writing a segment: a setting kept with the index, which stays whole.
    @Test func anImportBuildsTheSearchIndexWithALargeTermBuffer() throws {
        let store = try TestStores.clinic()
        _ = try store.importRelease(spec(.icd10cm, "SAMPLE"), bytes: Array(Self.sample.utf8))
        let hashSize = try store.read { try Int.fetchOne($0, sql: "SELECT v FROM code_search_config WHERE k = 'hashsize'") }
        #expect(hashSize == 16 << 20)
        try store.write { try $0.execute(sql: "INSERT INTO code_search (code_search, rank) VALUES ('integrity-check', 1)") }
        #expect(try store.searchCodes("cholera eltor", system: .icd10cm).map(\.code) == ["A001"])
    }

    @Test func aDuplicateReleaseNameIsRefused() throws {
        let store = try TestStores.clinic()
        _ = try store.importRelease(spec(.icd10cm, "R1"), bytes: Array(Self.sample.utf8))
        #expect(throws: StoreError.self) { try store.importRelease(spec(.icd10cm, "R1"), bytes: Array(Self.sample.utf8)) }
        #expect(try store.releases().count == 1)
    }

    @Test func searchUsesTheReleaseInForceOnTheDate() throws {
        let store = try TestStores.clinic()
        _ = try store.importRelease(spec(.cpt, "OLD", from: "2024-01-01"), bytes: Array("code,description\n99213,Old wording visit\n".utf8))
        _ = try store.importRelease(spec(.cpt, "NEW", from: "2025-01-01"), bytes: Array("code,description\n99213,New wording visit\n".utf8))
        #expect(try store.searchCodes("visit", on: CalendarDate("2024-06-01")).map(\.release) == ["OLD"])
        #expect(try store.searchCodes("visit", on: CalendarDate("2025-06-01")).map(\.release) == ["NEW"])
        #expect(try store.searchCodes("visit", on: CalendarDate("2023-06-01")).isEmpty)
    }

    /// The shipped FY2025 file (the same file as shared/data) imports whole, and the
    /// searches a coder types put the expected code in the top five.
    @Test func bundledCodeSetsLoadAndSearchFindsTheRightCodes() throws {
        let store = try TestStores.clinic()
        let loaded = try store.loadBundledCodebooks()
        let icd = try #require(loaded.first { $0.system == .icd10cm })
        #expect(icd.entryCount == 97_584)
        let billable = try store.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM code WHERE release_id = ? AND billable = 1", arguments: [icd.id])
        }
        #expect(billable == 74_260)
        let day = CalendarDate("2025-01-10")
        let expectations: [(String, CodeSystem?, String)] = [
            ("9921", nil, "99213"), ("E11.6", nil, "E116"), ("E11.65", nil, "E1165"), ("type 2 diabetes without complications", nil, "E119"),
            ("office visit", .cpt, "99202"), ("diabetes type 2", .icd10cm, "E119"), ("hypertens", .icd10cm, "I10"),
            ("venip", nil, "36415"), ("telehealth", .pos, "02"),
        ]
        for (query, system, expected) in expectations {
            let top = try store.searchCodes(query, system: system, on: day, limit: 5).map(\.code)
            #expect(top.contains(expected), "'\(query)' top 5 was \(top)")
        }
        #expect(try store.searchCodes("office visit", on: day, limit: 3).allSatisfy(\.isEM))
        #expect(try store.loadBundledCodebooks().isEmpty, "loading twice imports nothing new")
    }
}
