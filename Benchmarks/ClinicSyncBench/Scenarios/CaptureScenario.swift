import ClinicStore
import Foundation

/// Capture against the native ceiling, on the same rows (DESIGN §7): the store enters the
/// claims through ``LocalStore/enterClaims(_:author:)`` with its capture triggers; the very
/// rows it wrote are then inserted plainly, and with a session attached, into databases of
/// the same schema without triggers, and the session's changeset applied to an empty one.
/// Runs alternate so machine noise falls on every side alike; medians are kept.
struct CaptureScenario {
    struct Figures {
        var lines = 0
        var rows = 0
        var captureSeconds: [Double] = []
        var plainSeconds: [Double] = []
        /// CPU seconds of the same runs (this thread), for the log.
        var captureCPU: [Double] = []
        var plainCPU: [Double] = []
        /// The plain inserts plus a bare log row per insert (``NativeBaseline/logRowFloorSeconds(_:schema:path:)``).
        var logRowFloorSeconds: [Double] = []
        /// The plain inserts into a store file, its capture triggers firing (``NativeBaseline/storeTriggerSeconds(_:path:)``).
        var storeTriggerSeconds: [Double] = []
        var sessionCaptureSeconds: [Double] = []
        var sessionApplySeconds: [Double] = []
        var changesetBytes = 0
        var changesetGzipBytes = 0
        /// Each run's clinic store (a clinic of its own), holding the captured rows, for the sync scenario.
        var stores: [LocalStore] = []
        var rowsWritten: [TableRows] = []
        var schema: [String] = []
    }

    let world: BenchWorld
    let lines: Int
    let runs: Int
    let log: (String) -> Void

    func run() async throws -> Figures {
        var figures = Figures()
        for run in 1...runs {
            let store = try await world.clinic("bench-\(run)", file: "bench-\(run)")
            let workload = try ClinicWorkload.register(in: store, patients: 500, seed: 7)
            let entries = workload.claims(lines: lines, seed: 11)
            let (claims, seconds, cpu) = try Stopwatch.timeCPU { try store.enterClaims(entries, author: "bench") }
            figures.captureSeconds.append(seconds)
            figures.captureCPU.append(cpu)
            figures.lines = claims.reduce(0) { $0 + $1.lines.count }
            figures.rows = claims.count + figures.lines

            let tables = try ["claim", "service_line"].map { try TableRows.read($0, from: store) }
            let schema = try TableRows.schema(of: ["claim", "service_line"], in: store)
            let native = world.folder.appendingPathComponent("native-\(run)").path
            let plain = try NativeBaseline.plainInsertSeconds(tables, schema: schema, path: native + "-plain.sqlite")
            figures.plainSeconds.append(plain.wall)
            figures.plainCPU.append(plain.cpu)
            figures.logRowFloorSeconds.append(try NativeBaseline.logRowFloorSeconds(tables, schema: schema,
                                                                                    path: native + "-floor.sqlite"))
            figures.storeTriggerSeconds.append(try NativeBaseline.storeTriggerSeconds(tables, path: native + "-triggers.sqlite"))
            let session = try NativeBaseline.session(tables, schema: schema, path: native + "-session.sqlite",
                                                     applyPath: native + "-applied.sqlite")
            figures.sessionCaptureSeconds.append(session.captureSeconds)
            figures.sessionApplySeconds.append(session.applySeconds)
            figures.changesetBytes = session.changesetBytes
            figures.changesetGzipBytes = session.changesetGzipBytes
            figures.stores.append(store)
            figures.rowsWritten = tables
            figures.schema = schema
            log(String(format: "capture run %d: store %.3f s (cpu %.3f), plain %.3f s (cpu %.3f), log-row floor %.3f s, "
                       + "store triggers %.3f s, session capture %.3f s, apply %.3f s", run, seconds, cpu, plain.wall,
                       plain.cpu, figures.logRowFloorSeconds.last!, figures.storeTriggerSeconds.last!,
                       session.captureSeconds, session.applySeconds))
        }
        return figures
    }
}
