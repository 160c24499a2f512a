import BillingModel

/// A code release the last sync brought from the central office, with the release of its
/// system it takes over from, so that `status` can point at `codes diff` and `codes impact`.
public struct ReceivedRelease: Encodable, Sendable, Equatable {
    /// The release received.
    public var release: CodeRelease
    /// The name of the release of the same system before it here; `nil` for the first one.
    public var previous: String?

    /// The commands that show what the release changed and which open claims it touches.
    public var hints: [String] {
        let system = release.system.cliName
        var commands: [String] = []
        if let previous, release.system.hasCodeList {
            commands.append("clinicsync codes diff --system \(system) --from \(previous) --to \(release.name)")
        }
        commands.append("clinicsync codes impact --release \(release.name) --system \(system)")
        return commands
    }

    enum CodingKeys: String, CodingKey {
        case release, previous, hints
    }

    /// Encodes the release, its predecessor and the hints.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(release, forKey: .release)
        try container.encodeIfPresent(previous, forKey: .previous)
        try container.encode(hints, forKey: .hints)
    }
}
