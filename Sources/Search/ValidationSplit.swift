import NetSim

/// The held-out validation split of a training set. Never the test set.
///
/// One calibration rule holds for every command (`evaluate`, `search`, `sweep`, the report): the
/// activation steps are calibrated on the first `calibrationBatches` × batch size samples of the
/// training split, in file order. So the validation samples are drawn, by a seeded permutation, from
/// the samples after those (`reserved`), and `rest`, every sample not drawn in file order, starts with
/// the same calibration samples: a front point's test accuracy equals `evaluate`'s for its assignment.
/// (When the training split holds fewer than twice `reserved` samples, at most half are reserved.)
public enum ValidationSplit {
    /// The checkpoint metadata key of a model trained without a search's validation split
    /// (`axmul train --hold-out-validation`), whose value is `description(samples:seed:reserved:)`.
    public static let metadataKey = "held_out_validation"

    /// The split's identity as stored and compared: "samples N seed S reserved R".
    public static func description(samples: Int, seed: UInt64, reserved: Int) -> String {
        "samples \(samples) seed \(seed) reserved \(reserved)"
    }

    public static func split(_ train: LabeledData, samples: Int, seed: UInt64,
                             reserved: Int) -> (rest: LabeledData, validation: LabeledData) {
        let reserved = min(max(0, reserved), train.count / 2)
        var rng = SplitMix64(seed: seed ^ 0x5EA7_C400_0000_0001)
        let order = rng.permutation(train.count - reserved)
        let n = min(samples, train.count / 2, order.count)
        let drawn = order[..<n].map { $0 + reserved }.sorted()
        let isDrawn = Set(drawn)
        return (train.subset((0..<train.count).filter { !isDrawn.contains($0) }), train.subset(drawn))
    }
}
