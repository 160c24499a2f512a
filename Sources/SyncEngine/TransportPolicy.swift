import Foundation

/// Transport and rest rules of a clinic's connection to the central node (DESIGN §4 "A hostile
/// clinic"): a token never travels in the clear beyond this machine, and secrets can come from a
/// file or the environment instead of the command line.
public enum TransportPolicy {
    /// Whether `host` is this machine (`localhost`, `127.0.0.0/8`, `::1`).
    public static func isLoopback(host: String) -> Bool {
        let bare = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        let lower = bare.lowercased()
        if lower == "localhost" || lower.hasSuffix(".localhost") || lower == "::1" { return true }
        let parts = lower.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { UInt8($0) != nil }
    }

    /// Why a clinic may not sync with `url`, or `nil`: only `https://`, or `http://` to this
    /// machine, or `http://` anywhere when `insecure` (`--insecure`) says so.
    public static func problem(with url: URL, insecure: Bool) -> String? {
        switch url.scheme?.lowercased() {
        case "https"?: return nil
        case "http"?:
            guard let host = url.host, !host.isEmpty else { return "the server URL has no host" }
            if insecure || isLoopback(host: host) { return nil }
            return "refusing http:// to \(host): the token would travel unencrypted; use https:// (or pass --insecure)"
        default: return "the server must be an http:// or https:// URL"
        }
    }

    /// The clinic token, from the first of: the file `file` (`--token-file`), the variable
    /// `CLINICSYNC_TOKEN` in `environment`, and `flag` (`--token`); `nil` when none is given.
    /// Throws ``SecretSourceError`` for a file that cannot be read or holds nothing.
    public static func token(flag: String?, file: String?, environment: [String: String]) throws(SecretSourceError) -> String? {
        if let file {
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { throw .unreadable(path: file) }
            let token = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !token.isEmpty else { throw .empty(path: file) }
            return token
        }
        if let token = environment["CLINICSYNC_TOKEN"]?.trimmingCharacters(in: .whitespacesAndNewlines), !token.isEmpty {
            return token
        }
        return flag
    }
}

/// A secret file that could not be used; names the file, never its contents.
public enum SecretSourceError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file cannot be read.
    case unreadable(path: String)
    /// The file holds nothing but white space.
    case empty(path: String)

    public var description: String {
        switch self {
        case .unreadable(let path): "cannot read the token file \(path)"
        case .empty(let path): "the token file \(path) is empty"
        }
    }
}
