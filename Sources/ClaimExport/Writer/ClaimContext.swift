import Foundation
import BillingModel

/// Checks and cleans one claim's data, turning problems into errors that name the claim
/// number and the field (never the value).
struct ClaimContext {
    /// The claim number as written in messages.
    let claimNumber: String

    init(claim: Claim) {
        let trimmed = claim.claimNumber.trimmingCharacters(in: .whitespacesAndNewlines)
        claimNumber = trimmed.isEmpty ? "(no claim number, id \(claim.id))" : trimmed
    }

    func missing(_ field: ClaimField) -> ClaimExportError {
        .missing(claimNumber: claimNumber, field: field)
    }

    func invalid(_ field: ClaimField, _ reason: String) -> ClaimExportError {
        .invalid(claimNumber: claimNumber, field: field, reason: reason)
    }

    /// An identifier element, unchanged but checked (see ``X12Text/identifier(_:maxLength:)``).
    func identifier(_ raw: String?, maxLength: Int, field: ClaimField) throws -> String {
        switch X12Text.identifier(raw, maxLength: maxLength) {
        case let .success(value): return value
        case .failure(.missing): throw missing(field)
        case let .failure(.invalid(reason)): throw invalid(field, reason)
        }
    }

    /// A free-text element that may not be empty once cleaned.
    func text(_ raw: String, maxLength: Int, field: ClaimField) throws -> String {
        let value = X12Text.freeText(raw, maxLength: maxLength)
        guard !value.isEmpty else { throw missing(field) }
        return value
    }

    /// A checked NPI.
    func npi(_ raw: String, field: ClaimField) throws -> String {
        let value = raw.trimmingCharacters(in: .whitespaces)
        guard !value.isEmpty else { throw missing(field) }
        switch NPI.problem(value) {
        case nil: return value
        case .format?: throw invalid(field, "is not ten digits")
        case .checkDigit?: throw invalid(field, "fails the NPI check digit")
        }
    }

    /// A provider taxonomy code (ten letters or digits), or `nil` when none is kept.
    func taxonomy(_ raw: String?, field: ClaimField) throws -> String? {
        let value = (raw ?? "").trimmingCharacters(in: .whitespaces).uppercased()
        guard !value.isEmpty else { return nil }
        guard value.count == 10, value.allSatisfy(X12Text.isUpperLetterOrDigit) else {
            throw invalid(field, "is not a ten-character taxonomy code")
        }
        return value
    }

    /// N3 and N4 for an address. `streetAddress` demands what 2010AA requires: a nine-digit
    /// ZIP and a street address rather than a post office or lock box.
    func addressSegments(_ address: Address?, field: ClaimField, streetAddress: Bool = false) throws -> [X12Segment] {
        guard let address else { throw missing(field) }
        let street = try text(address.line1, maxLength: 55, field: field)
        if streetAddress && Self.isPostOfficeBox(street) {
            throw invalid(field, "must be a street address, not a PO box")
        }
        let zipPlus4 = streetAddress
        let city = try text(address.city, maxLength: 30, field: field)
        guard city.count >= 2 else { throw invalid(field, "has a city shorter than 2 characters") }
        let state = X12Text.freeText(address.state, maxLength: 3)
        guard state.count == 2, state.allSatisfy({ $0.isASCII && $0.isLetter }) else {
            throw invalid(field, "has a state that is not a two-letter code")
        }
        let trimmedZip = address.zip.trimmingCharacters(in: .whitespaces)
        let zip = X12Text.digits(trimmedZip)
        guard trimmedZip.allSatisfy({ ($0.isASCII && $0.isNumber) || $0 == "-" }),
              zip.count == 9 || (zip.count == 5 && !zipPlus4) else {
            throw invalid(field, zipPlus4 ? "needs a nine-digit ZIP code (ZIP+4)" : "has a ZIP code that is not 5 or 9 digits")
        }
        return [X12Segment("N3", street), X12Segment("N4", city, state, zip)]
    }

    /// Whether a cleaned street line names a post office or lock box (`PO BOX 12`, `P.O. Box 12`).
    static func isPostOfficeBox(_ street: String) -> Bool {
        let words = street.replacingOccurrences(of: ".", with: " ").split(separator: " ").map(String.init)
        let boxes: [[String]] = [["PO", "BOX"], ["P", "O", "BOX"], ["POST", "OFFICE", "BOX"], ["LOCK", "BOX"], ["POB"]]
        return boxes.contains { box in
            words.count >= box.count && (0...(words.count - box.count)).contains { Array(words[$0..<($0 + box.count)]) == box }
        }
    }

    /// NM1 for a person: last name required, first name when known.
    func personName(entity: String, last: String, first: String, field: ClaimField,
                    qualifier: String = "", id: String = "") throws -> X12Segment {
        let lastName = try text(last, maxLength: 60, field: field)
        let firstName = X12Text.freeText(first, maxLength: 35)
        return X12Segment("NM1", entity, "1", lastName, firstName, "", "", "", qualifier, id)
    }

    /// NM1 for a provider: a person when the name reads `Last, First`, else an organization.
    func providerName(entity: String, provider: Provider, npi: String, field: ClaimField) throws -> X12Segment {
        if provider.isPerson, let comma = provider.name.firstIndex(of: ",") {
            return try personName(entity: entity, last: String(provider.name[..<comma]),
                                  first: String(provider.name[provider.name.index(after: comma)...]),
                                  field: field, qualifier: "XX", id: npi)
        }
        let name = try text(provider.name, maxLength: 60, field: field)
        return X12Segment("NM1", entity, "2", name, "", "", "", "", "XX", npi)
    }

    /// DMG with birth date and sex.
    func demographics(_ person: Patient) -> X12Segment {
        X12Segment("DMG", "D8", person.dateOfBirth.compactString, person.sex.rawValue)
    }
}
