/// The 999's error codes in our own short words (the official wording is X12's).
enum AcknowledgmentWords {
    /// IK304: what is wrong with a segment.
    static let segmentErrors: [String: String] = [
        "1": "segment id not recognised",
        "2": "segment not expected here",
        "3": "a required segment is missing",
        "4": "a loop repeats more often than allowed",
        "5": "segment repeats more often than allowed",
        "6": "segment not part of this transaction",
        "7": "segment out of order",
        "8": "segment has element errors",
        "I4": "segment the guide says not to send",
        "I6": "segment the guide requires in this case is missing",
        "I7": "a loop occurs fewer times than required",
        "I8": "segment occurs fewer times than required",
        "I9": "segment the guide says not to send in this case",
    ]

    /// IK403: what is wrong with an element.
    static let elementErrors: [String: String] = [
        "1": "required element missing",
        "2": "element required by another one is missing",
        "3": "more elements than the segment allows",
        "4": "value too short",
        "5": "value too long",
        "6": "character not allowed",
        "7": "code not valid here",
        "8": "not a real date",
        "9": "not a real time",
        "10": "element must not be sent together with another one",
        "12": "repeats more often than allowed",
        "13": "more components than allowed",
        "I6": "code the guide does not allow",
        "I9": "element the guide requires in this case is missing",
        "I10": "element the guide says not to send",
        "I11": "fewer repetitions than the guide requires",
        "I12": "value does not follow the guide's pattern",
        "I13": "element the guide says not to send in this case",
    ]

    /// IK502–IK506: why a transaction set was not accepted.
    static let setErrors: [String: String] = [
        "1": "transaction type not supported",
        "2": "trailer (SE) missing",
        "3": "control numbers in ST and SE differ",
        "4": "segment count in SE is wrong",
        "5": "one or more segments have errors",
        "6": "transaction id missing or invalid",
        "7": "control number missing or invalid",
        "8": "authentication failed",
        "9": "decryption failed",
        "10": "service not offered for this transaction",
        "23": "control number already used",
        "I5": "one or more segments break the implementation guide",
        "I6": "implementation guide not supported",
    ]

    /// AK905–AK909: why a functional group was not accepted.
    static let groupErrors: [String: String] = [
        "1": "functional group type not supported",
        "2": "version not supported",
        "3": "group trailer (GE) missing",
        "4": "control numbers in GS and GE differ",
        "5": "transaction set count in GE is wrong",
        "6": "group control number missing or invalid",
        "16": "application sender not allowed",
        "19": "some transaction sets were rejected",
        "23": "group control number already used",
        "24": "one or more transaction sets have errors",
        "25": "group control number repeated in the interchange",
        "26": "group version not allowed",
    ]

    static func segmentError(_ code: String) -> String { words(segmentErrors, code) }
    static func elementError(_ code: String) -> String { words(elementErrors, code) }
    static func setError(_ code: String) -> String { words(setErrors, code) }
    static func groupError(_ code: String) -> String { words(groupErrors, code) }

    static func words(_ table: [String: String], _ code: String) -> String {
        guard !code.isEmpty else { return "no error code given" }
        return table[code].map { "\($0) (code \(code))" } ?? "error code \(code)"
    }
}
