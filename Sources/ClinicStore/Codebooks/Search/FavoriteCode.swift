import BillingModel
import Foundation

/// A code this clinic put on its claims recently, and how often (`clinicsync codes favorites`).
public struct FavoriteCode: Codable, Sendable, Equatable {
    /// The stored code, without dots.
    public var code: String
    /// Display form: ICD-10-CM with its dot.
    public var display: String
    /// Diagnosis (`icd10cm`) or procedure (a service line's code).
    public var kind: Kind
    /// Claims (diagnoses) or service lines (procedures) that used it in the window.
    public var uses: Int
    /// How much higher it ranks in a word search (see ``FavoriteCode/boost(uses:)``).
    public var boost: Double

    /// Where on a claim the code was used.
    public enum Kind: String, Codable, Sendable {
        case diagnosis, procedure
    }

    /// How many days back a claim's service dates count.
    public static let windowDays = 365
    /// The most a favorite rises in a word search: less than a header's penalty and never above
    /// an exact code (a code query lists by code, without favorites).
    public static let maximumBoost = 3.0

    /// The boost of a code used `uses` times: log2(1 + uses), at most ``maximumBoost`` (1 use:
    /// 1.0, 3 uses: 2.0, 7 or more: 3.0).
    public static func boost(uses: Int) -> Double {
        guard uses > 0 else { return 0 }
        return min(maximumBoost, log2(1.0 + Double(uses)))
    }

    enum CodingKeys: String, CodingKey {
        case code, display, kind, uses, boost
    }
}
