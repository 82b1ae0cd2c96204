import Foundation

/// What the approximate epochs of a hybrid run use.
public enum ApproxSource: Sendable {
    /// "MRE 3.6% SD 4.5%" or the multiplier's name.
    public var label: String {
        switch self {
        case .gaussian(let spec): return spec.label
        case .multiplier(let a): return a.label
        }
    }

    /// The paper's simulation: weights times a fixed Gaussian error matrix per layer.
    case gaussian(ErrorSpec)
    /// A real multiplier through the behavioural simulation (quantised forward, straight-through gradient).
    case multiplier(MultiplierAssignment)
}

/// One hybrid run: per-epoch records (test evaluation always error-free) and its summary.
public struct HybridRun: Sendable, Codable, Equatable {
    /// What the approximate epochs simulated (see `ApproxSource.label`).
    public var source: String
    public var switchEpoch: Int
    public var epochs: Int
    public var finalAccuracy: Double
    /// Approximate-multiplier utilisation N / total, as in the paper's Table III.
    public var utilisation: Double
    public var records: [EpochRecord]

    enum CodingKeys: String, CodingKey {
        case source, switchEpoch = "switch_epoch", epochs, finalAccuracy = "final_accuracy", utilisation, records
    }
}

/// The hybrid schedule of Hammad & El-Sankary: approximate for the first N epochs, then exact.
public enum HybridTraining {
    /// Trains `trainer` to `trainer.config.epochs`, approximate while `trainer.epoch < switchEpoch`.
    /// With N = 0 every epoch is `Trainer.runEpoch`, so the run equals exact training for the same seed.
    public static func run(_ trainer: inout Trainer, switchEpoch: Int, source: ApproxSource,
                           train: LabeledData, test: LabeledData,
                           progress: ((BatchProgress) -> Void)? = nil,
                           onEpoch: (EpochRecord, Bool) throws -> Void = { _, _ in }) throws -> HybridRun {
        let total = trainer.config.epochs
        guard (0...total).contains(switchEpoch) else {
            throw HybridError.invalidSchedule("switch epoch \(switchEpoch) is outside 0...\(total)")
        }
        var records: [EpochRecord] = []
        if trainer.epoch < switchEpoch {
            switch source {
            case .gaussian(let spec):
                var sim = WeightErrorSimulator(network: trainer.network, spec: spec, seed: trainer.config.seed)
                while trainer.epoch < switchEpoch {
                    let r = try simulatedEpoch(&trainer, &sim, train: train, test: test, progress: progress)
                    records.append(r)
                    try onEpoch(r, true)
                }
            case .multiplier(let assignment):
                try behaviouralEpochs(&trainer, until: switchEpoch, assignment: assignment, train: train,
                                      test: test, progress: progress) { r in records.append(r); try onEpoch(r, true) }
            }
        }
        while trainer.epoch < total {
            let r = try trainer.runEpoch(train: train, test: test, progress: progress)
            records.append(r)
            try onEpoch(r, false)
        }
        let acc = records.last?.testAccuracy ?? Trainer.evaluate(trainer.network, on: test).accuracy
        return HybridRun(source: source.label, switchEpoch: switchEpoch, epochs: total, finalAccuracy: acc,
                         utilisation: total > 0 ? Double(switchEpoch) / Double(total) : 0, records: records)
    }

    /// One epoch like `Trainer.runEpoch` (same shuffling, LR and optimiser) with weights W ⊙ Err;
    /// the test evaluation uses the error-free weights.
    static func simulatedEpoch(_ t: inout Trainer, _ sim: inout WeightErrorSimulator, train: LabeledData,
                               test: LabeledData, progress: ((BatchProgress) -> Void)?) throws -> EpochRecord {
        let start = Date()
        let lr = try LRSchedule.parse(t.config.schedule, epochs: t.config.epochs).rate(base: t.config.learningRate, epoch: t.epoch)
        let order = t.rng.permutation(train.count)
        let bs = max(1, t.config.batchSize)
        let batches = (train.count + bs - 1) / bs
        var lossSum = 0.0, correct = 0, seen = 0
        for b in 0..<batches {
            let idx = Array(order[(b * bs)..<min((b + 1) * bs, train.count)])
            let (x, y) = Trainer.batch(train, idx)
            t.network.zeroGradients()
            sim.install(into: &t.network)
            var ctx = ForwardContext(mode: .train, rng: SplitMix64(seed: t.rng.next()))
            let out = SoftmaxCrossEntropy.lossAndGradient(logits: t.network.forward(x, context: &ctx), labels: y)
            t.network.backward(out.grad)
            sim.remove(from: &t.network)
            t.optimizer.update(&t.network, lr: lr)
            lossSum += out.loss * Double(idx.count)
            correct += out.correct
            seen += idx.count
            progress?(BatchProgress(epoch: t.epoch, batch: b + 1, batches: batches,
                                    runningLoss: lossSum / Double(seen), runningAccuracy: Double(correct) / Double(seen)))
        }
        t.epoch += 1
        let eval = Trainer.evaluate(t.network, on: test, batchSize: max(bs, 256))
        return EpochRecord(epoch: t.epoch, lr: lr, trainLoss: lossSum / Double(max(seen, 1)),
                           trainAccuracy: Double(correct) / Double(max(seen, 1)), testLoss: eval.loss,
                           testAccuracy: eval.accuracy, seconds: Date().timeIntervalSince(start))
    }

    /// Approximate epochs through the behavioural simulation: the network is wrapped (parameter
    /// order, hence optimiser state, is unchanged), trained by `Trainer.runEpoch`, and unwrapped.
    /// Each epoch's test accuracy is measured on the unwrapped, error-free float network.
    static func behaviouralEpochs(_ t: inout Trainer, until n: Int, assignment: MultiplierAssignment,
                                  train: LabeledData, test: LabeledData, progress: ((BatchProgress) -> Void)?,
                                  onEpoch: (EpochRecord) throws -> Void) throws {
        while t.epoch < n {
            var net = ApproxNetwork.wrap(t.network, assignment)
            ApproxNetwork.calibrate(&net, on: train)   // recalibrated per epoch: ranges move in training
            ApproxNetwork.set(&net, compute: .approximate)
            t.network = net
            var r = try t.runEpoch(train: train, test: test, progress: progress)
            t.network = ApproxNetwork.unwrap(t.network)
            let eval = Trainer.evaluate(t.network, on: test, batchSize: max(t.config.batchSize, 256))
            (r.testAccuracy, r.testLoss) = (eval.accuracy, eval.loss)
            try onEpoch(r)
        }
    }
}
