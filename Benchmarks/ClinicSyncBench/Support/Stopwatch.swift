import Foundation

/// Wall-clock timing on the monotonic clock, and the statistics the report uses.
enum Stopwatch {
    /// Seconds since an arbitrary fixed point, monotonic.
    static func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

    /// CPU seconds this thread has used (user and system): steadier than wall time on a busy machine.
    static func threadCPU() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }

    /// Runs `body` and returns its result with the wall seconds and this thread's CPU seconds it took.
    static func timeCPU<T>(_ body: () throws -> T) rethrows -> (value: T, seconds: Double, cpu: Double) {
        let start = now(), cpu = threadCPU()
        let value = try body()
        return (value, now() - start, threadCPU() - cpu)
    }

    /// Runs `body` and returns its result with the seconds it took.
    static func time<T>(_ body: () throws -> T) rethrows -> (value: T, seconds: Double) {
        let start = now()
        let value = try body()
        return (value, now() - start)
    }

    /// Runs async `body` and returns its result with the seconds it took.
    static func time<T>(_ body: () async throws -> T) async rethrows -> (value: T, seconds: Double) {
        let start = now()
        let value = try await body()
        return (value, now() - start)
    }
}

extension Array where Element == Double {
    /// The median (mean of the middle two for an even count); 0 when empty.
    var median: Double { percentile(50) }

    /// The `p`th percentile by linear interpolation between closest ranks; 0 when empty.
    func percentile(_ p: Double) -> Double {
        guard !isEmpty else { return 0 }
        let sorted = self.sorted()
        let rank = p / 100 * Double(sorted.count - 1)
        let low = Int(rank.rounded(.down)), high = Int(rank.rounded(.up))
        return sorted[low] + (sorted[high] - sorted[low]) * (rank - Double(low))
    }
}
