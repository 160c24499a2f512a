import Foundation

/// Walks encoded JSON alongside the JSON Schemas of `Schemas/wire/` and compares object keys.
///
/// Every key an object carries must be a property of its schema, every required property must
/// be there, and — over all samples checked — every property of every schema reached must have
/// been seen at least once (so a schema cannot list a key the Swift type never encodes).
final class SchemaKeyChecker {
    private(set) var problems: [String] = []
    /// Schema location → (properties listed, keys seen).
    private var coverage: [String: (listed: Set<String>, seen: Set<String>)] = [:]

    /// Checks one encoded value against a schema file.
    func check(_ json: Any, against file: String) throws {
        let schema = try SchemaFiles.wireSchema(file)
        try check(json, schema: schema, file: file, root: schema, at: file, path: "$")
    }

    /// Properties listed in a schema that no sample carried.
    var unseen: [String] {
        coverage.compactMap { location, entry in
            let missing = entry.listed.subtracting(entry.seen)
            return missing.isEmpty ? nil : "\(location): never encoded: \(missing.sorted().joined(separator: ", "))"
        }.sorted()
    }

    private func check(_ json: Any, schema: [String: Any], file: String, root: [String: Any], at location: String,
                       path: String) throws {
        if let reference = schema["$ref"] as? String {
            if reference.hasPrefix("#/$defs/") {
                let name = String(reference.dropFirst("#/$defs/".count))
                guard let target = (root["$defs"] as? [String: Any])?[name] as? [String: Any] else {
                    problems.append("\(location): dangling \(reference)"); return
                }
                return try check(json, schema: target, file: file, root: root, at: "\(file)#\(name)", path: path)
            }
            let target = try SchemaFiles.wireSchema(reference)
            return try check(json, schema: target, file: reference, root: target, at: reference, path: path)
        }
        if let object = json as? [String: Any] {
            guard let properties = schema["properties"] as? [String: Any] else {
                if let values = schema["additionalProperties"] as? [String: Any] {
                    for (key, value) in object {
                        try check(value, schema: values, file: file, root: root, at: location, path: "\(path).\(key)")
                    }
                } else {
                    problems.append("\(path): an object where \(location) describes no properties")
                }
                return
            }
            let keys = Set(object.keys), listed = Set(properties.keys)
            let required = Set(schema["required"] as? [String] ?? [])
            for extra in keys.subtracting(listed).sorted() { problems.append("\(path): key '\(extra)' not in \(location)") }
            for missing in required.subtracting(keys).sorted() { problems.append("\(path): required '\(missing)' missing") }
            coverage[location, default: (listed, [])].seen.formUnion(keys.intersection(listed))
            for (key, value) in object {
                if let property = properties[key] as? [String: Any] {
                    try check(value, schema: property, file: file, root: root, at: "\(location).\(key)", path: "\(path).\(key)")
                }
            }
        } else if let array = json as? [Any] {
            guard let items = schema["items"] as? [String: Any] else {
                problems.append("\(path): an array where \(location) describes no items"); return
            }
            for (index, element) in array.enumerated() {
                try check(element, schema: items, file: file, root: root, at: location, path: "\(path)[\(index)]")
            }
        }
    }
}
