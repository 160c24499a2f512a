import ArgumentParser
import ClinicStore
import Foundation
import SyncModel

/// `clinicsync admin clinics [--stale 3d]`: every enrolled clinic's sync health, the longest
/// silent first; with `--stale`, only the clinics silent longer than that, and exit 1 when
/// there are any (for cron and monitoring).
struct AdminClinics: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clinics", abstract: "Every enrolled clinic's sync health, the longest silent first.",
        discussion: "With --stale D (e.g. 3d, 12h, 30m), only clinics silent longer than D; exits 1 when any is.")
    @OptionGroup var options: StoreOptions
    @OptionGroup var target: AdminTarget
    @Option(help: "List only clinics silent longer than this (e.g. 3d, 12h, 30m); exit 1 when any is.")
    var stale: String?

    func validate() throws {
        if let stale, SilenceLimit(stale) == nil {
            throw ValidationError("--stale takes a whole number and a unit: d, h, m or s (e.g. 3d)")
        }
    }

    func run() async throws {
        let now = SystemClock().nowMillis()
        var clinics = try await target.withConnection(options) { try await $0.clinicsHealth() }
        if let limit = stale.flatMap(SilenceLimit.init) {
            clinics = clinics.filter { $0.isStale(nowMillis: now, silenceMillis: limit.millis) }
        }
        try options.emit(clinics) {
            if let stale, clinics.isEmpty { return "No clinic has been silent for more than \(stale)." }
            return ClinicHealthView.table(clinics, nowMillis: now)
        }
        if stale != nil, !clinics.isEmpty { throw ExitCode(1) }
    }
}

/// `clinicsync admin clinic show ID`: one clinic's sync health in full, with its recent syncs.
struct AdminClinic: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clinic", abstract: "One clinic's sync health in full.", subcommands: [AdminClinicShow.self])
}

/// `clinicsync admin clinic show ID`.
struct AdminClinicShow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "One clinic's sites, recent syncs, refusals, conflicts and claims.")
    @OptionGroup var options: StoreOptions
    @OptionGroup var target: AdminTarget
    @Argument(help: "The clinic id.") var clinic: String

    func run() async throws {
        let health = try await target.withConnection(options) { [clinic] in try await $0.clinicHealth(clinicID: clinic) }
        try options.emit(health) { ClinicHealthView.detail(health, nowMillis: SystemClock().nowMillis()) }
    }
}
