import BillingModel

/// X12 dates (`CCYYMMDD`, DTP formats D8 and RD8) as calendar dates.
enum X12Date {
    /// `20250110` → 2025-01-10; nil for anything else (`20002316`, `10010101` stays a date).
    static func date(_ text: String) -> CalendarDate? {
        guard text.utf8.count == 8 else { return nil }
        return CalendarDate(text)
    }

    /// A date element that may be empty: nil when empty; when it is not a real date the flaw is
    /// tolerated (the date does not change the money) and said in `warnings`.
    static func tolerated(_ segment: X12ReadSegment, _ position: Int, _ name: String,
                          warnings: inout [PayerFileWarning]) -> CalendarDate? {
        let text = segment[position]
        guard !text.isEmpty else { return nil }
        if let date = date(text) { return date }
        warnings.append(PayerFileWarning(at: segment, "\(name) (\(segment.reference(position))) `\(text)` is not a real date; read as no date"))
        return nil
    }

    /// A DTP period: `D8` one date, `RD8` `CCYYMMDD-CCYYMMDD`.
    static func period(format: String, _ text: String) -> ClosedRange<CalendarDate>? {
        if format == "RD8" {
            let parts = text.split(separator: "-").map(String.init)
            guard parts.count == 2, let from = date(parts[0]), let to = date(parts[1]), from <= to else { return nil }
            return from...to
        }
        guard let day = date(text) else { return nil }
        return day...day
    }
}
