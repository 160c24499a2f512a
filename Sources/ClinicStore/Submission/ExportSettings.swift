import BillingModel
import ClaimExport

/// The interchange settings `export x12` uses: who submits the file, who receives it, and
/// whether it is test or production data. Kept in the store's local `setting` table (never
/// synced); a `nil` field falls back to a default taken from the claims being exported.
///
/// Defaults: the submitter is the first claim's billing provider (its name, its NPI as the
/// id, its name as the contact); the receiver is the first claim's payer (its name and payer
/// id); qualifiers are `ZZ`; usage is production. The contact phone has no default: the
/// provider records carry none, and a made-up number must not reach a payer.
public struct ExportSettings: Sendable, Equatable {
    /// Submitter organization name (1000A NM103).
    public var submitterName: String?
    /// Submitter id as the receiver assigned it (ISA06, GS02, 1000A NM109).
    public var submitterID: String?
    /// ISA05 qualifier of the submitter id.
    public var submitterIDQualifier: String?
    /// EDI contact name (1000A PER02).
    public var submitterContact: String?
    /// EDI contact telephone, ten digits (1000A PER04).
    public var submitterPhone: String?
    /// Receiver (clearinghouse or payer) name (1000B NM103).
    public var receiverName: String?
    /// Receiver id (ISA08, GS03, 1000B NM109).
    public var receiverID: String?
    /// ISA07 qualifier of the receiver id.
    public var receiverIDQualifier: String?
    /// Test or production (ISA15).
    public var usage: X12Usage?

    /// Creates settings; every field defaults to "not set".
    public init(submitterName: String? = nil, submitterID: String? = nil, submitterIDQualifier: String? = nil,
                submitterContact: String? = nil, submitterPhone: String? = nil, receiverName: String? = nil,
                receiverID: String? = nil, receiverIDQualifier: String? = nil, usage: X12Usage? = nil) {
        self.submitterName = submitterName
        self.submitterID = submitterID
        self.submitterIDQualifier = submitterIDQualifier
        self.submitterContact = submitterContact
        self.submitterPhone = submitterPhone
        self.receiverName = receiverName
        self.receiverID = receiverID
        self.receiverIDQualifier = receiverIDQualifier
        self.usage = usage
    }

    /// The text settings with their `setting` keys and how each is checked.
    static var textFields: [(key: String, path: WritableKeyPath<ExportSettings, String?>, check: Check)] { [
        ("export.submitter_name", \.submitterName, .name),
        ("export.submitter_id", \.submitterID, .partyID),
        ("export.submitter_id_qualifier", \.submitterIDQualifier, .qualifier),
        ("export.submitter_contact", \.submitterContact, .name),
        ("export.submitter_phone", \.submitterPhone, .phone),
        ("export.receiver_name", \.receiverName, .name),
        ("export.receiver_id", \.receiverID, .partyID),
        ("export.receiver_id_qualifier", \.receiverIDQualifier, .qualifier),
    ] }
    /// The `setting` key of ``usage``.
    static let usageKey = "export.usage"

    /// How a setting is checked when it is saved.
    enum Check {
        case name, partyID, qualifier, phone

        /// The cleaned value, or why it cannot be used.
        func clean(_ raw: String, field: String) throws -> String {
            let value = raw.trimmingCharacters(in: .whitespaces)
            func refuse(_ reason: String) -> StoreError { .invalid(entity: "export settings", field: field, reason: reason) }
            switch self {
            case .name:
                guard !value.isEmpty, value.count <= 60 else { throw refuse("must be 1–60 characters") }
                guard !value.contains(where: { "~*:^|\n\r\t".contains($0) }) else {
                    throw refuse("contains an X12 delimiter (~ * : ^ |)")
                }
                return value
            case .partyID:
                guard (2...15).contains(value.count),
                      value.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || " -.".contains($0)) }) else {
                    throw refuse("must be 2–15 letters or digits")
                }
                return value
            case .qualifier:
                let upper = value.uppercased()
                guard upper.count == 2, upper.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
                    throw refuse("must be a two-character ISA id qualifier such as ZZ, 01, 30")
                }
                return upper
            case .phone:
                var digits = value.filter { $0.isASCII && $0.isNumber }
                if digits.count == 11, digits.hasPrefix("1") { digits.removeFirst() }
                guard digits.count == 10, value.allSatisfy({ ($0.isASCII && $0.isNumber) || " ()-.+".contains($0) }) else {
                    throw refuse("must be a ten-digit telephone number")
                }
                return digits
            }
        }
    }

    /// The field name a person types (`submitter_phone`) for a `setting` key.
    static func fieldName(_ key: String) -> String { String(key.dropFirst("export.".count)) }

    /// The envelope for one file: these settings, the defaults from the first claim's billing
    /// provider and payer, the control numbers and the creation moment.
    ///
    /// - Throws: ``StoreError/invalid(entity:field:reason:)`` when the phone is not set.
    func envelope(billingProvider: Provider, payer: Payer, controlNumbers: ControlNumbers,
                  createdAtMillis millis: Int64) throws -> X12Envelope {
        guard let phone = submitterPhone else {
            throw StoreError.invalid(entity: "export settings", field: "submitter_phone",
                                     reason: "is not set: the 837P needs an EDI contact phone; set it with "
                                         + "`clinicsync export settings --submitter-phone NNNNNNNNNN`")
        }
        let minuteOfDay = Int((millis / 60_000) % 1_440)
        let time = X12Time(hour: minuteOfDay / 60, minute: minuteOfDay % 60) ?? X12Time(hour: 0, minute: 0)!
        return X12Envelope(
            submitter: X12Submitter(name: submitterName ?? billingProvider.name, id: submitterID ?? billingProvider.npi,
                                    idQualifier: submitterIDQualifier ?? "ZZ",
                                    contactName: submitterContact ?? billingProvider.name, phone: phone),
            receiver: X12Receiver(name: receiverName ?? payer.name, id: receiverID ?? payer.payerID,
                                  idQualifier: receiverIDQualifier ?? "ZZ"),
            interchangeControlNumber: controlNumbers.interchange, groupControlNumber: controlNumbers.group,
            transactionSetControlNumber: controlNumbers.transactionSet,
            creationDate: CalendarDate(unixMilliseconds: millis), creationTime: time, usage: usage ?? .production)
    }
}
