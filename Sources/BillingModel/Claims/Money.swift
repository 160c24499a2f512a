/// Money as integer cents, with the dollar spelling people type and payers read.
public enum Money {
    /// Parses `125`, `125.5`, `125.00` or `$1,250.00` into cents; `nil` for anything else
    /// (more than two decimals, signs, letters).
    public static func cents(fromDollars text: String) -> Int64? {
        var body = Substring(text)
        if body.hasPrefix("$") { body = body.dropFirst() }
        let cleaned = body.filter { $0 != "," }
        let parts = cleaned.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = parts.first, !whole.isEmpty,
              whole.utf8.count <= 12, whole.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }),
              let dollars = Int64(whole) else { return nil }
        var cents: Int64 = 0
        if parts.count == 2 {
            let fraction = parts[1]
            guard (1...2).contains(fraction.utf8.count), fraction.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }),
                  let value = Int64(fraction) else { return nil }
            cents = fraction.utf8.count == 1 ? value * 10 : value
        }
        return dollars * 100 + cents
    }

    /// `12500` → `125.00`.
    public static func dollars(_ cents: Int64) -> String {
        let sign = cents < 0 ? "-" : ""
        let magnitude = cents.magnitude
        let fraction = magnitude % 100
        return sign + String(magnitude / 100) + "." + (fraction < 10 ? "0" : "") + String(fraction)
    }

    /// The X12 amount spelling: no trailing zeros in the fraction (`125`, `125.5`, `125.25`).
    public static func x12Amount(_ cents: Int64) -> String {
        let whole = String(cents / 100)
        let fraction = cents % 100
        if fraction == 0 { return whole }
        if fraction % 10 == 0 { return whole + "." + String(fraction / 10) }
        return whole + "." + (fraction < 10 ? "0" : "") + String(fraction)
    }
}
