/// Administrative sex as X12 DMG03 codes it.
public enum Sex: String, Codable, Sendable, CaseIterable {
    case female = "F"
    case male = "M"
    case unknown = "U"
}

/// A patient of a clinic. Everything here is PHI: never log it or put it in an error.
///
/// A patient with no ``subscriberID`` is their own subscriber (relationship `18`, self);
/// otherwise ``subscriberID`` names the patient record of the insured person and
/// ``relationship`` carries the X12 individual relationship code (`01` spouse, `19` child,
/// `G8` other).
public struct Patient: Hashable, Sendable, Codable, Identifiable {
    /// The row's UUID (lower-case UUIDv7); what claims and dependents point at.
    public var id: String
    /// The owning clinic.
    public var clinicID: String
    /// Given name (NM104), up to 35 characters.
    public var firstName: String
    /// Family name (NM103), up to 60 characters.
    public var lastName: String
    /// Date of birth (DMG02, written `CCYYMMDD`); the store refuses one in the future.
    public var dateOfBirth: CalendarDate
    /// Administrative sex (DMG03).
    public var sex: Sex
    /// The insurance member id from the patient's card (NM109 with qualifier MI).
    public var memberID: String
    /// Postal address (N3/N4); `nil` when none was given, though an 837P needs one.
    public var address: Address?
    /// The ``id`` of the insured person's patient record; `nil` when the patient is the insured.
    public var subscriberID: String?
    /// PAT01 relationship to the subscriber (`01`, `19`, `G8` ...); `nil` for a self-insured patient.
    public var relationship: String?

    /// Creates a patient as given; the store validates what people type before building one.
    public init(id: String, clinicID: String, firstName: String, lastName: String,
                dateOfBirth: CalendarDate, sex: Sex, memberID: String, address: Address? = nil,
                subscriberID: String? = nil, relationship: String? = nil) {
        self.id = id
        self.clinicID = clinicID
        self.firstName = firstName
        self.lastName = lastName
        self.dateOfBirth = dateOfBirth
        self.sex = sex
        self.memberID = memberID
        self.address = address
        self.subscriberID = subscriberID
        self.relationship = relationship
    }

    /// Whether this patient is the insured person.
    public var isSubscriber: Bool { subscriberID == nil || subscriberID == id }
}
