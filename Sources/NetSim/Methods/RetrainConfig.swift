import Records

/// Retraining hyper-parameters; defaults are the paper's (SGD, momentum 0.9, lr 1e-4, batch 64, 5 epochs).
public struct RetrainConfig: Sendable {
    public var method: RetrainMethod = .errormodel
    public var epochs = 5
    public var learningRate: Float = 1e-4
    public var batchSize = 64
    public var momentum: Float = 0.9
    public var seed: UInt64 = 1
    /// Samples p for the error model (the paper's default 512).
    public var errorModelSamples = 512
    /// Baseline model: draw a fresh Err every step (true) or one fixed Err per layer.
    public var baselineFresh = true
    /// Baseline model σ; nil derives it per layer from the multiplier's relative-error deviation.
    public var baselineSigma: Float?
    /// `baseline-mean` model's mean error m (Err ~ N(1 + m, σ)); nil derives it per layer from the
    /// multiplier's mean signed relative error.
    public var baselineMean: Float?
    /// AWGN SNR in dB; nil uses each layer's SNR measured by the error model.
    public var snrDB: Double?
    public var quant = ApproxNetwork.QuantOptions()
    /// Global L2 gradient-norm clip (as `TrainConfig.maxGradNorm`); nil = no clipping.
    public var maxGradNorm: Float?
    public init() {}

    /// The training loop's configuration: SGD with momentum at a constant rate.
    public var trainConfig: TrainConfig {
        var c = TrainConfig()
        (c.epochs, c.batchSize, c.learningRate, c.optimizer, c.momentum) = (epochs, batchSize, learningRate, .sgd, momentum)
        (c.seed, c.maxGradNorm) = (seed, maxGradNorm)
        return c
    }
}
