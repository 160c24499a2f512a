import ClinicStore
import Foundation

/// The wall clock every command's store reads: the system clock, shifted by the test-only
/// `CLINICSYNC_CLOCK_OFFSET_MS` (milliseconds, may be negative) when set. The one place the CLI
/// reads it, so the clock-trouble tests (issue 27) can run the built binary with a wrong clock.
enum CLIClock {
    /// The environment variable that shifts the clock, for tests.
    static let offsetVariable = "CLINICSYNC_CLOCK_OFFSET_MS"

    /// The clock for stores this process opens or creates.
    static let current: any StoreClock = {
        guard let text = ProcessInfo.processInfo.environment[offsetVariable], let offset = Int64(text), offset != 0 else {
            return SystemClock()
        }
        return OffsetClock(offsetMillis: offset)
    }()
}
