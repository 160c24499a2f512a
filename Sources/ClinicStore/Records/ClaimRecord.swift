import BillingModel
import GRDB

/// A row of `claim`. Diagnoses are one field: the ordered codes joined by commas.
struct ClaimRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "claim"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    enum Columns {
        static let id = Column("id")
        static let claimNumber = Column("claim_number")
        static let lifecycle = Column("lifecycle")
        static let deleted = Column("deleted")
    }

    var id: String
    var owner: String
    var claimNumber: String
    var patientId: String
    var payerId: String
    var billingNpi: String
    var renderingNpi: String?
    var pos: String
    var diagnoses: String
    var frequency: String
    var payerClaimNumber: String?
    var lifecycle: Int
    var totalChargeCents: Int64
    var notes: String
    var originalClaimId: String?
    var deleted: Int = 0

    init(_ claim: Claim) {
        id = claim.id
        owner = claim.clinicID
        claimNumber = claim.claimNumber
        patientId = claim.patientID
        payerId = claim.payerID
        billingNpi = claim.billingNPI
        renderingNpi = claim.renderingNPI
        pos = claim.placeOfService
        diagnoses = claim.diagnoses.joined(separator: ",")
        frequency = claim.frequency.rawValue
        payerClaimNumber = claim.payerClaimNumber
        lifecycle = claim.lifecycle.rank
        totalChargeCents = claim.totalChargeCents
        notes = claim.notes
        originalClaimId = claim.originalClaimID
    }

    func claim(lines: [ServiceLine]) -> Claim {
        Claim(id: id, clinicID: owner, claimNumber: claimNumber, patientID: patientId, payerID: payerId,
              billingNPI: billingNpi, renderingNPI: renderingNpi, placeOfService: pos,
              diagnoses: diagnoses.split(separator: ",").map(String.init),
              frequency: ClaimFrequency(rawValue: frequency) ?? .original, payerClaimNumber: payerClaimNumber,
              lifecycle: ClaimLifecycle(rank: lifecycle) ?? ClaimLifecycle(), totalChargeCents: totalChargeCents,
              notes: notes, originalClaimID: originalClaimId, lines: lines)
    }
}
