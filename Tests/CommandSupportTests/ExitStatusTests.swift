import ClinicStore
import CommandSupport
import SyncEngine
import SyncModel
import Testing

/// The one mapping from the libraries' errors to exit codes (README, "Exit codes").
@Suite struct ExitStatusTests {
    static let cases: [(error: any Error, status: CommandSupport.ExitStatus?)] = [
        (StoreError.noStore(path: "a.sqlite"), .store),
        (StoreError.corrupt(path: "a.sqlite", detail: "x"), .store),
        (StoreError.readOnly(path: "a.sqlite"), .store),
        (StoreError.locked(path: "a.sqlite"), .store),
        (StoreError.diskFull(path: "a.sqlite"), .store),
        (StoreError.newerSchema(path: "a.sqlite"), .store),
        (StoreError.alreadyInitialized(path: "a.sqlite"), .findings),
        (StoreError.invalid(entity: "patient", field: "dob", reason: "is in the future"), .findings),
        (StoreError.notFound(entity: "claim", id: "C1"), .findings),
        (StoreError.notAllowed(entity: "claim", id: "C1", reason: "submitted"), .findings),
        (StoreError.importFailed(file: "f", line: 3, reason: "bad"), .findings),
        (SyncError.noRemote, .usage),
        (SyncError.transport("connection refused"), .unavailable),
        (SyncError.server(status: 503, body: ErrorBody(error: "unavailable", message: "down")), .unavailable),
        (SyncError.server(status: 401, body: ErrorBody(error: .unauthorized, message: "revoked")), .findings),
        (SyncError.server(status: 422, body: ErrorBody(error: .clockSkew, message: "ahead")), .findings),
        (SyncError.unexpectedResponse(status: 502, detail: "proxy"), .unavailable),
        (SyncError.unexpectedResponse(status: 404, detail: "not here"), .findings),
        (SyncError.didNotSettle(rounds: 9), .findings),
        (ErrorBody(error: "unavailable", message: "db down"), .unavailable),
        (ErrorBody(error: .badRequest, message: "no"), .findings),
        (UnknownError(), nil),
    ]

    struct UnknownError: Error {}

    @Test(arguments: 0..<cases.count)
    func eachErrorHasItsStatus(_ index: Int) {
        let (error, status) = Self.cases[index]
        #expect(CommandSupport.ExitStatus(classifying: error) == status, "\(error)")
    }

    @Test func theTableHasTheDocumentedCodes() {
        #expect(CommandSupport.ExitStatus.allCases.map(\.rawValue) == [0, 1, 2, 3, 4])
        let lines = CommandSupport.ExitStatus.table.split(separator: "\n")
        #expect(lines.count == 5)
        #expect(lines[2].hasPrefix("2  usage") && lines[3].hasPrefix("3  network") && lines[4].hasPrefix("4  store"))
    }
}
