/// One paired comparison of the `delaparra` experiment (issue 29): per retraining seed, the accuracy of
/// `minuend` minus that of `subtrahend` on one multiplier, over the seeds both ran. The names are methods
/// (`behavioural`, `control`, `bn-stats`, …) or `before` (the base model without retraining); the
/// control's accuracy is its evaluation on `multiplier`. So `bn-stats − before` is what re-estimating
/// BatchNorm's statistics alone explains, `control − before` what exact retraining for the same epochs
/// explains, and `behavioural − control` the part specific to the multiplier.
public struct DelaParraPairedDifference: Sendable, Codable, Equatable {
    public var multiplier: String
    public var minuend: String
    public var subtrahend: String
    /// The seed numbers paired, and each seed's difference, in that order.
    public var seeds: [Int]
    public var differences: [Double]
    public var n: Int
    public var mean: Double
    /// Standard error of the mean difference, sample SD / √n; nil for one seed.
    public var se: Double?
    /// Paired t statistic, mean / SE; nil for one seed or a zero SE.
    public var t: Double?
    /// Whether |t| exceeds Student's two-sided 5 % critical value for n − 1 degrees of freedom.
    public var significant: Bool?

    enum CodingKeys: String, CodingKey { case multiplier, minuend, subtrahend, seeds, differences, n, mean, se, t, significant }

    public init(multiplier: String, minuend: String, subtrahend: String, seeds: [Int], differences: [Double], n: Int, mean: Double,
                se: Double?, t: Double?, significant: Bool?) {
        (self.multiplier, self.minuend, self.subtrahend, self.seeds, self.differences) = (multiplier, minuend, subtrahend, seeds, differences)
        (self.n, self.mean, self.se, self.t, self.significant) = (n, mean, se, t, significant)
    }
}
