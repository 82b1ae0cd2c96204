/// Settings of the `delaparra` recipe (De la Parra et al., ASP-DAC 2021, section 5); stored in
/// `experiment.json` so every table and figure can be traced back to the run that made it (`quick` is NetSim's).
public struct DelaParraSettings: Sendable, Codable, Equatable {
    /// Zoo model (ResNet-8 in the paper's Tables 5–7 and Figs. 6–7).
    public var model = "resnet8"
    /// Data set name or path as given to `--data`.
    public var data = "fashion-mnist"
    /// Retraining as in the paper: SGD, momentum 0.9, lr 1e-4, batch 64, 5 epochs.
    public var epochs = 5
    public var learningRate: Float = 1e-4
    public var batchSize = 64
    public var momentum: Float = 0.9
    /// Float training of the base model (SGD with momentum at `baseLearningRate`, `batchSize`).
    public var baseEpochs = 15
    public var baseLearningRate: Float = 0.02
    /// The under-trained base of the ablation: the base model's snapshot after this many epochs.
    public var underTrainedEpochs = 2
    /// Error-model samples p (the paper's 512).
    public var errorModelSamples = 512
    /// Percentile of the percentile calibration setting of the ablation.
    public var percentile = 99.99
    /// Accuracy tolerance ε of Figs. 6–7: 1 % below the quantised 8-bit accuracy.
    public var tolerance = 0.01
    /// Training and test samples used (evenly spaced; nil = all).
    public var maxTrainSamples: Int?
    public var maxTestSamples: Int?
    public var seed: UInt64 = 1
    /// A trained float checkpoint used as the base model instead of training one (`--base`); the
    /// path as given. With it the ablation has no under-trained snapshot and skips that setting.
    public var baseCheckpoint: String?

    enum CodingKeys: String, CodingKey {
        case model, data, epochs, learningRate = "lr", batchSize = "batch_size", momentum
        case baseEpochs = "base_epochs", baseLearningRate = "base_lr", underTrainedEpochs = "under_trained_epochs"
        case errorModelSamples = "error_model_samples", percentile, tolerance
        case maxTrainSamples = "max_train_samples", maxTestSamples = "max_test_samples", seed
        case baseCheckpoint = "base_checkpoint"
    }

    public init() {}
}
