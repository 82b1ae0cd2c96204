/// Everything the `delaparra` experiment produced (De la Parra et al., ASP-DAC 2021): `experiment.json`,
/// made by NetSim's `DelaParraRecipe` and `DelaParraOutput` and drawn by the report's figures.
public struct DelaParraResult: Record, Sendable, Codable, Equatable {
    public static let schema = RecordSchema("experiment-delaparra", version: 1)

    public var recipe = "delaparra"
    public var settings: DelaParraSettings
    public var methods: [DelaParraMethod]
    public var multipliers: [DelaParraMultiplier]
    /// Table 7's columns: the exact multiplier and the approximate ones evaluated crosswise.
    public var crossMultipliers: [String]
    public var ablationSettings: [DelaParraQuantSetting]
    public var bases: [DelaParraBase]
    /// Behavioural accuracy of the base model with exact8 under the default quantisation: the
    /// quantised 8-bit accuracy that ε is measured from.
    public var quantisedAccuracy: Double
    public var retrains: [DelaParraRetrain]
    public var ablation: [DelaParraAblationRow]
    public var paper: DelaParraPaper
    public var seconds: Double
    public var trainSamples: Int
    public var testSamples: Int
    /// Mean ± SD of the accuracy after retraining per (method, multiplier) over the seeds that ran
    /// (`DelaParraOutput.write` fills it from `retrains`; absent in results written before seeds existed).
    public var retrainSeeds: [DelaParraSeedSummary]?
    /// The accuracy ε is measured from: the control's exact-multiplier accuracy after retraining (mean over
    /// its seeds; the paper's "quantised 8-bit accuracy after retraining"), nil when no control ran (then
    /// `quantisedAccuracy`). `DelaParraOutput.write` fills it.
    public var epsilonReference: Double?
    /// What each part of the gain explains, per multiplier, paired by seed (`DelaParraOutput.write` fills it).
    public var pairedDifferences: [DelaParraPairedDifference]?

    /// The accuracy the tolerance line is ε below.
    public var toleranceReference: Double { epsilonReference ?? quantisedAccuracy }

    enum CodingKeys: String, CodingKey {
        case recipe, settings, methods, multipliers, crossMultipliers = "cross_multipliers"
        case ablationSettings = "ablation_settings", bases, quantisedAccuracy = "quantised_accuracy", retrains, ablation
        case paper, seconds, trainSamples = "train_samples", testSamples = "test_samples", retrainSeeds = "retrain_seeds"
        case epsilonReference = "epsilon_reference", pairedDifferences = "paired_differences"
    }

    public init(recipe: String = "delaparra", settings: DelaParraSettings, methods: [DelaParraMethod], multipliers: [DelaParraMultiplier],
                crossMultipliers: [String], ablationSettings: [DelaParraQuantSetting], bases: [DelaParraBase], quantisedAccuracy: Double,
                retrains: [DelaParraRetrain], ablation: [DelaParraAblationRow], paper: DelaParraPaper, seconds: Double,
                trainSamples: Int, testSamples: Int, retrainSeeds: [DelaParraSeedSummary]? = nil) {
        (self.recipe, self.settings, self.methods, self.multipliers) = (recipe, settings, methods, multipliers)
        (self.crossMultipliers, self.ablationSettings, self.bases, self.quantisedAccuracy) = (crossMultipliers, ablationSettings, bases, quantisedAccuracy)
        (self.retrains, self.ablation, self.paper, self.seconds) = (retrains, ablation, paper, seconds)
        (self.trainSamples, self.testSamples, self.retrainSeeds) = (trainSamples, testSamples, retrainSeeds)
    }

    /// The retraining cell of `method` for `multiplier` with seed number `seed`, if it ran.
    public func retrain(_ method: String, _ multiplier: String, seed: Int = 1) -> DelaParraRetrain? {
        retrains.first { $0.method == method && $0.multiplier == multiplier && $0.seed == seed }
    }

    /// Seed `seed`'s accuracy after retraining with `method` on `multiplier`, with the cell it comes from:
    /// the cell's own, or for the control (retrained with the exact multiplier) its evaluation on `multiplier`.
    public func after(_ method: DelaParraMethod, _ multiplier: String, seed: Int = 1) -> (accuracy: Double, cell: DelaParraRetrain)? {
        guard method.exactMultiplier else { return retrain(method.name, multiplier, seed: seed).map { ($0.after, $0) } }
        guard let c = retrains.first(where: { $0.method == method.name && $0.seed == seed }),
              let a = c.cross.first(where: { $0.multiplier == multiplier }) else { return nil }
        return (a.accuracy, c)
    }

    /// The seed summary of `method` on `multiplier`, if any cell ran.
    public func seedSummary(_ method: String, _ multiplier: String) -> DelaParraSeedSummary? {
        retrainSeeds?.first { $0.method == method && $0.multiplier == multiplier }
    }
}

/// A trained base model of the `delaparra` recipe ("well-trained", or "under-trained": the same
/// run's snapshot after fewer epochs), cached as `<checkpoint>` in the results folder.
public struct DelaParraBase: Sendable, Codable, Equatable {
    public var name: String
    public var epochs: Int
    public var floatAccuracy: Double
    /// Wall seconds of each float training epoch (Table 5's float row).
    public var epochSeconds: [Double]
    public var checkpoint: String

    enum CodingKeys: String, CodingKey {
        case name, epochs, floatAccuracy = "float_accuracy", epochSeconds = "epoch_seconds", checkpoint
    }

    public init(name: String, epochs: Int, floatAccuracy: Double, epochSeconds: [Double], checkpoint: String) {
        (self.name, self.epochs, self.floatAccuracy, self.epochSeconds, self.checkpoint) = (name, epochs, floatAccuracy, epochSeconds, checkpoint)
    }
}

/// A multiplier of the recipe with its exact MRE (the paper's eq. 2) and relative-error SD.
public struct DelaParraMultiplier: Sendable, Codable, Equatable {
    public var name: String
    /// mre_nonzero as a fraction (`MultiplierProfile.mreNonzero`; JSON key "mre").
    public var mre: Double
    public var relativeErrorMean: Double
    public var relativeErrorSD: Double
    enum CodingKeys: String, CodingKey { case name, mre, relativeErrorMean = "relative_error_mean", relativeErrorSD = "relative_error_sd" }
    public init(name: String, mre: Double, relativeErrorMean: Double, relativeErrorSD: Double) {
        (self.name, self.mre, self.relativeErrorMean, self.relativeErrorSD) = (name, mre, relativeErrorMean, relativeErrorSD)
    }
}

/// One behavioural accuracy: a network evaluated with one multiplier.
public struct DelaParraAccuracy: Sendable, Codable, Equatable {
    public var multiplier: String
    public var accuracy: Double
    public init(multiplier: String, accuracy: Double) { (self.multiplier, self.accuracy) = (multiplier, accuracy) }
}

/// One retraining cell: the base model retrained with `method` for `multiplier` (Figs. 6–7,
/// Tables 5–6), and the retrained network evaluated with the cross-evaluation multipliers (Table 7).
public struct DelaParraRetrain: Sendable, Codable, Equatable {
    public var method: String
    /// The multiplier the accuracies are for; the control retrains with exact8 and is evaluated on it.
    public var multiplier: String
    /// Behavioural accuracy before and after retraining (the `Retrainer` report; Δx from the calibration before).
    public var before: Double
    public var after: Double
    public var epochSeconds: [Double]
    /// Seconds to build the error-model statistics (errormodel, awgn); nil for the other methods.
    public var statisticsSeconds: Double?
    /// Float (unquantised) accuracy of the retrained network.
    public var floatAccuracy: Double
    /// Behavioural accuracy under each cross-evaluation multiplier, recalibrated (Table 7).
    public var cross: [DelaParraAccuracy]
    public var seconds: Double
    /// Retraining seed number k (1…`--seeds`): `RetrainConfig.seed` = settings seed + k − 1 (shuffling
    /// order and the error/noise models' draws). Cells written before seeds existed are seed 1.
    public var seed = 1

    enum CodingKeys: String, CodingKey {
        case method, multiplier, before, after, epochSeconds = "epoch_seconds", statisticsSeconds = "statistics_seconds"
        case floatAccuracy = "float_accuracy", cross, seconds, seed
    }

    public init(method: String, multiplier: String, before: Double, after: Double, epochSeconds: [Double], statisticsSeconds: Double?,
                floatAccuracy: Double, cross: [DelaParraAccuracy], seconds: Double, seed: Int = 1) {
        (self.method, self.multiplier, self.before, self.after, self.epochSeconds) = (method, multiplier, before, after, epochSeconds)
        (self.statisticsSeconds, self.floatAccuracy, self.cross, self.seconds, self.seed) = (statisticsSeconds, floatAccuracy, cross, seconds, seed)
    }

    /// Reads cells written before `seed` existed (absent = seed 1).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(method: try c.decode(String.self, forKey: .method), multiplier: try c.decode(String.self, forKey: .multiplier),
                  before: try c.decode(Double.self, forKey: .before), after: try c.decode(Double.self, forKey: .after),
                  epochSeconds: try c.decode([Double].self, forKey: .epochSeconds),
                  statisticsSeconds: try c.decodeIfPresent(Double.self, forKey: .statisticsSeconds),
                  floatAccuracy: try c.decode(Double.self, forKey: .floatAccuracy), cross: try c.decode([DelaParraAccuracy].self, forKey: .cross),
                  seconds: try c.decode(Double.self, forKey: .seconds), seed: try c.decodeIfPresent(Int.self, forKey: .seed) ?? 1)
    }
}

/// Accuracy after retraining of one (method, multiplier) over its retraining seeds (issue 17: mean ±
/// SD where a difference is under a point). The control's values are its evaluations on `multiplier`.
/// NetSim's `init(method:multiplier:seeds:after:)` computes the mean and SD.
public struct DelaParraSeedSummary: Sendable, Codable, Equatable {
    public var method: String
    public var multiplier: String
    public var seeds: [Int]
    /// Accuracy after retraining of each seed, in `seeds` order.
    public var after: [Double]
    public var n: Int
    public var mean: Double
    /// Sample standard deviation (n − 1); nil for a single seed.
    public var sd: Double?

    public init(method: String, multiplier: String, seeds: [Int], after: [Double], n: Int, mean: Double, sd: Double?) {
        (self.method, self.multiplier, self.seeds, self.after) = (method, multiplier, seeds, after)
        (self.n, self.mean, self.sd) = (n, mean, sd)
    }
}

/// One ablation measurement: the base model quantised under a setting, evaluated with one multiplier.
public struct DelaParraAblationRow: Sendable, Codable, Equatable {
    public var setting: String
    public var multiplier: String
    public var accuracy: Double
    /// Float accuracy of the base model the setting uses.
    public var floatAccuracy: Double
    enum CodingKeys: String, CodingKey { case setting, multiplier, accuracy, floatAccuracy = "float_accuracy" }

    public init(setting: String, multiplier: String, accuracy: Double, floatAccuracy: Double) {
        (self.setting, self.multiplier, self.accuracy, self.floatAccuracy) = (setting, multiplier, accuracy, floatAccuracy)
    }
}
