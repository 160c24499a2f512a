/// A JSON decoding error told as the path of the bad element and what was expected there,
/// never the value (which may be patient data), e.g. `changes[3].hlc: expected an integer`.
struct DecodingFailure: CustomStringConvertible {
    let error: DecodingError

    init(_ error: DecodingError) { self.error = error }

    var description: String {
        switch error {
        case .typeMismatch(let type, let context):
            return "\(Self.path(context.codingPath)): expected \(Self.name(of: type))"
        case .valueNotFound(let type, let context):
            return "\(Self.path(context.codingPath)): expected \(Self.name(of: type)), found null"
        case .keyNotFound(let key, let context):
            return "\(Self.path(context.codingPath + [key])): required key is missing"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "the body is not valid JSON"
                : "\(Self.path(context.codingPath)): the value is not valid here"
        @unknown default:
            return "the body does not match"
        }
    }

    /// `changes[3].hlc`; the body itself is `(body)`.
    static func path(_ keys: [any CodingKey]) -> String {
        var text = ""
        for key in keys {
            if let index = key.intValue, key.stringValue.hasPrefix("Index") || key.stringValue == "\(index)" {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return text.isEmpty ? "(body)" : text
    }

    /// A reader's name for the type expected.
    static func name(of type: Any.Type) -> String {
        switch type {
        case is any BinaryInteger.Type: return "an integer"
        case is any BinaryFloatingPoint.Type: return "a number"
        case is String.Type: return "a string"
        case is Bool.Type: return "true or false"
        default:
            let name = String(describing: type)
            if name.hasPrefix("Array") { return "an array" }
            if name.hasPrefix("Dictionary") { return "an object" }
            if name == "FieldValue" { return "null, a number or a string" }
            return "an object (\(name))"
        }
    }
}
