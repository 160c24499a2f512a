import ClinicStore
import Foundation
import Testing

/// The pure rules behind a search a coder can trust (issue 26): synonym readings, typo
/// distance and correction, rank adjustments, favorite boosts. Tables of cases.
@Suite struct SearchRulesTests {
    static let table = SynonymTable([
        ("htn", ["essential hypertension"]),
        ("high blood pressure", ["essential hypertension"]),
        ("high", ["elevated"]),
        ("flu shot", ["influenza vaccine", "immunization"]),
        ("flu", ["influenza"]),
        ("right", ["right"]),
    ])

    @Test(arguments: [
        ("htn", [["essential", "hypertension"]], true),
        ("HTN with ckd", [["essential", "hypertension", "with", "ckd"]], false),
        ("high blood pressure", [["essential", "hypertension"]], true),   // the longest term wins over "high"
        ("high fever", [["elevated", "fever"]], false),
        ("flu shot", [["influenza", "vaccine"], ["immunization"]], true),
        ("flu", [["influenza"]], true),
        ("fluid", nil, false),                                              // whole words only
        ("right flu", [["right", "influenza"]], true),
    ] as [(String, [[String]]?, Bool)])
    func synonymReadings(query: String, readings: [[String]]?, coversLast: Bool) {
        let rewrite = Self.table.rewrite(SynonymTable.words(query))
        #expect(rewrite?.alternatives == readings, "\(query)")
        if readings != nil { #expect(rewrite?.coversLastWord == coversLast, "\(query)") }
    }

    @Test(arguments: [
        ("infections", "infection"), ("allergies", "allergy"), ("bleeds", "bleed"), ("pvcs", "pvc"),
        ("abscess", "abscess"), ("bronchitis", "bronchitis"), ("lupus", "lupus"), ("ms", "ms"), ("gas", "gas"),
        ("ies", "ies"), ("flu", "flu"),
    ])
    func pluralEndingsFold(word: String, folded: String) {
        #expect(SynonymTable.folded(word) == folded)
    }

    @Test func termsMatchSingularAndPluralAlike() {
        let table = SynonymTable([("ear infection", ["otitis media"]), ("hives", ["urticaria"]), ("pvc", ["premature ventricular"])])
        #expect(table.rewrite(["ear", "infections"])?.alternatives == [["otitis", "media"]])
        #expect(table.rewrite(["hive"])?.alternatives == [["urticaria"]])
        #expect(table.rewrite(["pvcs"])?.alternatives == [["premature", "ventricular"]])
        #expect(table.rewrite(["ear", "infectious"]) == nil)
    }

    @Test func officeEntriesWinOverShippedOnes() {
        let office = SynonymTable([("htn", ["hypertensive heart disease"])])
        #expect(Self.table.merging(office).rewrite(["htn"])?.alternatives == [["hypertensive", "heart", "disease"]])
        #expect(Self.table.rewrite(["htn"])?.alternatives == [["essential", "hypertension"]])
    }

    @Test(arguments: [
        ("uti\turinary tract infection\n", nil),
        ("# comment\n\nflu shot\tinfluenza vaccine|immunization\r\n", nil),
        ("uti urinary tract infection\n", 1),          // no tab
        ("ok\tfine\n\t words\n", 2),                   // empty term
        ("ok\tfine\nterm\t|  |\n", 2),                 // no words
    ] as [(String, Int?)])
    func synonymFileLines(text: String, badLine: Int?) {
        do {
            _ = try SynonymTable.parse(text)
            #expect(badLine == nil)
        } catch let error as SynonymFileError {
            #expect(error.line == badLine)
        } catch {
            Issue.record("\(error)")
        }
    }

    @Test(arguments: [
        ("diabetis", "diabetes", 1), ("pnuemonia", "pneumonia", 1), ("hypertention", "hypertension", 1),
        ("bronchitus", "bronchitis", 1), ("astma", "asthma", 1), ("migrane", "migraine", 1),
        ("abc", "abc", 0), ("kitten", "sitting", 3), ("", "abc", 3), ("ab", "ba", 1),
    ])
    func editDistance(a: String, b: String, expected: Int) {
        #expect(TypoCorrection.distance(Array(a.utf8), Array(b.utf8), limit: 5) == expected)
        #expect(TypoCorrection.distance(Array(a.utf8), Array(b.utf8), limit: 0) == min(expected, 1))
    }

    @Test func correctionPrefersNearestThenSameFirstLetterThenCommonest() {
        let vocabulary: [(term: String, rows: Int)] = [
            ("diabetes", 900), ("diabetic", 400), ("pneumonia", 300), ("pneumonitis", 50), ("e119", 1),
            ("sore", 10), ("score", 5),
        ]
        #expect(TypoCorrection.correction(for: "diabetis", in: vocabulary) == "diabetes")
        #expect(TypoCorrection.correction(for: "pnuemonia", in: vocabulary) == "pneumonia")
        #expect(TypoCorrection.correction(for: "xyzzyqwert", in: vocabulary) == nil)
        #expect(TypoCorrection.correction(for: "sor", in: vocabulary) == nil)            // under 4 letters: not corrected
        #expect(TypoCorrection.correction(for: "e118", in: vocabulary) == nil)           // codes are not words
        #expect(TypoCorrection.allowedDistance(forLength: 5) == 1)
        #expect(TypoCorrection.allowedDistance(forLength: 9) == 2)
    }

    typealias Markers = SearchRankRules.Markers

    @Test(arguments: [
        // description words, query words, expected adjustment
        ("Fever, unspecified", "fever", -2.0),
        ("Cough, unspecified", "unspecified cough", 0.0),                   // the query asked for it
        ("Type 2 diabetes mellitus without complications", "diabetes", -2.0),
        ("Type 2 diabetes mellitus with unspecified complications", "diabetes", -1.0),
        ("Type 2 diabetes mellitus with diabetic neuropathy", "diabetes with neuropathy", 0.0),
        ("Family history of diabetes mellitus", "diabetes", 6.0),           // family + history
        ("Family history of diabetes mellitus", "family history diabetes", 0.0),
        ("Sprain of unspecified ligament of right ankle, sequela", "sprain ankle", 2.5),  // + the side not asked for
        ("Neonatal diabetes mellitus", "diabetes", 3.0),
        ("Unspecified asthma, uncomplicated", "asthma", -3.0),              // unspecified and uncomplicated: both bonuses
        // Qualifiers the query did not type rank lower, unless a "not" just before negates them.
        ("Migraine, unspecified, not intractable, without status migrainosus", "migraine", -3.0),
        ("Migraine, unspecified, intractable, without status migrainosus", "migraine", -1.5),
        ("Migraine, unspecified, intractable, without status migrainosus", "intractable migraine", -3.0),
        ("Other migraine, not intractable, without status migrainosus", "migraine", -0.5),
        ("Unilateral inguinal hernia, without obstruction or gangrene, not specified as recurrent", "inguinal hernia", -2.0),
        ("Unilateral inguinal hernia, without obstruction or gangrene, recurrent", "inguinal hernia", -0.5),
        ("Bilateral inguinal hernia, without obstruction or gangrene, not specified as recurrent", "inguinal hernia", -0.5),
        ("Pain in right knee", "knee pain", 1.5),
        ("Pain in right knee", "right knee pain", 0.0),
        ("Unspecified dementia, mild, with anxiety", "dementia", 0.5),
    ])
    func rankAdjustments(description: String, query: String, expected: Double) {
        let adjustment = SearchRankRules.adjustment(description: Markers(words: SynonymTable.words(description)),
                                                    query: Markers(words: SynonymTable.words(query)))
        #expect(adjustment == expected, "\(description) / \(query)")
    }

    @Test(arguments: [
        ("Pneumonia, unspecified organism", "pneumonia", true),
        ("Viral pneumonia, unspecified", "pneumonia", false),
        ("Unspecified asthma, uncomplicated", "asthma", true),
        ("Other fatigue", "fatigue", true),
        ("Migraine, unspecified", "migr", false),                 // typed in part: leads nothing
        ("Unspecified", "unspecified", false),
    ])
    func leadWord(description: String, first: String, leads: Bool) {
        #expect(SearchRankRules.leads(description: SynonymTable.words(description), queryFirst: first) == leads)
    }

    @Test func aCategoryWithoutSubdivisionsCountsAsItsDefaultCode() {
        let essential = SearchRankRules.adjustment(code: "I10", billable: true, description: [], query: [])
        let crisis = SearchRankRules.adjustment(code: "I169", billable: true, description: .unspecified, query: [])
        #expect(essential < crisis)
        #expect(SearchRankRules.adjustment(code: "J11", billable: false, description: [], query: []) == SearchRankRules.headerPenalty + 1.5)
    }

    @Test func headersRankBelowEquallyGoodBillableCodes() {
        let header = SearchRankRules.adjustment(code: "M545", billable: false, description: [], query: [])
        let leaf = SearchRankRules.adjustment(code: "M5450", billable: true, description: [], query: [])
        #expect(leaf < header)
        #expect(header - leaf == SearchRankRules.headerPenalty - SearchRankRules.codeLengthWeight)
        // Standing (import order): a billable default code before its header and its sequela.
        let likely = SearchRankRules.standing(code: "S93401A", description: "Sprain of unspecified ligament of right ankle, initial encounter", billable: true)
        let sequela = SearchRankRules.standing(code: "S93401S", description: "Sprain of unspecified ligament of right ankle, sequela", billable: true)
        let heading = SearchRankRules.standing(code: "S934", description: "Sprain of ankle", billable: false)
        #expect(likely < sequela && likely < heading)
    }

    @Test(arguments: [(0, 0.0), (1, 1.0), (3, 2.0), (7, 3.0), (1000, 3.0)])
    func favoriteBoostIsBounded(uses: Int, boost: Double) {
        #expect(FavoriteCode.boost(uses: uses) == boost)
        #expect(FavoriteCode.boost(uses: uses) <= FavoriteCode.maximumBoost)
        #expect(FavoriteCode.maximumBoost < SearchRankRules.headerPenalty)
    }

    @Test func headerSentenceListsItsBillableCodes() {
        let children = HeaderChildren(header: "M54.5", release: "ICD10CM-FY2025", children: ["M54.50", "M54.51", "M54.59"], total: 3)
        #expect(children.sentence == "M54.5 is not billable: M54.50, M54.51, M54.59")
        let many = HeaderChildren(header: "J11", release: "R", children: ["J11.00", "J11.08"], total: 9)
        #expect(many.sentence == "J11 is not billable: J11.00, J11.08 and 7 more")
    }

    @Test(arguments: [
        (["I131", "I1311", "I130"], ["I1311", "I131", "I130"]),
        (["J11", "J111", "J1100", "J10"], ["J111", "J1100", "J11", "J10"]),
        (["M545", "M5450", "M541"], ["M5450", "M545", "M541"]),
        (["R07", "R079"], ["R079", "R07"]),
        (["A00", "B01"], ["A00", "B01"]),            // a header with no billable code below it in the list stays
        (["E119", "E11", "E118"], ["E119", "E118", "E11"]),
    ])
    func headersMoveAfterTheirBillableCodes(ranked: [String], expected: [String]) {
        let headers: Set<String> = ["I131", "J11", "M545", "R07", "A00", "B01", "E11"]
        #expect(SearchRankRules.headersAfterTheirCodes(ranked, code: { $0 }, billable: { !headers.contains($0) }) == expected)
    }
}
