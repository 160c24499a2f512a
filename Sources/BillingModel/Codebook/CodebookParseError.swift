/// Why a codebook import file was refused, with the 1-based line where the problem is.
///
/// The parsers stop at the first bad row, so a caller that gets this error imports
/// nothing. Messages quote codes and values from the file (never whole lines) and read as
/// one line: `ICD-10-CM order file, line 42: code 'E1X.9Q' is not a valid ICD-10-CM code`.
public struct CodebookParseError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Which kind of file was being read.
    public enum FileKind: Hashable, Sendable {
        /// The CMS ICD-10-CM order file (fixed width).
        case icd10OrderFile
        /// A CSV/TSV code list of one system.
        case codeList(CodeSystem)
        /// The NCCI procedure-to-procedure file (tab-delimited).
        case ncciPTP
        /// The MUE file (CSV).
        case mue

        /// How messages name the file: `ICD-10-CM order file`, `CPT code list` ...
        public var name: String {
            switch self {
            case .icd10OrderFile: return "ICD-10-CM order file"
            case .codeList(let system): return "\(system.readableName) code list"
            case .ncciPTP: return "NCCI PTP file"
            case .mue: return "MUE file"
            }
        }
    }

    /// What is wrong.
    public enum Problem: Equatable, Sendable {
        /// The line is not valid UTF-8 text.
        case invalidUTF8
        /// The line is longer than ``CodebookParseError/maximumLineLength`` bytes.
        case lineTooLong(bytes: Int)
        /// A fixed-width line ends before the columns it must hold.
        case shortLine(length: Int, needed: Int)
        /// A delimited row has fewer fields than the layout needs.
        case missingFields(expected: Int, found: Int)
        /// A required field is blank.
        case emptyField(String)
        /// A quoted field is never closed (before the end of the file, or before the
        /// text that follows it on a later line).
        case unterminatedQuote
        /// Text follows the closing quote of a field.
        case textAfterQuote
        /// A code (in `field`, when the row has several) does not have the expected format.
        case invalidCode(field: String?, value: String, expected: String)
        /// A date field is not a real `YYYYMMDD` date.
        case invalidDate(field: String, value: String)
        /// An indicator or flag has a value the layout does not define.
        case invalidIndicator(field: String, value: String)
        /// A number or layout field holds something else.
        case invalidValue(field: String, value: String)
        /// A text field holds a control character, such as the bare carriage return of a file
        /// saved with old Mac line ends (which would glue every line into one).
        case controlCharacter(field: String)
        /// The same code (or edit) appears twice in the file.
        case duplicate(String, firstLine: Int)
        /// The file holds no rows at all.
        case noRows
        /// The code list parser was asked for a system that has no code list (NCCI, MUE).
        case unsupportedSystem(CodeSystem)
    }

    /// Lines longer than this many bytes (without the line break) are refused.
    public static let maximumLineLength = 4096

    /// The file being read.
    public let kind: FileKind
    /// The 1-based line number, or `nil` for a problem with the whole file.
    public let line: Int?
    /// What is wrong with the line (or the file).
    public let problem: Problem

    /// Creates an error.
    public init(kind: FileKind, line: Int?, problem: Problem) {
        self.kind = kind
        self.line = line
        self.problem = problem
    }

    /// `CPT code list, line 7: code '9921' is not a valid CPT code`.
    public var description: String {
        let place = line.map { "\(kind.name), line \($0)" } ?? kind.name
        return place + ": " + reason
    }

    /// The problem in plain words, without the file and line.
    public var reason: String {
        switch problem {
        case .invalidUTF8:
            return "the text is not valid UTF-8"
        case .lineTooLong(let bytes):
            return "the line is \(bytes) bytes long; at most \(Self.maximumLineLength) are allowed"
        case .shortLine(let length, let needed):
            return "the line is truncated: \(length) characters, the layout needs at least \(needed)"
        case .missingFields(let expected, let found):
            return "the row is truncated: \(found) field\(found == 1 ? "" : "s"), expected \(expected)"
        case .emptyField(let field):
            return "the \(field) is empty"
        case .unterminatedQuote:
            return "a quoted field opened on this line is never properly closed"
        case .textAfterQuote:
            return "unexpected text after a closing quote"
        case .invalidCode(let field, let value, let expected):
            let subject = field.map { "\($0) code" } ?? "code"
            return "\(subject) '\(Self.quoted(value))' is not a valid \(expected) code"
        case .invalidDate(let field, let value):
            return "\(field) '\(Self.quoted(value))' is not a real YYYYMMDD date"
        case .invalidIndicator(let field, let value):
            return "\(field) '\(Self.quoted(value))' is not one of the values the layout defines"
        case .invalidValue(let field, let value):
            return "\(field) '\(Self.quoted(value))' is not valid"
        case .controlCharacter(let field):
            return "the \(field) holds a control character (a bare carriage return? save the file with LF or CRLF line ends)"
        case .duplicate(let key, let firstLine):
            return "\(key) already appears on line \(firstLine)"
        case .noRows:
            return "the file holds no rows"
        case .unsupportedSystem(let system):
            return "\(system.rawValue) releases are not code lists"
        }
    }

    /// A file value as messages show it: at most 40 characters, control characters as `?`.
    private static func quoted(_ value: String) -> String {
        let shown = value.unicodeScalars.prefix(40).map { $0.value < 32 || $0.value == 127 ? "?" : Character($0) }
        return String(shown) + (value.unicodeScalars.count > 40 ? "…" : "")
    }
}
