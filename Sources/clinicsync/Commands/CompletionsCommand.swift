import ArgumentParser
import CommandSupport
import Foundation

/// `clinicsync completions bash|zsh|fish`: the shell completion script, generated from the
/// command tree (install it as the README says).
struct CompletionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "completions", abstract: "Print the shell completion script for bash, zsh or fish.",
        discussion: """
            bash: clinicsync completions bash > ~/.local/share/bash-completion/completions/clinicsync
            zsh:  clinicsync completions zsh > "${fpath[1]}/_clinicsync"  (then: compinit)
            fish: clinicsync completions fish > ~/.config/fish/completions/clinicsync.fish
            """)
    @Argument(help: "bash, zsh or fish.") var shell: String

    func validate() throws {
        guard CompletionShell(rawValue: shell) != nil else { throw ValidationError("the shell must be bash, zsh or fish") }
    }

    func run() throws {
        guard let kind = CompletionShell(rawValue: shell) else { return }
        print(ClinicSyncCommand.completionScript(for: kind), terminator: "")
    }
}

/// `clinicsync manual [-o FILE]`: the man page (roff) of every command, rendered from the
/// command tree ArgumentParser reflects.
struct ManualCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "manual", abstract: "Print the manual page (man 1 clinicsync) of every command.",
        discussion: """
            man -l <(clinicsync manual) reads it at once; \
            clinicsync manual -o ~/.local/share/man/man1/clinicsync.1 installs it for `man clinicsync`.
            """)
    @Option(name: [.customShort("o"), .long], help: "Write the page to this file (default: standard output).")
    var output: String?

    static let environment: [(name: String, meaning: String)] = [
        ("CLINICSYNC_STORE", "The store file when --store is not given (default ./clinicsync.sqlite)."),
        ("CLINICSYNC_USER", "Who is typing, for the audit trail (default $USER)."),
        ("PGPASSWORD", "The PostgreSQL password when a --postgres URL has none."),
    ]

    func run() throws {
        let tree = try CommandReference.decode(dumpHelp: ClinicSyncCommand._dumpHelp())
        let page = ManualPage(root: tree, version: VersionReport.current, environment: Self.environment).rendered()
        guard let output else {
            print(page, terminator: "")
            return
        }
        do {
            try Data(page.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch {
            throw ValidationError("cannot write \(output): check the folder and its permissions")
        }
    }
}
