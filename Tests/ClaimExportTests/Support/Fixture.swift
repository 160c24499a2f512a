import BillingModel
import ClaimExport

/// Realistic claim data for the export tests: valid NPIs, nine-digit ZIPs for billing
/// providers, real ICD-10-CM, CPT and HCPCS codes.
enum Fixture {
    static func date(_ text: String) -> CalendarDate { CalendarDate(text)! }

    static let serviceDate = date("2025-01-10")

    static let envelope = X12Envelope(
        submitter: X12Submitter(name: "Lakeside Family Medicine", id: "LAKESIDE01", contactName: "Billing Office",
                                phone: "(217) 555-0142"),
        receiver: X12Receiver(name: "Prairie Clearinghouse", id: "PRAIRIECH"),
        interchangeControlNumber: 4711, groupControlNumber: 4711, transactionSetControlNumber: 42,
        creationDate: date("2025-01-15"), creationTime: X12Time(hour: 9, minute: 5)!, usage: .test)

    // MARK: Providers

    static let lakeside = Provider(
        id: "prov-lakeside", clinicID: "clinic-1", npi: "1234567893", name: "Lakeside Family Medicine",
        taxonomy: "207Q00000X", taxID: "12-3456789",
        address: Address(line1: "100 Main St", city: "Springfield", state: "IL", zip: "62701-1234"))

    static let riverside = Provider(
        id: "prov-riverside", clinicID: "clinic-2", npi: "1003347634", name: "Riverside Pediatrics PC",
        taxID: "987654321",
        address: Address(line1: "2200 River Rd Suite 4", city: "Peoria", state: "IL", zip: "616021122"))

    /// A physician billing under her own name (NM102 = 1).
    static let drOkafor = Provider(
        id: "prov-okafor", clinicID: "clinic-1", npi: "1528060837", name: "Okafor, Adaeze",
        taxonomy: "207Q00000X", taxID: "364455667",
        address: Address(line1: "100 Main St", city: "Springfield", state: "IL", zip: "627011234"))

    static let drChen = Provider(
        id: "prov-chen", clinicID: "clinic-2", npi: "1821993510", name: "Chen, Wei", taxonomy: "208000000X")

    // MARK: Payers

    static let aetna = Payer(id: "payer-aetna", owner: "central", payerID: "60054", name: "Aetna", filingIndicator: "CI")
    static let medicare = Payer(id: "payer-mcr", owner: "central", payerID: "00952", name: "Medicare Part B Illinois",
                                filingIndicator: "MB")

    // MARK: Patients

    static let janeDoe = Patient(
        id: "pat-jane", clinicID: "clinic-1", firstName: "Jane", lastName: "Doe", dateOfBirth: date("1980-01-01"),
        sex: .female, memberID: "W123456789",
        address: Address(line1: "200 Oak Ave", city: "Springfield", state: "IL", zip: "62702"))

    static let harold = Patient(
        id: "pat-harold", clinicID: "clinic-1", firstName: "Harold", lastName: "Whitfield", dateOfBirth: date("1948-07-22"),
        sex: .male, memberID: "1EG4TE5MK73",
        address: Address(line1: "45 Maple Ct", city: "Chatham", state: "IL", zip: "626291010"))

    static let robertGarcia = Patient(
        id: "pat-robert", clinicID: "clinic-2", firstName: "Robert", lastName: "Garcia", dateOfBirth: date("1979-03-14"),
        sex: .male, memberID: "AET889900112",
        address: Address(line1: "18 Birch Ln", city: "Peoria", state: "IL", zip: "61604"))

    /// Robert Garcia's daughter, covered as his dependent.
    static let sofiaGarcia = Patient(
        id: "pat-sofia", clinicID: "clinic-2", firstName: "Sofia", lastName: "Garcia", dateOfBirth: date("2016-09-02"),
        sex: .female, memberID: "AET889900112",
        address: Address(line1: "18 Birch Ln", city: "Peoria", state: "IL", zip: "61604"),
        subscriberID: "pat-robert", relationship: "19")

    /// Robert Garcia's son, also his dependent.
    static let mateoGarcia = Patient(
        id: "pat-mateo", clinicID: "clinic-2", firstName: "Mateo", lastName: "Garcia", dateOfBirth: date("2019-04-30"),
        sex: .male, memberID: "AET889900112",
        address: Address(line1: "18 Birch Ln", city: "Peoria", state: "IL", zip: "61604"),
        subscriberID: "pat-robert", relationship: "19")

    // MARK: Builders

    static func line(_ number: Int, _ code: String, modifiers: [String] = [], units: Int = 1, cents: Int64,
                     on day: CalendarDate = serviceDate, through last: CalendarDate? = nil,
                     pointers: [Int] = [1], placeOfService: String? = nil) -> ServiceLine {
        ServiceLine(id: "line-\(number)", claimID: "", lineNumber: number, procedureCode: code, modifiers: modifiers,
                    units: units, chargeCents: cents, serviceDate: day, serviceDateTo: last,
                    diagnosisPointers: pointers, placeOfService: placeOfService)
    }

    /// The lines of a routine office visit with a blood draw.
    static let officeVisitLines = [
        line(1, "99213", modifiers: ["25"], cents: 10_000, pointers: [1, 2]),
        line(2, "36415", cents: 2_550, pointers: [1]),
    ]

    /// A claim whose stored total is the sum of its lines.
    static func claim(_ number: String, patient: Patient, payer: Payer = aetna, billing: Provider = lakeside,
                      rendering: Provider? = nil, placeOfService: String = "11",
                      diagnoses: [String] = ["E11.65", "I10"], lines: [ServiceLine] = officeVisitLines,
                      frequency: ClaimFrequency = .original, payerClaimNumber: String? = nil) -> Claim {
        Claim(id: "claim-\(number)", clinicID: patient.clinicID, claimNumber: number, patientID: patient.id,
              payerID: payer.id, billingNPI: billing.npi, renderingNPI: rendering?.npi, placeOfService: placeOfService,
              diagnoses: diagnoses, frequency: frequency, payerClaimNumber: payerClaimNumber,
              totalChargeCents: lines.reduce(0) { $0 + $1.chargeCents }, lines: lines)
    }

    /// A bundle for `claim`, looking the subscriber up among the fixture patients.
    static func bundle(_ claim: Claim, patient: Patient, payer: Payer = aetna, billing: Provider = lakeside,
                       rendering: Provider? = nil) -> X12ClaimBundle {
        let subscriber = patient.isSubscriber ? patient : [robertGarcia].first { $0.id == patient.subscriberID }!
        return X12ClaimBundle(claim: claim, patient: patient, subscriber: subscriber, payer: payer,
                              billingProvider: billing, renderingProvider: rendering)
    }

    /// The usual one-claim bundle: Jane Doe's office visit at Lakeside.
    static func simpleBundle(_ number: String = "C1001") -> X12ClaimBundle {
        bundle(claim(number, patient: janeDoe), patient: janeDoe)
    }
}
