import BillingModel

/// X12 decimal numbers (type R) read exactly, never through floating point.
///
/// `125`, `125.5`, `-9.00`, `.50`, `125.000` are amounts; a value with a non-zero third
/// decimal (`1.005`) is not a number of cents and is refused, as are exponents, commas, signs
/// other than a leading minus, and letters. The digits are read by BillingModel's ``Money``.
public enum X12Decimal {
    /// The amount in cents, or nil when `text` is not an exact dollars-and-cents number.
    public static func cents(_ text: String) -> Int64? {
        var body = Substring(text)
        let negative = body.first == "-"
        if negative { body = body.dropFirst() }
        guard !body.isEmpty, body.utf8.allSatisfy({ ($0 >= 48 && $0 <= 57) || $0 == 46 }) else { return nil }
        if let point = body.firstIndex(of: ".") {
            // Zeros past the cents say nothing (`125.000`); anything else is a fraction of a cent.
            while body.distance(from: point, to: body.endIndex) > 3, body.last == "0" { body = body.dropLast() }
        }
        guard let cents = Money.cents(fromDollars: body.first == "." ? "0" + body : String(body)) else { return nil }
        return negative ? -cents : cents
    }
}
