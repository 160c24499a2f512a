import CLITesting
import CentralPostgres
import ClinicStore
import Foundation
import Testing

/// A central office and its clinics as an administrator runs them for the backup tests
/// (issue 28): `clinicsync serve` on SQLite or PostgreSQL, clinic stores in a temporary folder,
/// every step through the built binary. The node can be stopped, its storage put back from a
/// backup, and served again.
final class BackupOffice: @unchecked Sendable {
    let kind: CentralKind
    let folder: URL
    let tokenFile: String
    /// The running `clinicsync serve`.
    private(set) var server: ServeProcess
    /// `--store central.sqlite` or `--postgres URL`: the central storage, for the CLI.
    let storage: [String]
    /// PostgreSQL: the backend the test reads the central data through.
    private var backend: PostgresCentral?
    private var tokens: [String: String] = [:]

    init(_ kind: CentralKind) async throws {
        self.kind = kind
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("clinicsync-backup-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        tokenFile = folder.appendingPathComponent("admin.token").path
        try "admin-\(UUID().uuidString)".write(toFile: tokenFile, atomically: true, encoding: .utf8)
        switch kind {
        case .sqlite:
            let path = folder.appendingPathComponent("central.sqlite").path
            let created = try Clinicsync.run(["init", "--central", "--store", path], in: folder)
            try #require(created.succeeded, "\(created)")
            storage = ["--store", path]
        case .postgres:
            let configuration = try TestDatabase.configuration()
            storage = ["--postgres", try PostgresSuites.PostgresCentralCLITests.url(configuration)]
            backend = try await TestDatabase.backend(configuration)
        }
        server = try ServeProcess.start(["--port", "0", "--admin-token-file", tokenFile] + storage, in: folder)
    }

    /// The central data, read directly: a SQLite store handle opened for this call only (so the
    /// tests never hold the file open while it is put back from a backup), or PostgreSQL.
    var inspection: any CentralInspection {
        get throws {
            if let backend { return backend }
            return StoreInspection(store: try LocalStore.open(at: storage[1]))
        }
    }

    var url: String { server.url.absoluteString }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    /// `clinicsync ARGS` in the office's folder.
    @discardableResult
    func run(_ arguments: [String]) throws -> ChildProcess.Exit { try Clinicsync.run(arguments, in: folder) }

    /// `clinicsync ARGS`, which must succeed.
    @discardableResult
    func ok(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> ChildProcess.Exit {
        let exit = try run(arguments)
        try #require(exit.succeeded, "clinicsync \(arguments.joined(separator: " ")): \(exit)", sourceLocation: sourceLocation)
        return exit
    }

    /// Enrolls `clinic` (once) and creates its store `store` synced with the node.
    func clinic(_ clinic: String, store: String) throws {
        if tokens[clinic] == nil {
            let enrolled = try ok(["admin", "enroll", "--clinic", clinic, "--server", url, "--admin-token-file", tokenFile, "--json"])
            tokens[clinic] = try #require((try enrolled.json() as? [String: Any])?["token"] as? String)
        }
        try ok(["init", "--clinic", clinic, "--store", path(store)])
        try ok(["remote", "set", "--server", url, "--token", tokens[clinic]!, "--store", path(store)])
    }

    /// A file holding `clinic`'s token.
    func tokenFile(for clinic: String) throws -> String {
        let file = path("\(clinic).token")
        try tokens[clinic]!.write(toFile: file, atomically: true, encoding: .utf8)
        return file
    }

    /// Registers a patient whose member id is `member` at `store`.
    func addPatient(_ member: String, at store: String) throws {
        try ok(["patient", "add", "--first", "Pat", "--last", member, "--dob", "1980-01-01", "--sex", "F",
                "--member-id", member, "--store", path(store)])
    }

    /// `clinicsync sync` of `store`, which must succeed; its output.
    @discardableResult
    func sync(_ store: String) throws -> ChildProcess.Exit { try ok(["sync", "--store", path(store)]) }

    /// The member ids of the patients `store` holds.
    func members(at store: String) throws -> Set<String> {
        let listed = try ok(["patient", "list", "--json", "--store", path(store)])
        let patients = try #require(try listed.json() as? [[String: Any]])
        return Set(patients.compactMap { $0["member_id"] as? String })
    }

    /// The member ids of `clinic`'s patients at the central node.
    func centralMembers(of clinic: String) async throws -> Set<String> {
        var members: Set<String> = []
        let inspection = try self.inspection
        for id in try await inspection.rowIDs("patient", owner: clinic) {
            if case .text(let member)? = try await inspection.row("patient", id: id)?["member_id"] { members.insert(member) }
        }
        return members
    }

    /// Stops the node, runs `restore` (its storage put back as it was at some earlier point),
    /// and serves it again; clinics are pointed at the new address.
    func restartNode(stores: [String], restore: () throws -> Void) async throws {
        server.stop()
        await backend?.shutdown()
        backend = nil
        try restore()
        server = try ServeProcess.start(["--port", "0", "--admin-token-file", tokenFile] + storage, in: folder)
        if kind == .postgres {
            backend = try await TestDatabase.backend(try TestDatabase.configuration(schema: Self.schema(of: storage[1])))
        }
        for store in stores { try ok(["remote", "set", "--server", url, "--token", tokens[clinicOf(store)]!, "--store", path(store)]) }
    }

    /// The clinic a store file of these tests belongs to (`alpha.sqlite`, `alpha-copy.sqlite` → alpha).
    private func clinicOf(_ store: String) -> String { String(store.prefix { $0 != "." && $0 != "-" }) }

    /// The `schema=` of a PostgreSQL URL.
    static func schema(of url: String) -> String {
        URLComponents(string: url)?.queryItems?.first { $0.name == "schema" }?.value ?? "public"
    }

    /// Runs a shell command (PostgreSQL's own tools), which must succeed.
    func shell(_ command: String) throws {
        let exit = try ChildProcess(URL(fileURLWithPath: "/bin/sh"), ["-c", command], in: folder).wait(timeout: 120)
        try #require(exit.succeeded, "\(command): \(exit)")
    }

    /// The PostgreSQL server's URL without the ClinicSync options (for pg_dump, psql, pg_restore).
    var plainPostgresURL: String {
        var components = URLComponents(string: storage[1])!
        components.queryItems = components.queryItems?.filter { $0.name == "sslmode" }
        return components.string!
    }

    func close() async {
        server.stop()
        await backend?.shutdown()
        try? FileManager.default.removeItem(at: folder)
    }
}
