/// Hyper-parameters of a training run (saved in checkpoints so `--resume` continues identically).
public struct TrainConfig: Sendable, Codable, Equatable {
    public var epochs: Int = 10
    public var batchSize: Int = 32
    public var learningRate: Float = 0.01
    public var optimizer: Optimizer.Kind = .sgd
    public var momentum: Float = 0.9
    public var nesterov: Bool = false
    public var weightDecay: Float = 0
    /// Schedule text, see `LRSchedule.parse`.
    public var schedule: String = "constant"
    /// Seeds weight initialisation, shuffling and dropout.
    public var seed: UInt64 = 1
    /// Global L2 gradient-norm clip: when ‖∇‖₂ over all parameters exceeds it, every gradient is
    /// scaled by maxGradNorm/‖∇‖₂ before the optimiser step; nil = no clipping.
    public var maxGradNorm: Float?

    public init() {}

    enum CodingKeys: String, CodingKey {
        case epochs, batchSize = "batch_size", learningRate = "lr", optimizer, momentum, nesterov
        case weightDecay = "weight_decay", schedule, seed, maxGradNorm = "max_grad_norm"
    }

    /// A fresh optimiser for this configuration.
    public func makeOptimizer() -> Optimizer {
        Optimizer(kind: optimizer, momentum: momentum, nesterov: nesterov, weightDecay: weightDecay)
    }
}

/// Progress within an epoch, for progress bars.
public struct BatchProgress: Sendable {
    public var epoch: Int
    public var batch: Int
    public var batches: Int
    public var runningLoss: Double
    public var runningAccuracy: Double
}

/// Accuracy and mean loss of a network on a data set.
public struct Evaluation: Sendable, Codable, Equatable {
    public var accuracy: Double
    public var loss: Double
    public var samples: Int

    public init(accuracy: Double, loss: Double, samples: Int) {
        (self.accuracy, self.loss, self.samples) = (accuracy, loss, samples)
    }
}
