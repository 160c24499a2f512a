import Testing
@testable import BillingModel

/// Test inputs shared by the codebook parser tests.
enum CodebookFixtures {
    /// The first 15 rows of the CMS ICD-10-CM FY2025 order file (`icd10cm_order_sample.txt`),
    /// one string per line, exactly as the file has them.
    static let icd10SampleLines: [String] = [
        "00001 A00     0 Cholera                                                      Cholera",
        "00002 A000    1 Cholera due to Vibrio cholerae 01, biovar cholerae           Cholera due to Vibrio cholerae 01, biovar cholerae",
        "00003 A001    1 Cholera due to Vibrio cholerae 01, biovar eltor              Cholera due to Vibrio cholerae 01, biovar eltor",
        "04292 E11     0 Type 2 diabetes mellitus                                     Type 2 diabetes mellitus",
        "04404 E1165   1 Type 2 diabetes mellitus with hyperglycemia                  Type 2 diabetes mellitus with hyperglycemia",
        "04407 E119    1 Type 2 diabetes mellitus without complications               Type 2 diabetes mellitus without complications",
        "11515 I10     1 Essential (primary) hypertension                             Essential (primary) hypertension",
        "13527 J45909  1 Unspecified asthma, uncomplicated                            Unspecified asthma, uncomplicated",
        "17265 M1A9XX0 1 Chronic gout, unspecified, without tophus (tophi)            Chronic gout, unspecified, without tophus (tophi)",
        "30917 R69     1 Illness, unspecified                                         Illness, unspecified",
        "47390 S52521A 1 Torus fracture of lower end of right radius, init            Torus fracture of lower end of right radius, initial encounter for closed fracture",
        "75209 T360X5A 1 Adverse effect of penicillins, initial encounter             Adverse effect of penicillins, initial encounter",
        "95766 Z0000   1 Encntr for general adult medical exam w/o abnormal findings  Encounter for general adult medical examination without abnormal findings",
        "96255 Z3A20   1 20 weeks gestation of pregnancy                              20 weeks gestation of pregnancy",
        "97582 U071    1 COVID-19                                                     COVID-19",
    ]

    /// The sample file's text, LF line ends and a final line feed.
    static var icd10Sample: String { icd10SampleLines.joined(separator: "\n") + "\n" }

    /// One order-file line built from its parts, padded to the fixed columns.
    static func orderLine(_ order: String, _ code: String, _ flag: String, _ short: String, _ long: String) -> String {
        pad(order, 5) + " " + pad(code, 7) + " " + flag + " " + pad(short, 60) + " " + long
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }
}

/// The UTF-8 bytes of a test text.
func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

/// The parse error a throwing parse raised, or `nil` when it did not throw.
func parseError<T>(_ parse: () throws(CodebookParseError) -> T) -> CodebookParseError? {
    do {
        _ = try parse()
        return nil
    } catch {
        return error
    }
}
