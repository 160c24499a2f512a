import ArgumentParser
import CentralPostgres
import ClinicStore
import CommandSupport
import SyncModel

/// `clinicsync conflicts list|show|resolve`.
struct ConflictsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "conflicts", abstract: "Review and resolve sync conflicts.",
                                                    subcommands: [ConflictsList.self, ConflictsShow.self, ConflictsResolve.self])
}

/// `clinicsync conflicts list [--all] [--postgres URL]`: open conflicts (or all), with ids shortened to 8 characters
/// in the table; of the store file, or of the PostgreSQL central node.
struct ConflictsList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List open conflicts.")
    @OptionGroup var options: StoreOptions
    @OptionGroup var postgres: PostgresOption
    @Flag(help: "Include resolved conflicts.") var all = false

    func run() async throws {
        let includeResolved = all
        let (conflicts, names) = try await postgres.withOffice(options) { office in
            let conflicts = try await office.conflicts(includeResolved: includeResolved)
            return (conflicts, await RowNames.load(office, conflicts.map { RowReference($0.table, $0.row) }))
        }
        try options.emit(conflicts.map(ConflictView.init)) {
            Table(headers: ["ID", "STATUS", "KIND", "WHERE", "FIELD", "WINNER", "LOSER"],
                  rows: conflicts.map { [String($0.id.prefix(8)), $0.status.name, $0.kind.rawValue,
                                         names.label($0.table, $0.row), $0.field, $0.winner.value.description,
                                         $0.loser.value.description] })
                .render(empty: "No open conflicts.")
        }
    }
}

/// `clinicsync conflicts show ID [--postgres URL]`: both sides of one conflict with their versions; the id may be a prefix.
struct ConflictsShow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one conflict.")
    @OptionGroup var options: StoreOptions
    @OptionGroup var postgres: PostgresOption
    @Argument(help: "The conflict id (or its first characters).") var id: String

    func run() async throws {
        let key = id
        let (conflict, names) = try await postgres.withOffice(options) { office in
            let conflict = try await office.conflict(key)
            return (conflict, await RowNames.load(office, [RowReference(conflict.table, conflict.row)]))
        }
        try options.emit(ConflictView(conflict)) {
            """
            Conflict \(conflict.id) (\(conflict.status.name), \(conflict.kind.rawValue))
              \(names.label(conflict.table, conflict.row)), field \(conflict.field)
              winner: \(conflict.winner.value)  (\(conflict.winner.version?.description ?? "-"))
              loser:  \(conflict.loser.value)  (\(conflict.loser.version?.description ?? "-"))
              \(conflict.message)
            """.split(separator: "\n").map(String.init).map { TerminalText.clean($0) }.joined(separator: "\n")
        }
    }
}

/// `clinicsync conflicts resolve ID --keep winner|loser | --value V [--postgres URL]`: writes a new change that
/// closes it everywhere.
struct ConflictsResolve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resolve", abstract: "Resolve a conflict with a new change that supersedes both sides.")
    @OptionGroup var options: StoreOptions
    @OptionGroup var postgres: PostgresOption
    @Argument(help: "The conflict id (or its first characters).") var id: String
    @Option(help: "winner or loser.") var keep: String?
    @Option(help: "A value to write instead of either side.") var value: String?

    func validate() throws {
        guard (keep == nil) != (value == nil) else { throw ValidationError("give exactly one of --keep winner|loser or --value V") }
        if let keep, keep != "winner", keep != "loser" { throw ValidationError("--keep takes winner or loser") }
    }

    func run() async throws {
        let resolution: ConflictResolution
        if let value {
            resolution = .value(Int64(value).map(FieldValue.integer) ?? .text(value))
        } else {
            resolution = keep == "winner" ? .keepWinner : .keepLoser
        }
        let key = id, author = options.author
        let resolved = try await postgres.withOffice(options) {
            try await $0.resolveConflict(key, resolution: resolution, author: author)
        }
        try options.emit(ConflictView(resolved)) { "Conflict \(resolved.id.prefix(8)) resolved (\(resolution.name))." }
    }
}

/// A conflict as `--json` prints it.
struct ConflictView: Encodable {
    var id: String, status: String, kind: String, table: String, row: String, field: String
    var winner: String, loser: String, winnerVersion: String?, loserVersion: String?, message: String

    init(_ conflict: ConflictRecord) {
        id = conflict.id
        status = conflict.status.name
        kind = conflict.kind.rawValue
        table = conflict.table
        row = conflict.row
        field = conflict.field
        winner = conflict.winner.value.description
        loser = conflict.loser.value.description
        winnerVersion = conflict.winner.version?.description
        loserVersion = conflict.loser.version?.description
        message = conflict.message
    }
}
