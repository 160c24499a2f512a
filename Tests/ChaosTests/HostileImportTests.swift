import BillingModel
import CLITesting
import ClinicStore
import Foundation
import Testing

/// DESIGN §2 and §8 bad input, for every importer: truncated files, wrong encodings, a 1 MB line,
/// binary garbage, empty and header-only files, duplicated codes (and more) are refused with one
/// clear line that names the line at fault, and the store is left exactly as it was — through the
/// store API and through `clinicsync codes import`.
@Suite(.timeLimit(.minutes(10))) struct HostileImportTests {
    @Test(arguments: ImportFormat.all)
    func theStoreRefusesHostileFilesAndChangesNothing(_ format: ImportFormat) throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("store.sqlite").path
        let store = try LocalStore.create(at: path, role: .clinic, clinicID: "alpha")
        let before = try StoreProbe.fingerprint(path)
        let spec = ReleaseImport(system: format.system, name: "HOSTILE", effectiveFrom: CalendarDate("2025-01-01")!,
                                 sourceName: "codes.txt")
        let files = try format.hostileFiles()
        var changed = 0
        for file in files {
            do {
                let release = try store.importRelease(spec, bytes: file.bytes)
                Issue.record("\(format.name), \(file.name): imported \(release.entryCount) entries")
            } catch let error as StoreError {
                guard case .importFailed(_, let line, _) = error else {
                    Issue.record("\(format.name), \(file.name): \(error)")
                    continue
                }
                check(error.description, line: line, for: file, in: format)
            }
            let unchanged = try StoreProbe.fingerprint(path) == before
            #expect(unchanged, "\(format.name), \(file.name): the store changed")
            if !unchanged { changed += 1 }
        }
        #expect(try StoreProbe.integrity(path) == "ok")
        // The same store takes the valid file: the refusals were about the spoiled bytes.
        #expect(try store.importRelease(spec, bytes: format.valid).entryCount == format.rows.count)
        ChaosFigures.report("hostile imports (store API), \(format.name)", ["hostile_inputs": files.count, "data_changed": changed])
    }

    @Test(arguments: ImportFormat.all)
    func theCommandLineRefusesHostileFilesWithOneLine(_ format: ImportFormat) throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("store.sqlite").path
        _ = try LocalStore.create(at: path, role: .clinic, clinicID: "alpha")
        let before = try StoreProbe.fingerprint(path)
        let files = try format.hostileFiles()
        for (index, file) in files.enumerated() {
            let name = "hostile-\(index).txt"
            try Data(file.bytes).write(to: folder.appendingPathComponent(name))
            let exit = try Clinicsync.run(["codes", "import", "--system", format.system.cliName, "--release", "HOSTILE",
                                           "--effective", "2025-01-01", name, "--store", path], in: folder)
            #expect(exit.exited(ExitCodes.failed), "\(format.name), \(file.name): \(exit)")
            let lines = exit.stderr.split(separator: "\n", omittingEmptySubsequences: true)
            #expect(lines.count == 1 && lines[0].hasPrefix("Error: import of \(name) refused"),
                    "\(format.name), \(file.name): \(exit.stderr.prefix(500))")
            if let first = lines.first {
                let line = Self.lineNumber(in: String(first))
                check(String(first), line: line, for: file, in: format)
            }
            #expect(exit.stdout.isEmpty)
        }
        let unchanged = try StoreProbe.fingerprint(path) == before
        #expect(unchanged, "\(format.name): the store changed")
        #expect(try StoreProbe.integrity(path) == "ok")
        ChaosFigures.report("hostile imports (CLI), \(format.name)", ["hostile_inputs": files.count, "data_changed": unchanged ? 0 : 1])
    }

    /// Found by these tests: `CODE` has the format of an ICD-10-CM code, so the header of an
    /// ICD-10-CM code list was imported as a code named `COD.E`.
    @Test(arguments: ["code,description", "CODE,DESCRIPTION", "Code\tDescription", "E119,description"])
    func aHeaderRowIsNeverImportedAsACode(_ header: String) throws {
        let store = try LocalStore.inMemory()
        let delimiter = header.contains("\t") ? "\t" : ","
        let file = [header, "E119\(delimiter)Type 2 diabetes mellitus", "I10\(delimiter)Essential hypertension"].joined(separator: "\n")
        let spec = ReleaseImport(system: .icd10cm, name: "LIST", effectiveFrom: CalendarDate("2025-01-01")!, sourceName: "list.csv")
        #expect(try store.importRelease(spec, bytes: Array(file.utf8)).entryCount == 2)
        #expect(try store.lookupCode("CODE").isEmpty)
    }

    /// The message is one short line, names the expected line, and says what is wrong.
    private func check(_ message: String, line: Int?, for file: HostileFile, in format: ImportFormat) {
        let context = "\(format.name), \(file.name): \(message.prefix(300))"
        #expect(!message.contains("\n") && message.count < 400, "\(context)")
        #expect(message.contains("nothing was imported"), "\(context)")
        if let expected = file.line {
            #expect(line == expected && message.contains("line \(expected)"), "\(context)")
        }
        if let line { #expect(message.contains(", line \(line):"), "\(context)") }
        if let phrase = file.phrase { #expect(message.contains(phrase), "\(context)") }
    }

    /// The number after `, line ` in a message.
    static func lineNumber(in message: String) -> Int? {
        guard let range = message.range(of: #", line \d+"#, options: .regularExpression) else { return nil }
        return Int(message[range].dropFirst(7))
    }

    static func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("clinicsync-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }
}
