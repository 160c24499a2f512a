import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Files that hold patient data or secrets (exports, token files), created readable by their
/// owner only (0600, DESIGN §4) from the first byte: written to a new 0600 file beside the
/// target, then renamed over it.
public enum PrivateFile {
    /// The permissions every such file gets.
    public static let mode: mode_t = 0o600

    /// Creates an empty 0600 file at `path` (for SQLite to fill, e.g. `VACUUM INTO`); `false`
    /// when one exists there already, throws when it cannot be created.
    public static func create(at path: String) throws(PrivateFileError) -> Bool {
        let descriptor = open(path, O_CREAT | O_EXCL | O_WRONLY, mode)
        guard descriptor >= 0 else {
            if errno == EEXIST { return false }
            throw .cannotWrite(path: path, errno: errno)
        }
        close(descriptor)
        return true
    }

    /// Writes `data` to `path`, replacing what was there, as a 0600 file.
    public static func write(_ data: Data, to path: String) throws(PrivateFileError) {
        let temporary = path + ".\(UUID().uuidString.prefix(8)).tmp"
        let descriptor = open(temporary, O_CREAT | O_EXCL | O_WRONLY, mode)
        guard descriptor >= 0 else { throw .cannotWrite(path: path, errno: errno) }
        var failure: Int32 = 0
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = systemWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 { failure = errno; return }
                offset += written
            }
        }
        if failure == 0, fsync(descriptor) != 0 { failure = errno }
        close(descriptor)
        if failure == 0, rename(temporary, path) != 0 { failure = errno }
        if failure != 0 {
            unlink(temporary)
            throw .cannotWrite(path: path, errno: failure)
        }
    }
}

/// `write(2)`, which `PrivateFile.write` would otherwise shadow.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.write(descriptor, bytes, count)
    #else
    Darwin.write(descriptor, bytes, count)
    #endif
}

/// A private file that could not be written: its path and the system's reason.
public struct PrivateFileError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file.
    public var path: String
    /// The `errno`.
    public var errno: Int32

    /// `.cannotWrite(path:errno:)`.
    public static func cannotWrite(path: String, errno: Int32) -> PrivateFileError { PrivateFileError(path: path, errno: errno) }

    public var description: String { "cannot write \(path): \(String(cString: strerror(errno)))" }
}
