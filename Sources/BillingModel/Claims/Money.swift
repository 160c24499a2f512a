/// Money as integer cents, with the dollar spelling people type and payers read.
public enum Money {
    /// Parses `125`, `125.5`, `125.00` or `$1,250.00` into cents; `nil` for anything else
    /// (more than two decimals, signs, letters).
    ///
    /// Reads the bytes once (bulk entry parses every line's charge): commas are ignored
    /// wherever they stand, at most one decimal point, at most 12 whole digits.
    public static func cents(fromDollars text: String) -> Int64? {
        var bytes = text.utf8[...]
        if bytes.first == UInt8(ascii: "$") { bytes = bytes.dropFirst() }
        var dollars: Int64 = 0, fraction: Int64 = 0
        var wholeDigits = 0, fractionDigits = 0, points = 0
        for byte in bytes where byte != UInt8(ascii: ",") {
            if byte == UInt8(ascii: ".") {
                points += 1
                guard points == 1 else { return nil }
                continue
            }
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            let digit = Int64(byte - UInt8(ascii: "0"))
            if points == 0 {
                wholeDigits += 1
                guard wholeDigits <= 12 else { return nil }
                dollars = dollars * 10 + digit
            } else {
                fractionDigits += 1
                guard fractionDigits <= 2 else { return nil }
                fraction = fraction * 10 + digit
            }
        }
        guard wholeDigits > 0, points == 0 || fractionDigits > 0 else { return nil }
        return dollars * 100 + (fractionDigits == 1 ? fraction * 10 : fraction)
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
