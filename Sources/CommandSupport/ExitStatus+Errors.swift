import CentralPostgres
import CentralServer
import ClaimExport
import ClinicStore
import SyncEngine
import SyncModel

extension ExitStatus {
    /// The exit status for an error of ClinicSync's libraries, or `nil` for an error it does
    /// not know (the command line's parser decides those: usage errors and explicit exits).
    ///
    /// This is the one place where errors become exit codes.
    public init?(classifying error: any Error) {
        switch error {
        case let store as StoreError: self = Self.status(of: store)
        case let sync as SyncError: self = Self.status(of: sync)
        case let body as ErrorBody: self = body.error.rawValue == "unavailable" ? .unavailable : .findings
        case is CentralStorageUnavailable: self = .unavailable
        case is PostgresURLError: self = .usage
        case is ClaimRefusal, is ClaimExportError, is ClockSkewError, is ResolutionError, is ConflictRowError:
            self = .findings
        default: return nil
        }
    }

    private static func status(of error: StoreError) -> ExitStatus {
        switch error {
        case .noStore, .readOnly, .locked, .diskFull, .corrupt, .newerSchema: return .store
        case .invalid, .notFound, .notAllowed, .importFailed, .alreadyInitialized: return .findings
        }
    }

    private static func status(of error: SyncError) -> ExitStatus {
        switch error {
        case .noRemote: return .usage
        case .transport: return .unavailable
        case .server(let status, _), .unexpectedResponse(let status, _):
            return status >= 500 ? .unavailable : .findings
        case .didNotSettle: return .findings
        }
    }
}
