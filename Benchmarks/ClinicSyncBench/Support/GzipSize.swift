import ClinicStore
import SyncWire

/// Gzipped sizes, with the same compressor the client and the central node use.
enum GzipSize {
    /// Bytes of `data` once gzipped.
    static func of(_ data: [UInt8]) throws -> Int { try Gzip.compress(data).count }
}
