/// Training and evaluation settings of the `axtrain-table1` recipe; stored in `experiment.json` so
/// every figure can be traced back to the run that made it (`quick` and `epochs(for:)` are NetSim's).
public struct Table1Settings: Sendable, Codable, Equatable {
    /// BP and AxTrain-act epochs for the MLPs and for LeNet-5 (the paper's "until convergence").
    public var actEpochs = 40
    public var cnnActEpochs = 6
    /// AxTrain-pas fine-tuning epochs per hardware setting, starting from the act network.
    public var pasEpochs = 5
    public var batchSize = 32
    public var learningRate: Float = 0.01
    /// Learning rate of the pas fine-tuning (a fresh SGD optimiser).
    public var pasLearningRate: Float = 0.005
    /// Keep the pas epoch (0 = the act network) with the best hardware-model accuracy on up to
    /// 1000 training samples, instead of the last; the paper tunes "without hurting the accuracy".
    public var pasKeepBest = true
    public var momentum: Float = 0.9
    /// AxTrain-act's adaptive γ (§3.1.3): start, step Δγ and the training-error bound. γ and Δγ
    /// are relative to the BP network's S(w): act minimises E + γ·S(w)/S_BP.
    public var gamma = 0.2
    public var deltaGamma = 0.1
    public var errorBound = 0.02
    /// Stored weight word width for NTV storage (dynamic fixed point) and activation width.
    public var weightBits = 8
    public var activationBits = 16
    /// Fresh bit-flip draws per NTV evaluation (paper: 50).
    public var runs = 50
    /// Seeds 1…seeds; every network is trained once per seed.
    public var seeds = 1
    /// Cap on training samples per app (nil = all); `--quick` uses it to stay small.
    public var maxTrainSamples: Int?
    /// Cap on test samples per app (nil = all).
    public var maxTestSamples: Int?
    /// NTV flip rates overriding each app's (Agg, Con) pair, e.g. [0] in tests; nil = Table 1.
    public var flipRatesOverride: [Double]?
    /// Global L2 gradient-norm clip of every training run (`TrainConfig.maxGradNorm`); nil = none.
    public var maxGradNorm: Float?

    enum CodingKeys: String, CodingKey {
        case actEpochs = "act_epochs", cnnActEpochs = "cnn_act_epochs", pasEpochs = "pas_epochs"
        case batchSize = "batch_size", learningRate = "lr", pasLearningRate = "pas_lr", pasKeepBest = "pas_keep_best", momentum
        case gamma, deltaGamma = "delta_gamma", errorBound = "error_bound"
        case weightBits = "weight_bits", activationBits = "activation_bits", runs, seeds
        case maxTrainSamples = "max_train_samples", maxTestSamples = "max_test_samples"
        case flipRatesOverride = "flip_rates_override", maxGradNorm = "max_grad_norm"
    }

    public init() {}
}
