import NetSim

/// Everything a shard task needs to rebuild a search's evaluation: the model, the data, the library
/// (resolved, filtered specs in library order) and how the validation split and calibration are drawn;
/// and the content hashes of the model, the data and each design, which the cache keys use and each
/// task checks before it measures anything.
public struct SearchContext: Sendable, Codable, Equatable {
    /// "search" (items: a design per layer) or "sweep" (items: [model, design, method]).
    public var kind = "search"
    public var model: String
    /// FNV-1a 64 of the model file ("fnv1a64:0x…"), the cache's model key.
    public var modelHash: String
    public var data: String
    /// `LabeledData.contentHash` of the data's train and test parts as loaded (for the search: as
    /// fitted to the model), the cache's data key: the same whatever path or name holds the data.
    public var dataHash: String
    public var library: [String]
    /// Design names of `library`, in order (search), and the content hash of each one's product table.
    public var designs: [String]
    public var designHashes: [String]
    /// A sweep's model files and the FNV-1a 64 of each (a search has one, `model`).
    public var models: [String] = []
    public var modelHashes: [String] = []
    public var validationSamples: Int
    /// Seed of the validation split (and of NSGA-II).
    public var seed: UInt64
    /// The quantisation of every evaluation (calibration method and batches, weight steps, batch-norm
    /// folding), all part of the cache key.
    public var quant: QuantSpec
    /// Test on the first N test samples only (nil: all).
    public var testLimit: Int?

    public init(model: String, modelHash: String, data: String, dataHash: String = "", library: [String],
                designs: [String] = [], designHashes: [String] = [], validationSamples: Int, seed: UInt64,
                quant: QuantSpec = QuantSpec(), testLimit: Int? = nil) {
        (self.model, self.modelHash, self.data, self.dataHash, self.library) = (model, modelHash, data, dataHash, library)
        (self.designs, self.designHashes) = (designs, designHashes)
        (self.validationSamples, self.seed, self.quant, self.testLimit) = (validationSamples, seed, quant, testLimit)
    }

    /// The calibration samples every evaluation uses: the first ones of the training split (see
    /// `ValidationSplit`), which the validation split never draws.
    public var calibrationSamples: Int { quant.calibrationBatches * quant.batchSize }

    /// The split of the training data into the validation samples and the rest (calibration first).
    public func validationSplit(_ train: LabeledData) -> (rest: LabeledData, validation: LabeledData) {
        ValidationSplit.split(train, samples: validationSamples, seed: seed, reserved: calibrationSamples)
    }

    /// This search's split as a model trained without it records it (`ValidationSplit.metadataKey`).
    public var validationDescription: String {
        ValidationSplit.description(samples: validationSamples, seed: seed, reserved: calibrationSamples)
    }

    /// The quantisation options of every evaluation in this context.
    public var quantOptions: ApproxNetwork.QuantOptions { ApproxNetwork.QuantOptions(quant) }

    /// The cache's data-subset key of `split` ("validation" or "test"): everything besides the model
    /// and the assignment that an accuracy depends on. The data by content hash (never its path); the
    /// validation split's size and seed; the test limit; the calibration batches (every pass calibrates
    /// on the first training samples, `ValidationSplit`) and the quantisation options. (v3: before it,
    /// a search calibrated on samples drawn at random, so its v2 entries are not reused.)
    public func subsetKey(_ split: String) -> String {
        let source = kind == "sweep" ? "calibrated on the first training batches" : "validation \(validationSamples) seed \(seed)"
        let part = split == "test" ? "test limit \(testLimit.map(String.init) ?? "all")" : "validation"
        return "v3 data \(dataHash) \(part) \(source) calibration \(quant.calibrationBatches)x\(quant.batchSize) per-channel \(quant.perChannelWeights) \(quant.calibration.text) fold-bn \(quant.foldBatchNorm)"
    }

    /// An assignment's cache form: each design name with its table's content hash when known, so a
    /// design file that changes under the same name is measured again.
    public func keyed(_ names: [String]) -> [String] {
        guard designHashes.count == designs.count, !designs.isEmpty else { return names }
        let hash = Dictionary(zip(designs, designHashes), uniquingKeysWith: { a, _ in a })
        return names.map { n in hash[n].map { "\(n)@\($0)" } ?? n }
    }
}
