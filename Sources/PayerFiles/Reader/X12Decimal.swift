/// X12 decimal numbers (type R) read exactly, never through floating point.
///
/// `125`, `125.5`, `-9.00`, `.50`, `125.000` are amounts; a value with a non-zero third
/// decimal (`1.005`) is not a number of cents and is refused, as are exponents and letters.
public enum X12Decimal {
    /// The amount in cents, or nil when `text` is not an exact dollars-and-cents number.
    public static func cents(_ text: String) -> Int64? {
        var bytes = text.utf8[...]
        var negative = false
        if bytes.first == UInt8(ascii: "-") {
            negative = true
            bytes = bytes.dropFirst()
        }
        var whole: Int64 = 0, fraction: Int64 = 0
        var wholeDigits = 0, fractionDigits = 0, points = 0
        for byte in bytes {
            if byte == UInt8(ascii: ".") {
                points += 1
                guard points == 1 else { return nil }
                continue
            }
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            let digit = Int64(byte - UInt8(ascii: "0"))
            if points == 0 {
                wholeDigits += 1
                guard wholeDigits <= 15 else { return nil }
                whole = whole * 10 + digit
            } else {
                fractionDigits += 1
                if fractionDigits <= 2 {
                    fraction = fraction * 10 + digit
                } else if digit != 0 {
                    return nil
                }
            }
        }
        guard wholeDigits + fractionDigits > 0 else { return nil }
        if fractionDigits == 1 { fraction *= 10 }
        let cents = whole * 100 + fraction
        return negative ? -cents : cents
    }
}
