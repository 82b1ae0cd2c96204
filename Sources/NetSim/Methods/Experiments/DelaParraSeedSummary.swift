import Records

extension DelaParraSeedSummary {
    /// The summary of the accuracies `after` of `seeds`: their mean, and the sample SD (n − 1) when
    /// more than one seed ran.
    public init(method: String, multiplier: String, seeds: [Int], after: [Double]) {
        let (m, s) = Table1Measurements.meanSD(after)
        self.init(method: method, multiplier: multiplier, seeds: seeds, after: after, n: after.count, mean: m, sd: after.count > 1 ? s : nil)
    }
}
