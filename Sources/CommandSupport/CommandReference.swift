import Foundation

/// The command tree as ArgumentParser describes it (its `--experimental-dump-help` JSON,
/// "ToolInfoV0"): the fields the manual needs, decoded without ArgumentParser's own types.
public struct CommandReference: Decodable, Sendable, Equatable {
    /// One option, flag or positional argument of a command.
    public struct Argument: Decodable, Sendable, Equatable {
        /// A spelling of the argument (`long` `store` is `--store`).
        public struct Name: Decodable, Sendable, Equatable {
            /// `long`, `short` or `longWithSingleDash`.
            public var kind: String
            /// The name without dashes.
            public var name: String

            /// The name as typed: `--store`, `-o`.
            public var spelled: String { kind == "short" || kind == "longWithSingleDash" ? "-\(name)" : "--\(name)" }
        }

        /// `positional`, `option` or `flag`.
        public var kind: String
        /// Every spelling, for options and flags.
        public var names: [Name]?
        /// The placeholder of its value (`store`, `claim`).
        public var valueName: String?
        /// The one-line help.
        public var abstract: String?
        /// Longer help, when given.
        public var discussion: String?
        /// Whether it may be left out.
        public var isOptional: Bool
        /// Whether it may be given more than once.
        public var isRepeating: Bool
        /// Whether `--help` shows it (hidden arguments stay out of the manual too).
        public var shouldDisplay: Bool
        /// The default value, when it has one.
        public var defaultValue: String?
    }

    /// The command's own name (`show` in `clinicsync claim show`).
    public var commandName: String
    /// Its one-line description.
    public var abstract: String?
    /// Its longer description.
    public var discussion: String?
    /// Its subcommands, in the order `--help` lists them.
    public var subcommands: [CommandReference]?
    /// Its arguments.
    public var arguments: [Argument]?
    /// Whether `--help` shows it.
    public var shouldDisplay: Bool?

    private struct ToolInfo: Decodable { var command: CommandReference }

    /// Decodes ArgumentParser's dump of a command tree (`_dumpHelp()`).
    public static func decode(dumpHelp json: String) throws -> CommandReference {
        try JSONDecoder().decode(ToolInfo.self, from: Data(json.utf8)).command
    }

    /// Every visible command below this one, depth first, with its full path
    /// (`["clinicsync", "claim", "show"]`); ArgumentParser's own `help` command is left out.
    public var visibleCommands: [(path: [String], command: CommandReference)] {
        func walk(_ command: CommandReference, _ path: [String]) -> [(path: [String], command: CommandReference)] {
            (command.subcommands ?? []).filter { $0.shouldDisplay != false && $0.commandName != "help" }.flatMap {
                [(path + [$0.commandName], $0)] + walk($0, path + [$0.commandName])
            }
        }
        return walk(self, [commandName])
    }
}
