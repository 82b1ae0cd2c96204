import Records

/// The settings every CPU-proxy paper recipe (`delaparra`, `hammad`) shares, so the command line
/// applies its common flags in one place.
public protocol ProxyExperimentSettings {
    var model: String { get set }
    var data: String { get set }
    var epochs: Int { get set }
    var learningRate: Float { get set }
    var batchSize: Int { get set }
    /// Training and test images used (evenly spaced); nil = all.
    var maxTrainSamples: Int? { get set }
    var maxTestSamples: Int? { get set }
}

extension DelaParraSettings: ProxyExperimentSettings {}
extension HammadSettings: ProxyExperimentSettings {}
