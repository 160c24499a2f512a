/// The billable codes under a header, which a claim needs instead of it (`codes show M54.5`).
public struct HeaderChildren: Codable, Sendable, Equatable {
    /// The header, in display form (`M54.5`).
    public var header: String
    /// The release both come from.
    public var release: String
    /// The first billable codes under it, in code order, in display form.
    public var children: [String]
    /// How many billable codes it has in all.
    public var total: Int

    /// A header's billable codes: the first `children` listed, `total` in all.
    public init(header: String, release: String, children: [String], total: Int) {
        self.header = header
        self.release = release
        self.children = children
        self.total = total
    }

    /// One line: `M54.5 is not billable: M54.50, M54.51, M54.59` (`… and 12 more` past the listed ones).
    public var sentence: String {
        guard !children.isEmpty else { return "\(header) is not billable and has no billable codes under it in \(release)" }
        let more = total > children.count ? " and \(total - children.count) more" : ""
        return "\(header) is not billable: \(children.joined(separator: ", "))\(more)"
    }

    enum CodingKeys: String, CodingKey {
        case header, release, children, total
    }
}
