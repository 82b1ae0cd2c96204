/// Everything the `axtrain-table1` experiment produced (He et al., ISLPED 2018): `experiment.json`,
/// made by NetSim's `Table1Recipe` and drawn by the report's figures.
public struct Table1Result: Record, Sendable, Codable, Equatable {
    public static let schema = RecordSchema("experiment-axtrain-table1", version: 1)

    public var recipe = "axtrain-table1"
    public var settings: Table1Settings
    public var apps: [Table1App]
    /// The accurate multiplier first, then K1…K4.
    public var multipliers: [Table1Multiplier]
    /// Which quantity `normalised_error` normalises, in words.
    public var normalisation: String
    public var fig6: [Fig6Row]
    public var fig7: [Fig7Row]
    public var networks: [Table1Network]
    public var sensitivityMaps: [Table1SensitivityMap]
    public var seconds: Double

    enum CodingKeys: String, CodingKey {
        case recipe, settings, apps, multipliers, normalisation, fig6, fig7, networks
        case sensitivityMaps = "sensitivity_maps", seconds
    }

    public init(recipe: String = "axtrain-table1", settings: Table1Settings, apps: [Table1App], multipliers: [Table1Multiplier],
                normalisation: String, fig6: [Fig6Row], fig7: [Fig7Row], networks: [Table1Network],
                sensitivityMaps: [Table1SensitivityMap], seconds: Double) {
        (self.recipe, self.settings, self.apps, self.multipliers, self.normalisation) = (recipe, settings, apps, multipliers, normalisation)
        (self.fig6, self.fig7, self.networks, self.sensitivityMaps, self.seconds) = (fig6, fig7, networks, sensitivityMaps, seconds)
    }

    /// The `--json` summary: the figure rows without the per-network details and maps.
    public var summary: Table1Summary {
        Table1Summary(recipe: recipe, apps: apps.map(\.name), normalisation: normalisation, fig6: fig6, fig7: fig7, seconds: seconds)
    }

    /// Text of the normalisation, shared by the JSON, the CSV readers and the docs.
    public static let normalisationText = "normalised_error = max(1, misclassified test samples of the network under this multiplier) / max(1, misclassified test samples of the BP network with the accurate multiplier exact8), per app and seed, then averaged over seeds; BP with exact8 is exactly 1"
}

/// One Fig. 6 measurement: a network (method) evaluated with one multiplier, 8-bit behavioural
/// simulation; averaged over seeds. A row of `fig6.csv`.
public struct Fig6Row: Sendable, Codable, Equatable {
    public var app: String
    /// "BP", "AxTrain-act" or "AxTrain" (act + pas fine-tuned with this multiplier).
    public var method: String
    /// Design name, e.g. "exact8" (the accurate multiplier) or "drum8-k1".
    public var multiplier: String
    public var accuracy: Double
    public var errorRate: Double
    /// Mean cross-entropy (nats) on the test set.
    public var loss: Double
    /// max(1, wrong) / max(1, wrong of BP with the accurate multiplier), per seed, then averaged.
    public var normalisedError: Double

    enum CodingKeys: String, CodingKey {
        case app, method, multiplier, accuracy, errorRate = "error_rate", loss, normalisedError = "normalised_error"
    }

    public init(app: String, method: String, multiplier: String, accuracy: Double, errorRate: Double,
                loss: Double, normalisedError: Double) {
        (self.app, self.method, self.multiplier, self.accuracy) = (app, method, multiplier, accuracy)
        (self.errorRate, self.loss, self.normalisedError) = (errorRate, loss, normalisedError)
    }
}

/// One Fig. 7 measurement: test accuracy under NTV weight storage over `runs` fresh bit-flip
/// draws (pooled over seeds). A row of `fig7.csv`.
public struct Fig7Row: Sendable, Codable, Equatable {
    public var app: String
    public var method: String
    /// "Agg" or "Con" (Table 1), or "p=<rate>" for an overridden rate.
    public var level: String
    public var flipRate: Double
    public var accuracyMean: Double
    /// Sample standard deviation (n − 1) over the runs; 0 for one run.
    public var accuracySD: Double
    public var runs: Int

    enum CodingKeys: String, CodingKey {
        case app, method, level, flipRate = "flip_rate", accuracyMean = "accuracy_mean", accuracySD = "accuracy_sd", runs
    }

    public init(app: String, method: String, level: String, flipRate: Double, accuracyMean: Double, accuracySD: Double, runs: Int) {
        (self.app, self.method, self.level, self.flipRate) = (app, method, level, flipRate)
        (self.accuracyMean, self.accuracySD, self.runs) = (accuracyMean, accuracySD, runs)
    }
}

/// What one trained network is and how training ended (one per app, seed and method/hardware).
public struct Table1Network: Sendable, Codable, Equatable {
    public var app: String
    public var seed: UInt64
    public var method: String
    /// The pas hardware: a multiplier name or "ntv-<rate>"; nil for BP and AxTrain-act.
    public var hardware: String?
    public var epochs: Int
    /// γ after the last act epoch, relative to S of the BP network (nil for BP and pas fine-tunes).
    public var finalGamma: Double?
    /// S(w) on up to 256 test samples (eq. 5).
    public var sensitivity: Double
    /// Float (unquantised) test accuracy.
    public var floatAccuracy: Double
    /// pas with `pas_keep_best`: the epoch whose weights were kept (0 = the act network unchanged).
    public var keptEpoch: Int?
    /// JSONL training log, relative to the results folder.
    public var log: String
    public var seconds: Double

    enum CodingKeys: String, CodingKey {
        case app, seed, method, hardware, epochs, finalGamma = "final_gamma", sensitivity
        case floatAccuracy = "float_accuracy", keptEpoch = "kept_epoch", log, seconds
    }

    public init(app: String, seed: UInt64, method: String, hardware: String?, epochs: Int, finalGamma: Double?, sensitivity: Double,
                floatAccuracy: Double, keptEpoch: Int?, log: String, seconds: Double) {
        (self.app, self.seed, self.method, self.hardware, self.epochs, self.finalGamma) = (app, seed, method, hardware, epochs, finalGamma)
        (self.sensitivity, self.floatAccuracy, self.keptEpoch, self.log, self.seconds) = (sensitivity, floatAccuracy, keptEpoch, log, seconds)
    }
}

/// Per-weight sensitivity of the last layer for Fig. 4, one map per method.
public struct Table1SensitivityMap: Sendable, Codable, Equatable {
    public var app: String
    /// "BP", "AxTrain-act" or "AxTrain-pas (<multiplier>)".
    public var method: String
    public var map: SensitivityMap

    public init(app: String, method: String, map: SensitivityMap) { (self.app, self.method, self.map) = (app, method, map) }
}

/// A multiplier of Fig. 6 with its paper label ("accurate", "K1" … "K4").
public struct Table1Multiplier: Sendable, Codable, Equatable {
    public var label: String
    public var design: String
    public init(label: String, design: String) { (self.label, self.design) = (label, design) }
}

/// The short result `axmul experiment axtrain-table1 --json` prints.
public struct Table1Summary: Sendable, Codable, Equatable {
    public var recipe: String
    public var apps: [String]
    public var normalisation: String
    public var fig6: [Fig6Row]
    public var fig7: [Fig7Row]
    public var seconds: Double

    public init(recipe: String, apps: [String], normalisation: String, fig6: [Fig6Row], fig7: [Fig7Row], seconds: Double) {
        (self.recipe, self.apps, self.normalisation, self.fig6, self.fig7, self.seconds) = (recipe, apps, normalisation, fig6, fig7, seconds)
    }
}
