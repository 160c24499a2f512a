import Foundation

/// Renders the command tree into one man page in roff (`man 1 clinicsync`): every command
/// with its options, then the exit codes and the environment. Pure: the CLI hands it the
/// tree ArgumentParser reflects and writes the text where asked.
public struct ManualPage: Sendable {
    /// The tree to document (the root command).
    public var root: CommandReference
    /// The program's version, for the page footer.
    public var version: String
    /// Paragraphs of `ENVIRONMENT`: variable name and what it does.
    public var environment: [(name: String, meaning: String)]

    /// A page for `root`.
    public init(root: CommandReference, version: String, environment: [(name: String, meaning: String)] = []) {
        self.root = root
        self.version = version
        self.environment = environment
    }

    /// The page in roff.
    public func rendered() -> String {
        let name = root.commandName
        var lines = [
            ".TH \(Self.escape(name.uppercased())) 1 \"\" \"\(Self.escape(name)) \(Self.escape(version))\" \"ClinicSync Manual\"",
            ".SH NAME",
            "\(Self.escape(name)) \\- \(Self.escape(root.abstract ?? ""))",
            ".SH SYNOPSIS",
            ".B \(Self.escape(name))",
            ".I COMMAND",
            "[\\fIOPTIONS\\fR]",
            ".SH DESCRIPTION",
        ]
        lines += Self.paragraphs(root.discussion ?? root.abstract ?? "")
        lines.append(".SH COMMANDS")
        for (path, command) in root.visibleCommands {
            lines.append(".SS \"\(Self.escape(path.joined(separator: " ")))\"")
            lines += Self.paragraphs(command.abstract ?? "")
            if let discussion = command.discussion, !discussion.isEmpty { lines += Self.paragraphs(discussion) }
            let children = (command.subcommands ?? []).filter { $0.shouldDisplay != false && $0.commandName != "help" }
            if !children.isEmpty {
                lines.append(".PP")
                lines.append("Subcommands: " + children.map { "\\fB\(Self.escape($0.commandName))\\fR" }.joined(separator: ", ") + ".")
                continue
            }
            lines.append(".PP")
            lines.append(Self.synopsis(path: path, command: command))
            for argument in (command.arguments ?? []) where argument.shouldDisplay {
                lines.append(".TP")
                lines.append(Self.term(argument))
                var help = argument.abstract ?? ""
                if let discussion = argument.discussion, !discussion.isEmpty { help += " " + discussion }
                if let value = argument.defaultValue, !value.isEmpty { help += " (default: \(value))" }
                lines.append(Self.escape(help.isEmpty ? " " : help))
            }
        }
        lines.append(".SH EXIT STATUS")
        for status in ExitStatus.allCases {
            lines += [".TP", ".B \(status.rawValue)", Self.escape(status.meaning)]
        }
        if !environment.isEmpty {
            lines.append(".SH ENVIRONMENT")
            for variable in environment { lines += [".TP", ".B \(Self.escape(variable.name))", Self.escape(variable.meaning)] }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `clinicsync claim show \fIclaim\fR [\fB--store\fR ...]`: the usage line of a leaf command.
    static func synopsis(path: [String], command: CommandReference) -> String {
        var parts = ["\\fB\(escape(path.joined(separator: " ")))\\fR"]
        for argument in (command.arguments ?? []) where argument.shouldDisplay {
            var part: String
            if argument.kind == "positional" {
                part = "\\fI\(escape(argument.valueName ?? "value"))\\fR"
            } else {
                part = "\\fB\(escape(argument.names?.first?.spelled ?? ""))\\fR"
                if argument.kind == "option" { part += " \\fI\(escape(argument.valueName ?? "value"))\\fR" }
            }
            if argument.isRepeating { part += " ..." }
            parts.append(argument.isOptional ? "[\(part)]" : part)
        }
        return parts.joined(separator: " ")
    }

    /// The bold spelling of an argument for a `.TP` term.
    static func term(_ argument: CommandReference.Argument) -> String {
        if argument.kind == "positional" { return "\\fI\(escape(argument.valueName ?? "value"))\\fR" }
        let names = (argument.names ?? []).map { "\\fB\(escape($0.spelled))\\fR" }.joined(separator: ", ")
        return argument.kind == "option" ? "\(names) \\fI\(escape(argument.valueName ?? "value"))\\fR" : names
    }

    /// Text as roff paragraphs (a blank line starts a new one).
    static func paragraphs(_ text: String) -> [String] {
        text.components(separatedBy: "\n\n").flatMap { paragraph -> [String] in
            let body = paragraph.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
            return body.isEmpty ? [] : [".PP", escape(body)]
        }
    }

    /// Text made safe for roff: backslashes and hyphens escaped, no line starting a request.
    static func escape(_ text: String) -> String {
        var out = TerminalText.clean(text).replacingOccurrences(of: "\\", with: "\\e").replacingOccurrences(of: "-", with: "\\-")
        if out.hasPrefix(".") || out.hasPrefix("'") { out = "\\&" + out }
        return out
    }
}
