import NetSim

/// The held-out validation split of a training set: `samples` drawn by a seeded permutation, and the
/// rest (the calibration source). Never the test set.
public enum ValidationSplit {
    public static func split(_ train: LabeledData, samples: Int, seed: UInt64) -> (rest: LabeledData, validation: LabeledData) {
        var rng = SplitMix64(seed: seed ^ 0x5EA7_C400_0000_0001)
        let order = rng.permutation(train.count)
        let n = min(samples, train.count / 2)
        return (train.subset(Array(order[n...])), train.subset(Array(order[..<n]).sorted()))
    }
}
