import Foundation

/// A small tmpfs mounted for one test: a disk that really fills up, or really turns read-only.
/// Only where this process may mount (root with CAP_SYS_ADMIN, as in CI's container); tests
/// fall back to a simulation elsewhere and say so.
final class ScratchMount: @unchecked Sendable {
    let folder: URL

    private init(folder: URL) { self.folder = folder }

    /// Whether tmpfs mounts work here (probed once).
    static let isAvailable: Bool = {
        guard getuid() == 0, let probe = try? ScratchMount.mount(kibibytes: 64) else { return false }
        probe.unmount()
        return true
    }()

    /// Mounts a new tmpfs of `kibibytes` in a temporary folder.
    static func mount(kibibytes: Int) throws -> ScratchMount {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("clinicsync-mount-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try run("/bin/mount", ["-t", "tmpfs", "-o", "size=\(kibibytes)k,mode=0777", "tmpfs", folder.path])
        return ScratchMount(folder: folder)
    }

    /// Remounts read-only or read-write.
    func remount(readOnly: Bool) throws {
        try Self.run("/bin/mount", ["-o", "remount,\(readOnly ? "ro" : "rw")", folder.path])
    }

    /// Fills the free space with a file (until the disk is full) and returns its path.
    @discardableResult
    func fill(leavingKiB: Int = 0, name: String = "filler") throws -> String {
        var stats = statvfs()
        guard statvfs(folder.path, &stats) == 0 else { throw MountError(message: "statvfs failed") }
        let free = Int(stats.f_bavail) * Int(stats.f_frsize)
        let path = folder.appendingPathComponent(name).path
        let size = max(0, free - leavingKiB * 1024)
        FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        let chunk = Data(count: 64 * 1024)
        var written = 0
        while written < size {
            let piece = min(chunk.count, size - written)
            do { try handle.write(contentsOf: chunk.prefix(piece)) } catch { break }  // full: done
            written += piece
        }
        return path
    }

    func unmount() {
        try? Self.run("/bin/umount", ["-l", folder.path])
        try? FileManager.default.removeItem(at: folder)
    }

    struct MountError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    private static func run(_ tool: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw MountError(message: "\(tool) \(arguments.joined(separator: " ")) failed (\(process.terminationStatus))")
        }
    }
}

/// Another process holding a store's write lock: the `sqlite3` shell (or Python's sqlite3 where
/// the shell is missing) inside `BEGIN EXCLUSIVE` until released.
final class LockHolder: @unchecked Sendable {
    private let process = Process()
    private let input = Pipe()

    init(path: String, folder: URL) throws {
        signal(SIGPIPE, SIG_IGN)  // a holder that died must not take the test runner with it
        let output = folder.appendingPathComponent("lock-\(UUID().uuidString).out")
        FileManager.default.createFile(atPath: output.path, contents: nil)
        if let shell = ["/usr/bin/sqlite3", "/bin/sqlite3"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) {
            process.executableURL = URL(fileURLWithPath: shell)
            process.arguments = [path]
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", "-c", """
                import sqlite3, sys
                c = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=30)
                for line in sys.stdin:
                    if line.startswith("BEGIN"): c.execute("BEGIN EXCLUSIVE"); print("held", flush=True)
                    elif line.startswith("ROLLBACK"): c.execute("ROLLBACK")
                """, path]
        }
        process.standardInput = input
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = FileHandle.nullDevice
        try process.run()
        input.fileHandleForWriting.write(Data("BEGIN EXCLUSIVE;\nSELECT 'held';\n".utf8))
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            if let text = try? String(contentsOf: output, encoding: .utf8), text.contains("held") { return }
            usleep(10_000)
        }
        release()
        throw ScratchMount.MountError(message: "the lock holder never took the lock")
    }

    /// Rolls back and ends the lock holder.
    private let releasing = NSLock()
    private var released = false

    /// Rolls back and ends the holder; later calls (from another thread too) do nothing.
    func release() {
        releasing.lock()
        defer { releasing.unlock() }
        guard !released else { return }
        released = true
        input.fileHandleForWriting.write(Data("ROLLBACK;\n".utf8))
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }
}
