import BillingModel

/// What a person types to register a patient; ``LocalStore/addPatient(_:author:)`` validates it.
public struct PatientInput: Sendable {
    /// Given name, up to 35 characters; no X12 delimiters (`~ * : ^ |`).
    public var firstName: String
    /// Family name, up to 60 characters; no X12 delimiters.
    public var lastName: String
    /// `YYYY-MM-DD`.
    public var dateOfBirth: String
    /// `F`, `M` or `U`.
    public var sex: String
    /// The member id on the insurance card: 1–80 letters, digits, `-` or `_`.
    public var memberID: String
    /// Street line, up to 55 characters; give all four address parts or none.
    public var address: String?
    /// City, up to 30 characters.
    public var city: String?
    /// Two-letter state code.
    public var state: String?
    /// Five or nine digit ZIP code (a dash is allowed and stripped).
    public var zip: String?
    /// The patient record of the insured person, when the patient is a dependent.
    public var subscriberID: String?
    /// X12 individual relationship code to the subscriber (`01` spouse, `19` child, `G8` other ...).
    public var relationship: String?

    /// Collects what was typed; nothing is checked until ``LocalStore/addPatient(_:author:)``.
    public init(firstName: String, lastName: String, dateOfBirth: String, sex: String, memberID: String,
                address: String? = nil, city: String? = nil, state: String? = nil, zip: String? = nil,
                subscriberID: String? = nil, relationship: String? = nil) {
        self.firstName = firstName
        self.lastName = lastName
        self.dateOfBirth = dateOfBirth
        self.sex = sex
        self.memberID = memberID
        self.address = address
        self.city = city
        self.state = state
        self.zip = zip
        self.subscriberID = subscriberID
        self.relationship = relationship
    }

    /// Relationship codes allowed for a dependent patient (X12 PAT01).
    public static let relationshipCodes: Set<String> = ["01", "19", "20", "21", "39", "40", "53", "G8"]
}
