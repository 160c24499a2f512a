@testable import BillingModel

/// A small code reference (FY2025 releases) and a clean claim for the scrubber tests.
enum ScrubberFixtures {
    static func date(_ text: String) -> CalendarDate { CalendarDate(text)! }

    static let fy2025Start = date("2024-10-01")
    static let fy2025End = date("2025-09-30")
    /// The date of service of the clean claim.
    static let serviceDate = date("2025-03-04")
    /// "Today" for the scrubber.
    static let today = date("2025-03-10")

    static let billableDiagnoses = [
        "E119", "E1165", "I10", "J45909", "Z0000", "R69", "M1A9XX0", "S52521A", "T360X5A", "Z3A20", "U071", "A000",
        "A001",
    ]
    static let headerDiagnoses = ["E11", "A00"]

    static let cptCodes = [
        "99203", "99213", "99214", "20610", "20605", "36415", "97110", "97530", "11102", "93000", "93010", "90471",
        "0503F",
    ]
    static let hcpcsCodes = ["G0439", "J1100"]
    static let modifiers = ["25", "59", "XE", "XS", "XP", "XU", "LT", "RT", "26", "TC", "95", "93", "GT", "76", "77", "GA"]
    static let placesOfService = ["02", "10", "11", "22"]

    static let ncciEdits = [
        NCCIEdit(column1: "20610", column2: "20605", effective: date("2002-01-01"), modifierIndicator: .notAllowed,
                 rationale: "Mutually exclusive procedures"),
        NCCIEdit(column1: "20610", column2: "99213", effective: date("2013-01-01"), modifierIndicator: .allowed,
                 rationale: "Standards of medical / surgical services"),
        NCCIEdit(column1: "93000", column2: "93010", effective: date("1996-01-01"), modifierIndicator: .notApplicable,
                 rationale: "Misuse of column two code with column one code"),
        NCCIEdit(column1: "97110", column2: "97530", effective: date("2020-01-01"), deletion: date("2025-01-01"),
                 modifierIndicator: .allowed, rationale: "Mutually exclusive procedures"),
    ]
    static let mueLimits = [
        MUELimit(code: "20610", maxUnits: 2, indicator: .line, rationale: "Anatomic Consideration"),
        MUELimit(code: "36415", maxUnits: 1, indicator: .line, rationale: "Nature of Service/Procedure"),
        MUELimit(code: "97110", maxUnits: 4, indicator: .dateOfServiceClinical, rationale: "Clinical: Data"),
        MUELimit(code: "11102", maxUnits: 1, indicator: .dateOfServicePolicy, rationale: "Code Descriptor / CPT Instruction"),
    ]

    static func entries(_ codes: [String], billable: Bool = true) -> [CodeEntry] {
        codes.map { CodeEntry(code: $0, shortDescription: "Test \($0)", description: "Test code \($0)", billable: billable) }
    }

    /// A diagnosis FY2024 listed and FY2025 deleted.
    static let deletedDiagnosis = "E1101"
    /// A procedure CPT 2024 listed and CPT 2025 deleted.
    static let deletedProcedure = "99201"

    /// Every FY2025 release and the FY2024 ICD-10-CM and CPT 2024 releases before them (each
    /// with one code the next deletes), or all but the systems in `leavingOut`.
    static func releases(leavingOut omitted: Set<CodeSystem> = []) -> [InMemoryCodeReference.Release] {
        let all: [InMemoryCodeReference.Release] = [
            .init(system: .icd10cm, name: "ICD10CM-FY2024", effectiveFrom: date("2023-10-01"), effectiveTo: date("2024-09-30"),
                  entries: entries(billableDiagnoses + [deletedDiagnosis]) + entries(headerDiagnoses, billable: false)),
            .init(system: .icd10cm, name: "ICD10CM-FY2025", effectiveFrom: fy2025Start, effectiveTo: fy2025End,
                  entries: entries(billableDiagnoses) + entries(headerDiagnoses, billable: false)),
            .init(system: .cpt, name: "CPT-2024", effectiveFrom: date("2024-01-01"), effectiveTo: date("2024-12-31"),
                  entries: entries(cptCodes + [deletedProcedure])),
            .init(system: .cpt, name: "CPT-2025", effectiveFrom: date("2025-01-01"), effectiveTo: date("2025-12-31"),
                  entries: entries(cptCodes)),
            .init(system: .hcpcs, effectiveFrom: date("2025-01-01"), entries: entries(hcpcsCodes)),
            .init(system: .modifier, effectiveFrom: date("2025-01-01"), entries: entries(modifiers)),
            .init(system: .pos, effectiveFrom: date("2020-01-01"), entries: entries(placesOfService)),
            .init(effectiveFrom: date("2024-10-01"), ncciEdits: ncciEdits),
            .init(effectiveFrom: date("2024-10-01"), mueLimits: mueLimits),
        ]
        return all.filter { !omitted.contains($0.system) }
    }

    static let reference = InMemoryCodeReference(releases: releases())
    static let scrubber = ClaimScrubber(reference: reference, today: today)

    static func line(_ number: Int, _ code: String, modifiers: [String] = [], units: Int = 1, cents: Int64 = 10_000,
                     on day: CalendarDate = serviceDate, pointers: [Int] = [1]) -> ServiceLine {
        ServiceLine(id: "line-\(number)", claimID: "claim-1", lineNumber: number, procedureCode: code,
                    modifiers: modifiers, units: units, chargeCents: cents, serviceDate: day,
                    diagnosisPointers: pointers)
    }

    /// A claim every rule passes: two diagnoses, an office visit and a blood draw.
    static var cleanClaim: Claim {
        var claim = Claim(id: "claim-1", clinicID: "clinic-1", claimNumber: "C0001", patientID: "patient-1",
                          payerID: "payer-1", billingNPI: "1234567893", renderingNPI: "1003347634",
                          placeOfService: "11", diagnoses: ["E119", "I10"],
                          lines: [line(1, "99213", cents: 12_500, pointers: [1, 2]), line(2, "36415", cents: 1_500)])
        claim.totalChargeCents = claim.lineChargeTotalCents
        return claim
    }
}

extension Claim {
    /// Sets the stored total to the sum of the lines, as the store does.
    mutating func recomputeTotal() { totalChargeCents = lineChargeTotalCents }

    /// Appends a line and keeps the total in step.
    mutating func add(_ line: ServiceLine) {
        lines.append(line)
        recomputeTotal()
    }
}
