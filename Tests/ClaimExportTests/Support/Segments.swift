/// The exported text split into segments and elements, for assertions on the structure.
struct Segments {
    let all: [[String]]

    init(_ text: String) {
        all = text.split(separator: "~")
            .map { $0.trimmingPrefix(while: \.isNewline) }
            .filter { !$0.isEmpty }
            .map { $0.split(separator: "*", omittingEmptySubsequences: false).map(String.init) }
    }

    /// Segments with id `id` (and, when given, first element `qualifier`).
    func named(_ id: String, _ qualifier: String? = nil) -> [[String]] {
        all.filter { $0[0] == id && (qualifier == nil || ($0.count > 1 && $0[1] == qualifier)) }
    }

    /// The one segment named so; `nil` when there are none or several.
    func only(_ id: String, _ qualifier: String? = nil) -> [String]? {
        let found = named(id, qualifier)
        return found.count == 1 ? found[0] : nil
    }

    /// Segment texts joined back with `*`, for readable comparisons.
    func texts(_ id: String, _ qualifier: String? = nil) -> [String] {
        named(id, qualifier).map { $0.joined(separator: "*") }
    }
}
