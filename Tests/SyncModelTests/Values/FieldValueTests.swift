import Foundation
import Testing
@testable import SyncModel

@Suite struct FieldValueTests {
    struct JSONCase: CustomTestStringConvertible, Sendable {
        let value: FieldValue
        let json: String
        var testDescription: String { json }
    }

    @Test(arguments: [
        JSONCase(value: .null, json: "null"),
        JSONCase(value: .integer(42), json: "42"),
        JSONCase(value: .integer(-7), json: "-7"),
        JSONCase(value: .integer(.max), json: "9223372036854775807"),
        JSONCase(value: .real(1.5), json: "1.5"),
        JSONCase(value: .text("E119"), json: "\"E119\""),
        JSONCase(value: .text(""), json: "\"\""),
    ])
    func plainJSONScalars(_ example: JSONCase) throws {
        let encoded = String(decoding: try JSONEncoder().encode([example.value]), as: UTF8.self)
        #expect(encoded == "[\(example.json)]")
        let decoded = try JSONDecoder().decode([FieldValue].self, from: Data("[\(example.json)]".utf8))
        #expect(decoded == [example.value])
    }

    @Test(arguments: ["true", "{}", "[1]"])
    func nonScalarsAreRefused(json: String) {
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([FieldValue].self, from: Data("[\(json)]".utf8))
        }
    }

    @Test func aWholeRealIsTheSameValueAsTheInteger() throws {
        #expect(FieldValue.real(2) == .integer(2))
        #expect(Set<FieldValue>([.real(2), .integer(2)]).count == 1)
        #expect(FieldValue.real(2.5) != .integer(2))
        let back = try JSONDecoder().decode([FieldValue].self, from: JSONEncoder().encode([FieldValue.real(2)]))
        #expect(back == [.integer(2)])
    }

    @Test func orderFollowsSQLite() {
        let sorted: [FieldValue] = [.text("b"), .integer(3), .null, .text("B"), .real(2.5), .text("a")].sorted()
        #expect(sorted == [.null, .real(2.5), .integer(3), .text("B"), .text("a"), .text("b")])
        #expect(FieldValue.integer(16) < .integer(51))
    }

    @Test func textComparesByBytes() {
        let composed = FieldValue.text("\u{e9}")
        let decomposed = FieldValue.text("e\u{301}")
        #expect(composed != decomposed, "SQLite stores different bytes, so the merge must see a change")
    }
}
