import BillingModel
import Foundation

/// The public code sets shipped inside the package, so a new office can code on day one:
/// ICD-10-CM FY2025, the POS list, modifiers and a demo procedure list in ClinicSync's own words.
public enum BundledCodebooks {
    /// One shipped release.
    public struct Entry: Codable, Sendable {
        /// The code system of the shipped file.
        public var system: CodeSystem
        /// The release name it is imported under (`ICD10CM-FY2025`, `CPT-DEMO-2025` ...).
        public var name: String
        /// The resource file name in the package (`icd10cm_order_2025.txt.gz` ...).
        public var file: String
        /// First date of service in force, `YYYY-MM-DD`; the entry is skipped if it does not parse.
        public var effectiveFrom: String
        /// Where the content comes from and its licence (free government set, or demo wording).
        public var note: String
    }

    /// The shipped releases, as listed in `bundled_releases.json`.
    public static func entries() throws -> [Entry] {
        guard let url = Bundle.module.url(forResource: "bundled_releases", withExtension: "json") else {
            throw StoreError.importFailed(file: "bundled_releases.json", line: nil, reason: "missing from the package")
        }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode([Entry].self, from: Data(contentsOf: url))
    }

    /// The bytes of a shipped file.
    static func bytes(of file: String) throws -> [UInt8] {
        let name = (file as NSString).deletingPathExtension
        let ext = (file as NSString).pathExtension
        guard let url = Bundle.module.url(forResource: name, withExtension: ext),
              let data = FileManager.default.contents(atPath: url.path) else {
            throw StoreError.importFailed(file: file, line: nil, reason: "missing from the package")
        }
        return [UInt8](data)
    }
}

extension LocalStore {
    /// Imports every shipped release this store does not have yet; returns the ones imported.
    ///
    /// On the central store they become central releases published to the clinics.
    public func loadBundledCodebooks(only systems: Set<CodeSystem>? = nil,
                                     progress: (@Sendable (String, Int, Int) -> Void)? = nil) throws -> [CodeRelease] {
        let existing = Set(try releases().map { "\($0.system.rawValue)/\($0.name)" })
        var imported: [CodeRelease] = []
        for entry in try BundledCodebooks.entries()
        where systems?.contains(entry.system) ?? true && !existing.contains("\(entry.system.rawValue)/\(entry.name)") {
            guard let from = CalendarDate(entry.effectiveFrom) else { continue }
            let spec = ReleaseImport(system: entry.system, name: entry.name, effectiveFrom: from, sourceName: entry.file,
                                     ordering: .fitted)
            let name = entry.name
            var perFile: ImportProgress?
            if let progress {
                perFile = { done, total in progress(name, done, total) }
            }
            let bytes = try BundledCodebooks.bytes(of: entry.file)
            imported.append(try importRelease(spec, bytes: bytes, progress: perFile))
        }
        return imported
    }
}
