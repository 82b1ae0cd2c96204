/// What an AxTrain run achieved (`axmul axtrain`'s `axtrain.json`; also its `--json` output), made by
/// NetSim's `AxTrainRun`.
public struct AxTrainSummary: Record, Sendable, Codable, Equatable {
    public static let schema = RecordSchema("axtrain", version: 1)

    public var actEpochs: Int
    public var pasEpochs: Int
    public var finalGamma: Double
    /// S(w) on up to 256 test samples after act and at the end.
    public var sensitivityAfterAct: Double
    public var sensitivityFinal: Double
    public var multiplier: String?
    public var flipRate: Double?
    public var weightBits: Int?
    /// Flipped / read weight bits during the pas epochs.
    public var realisedFlipRate: Double?
    /// Test accuracy of the float network, and on the modelled hardware (mean, std over runs).
    public var exactAccuracy: Double
    public var hardwareAccuracyMean: Double
    public var hardwareAccuracyStd: Double
    public var hardwareRuns: Int
    public var samples: Int
    public var seconds: Double

    enum CodingKeys: String, CodingKey {
        case actEpochs = "act_epochs", pasEpochs = "pas_epochs", finalGamma = "final_gamma"
        case sensitivityAfterAct = "sensitivity_after_act", sensitivityFinal = "sensitivity_final"
        case multiplier, flipRate = "flip_rate", weightBits = "weight_bits", realisedFlipRate = "realised_flip_rate"
        case exactAccuracy = "exact_accuracy", hardwareAccuracyMean = "hardware_accuracy_mean"
        case hardwareAccuracyStd = "hardware_accuracy_std", hardwareRuns = "hardware_runs", samples, seconds
    }

    public init(actEpochs: Int, pasEpochs: Int, finalGamma: Double, sensitivityAfterAct: Double, sensitivityFinal: Double,
                multiplier: String?, flipRate: Double?, weightBits: Int?, realisedFlipRate: Double?, exactAccuracy: Double,
                hardwareAccuracyMean: Double, hardwareAccuracyStd: Double, hardwareRuns: Int, samples: Int, seconds: Double) {
        (self.actEpochs, self.pasEpochs, self.finalGamma) = (actEpochs, pasEpochs, finalGamma)
        (self.sensitivityAfterAct, self.sensitivityFinal) = (sensitivityAfterAct, sensitivityFinal)
        (self.multiplier, self.flipRate, self.weightBits, self.realisedFlipRate) = (multiplier, flipRate, weightBits, realisedFlipRate)
        (self.exactAccuracy, self.hardwareAccuracyMean, self.hardwareAccuracyStd) = (exactAccuracy, hardwareAccuracyMean, hardwareAccuracyStd)
        (self.hardwareRuns, self.samples, self.seconds) = (hardwareRuns, samples, seconds)
    }
}
