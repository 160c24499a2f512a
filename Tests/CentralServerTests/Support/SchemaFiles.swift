import Foundation
import Yams

/// The repository's `Schemas/` folder: `openapi.yaml` and the JSON Schemas in `wire/`.
enum SchemaFiles {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Schemas")

    /// `openapi.yaml` as plain dictionaries.
    static func openAPI() throws -> [String: Any] {
        let text = try String(contentsOf: folder.appendingPathComponent("openapi.yaml"), encoding: .utf8)
        guard let document = try Yams.load(yaml: text) as? [String: Any] else {
            throw SchemaFileError("openapi.yaml is not a mapping")
        }
        return document
    }

    /// Path template → method (lowercase) → documented status codes.
    static func operations() throws -> [String: [String: Set<Int>]] {
        let paths = try openAPI()["paths"] as? [String: Any] ?? [:]
        var result: [String: [String: Set<Int>]] = [:]
        for (path, item) in paths {
            for (method, operation) in item as? [String: Any] ?? [:]
            where ["get", "post", "put", "delete", "patch", "head"].contains(method) {
                let responses = (operation as? [String: Any])?["responses"] as? [String: Any] ?? [:]
                result[path, default: [:]][method] = Set(responses.keys.compactMap { Int($0) })
            }
        }
        return result
    }

    /// The documented path template a request path falls under, if any (`{x}` matches one segment).
    static func template(for path: String, among templates: some Sequence<String>) -> String? {
        let segments = path.split(separator: "?").first.map { $0.split(separator: "/") } ?? []
        return templates.first { template in
            let parts = template.split(separator: "/")
            return parts.count == segments.count && zip(parts, segments).allSatisfy { part, segment in
                (part.hasPrefix("{") && part.hasSuffix("}")) || part == segment
            }
        }
    }

    /// A JSON Schema file of `wire/`, parsed.
    static func wireSchema(_ name: String) throws -> [String: Any] {
        let data = try Data(contentsOf: folder.appendingPathComponent("wire").appendingPathComponent(name))
        guard let schema = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw SchemaFileError("\(name) is not a JSON object")
        }
        return schema
    }

    /// Every file in `wire/`.
    static func wireSchemaNames() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("wire").path)
            .filter { $0.hasSuffix(".schema.json") }.sorted()
    }
}

struct SchemaFileError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
