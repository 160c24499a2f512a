import ClinicStore
import Foundation
import Testing

/// DESIGN §4 "Transport and rest": store files (with their -wal and -shm) and exports are
/// readable by their owner only.
@Suite struct PrivateFilesTests {
    static func mode(_ path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    static func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("clinicsync-private-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func aNewStoreAndItsWALAndSharedMemoryFilesAre0600() throws {
        let path = try Self.folder().appendingPathComponent("clinic.sqlite").path
        let store = try LocalStore.create(at: path, role: .clinic, clinicID: "alpha")
        _ = try store.addPayer(payerID: "P1", name: "Plan")
        for file in [path, path + "-wal", path + "-shm"] {
            #expect(FileManager.default.fileExists(atPath: file), "\(file) exists")
            let mode = try Self.mode(file)
            #expect(mode == 0o600, "\(file) is \(String(mode, radix: 8))")
        }
    }

    @Test func aPrivateFileIs0600AndReplacesWhatWasThere() throws {
        let path = try Self.folder().appendingPathComponent("export.x12").path
        try "old".write(toFile: path, atomically: true, encoding: .utf8)
        try PrivateFile.write(Data("ISA*...~".utf8), to: path)
        #expect(try Self.mode(path) == 0o600)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "ISA*...~")
        #expect(throws: PrivateFileError.self) { try PrivateFile.write(Data(), to: "/nonexistent-dir/x") }
    }

    @Test func newSiteIDsCarry128RandomBits() throws {
        let store = try LocalStore.inMemory(role: .clinic, clinicID: "alpha")
        let random = try #require(store.identity.siteID.split(separator: "-").last)
        #expect(random.count == 32 && random.allSatisfy(\.isHexDigit))
    }
}
