import NetSim

/// Everything a shard task needs to rebuild a search's evaluation: the model, the data, the library
/// (resolved, filtered specs in library order) and how the validation split and calibration are drawn.
public struct SearchContext: Sendable, Codable, Equatable {
    /// "search" (items: a design per layer) or "sweep" (items: [model, design, method]).
    public var kind = "search"
    public var model: String
    /// FNV-1a 64 of the model file ("fnv1a64:0x…"), the cache's model key.
    public var modelHash: String
    public var data: String
    public var library: [String]
    public var validationSamples: Int
    /// Seed of the validation split (and of NSGA-II).
    public var seed: UInt64
    public var calibrationBatches: Int
    public var perChannel: Bool
    /// Activation calibration (`Calibrator.Method.text`, e.g. "percentile:99.99") and batch-norm
    /// folding; with `perChannel` the quantisation options, all part of the cache key.
    public var calibration: String
    public var foldBatchNorm: Bool
    /// Test on the first N test samples only (nil: all).
    public var testLimit: Int?

    public init(model: String, modelHash: String, data: String, library: [String], validationSamples: Int, seed: UInt64,
                calibrationBatches: Int = 4, quant: ApproxNetwork.QuantOptions = .init(), testLimit: Int? = nil) {
        (self.model, self.modelHash, self.data, self.library) = (model, modelHash, data, library)
        (self.validationSamples, self.seed, self.calibrationBatches, self.testLimit) =
            (validationSamples, seed, calibrationBatches, testLimit)
        (perChannel, calibration, foldBatchNorm) = (quant.perChannelWeights, quant.calibration.text, quant.foldBatchNorm)
    }

    /// The quantisation options of every evaluation in this context.
    public var quantOptions: ApproxNetwork.QuantOptions {
        var o = ApproxNetwork.QuantOptions()
        (o.perChannelWeights, o.foldBatchNorm, o.calibrationBatches) = (perChannel, foldBatchNorm, calibrationBatches)
        o.calibration = Calibrator.Method(text: calibration) ?? o.calibration
        return o
    }

    /// The cache's data-subset key of `split` ("validation" or "test").
    public func subsetKey(_ split: String) -> String {
        let part = split == "test" ? "test limit \(testLimit.map(String.init) ?? "all")" : "validation \(validationSamples) seed \(seed)"
        return "\(data) \(part) calibration \(calibrationBatches)x64 per-channel \(perChannel) \(calibration) fold-bn \(foldBatchNorm)"
    }
}
