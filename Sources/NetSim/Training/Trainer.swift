import Foundation
import Records

/// NetSim's one training loop: seeded shuffling (SplitMix64), guarded mini-batch SGD/Adam steps
/// with optional clipping, per-epoch evaluation; methods plug in through `TrainingHooks`.
///
/// All randomness flows from one `SplitMix64` whose state is checkpointed, so a resumed run
/// reproduces an uninterrupted one exactly (for a fixed OpenBLAS thread count).
public struct Trainer: Sendable {
    public var network: Network
    public var optimizer: Optimizer
    public var config: TrainConfig
    /// Epochs completed.
    public var epoch: Int = 0
    public var rng: SplitMix64

    /// A trainer for `network` (already initialised from `config.seed`).
    public init(network: Network, config: TrainConfig) {
        self.network = network
        self.config = config
        self.optimizer = config.makeOptimizer()
        self.rng = SplitMix64(seed: config.seed ^ 0x5EED_5EED_5EED_5EED)
    }

    /// Trains one epoch on `train`, evaluates on `test`, and returns the log record (plain training).
    public mutating func runEpoch(train: LabeledData, test: LabeledData,
                                  progress: ((BatchProgress) -> Void)? = nil) throws -> EpochRecord {
        var plain = PlainTraining()
        return try runEpoch(train: train, test: test, hooks: &plain, progress: progress)
    }

    /// The one training loop: one shuffled epoch of guarded steps with `hooks` around each forward
    /// and backward pass, then the hooks' evaluation on `test`; returns the log record. Every
    /// training command (train, retrain, hybrid, axtrain, the experiments) runs its epochs here.
    ///
    /// Throws `TrainingError.nonFinite` as soon as a NaN or ±Inf appears in an activation, the loss,
    /// a gradient, the updated weights or the evaluation; the trainer is then mid-epoch and should
    /// be discarded (callers keep their last checkpoint).
    public mutating func runEpoch<Hooks: TrainingHooks>(train: LabeledData, test: LabeledData, hooks: inout Hooks,
                                                        progress: ((BatchProgress) -> Void)? = nil) throws -> EpochRecord {
        let start = Date()
        let lr = try LRSchedule.parse(config.schedule, epochs: config.epochs).rate(base: config.learningRate, epoch: epoch)
        let order = rng.permutation(train.count)
        let bs = max(1, config.batchSize)
        let batches = (train.count + bs - 1) / bs
        var lossSum = 0.0, correct = 0, seen = 0
        for b in 0..<batches {
            let idx = Array(order[(b * bs)..<min((b + 1) * bs, train.count)])
            let (x, y) = Self.batch(train, idx)
            let out = try step(x, y, lr: lr, batch: b + 1, of: batches, hooks: &hooks)
            lossSum += out.loss * Double(idx.count)
            correct += out.correct
            seen += idx.count
            progress?(BatchProgress(epoch: epoch, batch: b + 1, batches: batches,
                                    runningLoss: lossSum / Double(seen), runningAccuracy: Double(correct) / Double(seen)))
        }
        epoch += 1
        let eval = hooks.evaluate(network, on: test, batchSize: max(bs, 256))
        if !eval.loss.isFinite { throw TrainingError.nonFinite(locateInEvaluation(test, batchSize: max(bs, 256), loss: eval.loss)) }
        return EpochRecord(epoch: epoch, lr: lr, trainLoss: lossSum / Double(max(seen, 1)),
                           trainAccuracy: Double(correct) / Double(max(seen, 1)), testLoss: eval.loss,
                           testAccuracy: eval.accuracy, seconds: Date().timeIntervalSince(start))
    }

    /// One guarded SGD/Adam step on a mini-batch: hooks, forward, loss, backward, hooks, optional clipping, update.
    mutating func step<Hooks: TrainingHooks>(_ x: Tensor, _ y: [Int32], lr: Float, batch: Int, of batches: Int,
                                             hooks: inout Hooks) throws -> (loss: Double, correct: Int) {
        func fail(_ site: NumericFault.Site, _ hit: NumericGuard.Hit) -> TrainingError {
            .nonFinite(network.fault(site, hit, epoch: epoch + 1, batch: batch, batches: batches))
        }
        network.zeroGradients()
        try hooks.beforeForward(&network, batch: x)
        var ctx = ForwardContext(mode: .train, rng: SplitMix64(seed: rng.next()))
        let z: Tensor
        switch network.forwardGuarded(x, context: &ctx) {
        case .success(let logits): z = logits
        case .failure(let hit): throw fail(.activation, hit)
        }
        let out = SoftmaxCrossEntropy.lossAndGradient(logits: z, labels: y)
        if !out.loss.isFinite { throw fail(.loss, .init(layer: network.last, value: Float(out.loss))) }
        network.backward(out.grad)
        try hooks.afterBackward(&network)
        if let hit = NumericGuard.gradientHit(network) { throw fail(.gradient, hit) }
        if let maxNorm = config.maxGradNorm { GradientClipping.clip(&network, maxNorm: maxNorm) }
        optimizer.update(&network, lr: lr)
        if let hit = NumericGuard.parameterHit(network) { throw fail(.parameter, hit) }
        return (out.loss, out.correct)
    }

    /// Finds the first layer whose eval-mode output is non-finite on `data` (only run after a failure).
    func locateInEvaluation(_ data: LabeledData, batchSize: Int, loss: Double) -> NumericFault {
        var net = network
        var start = 0
        while start < data.count {
            let (x, _) = Self.batch(data, Array(start..<min(start + batchSize, data.count)))
            var ctx = ForwardContext(mode: .eval)
            if case .failure(let hit) = net.forwardGuarded(x, context: &ctx) {
                return net.fault(.evaluation, hit, epoch: epoch, batch: nil, batches: 0)
            }
            start += batchSize
        }
        return net.fault(.evaluation, .init(layer: net.last, value: Float(loss)), epoch: epoch, batch: nil, batches: 0)
    }

    /// Accuracy and mean loss of `network` in eval mode; `progress` gets ("evaluating", images done, images).
    public static func evaluate(_ network: Network, on data: LabeledData, batchSize: Int = 256,
                                progress sink: ProgressSink = .silent) -> Evaluation {
        let starts = Array(stride(from: 0, to: data.count, by: max(1, batchSize)))
        let progress = SharedProgress(sink, what: "evaluating", total: data.count)
        // Batches are independent (each has its own context and generator), so they run one per
        // core on copies of the network; sums are taken in batch order, as in a serial loop.
        let perBatch = Parallel.map(starts.count, state: network) { net, b in
            let idx = Array(starts[b]..<min(starts[b] + batchSize, data.count))
            let (x, y) = batch(data, idx)
            var ctx = ForwardContext(mode: .eval, inferenceOnly: true)
            let out = SoftmaxCrossEntropy.lossAndGradient(logits: net.forward(x, context: &ctx), labels: y)
            progress.add(idx.count)
            return (correct: out.correct, loss: out.loss * Double(idx.count))
        }
        let correct = perBatch.reduce(0) { $0 + $1.correct }
        let loss = perBatch.reduce(0.0) { $0 + $1.loss }
        let n = max(data.count, 1)
        return Evaluation(accuracy: Double(correct) / Double(n), loss: loss / Double(n), samples: data.count)
    }

    /// The samples at `indices` as a [B, sampleShape…] tensor and their labels.
    public static func batch(_ data: LabeledData, _ indices: [Int]) -> (Tensor, [Int32]) {
        let size = data.sampleSize
        var values = [Float](repeating: 0, count: indices.count * size)
        var labels = [Int32](repeating: 0, count: indices.count)
        data.values.withUnsafeBufferPointer { src in
            for (k, i) in indices.enumerated() {
                for j in 0..<size { values[k * size + j] = src[i * size + j] }
                labels[k] = data.labels[i]
            }
        }
        return (Tensor(shape: [indices.count] + data.sampleShape, data: values), labels)
    }
}
