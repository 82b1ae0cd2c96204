import Foundation

/// One AxTrain-act epoch's log line: the usual `EpochRecord` fields plus γ and S(w).
public struct ActEpochRecord: Sendable, Codable, Equatable {
    public var record: EpochRecord
    /// γ used during the epoch, and after the §3.1.3 update.
    public var gamma: Double
    public var nextGamma: Double
    /// Mean per-batch sensitivity S(w) over the epoch.
    public var sensitivity: Double
}

public extension Trainer {
    /// One epoch minimising E + γ·S(w): per batch the loss gradient plus γ·∂S/∂w (eq. 6, exact
    /// HVP), then the optimiser step; afterwards γ is updated from the training error (1 − acc).
    mutating func runActEpoch(train: LabeledData, test: LabeledData, gamma: inout AdaptiveGamma,
                              progress: ((BatchProgress) -> Void)? = nil) throws -> ActEpochRecord {
        let start = Date()
        let lr = try LRSchedule.parse(config.schedule, epochs: config.epochs).rate(base: config.learningRate, epoch: epoch)
        let order = rng.permutation(train.count)
        let bs = max(1, config.batchSize), batches = (train.count + bs - 1) / bs
        var lossSum = 0.0, sSum = 0.0, correct = 0, seen = 0
        let g = Float(gamma.gamma)
        for b in 0..<batches {
            let idx = Array(order[(b * bs)..<min((b + 1) * bs, train.count)])
            let (x, y) = Self.batch(train, idx)
            let sens = try Sensitivity.compute(network, x, outputs: train.classCount)
            network.zeroGradients()
            var ctx = ForwardContext(mode: .train, rng: SplitMix64(seed: rng.next()))
            let out = SoftmaxCrossEntropy.lossAndGradient(logits: network.forward(x, context: &ctx), labels: y)
            network.backward(out.grad)
            if g != 0 { network.addToGradients(sens.gradient, scale: g) }
            optimizer.update(&network, lr: lr)
            lossSum += out.loss * Double(idx.count)
            sSum += sens.value
            correct += out.correct
            seen += idx.count
            progress?(BatchProgress(epoch: epoch, batch: b + 1, batches: batches,
                                    runningLoss: lossSum / Double(seen), runningAccuracy: Double(correct) / Double(seen)))
        }
        epoch += 1
        let used = gamma.gamma
        let trainAcc = Double(correct) / Double(max(seen, 1))
        gamma.update(epochError: 1 - trainAcc)
        let eval = Self.evaluate(network, on: test, batchSize: max(bs, 256))
        let rec = EpochRecord(epoch: epoch, lr: lr, trainLoss: lossSum / Double(max(seen, 1)), trainAccuracy: trainAcc,
                              testLoss: eval.loss, testAccuracy: eval.accuracy, seconds: Date().timeIntervalSince(start))
        return ActEpochRecord(record: rec, gamma: used, nextGamma: gamma.gamma, sensitivity: sSum / Double(max(batches, 1)))
    }
}
