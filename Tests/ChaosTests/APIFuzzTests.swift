import BillingModel
import CLITesting
import ClinicStore
import Foundation
import Testing

/// DESIGN §8: the API survives schema-driven fuzzing of `Schemas/openapi.yaml` with no 5xx and
/// every response matching the schema. Schemathesis (PyPI) drives a live `clinicsync serve` over
/// a central store holding real data (a clinic's claim, a published code release), with an
/// enrolled clinic's token for the sync and codebook routes and the admin token for the admin
/// routes. Skipped when schemathesis is not installed, unless `CLINICSYNC_REQUIRE_SCHEMATHESIS=1`
/// (set by scripts/test.sh, so CI never skips it). Knobs: `CLINICSYNC_FUZZ_EXAMPLES` (examples per
/// operation and phase, default 100), `CLINICSYNC_FUZZ_SEED`.
@Suite(.timeLimit(.minutes(15))) struct APIFuzzTests {
    static let environment = ProcessInfo.processInfo.environment
    static let tool: URL? = (environment["PATH"] ?? "").split(separator: ":").lazy
        .map { URL(fileURLWithPath: String($0)).appendingPathComponent("schemathesis") }
        .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    static let required = environment["CLINICSYNC_REQUIRE_SCHEMATHESIS"] == "1" || Requirements.all
    static let examples = environment["CLINICSYNC_FUZZ_EXAMPLES"].flatMap(Int.init) ?? 100
    static let seed = environment["CLINICSYNC_FUZZ_SEED"].flatMap(Int.init) ?? 5

    static var specification: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Schemas/openapi.yaml")
    }

    @Test(.enabled(if: tool != nil || required, "schemathesis is not installed (pip install schemathesis)"))
    func theAPISurvivesSchemaDrivenFuzzing() throws {
        let tool = try #require(Self.tool, "schemathesis is required (CLINICSYNC_REQUIRE_SCHEMATHESIS=1) but not on PATH")
        let world = try ChaosWorld.start()
        defer { world.stop() }
        let front = world.site("alpha-front")
        _ = try Workload.seedClaim(at: front.store, tag: "front")
        try world.requireSync(front)
        let release = try world.central.importRelease(
            ReleaseImport(system: .pos, name: "POS-FUZZ", effectiveFrom: CalendarDate("2025-01-01")!, sourceName: "pos.csv"),
            bytes: Array("code,name\n11,Office\n12,Home\n".utf8))
        let config = world.folder.appendingPathComponent("schemathesis.toml")
        try """
            [auth.openapi.clinicToken]
            bearer = "${CLINIC_TOKEN}"

            [auth.openapi.adminToken]
            bearer = "${ADMIN_TOKEN}"

            [[operations]]
            include-operation-id = "getRelease"
            parameters = { id = "${RELEASE_ID}" }
            """.write(to: config, atomically: true, encoding: .utf8)
        let environment = [
            "CLINIC_TOKEN": try front.store.remote()!.token,
            "ADMIN_TOKEN": try String(contentsOfFile: world.server.adminTokenFile, encoding: .utf8),
            "RELEASE_ID": release.id,
        ]

        // Sync and codebook routes first, then the admin routes (whose fuzzing enrolls and revokes clinics).
        var cases = 0, failedRuns = 0
        for selection in [["--exclude-tag", "admin"], ["--include-tag", "admin"]] {
            let exit = try ChildProcess(tool, ["--config-file", config.path, "run", Self.specification.path,
                                               "--url", world.server.url.absoluteString,
                                               "--checks", "not_a_server_error,response_schema_conformance",
                                               "--max-examples", String(Self.examples), "--seed", String(Self.seed),
                                               "--header", "ClinicSync-Schema-Version: \(StoreMigrations.schemaVersion)",
                                               "--no-color"] + selection,
                                        in: world.folder, environment: environment).wait(timeout: 600)
            #expect(!exit.timedOut, "schemathesis \(selection.joined(separator: " ")) did not finish in 600 s")
            #expect(exit.succeeded, "schemathesis \(selection.joined(separator: " ")) found failures:\n\(exit.stdout.suffix(6_000))")
            if !exit.succeeded { failedRuns += 1 }
            #expect(!exit.stdout.contains("Authentication failed"), "the tokens did not work:\n\(exit.stdout.suffix(3_000))")
            if Self.environment["CLINICSYNC_FUZZ_LOG"] != nil { print(exit.stdout) }
            let generated = Self.casesRun(in: exit.stdout)
            #expect(generated > 0, "no cases run: \(exit.stdout.suffix(2_000)) \(exit.stderr.suffix(2_000))")
            cases += generated
            #expect(world.server.isRunning, "the server died under fuzzing")
            if selection[0] == "--exclude-tag" { try world.requireSync(front) }  // the clinic still syncs
        }
        #expect(try StoreProbe.integrity(world.centralPath) == "ok")
        ChaosFigures.report("schemathesis on openapi.yaml, seed \(Self.seed)", ["fuzzing_cases": cases, "failed_runs": failedRuns])
    }

    /// The `N generated` count of schemathesis's summary.
    static func casesRun(in output: String) -> Int {
        guard let range = output.range(of: #"\d+ generated"#, options: .regularExpression) else { return 0 }
        return Int(output[range].split(separator: " ")[0]) ?? 0
    }
}
