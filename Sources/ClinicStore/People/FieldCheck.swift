import BillingModel

/// Small validators shared by the record inputs; each throws ``StoreError/invalid(entity:field:reason:)``.
enum FieldCheck {
    static func text(_ value: String, entity: String, field: String, maxLength: Int = 60) throws -> String {
        let trimmed = value.trimmingSpaces
        guard !trimmed.isEmpty else { throw StoreError.invalid(entity: entity, field: field, reason: "must not be empty") }
        guard trimmed.count <= maxLength else {
            throw StoreError.invalid(entity: entity, field: field, reason: "longer than \(maxLength) characters")
        }
        guard !trimmed.contains(where: { "~*:^|\n\r\t".contains($0) }) else {
            throw StoreError.invalid(entity: entity, field: field, reason: "contains a reserved character (~ * : ^ |)")
        }
        return trimmed
    }

    static func identifier(_ value: String, entity: String, field: String, maxLength: Int = 80) throws -> String {
        let trimmed = value.trimmingSpaces
        guard !trimmed.isEmpty, trimmed.count <= maxLength,
              trimmed.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else {
            throw StoreError.invalid(entity: entity, field: field,
                                     reason: "must be 1–\(maxLength) letters, digits, '-' or '_'")
        }
        return trimmed
    }

    static func date(_ value: String, entity: String, field: String) throws -> CalendarDate {
        guard let date = CalendarDate(value) else {
            throw StoreError.invalid(entity: entity, field: field, reason: "'\(value)' is not a real date (YYYY-MM-DD)")
        }
        return date
    }

    static func address(line1: String?, city: String?, state: String?, zip: String?, entity: String) throws -> Address? {
        let parts = [line1, city, state, zip]
        if parts.allSatisfy({ $0 == nil }) { return nil }
        guard let line1, let city, let state, let zip else {
            throw StoreError.invalid(entity: entity, field: "address", reason: "give all of --address, --city, --state and --zip")
        }
        let st = state.uppercased()
        guard st.count == 2, st.allSatisfy({ $0.isASCII && $0.isLetter }) else {
            throw StoreError.invalid(entity: entity, field: "state", reason: "must be a two-letter state code")
        }
        let digits = zip.filter { $0 != "-" }
        guard (digits.count == 5 || digits.count == 9), digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw StoreError.invalid(entity: entity, field: "zip", reason: "must be 5 or 9 digits")
        }
        return Address(line1: try text(line1, entity: entity, field: "address", maxLength: 55),
                       city: try text(city, entity: entity, field: "city", maxLength: 30), state: st, zip: digits)
    }
}
