import CLITesting
import BillingModel
import ClinicStore
import Foundation
import SyncWire
import Testing

/// One import layout with a small valid file of it, from which the hostile variants are made.
struct ImportFormat: Sendable, CustomTestStringConvertible {
    let name: String
    let system: CodeSystem
    /// Notice and header lines before the rows.
    let preamble: [String]
    let rows: [String]
    let lineEnd: String
    /// The first field separator of a row (a space in the fixed-width order file).
    let separator: String
    let quoting: Bool

    var testDescription: String { name }
    /// The 1-based line of `rows[0]`.
    var firstRowLine: Int { preamble.count + 1 }

    func file(_ rows: [String]) -> [UInt8] { Array((preamble + rows).map { $0 + lineEnd }.joined().utf8) }
    var valid: [UInt8] { file(rows) }

    static func orderLine(_ order: String, _ code: String, _ flag: String, _ short: String, _ long: String) -> String {
        func pad(_ text: String, _ width: Int) -> String { text + String(repeating: " ", count: max(0, width - text.count)) }
        return pad(order, 5) + " " + pad(code, 7) + " " + flag + " " + pad(short, 60) + " " + long
    }

    /// Every system `codes import` takes, in each layout it reads.
    static let all: [ImportFormat] = [
        ImportFormat(name: "icd10cm order file", system: .icd10cm, preamble: [], rows: [
            orderLine("00001", "A00", "0", "Cholera", "Cholera"),
            orderLine("04292", "E11", "0", "Type 2 diabetes mellitus", "Type 2 diabetes mellitus"),
            orderLine("04407", "E119", "1", "Type 2 diabetes mellitus without complications",
                      "Type 2 diabetes mellitus without complications"),
            orderLine("11515", "I10", "1", "Essential (primary) hypertension", "Essential (primary) hypertension"),
            orderLine("97582", "U071", "1", "COVID-19", "COVID-19"),
        ], lineEnd: "\n", separator: " ", quoting: false),
        ImportFormat(name: "icd10cm csv", system: .icd10cm, preamble: ["code,description"], rows: [
            "E119,Type 2 diabetes mellitus without complications", "J45909,\"Unspecified asthma, uncomplicated\"",
            "I10,Essential (primary) hypertension", "R69,Illness, unspecified", "U071,COVID-19",
        ], lineEnd: "\r\n", separator: ",", quoting: true),
        ImportFormat(name: "cpt csv", system: .cpt, preamble: ["code,description"], rows: [
            "99202,New patient office visit (own wording)", "99213,Established patient office visit (own wording)",
            "36415,Routine venipuncture (own wording)", "0001U,Lab analysis (own wording)", "1036F,Tobacco use assessed",
        ], lineEnd: "\n", separator: ",", quoting: true),
        ImportFormat(name: "hcpcs tsv", system: .hcpcs, preamble: ["code\tdescription"], rows: [
            "G0008\tAdministration of influenza virus vaccine", "G0439\tAnnual wellness visit, subsequent",
            "J1100\tInjection, dexamethasone sodium phosphate", "A0428\tAmbulance service, basic life support",
            "E0114\tCrutches, underarm",
        ], lineEnd: "\n", separator: "\t", quoting: true),
        ImportFormat(name: "modifier csv", system: .modifier, preamble: ["code,description"], rows: [
            "22,Increased procedural services", "25,Significant, separately identifiable E/M service",
            "59,Distinct procedural service", "LT,Left side", "RT,Right side",
        ], lineEnd: "\n", separator: ",", quoting: true),
        ImportFormat(name: "pos csv", system: .pos, preamble: ["code,name,medicare_pfs_rate"], rows: [
            "02,Telehealth Provided Other than in Patient's Home,facility", "11,Office,non-facility",
            "12,Home,non-facility", "21,Inpatient Hospital,facility", "23,Emergency Room - Hospital,facility",
        ], lineEnd: "\n", separator: ",", quoting: true),
        ImportFormat(name: "ncci-ptp", system: .ncciPTP, preamble: [
            "CPT codes, descriptions and other data only are copyright 2024 American Medical Association. All rights reserved.",
            "",
            "Column 1\tColumn 2\t*=in existence\tEffective\tDeletion\tModifier\tPTP Edit Rationale",
            "\t\tprior to 1996\tDate\tDate\t0=not allowed\t",
        ], rows: [
            "99213\t36415\t\t20210101\t*\t0\tMisuse of column two code with column one code",
            "99213\t20610\t\t20020101\t*\t1\tStandards of medical / surgical services",
            "29881\t29880\t*\t19960101\t20100101\t9\tMutually exclusive procedures",
            "G0439\t99497\t\t20160101\t*\t1\tCPT Manual or CMS manual coding instructions",
            "99214\t36415\t\t20210101\t*\t0\tMisuse of column two code with column one code",
        ], lineEnd: "\r\n", separator: "\t", quoting: false),
        ImportFormat(name: "mue", system: .mue, preamble: [
            "\"CPT codes, descriptions and other data only are copyright 2024 American Medical Association.\"",
            "HCPCS/CPT Code,Practitioner Services MUE Values,MUE Adjudication Indicator,MUE Rationale",
        ], rows: [
            "11102,1,2 Date of Service Edit: Policy,Code Descriptor / CPT Instruction",
            "97110,4,3 Date of Service Edit: Clinical,Clinical: Data",
            "36415,2,1 Line Edit,Nature of Service/Procedure",
            "J1100,30,3 Date of Service Edit: Clinical,\"Clinical: Data, Prescribing Information\"",
            "99213,1,2 Date of Service Edit: Policy,Nature of Service/Procedure",
        ], lineEnd: "\n", separator: ",", quoting: true),
    ]
}

/// A file that must be refused, the line the refusal must name (`nil`: a whole-file problem,
/// or any line) and a phrase the message must hold.
struct HostileFile: Sendable {
    let name: String
    let bytes: [UInt8]
    let line: Int?
    let phrase: String?
}

extension ImportFormat {
    /// The hostile variants of this layout's valid file.
    func hostileFiles(seed: UInt64 = 5) throws -> [HostileFile] {
        let bad = 2  // the row that gets spoiled
        let badLine = firstRowLine + bad
        let lastLine = firstRowLine + rows.count - 1
        func with(row index: Int, _ spoil: ([UInt8]) -> [UInt8]) -> [UInt8] {
            let lines = (preamble + rows).enumerated().map { offset, line -> [UInt8] in
                let text = Array(line.utf8)
                return (offset == preamble.count + index ? spoil(text) : text) + Array(lineEnd.utf8)
            }
            return lines.flatMap { $0 }
        }
        let last = rows[rows.count - 1]
        let cut = String(last[..<last.range(of: separator)!.upperBound])
        let truncated = file(Array(rows.dropLast())) + Array(cut.utf8)
        let compressed = try Gzip.compress(valid)
        var random = SeededRandom(state: seed)
        let garbage = (0..<65_536).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        var utf16: [UInt8] = [0xFF, 0xFE]
        for unit in String(decoding: valid, as: UTF8.self).utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }

        var files = [
            HostileFile(name: "truncated in its last row", bytes: truncated, line: lastLine, phrase: nil),
            HostileFile(name: "gzip cut in half", bytes: Array(compressed.prefix(compressed.count / 2)), line: nil,
                        phrase: "nothing was imported"),
            HostileFile(name: "Latin-1 text", bytes: with(row: bad) { $0 + Array(" caf".utf8) + [0xE9] }, line: badLine,
                        phrase: "not valid UTF-8"),
            HostileFile(name: "UTF-16 file", bytes: utf16, line: nil, phrase: nil),
            HostileFile(name: "1 MB line", bytes: with(row: bad) { $0 + [UInt8](repeating: 0x78, count: 1 << 20) },
                        line: badLine, phrase: "1048"),
            HostileFile(name: "64 KiB of binary garbage", bytes: garbage, line: nil, phrase: nil),
            HostileFile(name: "NUL byte in a code", bytes: with(row: bad) { [0] + $0 }, line: badLine, phrase: nil),
            HostileFile(name: "empty", bytes: [], line: nil, phrase: "no rows"),
            HostileFile(name: "header only", bytes: Array((preamble.isEmpty ? ["", ""] : preamble).map { $0 + lineEnd }.joined().utf8),
                        line: nil, phrase: "no rows"),
            HostileFile(name: "duplicated row", bytes: file(rows + [rows[0]]), line: lastLine + 1,
                        phrase: "already appears on line \(firstRowLine)"),
            HostileFile(name: "old Mac line ends (CR only)",
                        bytes: Array((preamble + rows).joined(separator: "\r").utf8) + [0x0D], line: nil, phrase: nil),
        ]
        if quoting {
            files.append(HostileFile(name: "unterminated quote", bytes: with(row: bad) { Array("\"".utf8) + $0 },
                                     line: badLine, phrase: "quote"))
        }
        return files
    }
}
