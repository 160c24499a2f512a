/// A clinic whose wire schema version the central node does not serve (DESIGN §4 "Upgrades
/// roll"): two or more versions behind the node, or newer than it. Says which side to upgrade.
public struct SchemaVersionMismatch: Error, Hashable, Sendable, CustomStringConvertible {
    /// Which side must be upgraded.
    public enum Upgrade: Hashable, Sendable {
        /// The clinic is too far behind.
        case clinic
        /// The clinic is newer than the central node.
        case centralNode
    }

    /// The clinic's schema version (0 when its request named none).
    public let client: Int
    /// The central node's schema version.
    public let node: Int
    /// The oldest version the node serves.
    public let oldestServed: Int

    /// Which side to upgrade.
    public var upgrade: Upgrade { client < node ? .clinic : .centralNode }

    /// One line: both versions and the advice.
    public var description: String {
        let served = oldestServed == node ? "\(node)" : "\(oldestServed) to \(node)"
        let advice = upgrade == .clinic ? "upgrade ClinicSync at the clinic" : "upgrade the central node"
        return "schema version \(client) at the clinic, \(node) at the central node (it serves \(served)): \(advice)"
    }
}

extension ErrorBody {
    /// The schema-version refusal for a clinic at `client` and a node at `node`, saying which
    /// side to upgrade.
    public static func schemaMismatch(client: Int, node: Int = SyncCatalogue.current.version) -> ErrorBody {
        ErrorBody(SchemaVersionMismatch(client: client, node: node, oldestServed: SyncCatalogue.oldestServed(by: node)))
    }

    /// The refusal `mismatch` reads as on the wire (409 `schema_mismatch`).
    public init(_ mismatch: SchemaVersionMismatch) {
        self.init(error: .schemaMismatch, message: mismatch.description)
    }
}
