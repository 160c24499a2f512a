import ClaimExport

extension ExportSettings {
    /// The settings from their stored `export.*` key/value pairs (any store: the SQLite
    /// `setting` table, the PostgreSQL node's `office_setting`).
    public init(stored: [String: String]) {
        self.init()
        for field in Self.textFields {
            self[keyPath: field.path] = stored[field.key]
        }
        usage = stored[Self.usageKey].flatMap(X12Usage.init(rawValue:))
    }

    /// What saving `changes` stores: each given field's key with its checked value, or `nil`
    /// to clear it back to its default. Throws `StoreError.invalid` for the first bad value
    /// (then nothing may be saved).
    public static func storedUpdates(_ changes: ExportSettings) throws -> [(key: String, value: String?)] {
        var updates: [(key: String, value: String?)] = []
        for field in textFields {
            guard let raw = changes[keyPath: field.path] else { continue }
            let value = raw.trimmingCharacters(in: .whitespaces).isEmpty
                ? nil : try field.check.clean(raw, field: fieldName(field.key))
            updates.append((field.key, value))
        }
        if let usage = changes.usage { updates.append((usageKey, usage.rawValue)) }
        return updates
    }
}

extension ControlNumbers {
    /// The counter names the numbers are stored under, in the order of ``values``.
    public static let names = [counterNames.interchange, counterNames.group, counterNames.transactionSet]

    /// The numbers from stored counters (0 for a counter never stored).
    public init(counters: [String: Int]) {
        self.init(interchange: counters[Self.counterNames.interchange] ?? 0, group: counters[Self.counterNames.group] ?? 0,
                  transactionSet: counters[Self.counterNames.transactionSet] ?? 0)
    }

    /// The numbers, in the order of ``names``.
    public var values: [Int] { [interchange, group, transactionSet] }

    /// The numbers after these: each one more, wrapping after 999999999 to 1.
    public var next: ControlNumbers {
        ControlNumbers(interchange: interchange % Self.maximum + 1, group: group % Self.maximum + 1,
                       transactionSet: transactionSet % Self.maximum + 1)
    }
}
