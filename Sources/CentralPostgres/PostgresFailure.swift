import CentralServer
import ClaimExport
import ClinicStore
import PostgresNIO
import SyncModel

/// Turns what PostgreSQL and the pool throw into the errors the central node maps to replies:
/// an outage, a lock or statement timeout, a lost connection or a server shutting down is
/// ``CentralServer/CentralStorageUnavailable`` (503, retry); a broken constraint is a
/// `StoreError.invalid` (400); the node's own errors (``SyncModel/ErrorBody``, `StoreError`,
/// `ClockSkewError`) pass through. Messages name the SQLSTATE and constraint, never values
/// (PostgreSQL's detail lines can quote a row).
enum PostgresFailure {
    /// SQLSTATE classes that mean "the server cannot serve now": connection exceptions (08),
    /// insufficient resources (53), operator intervention such as a shutdown or a statement
    /// timeout (57), system errors (58), and a lock timeout, serialization failure or deadlock.
    static let unavailableStates: Set<String> = ["55P03", "40001", "40P01"]
    static let unavailableClasses: Set<String> = ["08", "53", "57", "58"]

    static func translate(_ error: any Error) -> any Error {
        switch error {
        case is CentralStorageUnavailable, is ErrorBody, is StoreError, is ClockSkewError, is PostgresURLError:
            return error
        case is ClaimRefusal, is ClaimExportError:
            // The central office's refusals (the scrubber gate, data the 837P needs) reach it as they are.
            return error
        case is CancellationError:
            return CentralStorageUnavailable(reason: "the database request was cancelled")
        case let error as PSQLError:
            return translate(error)
        default:
            return CentralStorageUnavailable(reason: "database client error (\(String(reflecting: type(of: error))))")
        }
    }

    /// Whether a failed transaction's connection can still take a `ROLLBACK`: the node's own
    /// errors and a statement the server refused, not a lost connection or a server going down.
    static func leavesConnectionUsable(_ error: any Error) -> Bool {
        guard let error = error as? PSQLError else { return !(error is CancellationError) }
        guard error.code == .server, let state = error.serverInfo?[.sqlState] else { return false }
        return !["08", "57", "58"].contains(String(state.prefix(2)))
    }

    static func translate(_ error: PSQLError) -> any Error {
        guard error.code == .server, let state = error.serverInfo?[.sqlState] else {
            return CentralStorageUnavailable(reason: "connection failed (\(error.code))")
        }
        if unavailableStates.contains(state) || unavailableClasses.contains(String(state.prefix(2))) {
            return CentralStorageUnavailable(reason: "PostgreSQL answered SQLSTATE \(state)")
        }
        if state.hasPrefix("23") {
            let constraint = error.serverInfo?[.constraintName] ?? error.serverInfo?[.columnName] ?? "a constraint"
            return StoreError.invalid(entity: error.serverInfo?[.tableName] ?? "record", field: "constraint",
                                      reason: "the change breaks \(constraint) (SQLSTATE \(state)); nothing was changed")
        }
        return PostgresStatementError(sqlState: state)
    }
}

/// A statement PostgreSQL refused for a reason no client can fix (a bug or a damaged schema):
/// answered as a 500, logged by SQLSTATE only.
struct PostgresStatementError: Error, CustomStringConvertible {
    var sqlState: String
    var description: String { "PostgreSQL refused a statement (SQLSTATE \(sqlState))" }
}
