/// Everything the `hammad` experiment produced (Hammad & El-Sankary, Tables II–III): `experiment.json`,
/// made by NetSim's `HammadRecipe` and drawn by the report's figures.
public struct HammadResult: Record, Sendable, Codable, Equatable {
    public static let schema = RecordSchema("experiment-hammad", version: 1)

    public var recipe = "hammad"
    public var settings: HammadSettings
    public var baselineAccuracy: Double
    public var baselineSeconds: Double
    public var rows: [HammadRow]
    public var paper: HammadPaper
    public var seconds: Double
    public var trainSamples: Int
    public var testSamples: Int
    /// The exact baseline of every training seed that ran (seed 1's is `baselineAccuracy`); absent in results
    /// written before seeds existed.
    public var baselines: [HammadBaseline]?
    enum CodingKeys: String, CodingKey {
        case recipe, settings, baselineAccuracy = "baseline_accuracy", baselineSeconds = "baseline_seconds", rows, paper, seconds
        case trainSamples = "train_samples", testSamples = "test_samples", baselines
    }

    /// The rows of seed number `seed` (Tables II and III are drawn from seed 1's; the CSVs add every seed's mean).
    public func rows(seed: Int) -> [HammadRow] { rows.filter { $0.seed == seed } }

    /// The exact baseline accuracy of seed number `seed`.
    public func baseline(seed: Int) -> Double? {
        seed == 1 ? baselineAccuracy : baselines?.first { $0.seed == seed }?.accuracy
    }

    public init(recipe: String = "hammad", settings: HammadSettings, baselineAccuracy: Double, baselineSeconds: Double, rows: [HammadRow],
                paper: HammadPaper, seconds: Double, trainSamples: Int, testSamples: Int) {
        (self.recipe, self.settings, self.baselineAccuracy, self.baselineSeconds, self.rows) = (recipe, settings, baselineAccuracy, baselineSeconds, rows)
        (self.paper, self.seconds, self.trainSamples, self.testSamples) = (paper, seconds, trainSamples, testSamples)
    }
}

/// One row of the `hammad` recipe: a Table II error setting (label "1"…"8") or a real multiplier,
/// trained from scratch with every epoch approximate (Table II) and, when searched, its hybrid
/// schedule (Table III).
public struct HammadRow: Sendable, Codable, Equatable {
    /// "ID" for Table II settings; nil for a real multiplier.
    public var id: Int?
    public var searched: Bool
    public var sweep: HybridSweepEntry
    public var seconds: Double
    /// Training seed number k (1…`--seeds`): initial weights, shuffling and error draws from settings seed + k − 1.
    public var seed: Int

    enum CodingKeys: String, CodingKey { case id, searched, sweep, seconds, seed }

    public init(id: Int?, searched: Bool, sweep: HybridSweepEntry, seconds: Double, seed: Int = 1) {
        (self.id, self.searched, self.sweep, self.seconds, self.seed) = (id, searched, sweep, seconds, seed)
    }

    /// Reads rows written before seeds existed (absent = seed 1).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(id: try c.decodeIfPresent(Int.self, forKey: .id), searched: try c.decode(Bool.self, forKey: .searched),
                  sweep: try c.decode(HybridSweepEntry.self, forKey: .sweep), seconds: try c.decode(Double.self, forKey: .seconds),
                  seed: try c.decodeIfPresent(Int.self, forKey: .seed) ?? 1)
    }
}

/// The exact baseline of one training seed of the `hammad` recipe.
public struct HammadBaseline: Sendable, Codable, Equatable {
    public var seed: Int
    public var accuracy: Double
    public var seconds: Double
    public init(seed: Int, accuracy: Double, seconds: Double) { (self.seed, self.accuracy, self.seconds) = (seed, accuracy, seconds) }
}
