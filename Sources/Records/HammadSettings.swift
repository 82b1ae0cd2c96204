/// Settings of the `hammad` recipe (Hammad & El-Sankary, Tables II–III) on a CPU proxy; stored in
/// `experiment.json` (`quick` is NetSim's).
public struct HammadSettings: Sendable, Codable, Equatable {
    /// Zoo model trained from scratch (the paper trains VGG-16 on CIFAR-10 for 200 epochs).
    public var model = "vgg-small"
    public var data = "fashion-mnist"
    public var epochs = 8
    public var learningRate: Float = 0.02
    public var batchSize = 64
    public var momentum: Float = 0.9
    /// Table II test IDs trained with every epoch approximate.
    public var errorIDs = Array(1...8)
    /// Test IDs whose hybrid schedule is searched (Table III).
    public var hybridIDs = Array(1...6)
    /// Real multipliers run through the behavioural simulation, swept like a Table III row.
    public var multipliers = ["drum8-k6", "smapprox8x8-3330"]
    /// Spacing of the switch epochs tried, and the accepted drop from the exact baseline.
    public var step = 1
    public var tolerance = 0.005
    public var maxTrainSamples: Int?
    public var maxTestSamples: Int?
    public var seed: UInt64 = 1

    enum CodingKeys: String, CodingKey {
        case model, data, epochs, learningRate = "lr", batchSize = "batch_size", momentum
        case errorIDs = "error_ids", hybridIDs = "hybrid_ids", multipliers, step, tolerance
        case maxTrainSamples = "max_train_samples", maxTestSamples = "max_test_samples", seed
    }

    public init() {}
}

/// The paper's Tables II–III (VGG-16, CIFAR-10, 200 epochs), copied from Hammad & El-Sankary,
/// "Impact of Approximate Multipliers on VGG Deep Learning Network": accuracy in percent per test
/// ID with every epoch approximate, and the hybrid schedule (approximate epochs of 200) of IDs 1–6.
public struct HammadPaper: Sendable, Codable, Equatable {
    public var source = "Hammad & El-Sankary, Tables II and III (VGG-16, CIFAR-10, 200 epochs)"
    public var exactAccuracy = 93.6
    public var tableII: [Int: Double] = [1: 93.59, 2: 93.53, 3: 93.35, 4: 93.23, 5: 93.11, 6: 93.0, 7: 92.23, 8: 65.65]
    public var tableIIIApproxEpochs: [Int: Int] = [1: 200, 2: 191, 3: 180, 4: 176, 5: 173, 6: 151]
    public var totalEpochs = 200
    public var tolerance = 0.0002
    enum CodingKeys: String, CodingKey {
        case source, exactAccuracy = "exact_accuracy", tableII = "table_ii", tableIIIApproxEpochs = "table_iii_approx_epochs"
        case totalEpochs = "total_epochs", tolerance
    }
    public init() {}
}
