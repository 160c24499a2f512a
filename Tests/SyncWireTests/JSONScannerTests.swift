@testable import SyncWire
import Testing

/// The one low-level reader under WireJSON and FlatJSON: strict, and says where it stopped.
@Suite struct JSONScannerTests {
    static func scan<T>(_ text: String, _ body: (inout JSONScanner) throws -> T) throws -> T {
        var text = text
        return try text.withUTF8 { bytes in
            var scanner = JSONScanner(bytes: bytes)
            return try scanner.document(body)
        }
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let text: String
        let integer: Int64?
        var testDescription: String { text }
    }

    @Test(arguments: [
        Case(text: "0", integer: 0), Case(text: " 42 ", integer: 42), Case(text: "-9223372036854775808", integer: .min),
        Case(text: "9223372036854775807", integer: .max), Case(text: "9223372036854775808", integer: nil),
        Case(text: "007", integer: nil), Case(text: "1.0", integer: nil), Case(text: "1e3", integer: nil),
        Case(text: "-", integer: nil), Case(text: "", integer: nil), Case(text: "1 2", integer: nil),
        Case(text: "99999999999999999999", integer: nil),
    ])
    func integers(_ c: Case) {
        #expect((try? Self.scan(c.text) { try $0.integer() }) == c.integer)
    }

    @Test(arguments: [
        (#""plain""#, "plain"), (#""\"\\\/\b\f\n\r\t""#, "\"\\/\u{08}\u{0C}\n\r\t"), (#""\u00e9\u6f22""#, "é漢"),
        (#""\ud83d\ude42""#, "🙂"), ("\"é漢🙂\"", "é漢🙂"),
    ])
    func strings(text: String, expected: String) throws {
        #expect(try Self.scan(text) { try $0.string() } == expected)
    }

    @Test(arguments: [#""open"#, #""\x""#, #""\ud83d""#, #""\ud83dx""#, #""\u12""#, "\"raw \n\"", #""\ude42""#])
    func malformedStrings(text: String) {
        #expect(throws: JSONScanner.Malformed.self) { try Self.scan(text) { try $0.string() } }
    }

    @Test func invalidUTF8IsMalformed() {
        let bytes: [UInt8] = [0x22, 0xC3, 0x28, 0x5C, 0x6E, 0x22]   // "\xC3(\n"
        #expect(throws: JSONScanner.Malformed.self) {
            try bytes.withUnsafeBufferPointer { buffer in
                var scanner = JSONScanner(bytes: buffer)
                return try scanner.string()
            }
        }
    }

    @Test func objectsAndArraysReportTheOffsetWhereTheyStopped() throws {
        var keys: [String] = []
        try Self.scan(#"{ "a" : [1, 2] , "b":{}}"#) { scanner in
            try scanner.object { scanner, key in
                keys.append(key)
                if key == "a" { try scanner.array { _ = try $0.integer() } } else { try scanner.object { _, _ in } }
            }
        }
        #expect(keys == ["a", "b"])
        #expect { try Self.scan(#"{"a":1;"b":2}"#) { try $0.object { _ = try $0.integer(); _ = $1 } } } throws: {
            ($0 as? JSONScanner.Malformed)?.offset == 6
        }
        #expect { try Self.scan("[1,2]]") { try $0.array { _ = try $0.integer() } } } throws: {
            ($0 as? JSONScanner.Malformed)?.offset == 5
        }
        #expect(try Self.scan("null") { try $0.orNull { try $0.bool() } } == nil)
        #expect(try Self.scan("true") { try $0.orNull { try $0.bool() } } == true)
        #expect(throws: JSONScanner.Malformed.self) { try Self.scan("nul") { try $0.orNull { try $0.bool() } } }
    }
}
