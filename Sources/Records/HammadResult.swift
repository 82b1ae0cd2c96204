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
    enum CodingKeys: String, CodingKey {
        case recipe, settings, baselineAccuracy = "baseline_accuracy", baselineSeconds = "baseline_seconds", rows, paper, seconds
        case trainSamples = "train_samples", testSamples = "test_samples"
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

    public init(id: Int?, searched: Bool, sweep: HybridSweepEntry, seconds: Double) {
        (self.id, self.searched, self.sweep, self.seconds) = (id, searched, sweep, seconds)
    }
}
