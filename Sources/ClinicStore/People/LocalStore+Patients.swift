import BillingModel
import GRDB

extension LocalStore {
    /// Registers a patient of this clinic after validating every field.
    public func addPatient(_ input: PatientInput, author: String? = nil) throws -> Patient {
        let entity = "patient"
        let dob = try FieldCheck.date(input.dateOfBirth, entity: entity, field: "dob")
        guard dob <= today else { throw StoreError.invalid(entity: entity, field: "dob", reason: "is in the future") }
        guard let sex = Sex(rawValue: input.sex.uppercased()) else {
            throw StoreError.invalid(entity: entity, field: "sex", reason: "must be F, M or U")
        }
        var relationship: String?
        if input.subscriberID != nil {
            guard let code = input.relationship?.uppercased(), PatientInput.relationshipCodes.contains(code) else {
                throw StoreError.invalid(entity: entity, field: "relationship",
                                         reason: "a dependent needs --relationship (01 spouse, 19 child, G8 other ...)")
            }
            relationship = code
        }
        let patient = Patient(
            id: newID(), clinicID: identity.owner,
            firstName: try FieldCheck.text(input.firstName, entity: entity, field: "first_name", maxLength: 35),
            lastName: try FieldCheck.text(input.lastName, entity: entity, field: "last_name", maxLength: 60),
            dateOfBirth: dob, sex: sex,
            memberID: try FieldCheck.identifier(input.memberID, entity: entity, field: "member_id"),
            address: try FieldCheck.address(line1: input.address, city: input.city, state: input.state,
                                             zip: input.zip, entity: entity),
            subscriberID: input.subscriberID, relationship: relationship)
        return try write(author: author) { db in
            if let subscriberID = patient.subscriberID {
                guard try PatientRecord.filter(key: subscriberID).filter(PatientRecord.Columns.deleted == 0).fetchOne(db) != nil else {
                    throw StoreError.notFound(entity: "subscriber patient", id: subscriberID)
                }
            }
            try PatientRecord(patient).insert(db)
            return patient
        }
    }

    /// Every patient of the store that is not deleted, by last name.
    public func patients() throws -> [Patient] {
        try read { db in
            try PatientRecord.filter(PatientRecord.Columns.deleted == 0)
                .order(PatientRecord.Columns.lastName, Column("first_name")).fetchAll(db).map(\.patient)
        }
    }

    /// One patient by id.
    public func patient(id: String) throws -> Patient {
        try read { db in try Self.fetchPatient(db, id: id) }
    }

    static func fetchPatient(_ db: Database, id: String) throws -> Patient {
        guard let record = try PatientRecord.filter(key: id).filter(PatientRecord.Columns.deleted == 0).fetchOne(db) else {
            throw StoreError.notFound(entity: "patient", id: id)
        }
        return record.patient
    }
}
