/// A measured ResNet-8 behavioural-retraining epoch: the real `Retrainer.runEpoch` (the code path
/// of `axmul retrain --method behavioural`) on synthetic 3×32×32 data, scaled to 50,000 images.
public struct RetrainEpochMeasurement: Sendable, Codable, Equatable {
    /// Timed batches of 64 (after warm-up batches that are not timed).
    public let batches: Int
    /// Wall seconds per batch.
    public let batchSeconds: Double
    /// `batchSeconds` × 782 (50,000 / 64, rounded up).
    public let epochSeconds: Double
    /// Seconds per epoch spent in each `PhaseClock` phase; "other" is the rest (data, loss, …).
    public let phaseEpochSeconds: [String: Double]

    enum CodingKeys: String, CodingKey {
        case batches, batchSeconds = "batch_s", epochSeconds = "epoch_s", phaseEpochSeconds = "phases_epoch_s"
    }
}

/// Runs behavioural retraining steps of ResNet-8 with one multiplier on random data.
public struct RetrainEpochBenchmark: Sendable {
    public let entry: MultiplierAssignment.Entry
    public let batches: Int
    public let warmup: Int
    static let batchSize = 64
    static let epochBatches = (50_000 + 63) / 64

    public init(entry: MultiplierAssignment.Entry, batches: Int = 24, warmup: Int = 2) {
        self.entry = entry; self.batches = max(1, batches); self.warmup = max(0, warmup)
    }

    /// Synthetic CIFAR-like images (uniform in [−2, 2), like standardised pixels), 10 classes.
    static func data(count: Int, seed: UInt64) -> LabeledData {
        var rng = SplitMix64(seed: seed)
        let values = (0..<(count * 3 * 32 * 32)).map { _ in rng.nextUniform() * 4 - 2 }
        let labels = (0..<count).map { _ in Int32(rng.next() % 10) }
        return LabeledData(sampleShape: [3, 32, 32], values: values, labels: labels, classCount: 10)
    }

    /// Builds, calibrates and switches ResNet-8 to behavioural training, then times `batches` steps
    /// on `Workers.current` (the CLI runs OpenBLAS on one thread: `Workers.use`).
    public func run() throws -> RetrainEpochMeasurement {
        let float = try ModelZoo.build("resnet8", inputShape: [3, 32, 32], classCount: 10, seed: 7)
        var config = RetrainConfig()
        config.method = .behavioural
        config.batchSize = Self.batchSize
        let assignment = MultiplierAssignment(default: entry)
        let calib = Self.data(count: Self.batchSize * 4, seed: 1)
        var net = ApproxNetwork.wrap(float, assignment, options: config.quant)
        ApproxNetwork.calibrate(&net, on: calib, options: config.quant)
        try Retrainer.install(config, assignment: assignment, errorModel: nil, train: calib, into: &net)
        ApproxNetwork.set(&net, compute: .approximate)
        var optimizer = Optimizer(kind: .sgd, momentum: config.momentum)
        var rng = SplitMix64(seed: 3)
        if warmup > 0 {
            _ = Retrainer.runEpoch(&net, &optimizer, &rng, Self.data(count: Self.batchSize * warmup, seed: 2), config)
        }
        let timed = Self.data(count: Self.batchSize * batches, seed: 4)
        PhaseClock.start()
        let (seconds, _) = Retrainer.runEpoch(&net, &optimizer, &rng, timed, config)
        let phases = PhaseClock.stop()
        let scale = Double(Self.epochBatches) / Double(batches)
        var perEpoch: [String: Double] = [:]
        for (p, s) in phases { perEpoch[p.rawValue] = s * scale }
        perEpoch["other"] = max(0, seconds - phases.values.reduce(0, +)) * scale
        return RetrainEpochMeasurement(batches: batches, batchSeconds: seconds / Double(batches),
                                       epochSeconds: seconds * scale, phaseEpochSeconds: perEpoch)
    }
}
