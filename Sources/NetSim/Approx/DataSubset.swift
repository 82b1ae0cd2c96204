/// The calibration and test subsets of a loaded data set (`--calibration-samples`, `--limit`).
///
/// Calibration uses the first `calibrationSamples` training samples (all of them in as many
/// batches as it takes); the test part is cut to its first `limit` samples. nil keeps the default:
/// `QuantOptions.calibrationBatches` batches, the whole test part.
public struct DataSubset: Sendable, Equatable {
    public var calibrationSamples: Int?
    public var limit: Int?

    public init(calibrationSamples: Int? = nil, limit: Int? = nil) {
        (self.calibrationSamples, self.limit) = (calibrationSamples, limit)
    }

    /// The test part cut to `limit` samples.
    public func test(_ test: LabeledData) -> LabeledData {
        test.prefix(limit)
    }

    /// The calibration samples, and `options` changed to take all of them.
    public func calibration(_ train: LabeledData, options: inout ApproxNetwork.QuantOptions) -> LabeledData {
        guard let n = calibrationSamples else { return train }
        let part = train.prefix(n)
        let bs = max(1, options.batchSize)
        options.calibrationBatches = max(1, (part.count + bs - 1) / bs)
        return part
    }
}
