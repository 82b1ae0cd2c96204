/// The generator behind splits, shuffles and augmentation: NetSim's one SplitMix64, whose sequence
/// is fixed forever, so data preparation is reproducible across Swift versions and platforms.
public typealias DatasetRNG = SplitMix64

extension SplitMix64 {
    /// A value in `0..<bound` (bound > 0), by Lemire's multiply-shift (bias below 2^-32 here).
    public mutating func below(_ bound: Int) -> Int {
        Int(next().multipliedFullWidth(by: UInt64(bound)).high)
    }

    /// Fisher–Yates shuffle with this generator (fixed algorithm, unlike `Array.shuffle`).
    public mutating func shuffle<T>(_ array: inout [T]) {
        guard array.count > 1 else { return }
        for i in stride(from: array.count - 1, to: 0, by: -1) {
            array.swapAt(i, below(i + 1))
        }
    }
}
