import Foundation
import Records

/// One AxTrain-act epoch's log line: the usual `EpochRecord` fields plus γ and S(w).
public struct ActEpochRecord: Sendable, Codable, Equatable {
    public var record: EpochRecord
    /// γ used during the epoch, and after the §3.1.3 update.
    public var gamma: Double
    public var nextGamma: Double
    /// Mean per-batch sensitivity S(w) over the epoch.
    public var sensitivity: Double
}

/// AxTrain-act's hooks on the training loop: per batch S(w) and ∂S/∂w (eq. 6, exact HVP) before
/// the forward pass, and γ·∂S/∂w added to the loss gradient after the backward pass.
struct ActHooks: TrainingHooks {
    let gamma: Float
    let outputs: Int
    var gradient: [Tensor] = []
    var sensitivitySum = 0.0
    var batches = 0

    mutating func beforeForward(_ network: inout Network, batch x: Tensor) throws {
        let sens = try Sensitivity.compute(network, x, outputs: outputs)
        (gradient, sensitivitySum, batches) = (sens.gradient, sensitivitySum + sens.value, batches + 1)
    }

    mutating func afterBackward(_ network: inout Network) throws {
        if gamma != 0 { network.addToGradients(gradient, scale: gamma) }
    }
}

public extension Trainer {
    /// One epoch of the training loop minimising E + γ·S(w) (`ActHooks`); afterwards γ is updated
    /// from the training error (1 − acc).
    mutating func runActEpoch(train: LabeledData, test: LabeledData, gamma: inout AdaptiveGamma,
                              progress: ((BatchProgress) -> Void)? = nil) throws -> ActEpochRecord {
        var hooks = ActHooks(gamma: Float(gamma.gamma), outputs: train.classCount)
        let rec = try runEpoch(train: train, test: test, hooks: &hooks, progress: progress)
        let used = gamma.gamma
        gamma.update(epochError: 1 - rec.trainAccuracy)
        return ActEpochRecord(record: rec, gamma: used, nextGamma: gamma.gamma,
                              sensitivity: hooks.sensitivitySum / Double(max(hooks.batches, 1)))
    }
}
