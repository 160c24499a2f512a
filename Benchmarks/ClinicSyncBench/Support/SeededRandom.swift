/// SplitMix64: a small, fast, repeatable random source, so every run generates the same data.
struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// One element of `items` by `weights` (same count, positive).
    mutating func pick<T>(_ items: [T], weights: [Int]) -> T {
        var roll = Int.random(in: 0..<weights.reduce(0, +), using: &self)
        for (item, weight) in zip(items, weights) {
            if roll < weight { return item }
            roll -= weight
        }
        return items[items.count - 1]
    }
}
