import Foundation
import Testing

/// The release files the code-update tests import: the shipped ICD-10-CM FY2025 order file, an
/// FY2026 built from it, and two small CPT lists in our own words.
enum CodeReleaseFiles {
    /// `Sources/ClinicStore/Resources/icd10cm_order_2025.txt.gz` in this checkout.
    static let shippedFY2025 = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/ClinicStore/Resources/icd10cm_order_2025.txt.gz")

    /// Codes FY2026 deletes from FY2025 (J02.9 acute pharyngitis, E11.65, A00.1).
    static let deletedDiagnoses = ["A001", "E1165", "J029"]
    /// Codes FY2026 adds (E11.A has a letter after the dot, as the 2026 release does; U99.9 is made up).
    static let addedDiagnoses = ["E11A", "U999"]
    /// I10 gets a new long description in FY2026.
    static let redescribed = ("I10", "Essential (primary) hypertension, as FY2026 of this test words it")
    /// R69 stays but is no longer billable in FY2026.
    static let noLongerBillable = "R69"

    /// CPT 2025: 99201 is deleted by CPT 2026, 99213 re-described, 99215 added.
    static let cpt2025 = """
        code,description
        99201,"TEST - New patient office visit, lowest level"
        99213,"TEST - Established patient office visit, low complexity"
        99214,"TEST - Established patient office visit, moderate complexity"
        36415,TEST - Blood draw from a vein

        """
    static let cpt2026 = """
        code,description
        99213,"TEST - Established patient office or outpatient visit, low complexity"
        99214,"TEST - Established patient office visit, moderate complexity"
        99215,"TEST - Established patient office visit, high complexity"
        36415,TEST - Blood draw from a vein

        """

    /// Writes the decompressed shipped FY2025 file and the FY2026 made from it into `folder`;
    /// returns their paths.
    static func writeICD(into folder: URL) throws -> (fy2025: String, fy2026: String) {
        let fy2025 = folder.appendingPathComponent("icd10cm_order_2025.txt")
        try gunzip(shippedFY2025, to: fy2025)
        let lines = try String(contentsOf: fy2025, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: true)
        func code(_ line: Substring) -> String { String(line.dropFirst(6).prefix(7)).trimmingCharacters(in: .whitespaces) }
        let codes = Set(lines.map(code))
        try #require(Set(deletedDiagnoses + [redescribed.0, noLongerBillable]).isSubset(of: codes))
        try #require(codes.isDisjoint(with: addedDiagnoses))

        var next: [String] = []
        for line in lines {
            let current = code(line)
            if deletedDiagnoses.contains(current) { continue }
            var text = String(line)
            if current == redescribed.0 { text = String(text.prefix(77)) + redescribed.1 }
            if current == noLongerBillable { text = String(text.prefix(14)) + "0" + String(text.dropFirst(15)) }
            next.append(text)
        }
        next.append(orderLine(99_001, "E11A", "Type 2 diabetes in remission", "Type 2 diabetes mellitus without complications in remission"))
        next.append(orderLine(99_002, "U999", "Test code added by FY2026", "A code this test adds in its FY2026"))
        let fy2026 = folder.appendingPathComponent("icd10cm_order_2026.txt")
        try Data((next.joined(separator: "\n") + "\n").utf8).write(to: fy2026)
        return (fy2025.path, fy2026.path)
    }

    /// Writes `text` to `name` in `folder`; returns the path.
    static func write(_ text: String, _ name: String, in folder: URL) throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    /// One order-file line: order 1–5, code 7–13, billable 15, short 17–76, long 78–.
    private static func orderLine(_ order: Int, _ code: String, _ short: String, _ long: String) -> String {
        func pad(_ text: String, _ width: Int) -> String { text + String(repeating: " ", count: max(0, width - text.count)) }
        return String(format: "%05d", order) + " " + pad(code, 7) + " 1 " + pad(short, 60) + " " + long
    }

    private static func gunzip(_ source: URL, to target: URL) throws {
        FileManager.default.createFile(atPath: target.path, contents: nil)
        let output = try FileHandle(forWritingTo: target)
        defer { try? output.close() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["gzip", "-dc", source.path]
        process.standardOutput = output
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "gzip -dc \(source.path) failed")
    }
}
