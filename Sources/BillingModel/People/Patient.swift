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
    public var id: String
    /// The owning clinic.
    public var clinicID: String
    public var firstName: String
    public var lastName: String
    public var dateOfBirth: CalendarDate
    public var sex: Sex
    public var memberID: String
    public var address: Address?
    public var subscriberID: String?
    public var relationship: String?

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
