import BillingModel
import ClinicStore
import Testing

/// The store's answers to the scrubber follow the in-force rule: `effective_to` inclusive,
/// the latest `effective_from` wins when releases overlap, ties go to the latest import.
@Suite struct StoreCodeReferenceTests {
    static let codes: Set<String> = ["99213", "36415", "93000", "E119", "25", "11"]

    /// A (open-ended, 2024) has every code; B and C cover January 2025 with the same start,
    /// C imported later. Releases taken as they come (``ReleaseImport/Ordering/fitted``, as
    /// from the central office) may overlap like this; a checked import refuses C.
    static func store() throws -> LocalStore {
        let store = try TestStores.clinic()
        try SubmissionFixtures.importRelease(store, .cpt, name: "A", effective: "2024-01-01",
                                             text: "code,description\n99213,Visit\n36415,Blood draw\n93000,ECG\n")
        try SubmissionFixtures.importRelease(store, .cpt, name: "B", effective: "2025-01-01", to: "2025-01-31",
                                             ordering: .fitted, text: "code,description\n99213,Visit\n")
        SubmissionFixtures.advance(store)
        try SubmissionFixtures.importRelease(store, .cpt, name: "C", effective: "2025-01-01", to: "2025-01-31",
                                             ordering: .fitted, text: "code,description\n99213,Visit\n93000,ECG\n")
        return store
    }

    @Test(arguments: [
        ("2023-12-31", [String]()),
        ("2024-01-01", ["36415", "93000", "99213"]),
        ("2024-12-31", ["36415", "93000", "99213"]),
        ("2025-01-01", ["93000", "99213"]),
        ("2025-01-31", ["93000", "99213"]),
        ("2025-02-01", ["36415", "93000", "99213"]),
    ])
    func theReleaseInForceAnswers(day: String, present: [String]) throws {
        let store = try Self.store()
        let date = try #require(CalendarDate(day))
        let reference = try store.read { try StoreCodeReference.load($0, dates: [date], codes: Self.codes) }
        #expect(reference.hasRelease(of: .cpt, on: date) == !present.isEmpty)
        let found = ["36415", "93000", "99213"].filter { reference.contains($0, in: .cpt, on: date) }
        #expect(found == present)
        #expect(!reference.hasRelease(of: .icd10cm, on: date))
        #expect(reference.entry(for: "99213", in: .hcpcs, on: date) == nil)
    }

    @Test func editsAndLimitsComeFromTheirOwnReleases() throws {
        let store = try TestStores.clinic()
        try SubmissionFixtures.importRelease(store, .ncciPTP, name: "NCCI-2024", effective: "2024-01-01",
                                             text: EditFiles.ncci(EditFiles.ncciRows))
        try SubmissionFixtures.importRelease(store, .mue, name: "MUE-2025", effective: "2025-01-01",
                                             text: EditFiles.mue(EditFiles.mueRows))
        let codes: Set<String> = ["99213", "36415", "93000", "71046"]
        let early = try #require(CalendarDate("2024-12-31")), late = try #require(CalendarDate("2025-01-02"))
        let reference = try store.read { try StoreCodeReference.load($0, dates: [early, late], codes: codes) }

        #expect(reference.ncciEdit(column1: "99213", column2: "36415", on: early)?.modifierIndicator == .notAllowed)
        #expect(reference.ncciEdit(column1: "36415", column2: "99213", on: early) == nil, "edits are ordered pairs")
        #expect(reference.ncciEdit(column1: "93000", column2: "71046", on: early) != nil)
        #expect(reference.ncciEdit(column1: "93000", column2: "71046", on: late) == nil, "deleted on 2025-01-01")
        #expect(reference.mueLimit(for: "36415", on: early) == nil, "no MUE release in 2024")
        #expect(reference.mueLimit(for: "36415", on: late) == MUELimit(code: "36415", maxUnits: 2, indicator: .line,
                                                                        rationale: "Nature of Service/Procedure"))
    }
}
