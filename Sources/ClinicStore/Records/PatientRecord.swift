import BillingModel
import GRDB

/// A row of `patient` (PHI).
struct PatientRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "patient"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    enum Columns {
        static let id = Column("id")
        static let owner = Column("owner")
        static let lastName = Column("last_name")
        static let deleted = Column("deleted")
    }

    var id: String
    var owner: String
    var firstName: String
    var lastName: String
    var dob: String
    var sex: String
    var memberId: String
    var address: String?
    var city: String?
    var state: String?
    var zip: String?
    var subscriberId: String?
    var relationship: String?
    var deleted: Int = 0

    init(_ patient: Patient) {
        id = patient.id
        owner = patient.clinicID
        firstName = patient.firstName
        lastName = patient.lastName
        dob = patient.dateOfBirth.description
        sex = patient.sex.rawValue
        memberId = patient.memberID
        address = patient.address?.line1
        city = patient.address?.city
        state = patient.address?.state
        zip = patient.address?.zip
        subscriberId = patient.subscriberID
        relationship = patient.relationship
    }

    var patient: Patient {
        Patient(id: id, clinicID: owner, firstName: firstName, lastName: lastName,
                dateOfBirth: CalendarDate(dob) ?? CalendarDate(daysSinceEpoch: 0), sex: Sex(rawValue: sex) ?? .unknown,
                memberID: memberId, address: Address(line1: address, city: city, state: state, zip: zip),
                subscriberID: subscriberId, relationship: relationship)
    }
}

extension Address {
    /// An address when every part is present, else `nil`.
    init?(line1: String?, city: String?, state: String?, zip: String?) {
        guard let line1, let city, let state, let zip else { return nil }
        self.init(line1: line1, city: city, state: state, zip: zip)
    }
}
