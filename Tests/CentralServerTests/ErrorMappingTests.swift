import CentralServer
import ClinicStore
import Foundation
import SyncModel
import Testing

/// The one error mapping: every kind of failure becomes the right status and a JSON error code.
@Suite struct ErrorMappingTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var error: any Error & Sendable
        var status: Int
        var code: ErrorCode
        var testDescription: String { "\(error) → \(status)" }
    }

    struct Mystery: Error {}

    static let cases: [Case] = [
        Case(error: ErrorBody(error: .badRequest, message: "x"), status: 400, code: .badRequest),
        Case(error: ErrorBody(error: .unauthorized, message: "x"), status: 401, code: .unauthorized),
        Case(error: ErrorBody(error: .forbidden, message: "x"), status: 403, code: .forbidden),
        Case(error: ErrorBody(error: .outOfScope, message: "x"), status: 403, code: .outOfScope),
        Case(error: ErrorBody.schemaMismatch(client: 0), status: 409, code: .schemaMismatch),
        Case(error: ErrorBody(error: .tooLarge, message: "x"), status: 413, code: .tooLarge),
        Case(error: ErrorBody(error: .clockSkew, message: "x"), status: 422, code: .clockSkew),
        Case(error: ErrorBody(error: .cursorExpired, message: "x"), status: 410, code: .cursorExpired),
        Case(error: ErrorBody(error: "something_new", message: "x"), status: 400, code: "something_new"),
        Case(error: ClockSkewError(remote: HLC(millis: 1), aheadMillis: 600_000, limitMillis: 300_000), status: 422, code: .clockSkew),
        Case(error: StoreError.readOnly(path: "/srv/central.sqlite"), status: 503, code: "unavailable"),
        Case(error: StoreError.locked(path: "/srv/central.sqlite"), status: 503, code: "unavailable"),
        Case(error: StoreError.diskFull(path: "/srv/central.sqlite"), status: 503, code: "unavailable"),
        Case(error: StoreError.notFound(entity: "release", id: "r1"), status: 404, code: "not_found"),
        Case(error: StoreError.invalid(entity: "clinic", field: "id", reason: "bad"), status: 400, code: .badRequest),
        Case(error: DecodingError.keyNotFound(AnyKey("changes"), .init(codingPath: [], debugDescription: "")), status: 400, code: .badRequest),
        Case(error: Mystery(), status: 500, code: .internalError),
    ]

    @Test(arguments: cases)
    func mapsToItsStatusAndCode(_ input: Case) {
        let mapped = APIError(mapping: input.error)
        #expect(Int(mapped.status.code) == input.status)
        #expect(mapped.body.error == input.code)
        #expect(!mapped.body.message.isEmpty)
    }

    @Test func storageFaultsSayWhatHappenedWithoutTheServersPath() {
        for error in [StoreError.readOnly(path: "/srv/central.sqlite"), .locked(path: "/srv/central.sqlite"),
                      .diskFull(path: "/srv/central.sqlite")] {
            let message = APIError(mapping: error).body.message
            #expect(message.contains("nothing was changed"))
            #expect(!message.contains("/srv"))
        }
    }

    @Test func anUnexpectedErrorSaysNothingAboutItself() {
        struct Leaky: Error, CustomStringConvertible { var description: String { "SELECT * FROM patient WHERE last_name = 'Doe'" } }
        let mapped = APIError(mapping: Leaky())
        #expect(mapped.isUnexpected)
        #expect(!mapped.body.message.contains("Doe"))
    }
}

/// A coding key by name, for building decoding errors.
struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ name: String) { stringValue = name }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
