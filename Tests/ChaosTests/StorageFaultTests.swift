import BillingModel
import CLITesting
import ClinicStore
import Foundation
import Testing

/// DESIGN §8 storage faults: a read-only or full disk, a read-only file or folder, a database
/// locked by another process. Each gives one clear error through the store API and the CLI,
/// leaves the store exactly as it was (`PRAGMA integrity_check` = ok), and the store works again
/// once the fault is gone. Real faults where this process may mount a tmpfs (root, as in CI);
/// elsewhere the full disk is simulated with `PRAGMA max_page_count` and the read-only disk is
/// covered by file permissions.
@Suite(.timeLimit(.minutes(5))) struct StorageFaultTests {
    static let mountable = ScratchMount.isAvailable
    static let unprivileged = getuid() != 0

    // MARK: - Read-only

    @Test(.enabled(if: Requirements.runs(when: mountable), "needs a tmpfs mount (root)"))
    func aReadOnlyDiskGivesAClearErrorAndKeepsTheStore() throws {
        try Requirements.check(Self.mountable, "a tmpfs mount (root with CAP_SYS_ADMIN)")
        let disk = try ScratchMount.mount(kibibytes: 4096)
        defer { disk.unmount() }
        let path = disk.folder.appendingPathComponent("clinic.sqlite").path
        try Self.makeStore(at: path)
        let before = try StoreProbe.fingerprint(path)
        try disk.remount(readOnly: true)

        #expect(throws: StoreError.readOnly(path: path)) { try LocalStore.open(at: path) }
        for command in [Self.addPatient, ["status"]] {
            let exit = try Clinicsync.run(command + ["--store", path], in: disk.folder)
            Self.expectOneLine(exit, "Error: the store \(path) is read-only: check the file and folder permissions; nothing was changed")
        }

        try disk.remount(readOnly: false)
        let unchanged = try StoreProbe.fingerprint(path) == before
        #expect(unchanged)
        #expect(try StoreProbe.integrity(path) == "ok")
        #expect(try LocalStore.open(at: path).patients().count == 1)
        ChaosFigures.report("read-only disk", ["faults_injected": 3, "data_changed": unchanged ? 0 : 1])
    }

    /// A store file, or its folder, without write permission: as an unprivileged user (root
    /// ignores permissions, so as root the CLI runs as `nobody` through `setpriv`).
    static let canDropPrivileges = unprivileged || FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")

    @Test(.enabled(if: Requirements.runs(when: canDropPrivileges), "as root, needs setpriv to run the CLI as nobody"),
          arguments: ["file", "folder"])
    func aReadOnlyFileOrFolderGivesAClearError(_ what: String) throws {
        try Requirements.check(Self.canDropPrivileges, "setpriv (util-linux) to run the CLI as nobody")
        let folder = try HostileImportTests.folder()
        defer {
            try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path)
            try? FileManager.default.removeItem(at: folder)
        }
        try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: folder.path)
        let path = folder.appendingPathComponent("clinic.sqlite").path
        try Self.makeStore(at: path)
        if !Self.unprivileged { try FileManager.default.setAttributes([.ownerAccountID: 65_534], ofItemAtPath: path) }
        let before = try StoreProbe.fingerprint(path)
        let target = what == "file" ? path : folder.path
        try FileManager.default.setAttributes([.posixPermissions: what == "file" ? 0o444 : 0o555], ofItemAtPath: target)

        if Self.unprivileged {
            #expect(throws: StoreError.readOnly(path: path)) {
                try LocalStore.open(at: path).addPatient(Self.patient)
            }
        }
        let exit = try Self.runUnprivileged(Self.addPatient + ["--store", path], in: folder)
        Self.expectOneLine(exit, "Error: the store \(path) is read-only: check the file and folder permissions; nothing was changed")

        try FileManager.default.setAttributes([.posixPermissions: what == "file" ? 0o644 : 0o777], ofItemAtPath: target)
        for side in ["-wal", "-shm"] {  // made read-only by SQLite after the read-only file
            try? FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path + side)
        }
        let unchanged = try StoreProbe.fingerprint(path) == before
        #expect(unchanged)
        #expect(try StoreProbe.integrity(path) == "ok")
        ChaosFigures.report("read-only \(what)", ["faults_injected": Self.unprivileged ? 2 : 1, "data_changed": unchanged ? 0 : 1])
    }

    // MARK: - Full disk

    @Test(.enabled(if: Requirements.runs(when: mountable), "needs a tmpfs mount (root)"))
    func aFullDiskGivesAClearErrorAndHalfWritesNothing() throws {
        try Requirements.check(Self.mountable, "a tmpfs mount (root with CAP_SYS_ADMIN)")
        let disk = try ScratchMount.mount(kibibytes: 8192)
        defer { disk.unmount() }
        let elsewhere = try HostileImportTests.folder()
        defer { try? FileManager.default.removeItem(at: elsewhere) }
        let path = disk.folder.appendingPathComponent("clinic.sqlite").path
        let list = elsewhere.appendingPathComponent("cpt.csv").path
        try Self.bigCodeList.write(to: URL(fileURLWithPath: list))
        try Self.makeStore(at: path)
        let before = try StoreProbe.fingerprint(path)

        // Almost full: a large import runs out of space in the middle of its transaction.
        let filler = try disk.fill(leavingKiB: 160)
        do {
            let store = try LocalStore.open(at: path)
            #expect(throws: StoreError.diskFull(path: path)) { try store.importRelease(Self.bigImport, file: list) }
            #expect(try store.releases().isEmpty)
        }
        let importing = try Clinicsync.run(["codes", "import", "--system", "cpt", "--release", "BIG", "--effective", "2025-01-01", list,
                                            "--store", path],
                                           in: disk.folder)
        Self.expectOneLine(importing, "Error: the disk holding \(path) is full; free some space and retry; nothing was changed")

        // Completely full, with the store closed (no -wal or -shm file): opening it already fails.
        try FileManager.default.removeItem(atPath: filler)
        #expect(try StoreProbe.integrity(path) == "ok")
        try #require(!FileManager.default.fileExists(atPath: path + "-wal"))
        let allOfIt = try disk.fill(name: "filler-2")
        #expect(throws: StoreError.diskFull(path: path)) { try LocalStore.open(at: path).addPatient(Self.patient) }
        let adding = try Clinicsync.run(Self.addPatient + ["--store", path], in: disk.folder)
        Self.expectOneLine(adding, "Error: the disk holding \(path) is full; free some space and retry; nothing was changed")

        try FileManager.default.removeItem(atPath: allOfIt)
        let unchanged = try StoreProbe.fingerprint(path) == before
        #expect(unchanged)
        #expect(try StoreProbe.integrity(path) == "ok")
        #expect(try LocalStore.open(at: path).importRelease(Self.bigImport, file: list).entryCount == Self.bigCount)
        ChaosFigures.report("full disk (tmpfs)", ["faults_injected": 4, "data_changed": unchanged ? 0 : 1])
    }

    /// Where no tmpfs can be mounted: the store's writer connection may not grow the file
    /// (`PRAGMA max_page_count`), which SQLite reports exactly as a full disk.
    @Test func aFullDatabaseSimulatedWithMaxPageCountHalfWritesNothing() throws {
        let folder = try HostileImportTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("clinic.sqlite").path
        try Self.makeStore(at: path)
        let list = folder.appendingPathComponent("cpt.csv").path
        try Self.bigCodeList.write(to: URL(fileURLWithPath: list))
        let before = try StoreProbe.fingerprint(path)
        let store = try LocalStore.open(at: path)
        try store.writer.writeWithoutTransaction { db in
            let pages = try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0
            try db.execute(sql: "PRAGMA max_page_count = \(pages + 20)")
        }
        #expect(throws: StoreError.diskFull(path: path)) { try store.importRelease(Self.bigImport, file: list) }
        #expect(try store.releases().isEmpty)
        let unchanged = try StoreProbe.fingerprint(path) == before
        #expect(unchanged)
        #expect(try StoreProbe.integrity(path) == "ok")
        _ = try store.addPatient(Self.patient)  // small writes still fit
        ChaosFigures.report("full disk (simulated, max_page_count)", ["faults_injected": 1, "data_changed": unchanged ? 0 : 1])
    }

    // MARK: - Locked

    @Test func aStoreLockedByAnotherProcessGivesAClearErrorAndKeepsTheStore() throws {
        let folder = try HostileImportTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("clinic.sqlite").path
        try Self.makeStore(at: path)
        let store = try LocalStore.open(at: path)
        let before = try StoreProbe.fingerprint(path)
        let holder = try LockHolder(path: path, folder: folder)
        #expect(throws: StoreError.locked(path: path)) { try store.addPatient(Self.patient) }
        let exit = try Clinicsync.run(Self.addPatient + ["--store", path], in: folder)
        Self.expectOneLine(exit, "Error: the store \(path) is locked by another process; try again when it finishes; nothing was changed")
        holder.release()

        let unchanged = try StoreProbe.fingerprint(path) == before
        #expect(unchanged)
        #expect(try StoreProbe.integrity(path) == "ok")
        _ = try store.addPatient(Self.patient)
        #expect(try store.patients().count == 2)
        ChaosFigures.report("locked store", ["faults_injected": 2, "data_changed": unchanged ? 0 : 1])
    }

    /// The central node's store locked by another process during a clinic's sync (a backup, an
    /// operator's shell): the node answers 503 while the lock is held, and the clinic waits it
    /// out (``SyncEngine/RetryPolicy``), saying so on stderr, instead of failing at once. The lock
    /// goes away 6.5 s in (the node itself waits 5 s for a lock before it answers 503); the same
    /// sync delivers everything and exits 0.
    @Test func aCentralStoreLockedForAMomentIsWaitedOutAndTheSyncDelivers() throws {
        let world = try ChaosWorld.start()
        defer { world.stop() }
        let front = world.site("alpha-front")
        _ = try Workload.seedClaim(at: front.store, tag: "front")
        try Workload.addPatients(50, at: front.store, tag: "front")
        let holder = try LockHolder(path: world.centralPath, folder: world.folder)
        DispatchQueue.global().asyncAfter(deadline: .now() + 6.5) { holder.release() }
        let exit = try world.sync(front)
        holder.release()
        #expect(exit.succeeded, "\(exit)")
        let lines = exit.stderr.split(separator: "\n")
        let retries = lines.filter { $0.hasPrefix("Warning: the central node is unavailable (HTTP 503: ") }
        #expect(!retries.isEmpty && retries.allSatisfy { $0.contains("locked by another process") && $0.contains("retrying in") },
                "the sync says it waits for the node: \(exit.stderr)")
        #expect(!lines.contains { $0.hasPrefix("Error:") }, "\(exit.stderr)")
        #expect(try StoreProbe.integrity(world.centralPath) == "ok")
        #expect(try StoreProbe.int(world.centralPath, "SELECT count(*) FROM patient WHERE owner = 'alpha'") == 51,
                "the one sync delivered every patient")

        try world.settle()
        let report = try world.verify()
        #expect(report.isClean, "\(report)")
        ChaosFigures.report("locked central store during a sync", ["faults_injected": 1, "retries_announced": retries.count,
                                                                   "data_lost": report.lost.count])
    }

    // MARK: - Helpers

    static let patient = PatientInput(firstName: "Ann", lastName: "Lee", dateOfBirth: "1970-01-01", sex: "F", memberID: "M9")
    static let addPatient = ["patient", "add", "--first", "Ann", "--last", "Lee", "--dob", "1970-01-01", "--sex", "F",
                             "--member-id", "M9"]
    static let bigCount = 8_000
    static let bigImport = ReleaseImport(system: .cpt, name: "BIG", effectiveFrom: CalendarDate("2025-01-01")!, sourceName: "cpt.csv")
    static var bigCodeList: Data {
        Data((["code,description"] + (0..<bigCount).map { "\(10_000 + $0),Procedure \($0) described at length for a realistic row size" })
            .joined(separator: "\n").utf8)
    }

    /// A clinic store with one patient.
    static func makeStore(at path: String) throws {
        let store = try LocalStore.create(at: path, role: .clinic, clinicID: "alpha")
        _ = try store.addPatient(patient)
    }

    /// Runs the CLI as an unprivileged user: directly when this process is one, else as `nobody`.
    static func runUnprivileged(_ arguments: [String], in folder: URL) throws -> ChildProcess.Exit {
        if unprivileged { return try Clinicsync.run(arguments, in: folder) }
        return try ChildProcess(URL(fileURLWithPath: "/usr/bin/setpriv"),
                                ["--reuid=65534", "--regid=65534", "--clear-groups", Clinicsync.binary.path] + arguments,
                                in: folder).wait()
    }

    /// A failed command with exactly one line on stderr, the expected one, and exit 4: a store
    /// problem (README, "Exit codes").
    static func expectOneLine(_ exit: ChildProcess.Exit, _ line: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(exit.exited(ExitCodes.store), "\(exit)", sourceLocation: sourceLocation)
        #expect(exit.stderr.trimmingCharacters(in: .newlines) == line, sourceLocation: sourceLocation)
    }
}
