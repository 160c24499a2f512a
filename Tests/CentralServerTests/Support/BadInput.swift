import ClinicStore
import Foundation
import HTTPTypes
import Hummingbird
import SyncModel
import Testing

/// One bad request of DESIGN §8 and what the node must answer.
struct BadInput: Sendable, CustomTestStringConvertible {
    /// What the node must answer.
    enum Outcome: Sendable, Equatable {
        /// An error reply with this status and ``ErrorBody`` code.
        case error(Int, ErrorCode)
        /// A 200 push reply that refuses every change with this reason.
        case refused(ErrorCode)
    }

    /// The request, built from a node and a valid push of clinic `alpha`'s payer.
    struct Request: Sendable {
        var uri: String
        var method: HTTPRequest.Method
        var headers: HTTPFields
        var body: ByteBuffer?
    }

    var name: String
    var outcome: Outcome
    /// Extra words the error message must contain (the bad path, the side to upgrade …).
    var mentions: [String] = []
    /// Words the error message must not contain (values sent, which may be patient data).
    var hides: [String] = []
    /// Runs before the request (e.g. revoking the token); not counted as a change.
    var prepare: @Sendable (TestNode) throws -> Void = { _ in }
    var request: @Sendable (TestNode, PushRequest) throws -> Request

    var testDescription: String { name }

    static func push(_ node: TestNode, _ body: PushRequest, token: String? = nil, schema: Int? = StoreMigrations.schemaVersion,
                     extra: HTTPFields = [:]) throws -> Request {
        Request(uri: "/v1/sync/push", method: .post,
                headers: HTTP.headers(token: token ?? node.tokens["alpha"], schema: schema, extra: extra),
                body: try HTTP.json(body))
    }

    static func rawPush(_ node: TestNode, _ text: String) -> Request {
        Request(uri: "/v1/sync/push", method: .post, headers: HTTP.headers(token: node.tokens["alpha"]),
                body: ByteBuffer(string: text))
    }

    static func pull(_ node: TestNode, query: String, token: String? = nil) -> Request {
        Request(uri: "/v1/sync/pull?\(query)", method: .get, headers: HTTP.headers(token: token ?? node.tokens["alpha"]))
    }

    /// The first change of the push, rewritten.
    static func editing(_ push: PushRequest, _ edit: (inout Change) -> Void) -> PushRequest {
        var push = push
        edit(&push.changes[0])
        push.changes = [push.changes[0]]
        return push
    }
}
