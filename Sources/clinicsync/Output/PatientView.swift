import BillingModel

/// A patient as `--json` prints it.
struct PatientView: Encodable {
    var id: String
    var clinicId: String
    var firstName: String
    var lastName: String
    var dob: String
    var sex: String
    var memberId: String
    var address: Address?
    var subscriberId: String?
    var relationship: String?

    init(_ patient: Patient) {
        id = patient.id
        clinicId = patient.clinicID
        firstName = patient.firstName
        lastName = patient.lastName
        dob = patient.dateOfBirth.description
        sex = patient.sex.rawValue
        memberId = patient.memberID
        address = patient.address
        subscriberId = patient.subscriberID
        relationship = patient.relationship
    }
}
