import BillingModel
import ClinicStore
import Foundation
import GRDB

/// Stores, people, claims and release files for the submission tests.
enum SubmissionFixtures {
    /// Real rows of the CMS ICD-10-CM FY2025 order file: the header E11 and billable codes.
    static let icd10Lines = [
        "04292 E11     0 Type 2 diabetes mellitus                                     Type 2 diabetes mellitus",
        "04404 E1165   1 Type 2 diabetes mellitus with hyperglycemia                  Type 2 diabetes mellitus with hyperglycemia",
        "04407 E119    1 Type 2 diabetes mellitus without complications               Type 2 diabetes mellitus without complications",
        "04741 E6601   1 Morbid (severe) obesity due to excess calories               Morbid (severe) obesity due to excess calories",
        "04974 E785    1 Hyperlipidemia, unspecified                                  Hyperlipidemia, unspecified",
        "05966 F411    1 Generalized anxiety disorder                                 Generalized anxiety disorder",
        "06692 G4733   1 Obstructive sleep apnea (adult) (pediatric)                  Obstructive sleep apnea (adult) (pediatric)",
        "10890 H6691   1 Otitis media, unspecified, right ear                         Otitis media, unspecified, right ear",
        "11515 I10     1 Essential (primary) hypertension                             Essential (primary) hypertension",
        "11813 I4891   1 Unspecified atrial fibrillation                              Unspecified atrial fibrillation",
        "13291 J029    1 Acute pharyngitis, unspecified                               Acute pharyngitis, unspecified",
        "13318 J069    1 Acute upper respiratory infection, unspecified               Acute upper respiratory infection, unspecified",
        "13999 K219    1 Gastro-esophageal reflux disease without esophagitis         Gastro-esophageal reflux disease without esophagitis",
        "17945 M1711   1 Unilateral primary osteoarthritis, right knee                Unilateral primary osteoarthritis, right knee",
        "19881 M545    0 Low back pain                                                Low back pain",
        "19882 M5450   1 Low back pain, unspecified                                   Low back pain, unspecified",
        "24758 N1831   1 Chronic kidney disease, stage 3a                             Chronic kidney disease, stage 3a",
        "30297 R059    1 Cough, unspecified                                           Cough, unspecified",
        "95766 Z0000   1 Encntr for general adult medical exam w/o abnormal findings  Encounter for general adult medical examination without abnormal findings",
        "96100 Z23     1 Encounter for immunization                                   Encounter for immunization",
        "96730 Z6835   1 Body mass index [BMI] 35.0-35.9, adult                       Body mass index [BMI] 35.0-35.9, adult",
        "96894 Z7901   1 Long term (current) use of anticoagulants                    Long term (current) use of anticoagulants",
        "96899 Z794    1 Long term (current) use of insulin                           Long term (current) use of insulin",
        "96927 Z7984   1 Long term (current) use of oral hypoglycemic drugs           Long term (current) use of oral hypoglycemic drugs",
    ]

    /// The billable codes of ``icd10Lines``.
    static let billableDiagnoses = icd10Lines.filter { $0.dropFirst(14).first == "1" }
        .map { String($0.dropFirst(6).prefix(7)).trimmingCharacters(in: .whitespaces) }

    /// NPIs with correct check digits.
    static let billingNPI = "1234567893"
    static let renderingNPI = "1987654328"

    /// A clinic store on 2025-03-01 with the bundled POS, modifier, HCPCS and demo CPT lists,
    /// and ICD-10-CM either from ``icd10Lines`` (fast) or the bundled FY2025 file.
    static func store(seed: UInt64 = 1, bundledICD: Bool = false) throws -> LocalStore {
        let store = try TestStores.clinic(seed: seed)
        try prepare(store, bundledICD: bundledICD)
        return store
    }

    /// Loads the code sets of ``store(seed:bundledICD:)`` into `store`.
    static func prepare(_ store: LocalStore, bundledICD: Bool = false) throws {
        _ = try store.loadBundledCodebooks(only: bundledICD ? [.pos, .modifier, .hcpcs, .cpt, .icd10cm]
                                                            : [.pos, .modifier, .hcpcs, .cpt])
        if !bundledICD {
            _ = try store.importRelease(
                ReleaseImport(system: .icd10cm, name: "ICD10CM-SAMPLE", effectiveFrom: CalendarDate("2024-10-01")!,
                              sourceName: "icd10cm_sample.txt"),
                bytes: Array((icd10Lines.joined(separator: "\n") + "\n").utf8))
        }
    }

    /// The records a claim refers to.
    struct People {
        var subscriber: Patient
        var child: Patient
        var payer: Payer
    }

    /// A subscriber, her child (relationship 19), the billing and rendering providers and a payer.
    static func people(in store: LocalStore) throws -> People {
        let subscriber = try store.addPatient(PatientInput(
            firstName: "Maria", lastName: "Garcia", dateOfBirth: "1984-07-02", sex: "F", memberID: "XGM100200",
            address: "12 Elm Street", city: "Springfield", state: "IL", zip: "62704"))
        let child = try store.addPatient(PatientInput(
            firstName: "Lucas", lastName: "Garcia", dateOfBirth: "2016-03-15", sex: "M", memberID: "XGM100200",
            address: "12 Elm Street", city: "Springfield", state: "IL", zip: "62704",
            subscriberID: subscriber.id, relationship: "19"))
        _ = try store.addProvider(ProviderInput(npi: billingNPI, name: "Springfield Family Practice", taxID: "371234567",
                                                taxonomy: "207Q00000X", address: "100 Main Street", city: "Springfield",
                                                state: "IL", zip: "627011234"))
        _ = try store.addProvider(ProviderInput(npi: renderingNPI, name: "Nguyen, Anna", taxonomy: "207Q00000X"))
        let payer = try store.addPayer(payerID: "60054", name: "Prairie Health Plan", filingIndicator: "CI")
        return People(subscriber: subscriber, child: child, payer: payer)
    }

    /// A line as a coder types it.
    static func line(_ code: String, _ modifiers: [String] = [], units: Int = 1, charge: String = "100.00",
                     date: String = "2025-01-10", pointers: [Int] = [1]) -> LineInput {
        LineInput(procedureCode: code, modifiers: modifiers, units: units, charge: charge, serviceDate: date,
                  diagnosisPointers: pointers)
    }

    /// A claim with its lines, through the store API.
    static func claim(in store: LocalStore, patient: Patient, diagnoses: [String] = ["E11.9", "I10"],
                      lines: [LineInput], billingNPI: String = billingNPI, renderingNPI: String? = nil) throws -> Claim {
        let claim = try store.newClaim(ClaimInput(patientID: patient.id, payer: "60054", billingNPI: billingNPI,
                                                  renderingNPI: renderingNPI, diagnoses: diagnoses))
        for line in lines { _ = try store.addLine(claim: claim.id, line) }
        return try store.claim(claim.id)
    }

    /// Imports a release file's text as `system`, in force from `effective` (checked against the
    /// releases held unless `ordering` says otherwise).
    @discardableResult
    static func importRelease(_ store: LocalStore, _ system: CodeSystem, name: String, effective: String,
                              to: String? = nil, ordering: ReleaseImport.Ordering = .checked, text: String) throws -> CodeRelease {
        try store.importRelease(ReleaseImport(system: system, name: name, effectiveFrom: CalendarDate(effective)!,
                                              effectiveTo: to.flatMap(CalendarDate.init), sourceName: "\(name).txt",
                                              ordering: ordering),
                                bytes: Array(text.utf8))
    }

    /// Rows in the change log: unchanged when a refused command changed nothing.
    static func changeCount(_ store: LocalStore) throws -> Int {
        try store.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM change_log") ?? -1 }
    }

    /// Moves the store's manual clock forward.
    static func advance(_ store: LocalStore, millis: Int64 = 1_000) {
        (store.clock as? ManualClock)?.advance(byMillis: millis)
    }
}

/// NCCI and MUE files in the CMS layouts.
enum EditFiles {
    /// The practitioner PTP layout: notice lines, a header over several lines, tab-separated rows.
    static func ncci(_ rows: [String]) -> String {
        ([
            "CPT codes, descriptions and other data only are copyright 2024 American Medical Association. All rights reserved.",
            "",
            "Column1/Column 2 Edits",
            "Column 1\tColumn 2\t*=in existence\tEffective\tDeletion\tModifier\tPTP Edit Rationale",
            "\t\tprior to 1996\tDate\tDate\t0=not allowed\t",
            "\t\t\t\t*=no data\t1=allowed\t",
            "\t\t\t\t\t9=not applicable\t",
        ] + rows).joined(separator: "\r\n") + "\r\n"
    }

    /// The edits the NCCI tests use.
    static let ncciRows = [
        "99213\t36415\t\t20200101\t*\t0\tMisuse of column two code with column one code",
        "20610\t96372\t\t20190101\t*\t1\tStandards of medical / surgical services",
        "17110\t11102\t\t20190101\t*\t9\tMutually exclusive procedures",
        "93000\t71046\t\t20150101\t20250101\t0\tCPT Manual or CMS manual coding instructions",
    ]

    /// The practitioner MUE CSV layout: a quoted notice, the header, rows.
    static func mue(_ rows: [String]) -> String {
        ([
            "\"CPT codes, descriptions and other data only are copyright 2024 American Medical Association.\"",
            "HCPCS/CPT Code,Practitioner Services MUE Values,MUE Adjudication Indicator,MUE Rationale",
        ] + rows).joined(separator: "\n") + "\n"
    }

    /// The limits the MUE tests use.
    static let mueRows = [
        "36415,2,1 Line Edit,Nature of Service/Procedure",
        "97110,4,3 Date of Service Edit: Clinical,Clinical: Data",
        "11102,1,2 Date of Service Edit: Policy,Code Descriptor / CPT Instruction",
    ]
}
