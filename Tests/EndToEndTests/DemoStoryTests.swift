import Demo
import Foundation
import Synchronization
import Testing

/// `clinicsync demo` tells the whole story, the scrubber stopping a wrongly coded claim before
/// it leaves (modifier 25 on a lab test) and the coder fixing it included.
@Suite(.timeLimit(.minutes(5))) struct DemoStoryTests {
    @Test func theScrubberStopsTheWronglyCodedClaimAndTheCoderFixesIt() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("clinicsync-demo-test-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let told = Mutex<[String]>([])
        let outcome = try await DemoStory(folder: folder) { line in told.withLock { $0.append(line) } }.run()
        #expect(outcome.replicasAgree && outcome.conflictsResolved)
        let story = told.withLock { $0 }.joined(separator: "\n")
        #expect(story.contains("stopped: line 2: error MOD_25_NOT_EM: Modifier 25 belongs on an evaluation and management code"),
                "\(story)")
        #expect(story.contains("fixed: modifier 25 moved to the visit (99213, line 1); the check passes and the claim is validated."))
        let stop = try #require(story.range(of: "stopped:")), sync = try #require(story.range(of: "4. Both sync"))
        #expect(stop.lowerBound < sync.lowerBound, "the claim is stopped before anything leaves the office")
    }
}
