/// A labelled data set held in memory: `count` samples of shape `sampleShape`, row-major.
/// Tabular sets use `[features]`, images `[C, H, W]`.
public struct LabeledData: Sendable, Equatable {
    /// Shape of one sample: `[features]` or `[C, H, W]`.
    public var sampleShape: [Int]
    /// Row-major values, `count × sampleSize` of them.
    public var values: [Float]
    /// One label per sample, each in `0..<classCount`.
    public var labels: [Int32]
    /// Number of classes; labels lie in `0..<classCount`.
    public var classCount: Int

    /// A data set from row-major `values`; the caller keeps `values.count == count × sampleSize`.
    public init(sampleShape: [Int], values: [Float], labels: [Int32], classCount: Int) {
        self.sampleShape = sampleShape
        self.values = values
        self.labels = labels
        self.classCount = classCount
    }

    /// Number of samples.
    public var count: Int { labels.count }
    /// Number of values in one sample (product of `sampleShape`).
    public var sampleSize: Int { sampleShape.reduce(1, *) }

    /// The values of sample `index`.
    public func sample(_ index: Int) -> ArraySlice<Float> {
        values[(index * sampleSize)..<((index + 1) * sampleSize)]
    }

    /// The samples at `indices`, in that order (indices may repeat, e.g. for a shuffled batch).
    public func subset(_ indices: [Int]) -> LabeledData {
        let size = sampleSize
        var newValues = [Float]()
        newValues.reserveCapacity(indices.count * size)
        var newLabels = [Int32]()
        newLabels.reserveCapacity(indices.count)
        for index in indices {
            newValues.append(contentsOf: values[(index * size)..<((index + 1) * size)])
            newLabels.append(labels[index])
        }
        return LabeledData(sampleShape: sampleShape, values: newValues, labels: newLabels, classCount: classCount)
    }

    /// How many samples each class has (index = class).
    public var classCounts: [Int] {
        var counts = [Int](repeating: 0, count: classCount)
        for label in labels where Int(label) < classCount && label >= 0 { counts[Int(label)] += 1 }
        return counts
    }

    /// Splits the samples class by class, so both parts keep the class proportions: each class
    /// puts `round(n_c × testFraction)` randomly chosen samples in `test`. Same seed, same split;
    /// both parts keep the original sample order.
    public func stratifiedSplit(testFraction: Double = 0.2, seed: UInt64) -> (train: LabeledData, test: LabeledData) {
        let fraction = min(max(testFraction, 0), 1)
        var rng = DatasetRNG(seed: seed)
        var byClass = [[Int]](repeating: [], count: classCount)
        for (index, label) in labels.enumerated() where label >= 0 && Int(label) < classCount {
            byClass[Int(label)].append(index)
        }
        var isTest = [Bool](repeating: false, count: count)
        for var members in byClass {
            rng.shuffle(&members)
            let testCount = Int((Double(members.count) * fraction).rounded())
            for index in members.prefix(testCount) { isTest[index] = true }
        }
        let testIndices = (0..<count).filter { isTest[$0] }
        let trainIndices = (0..<count).filter { !isTest[$0] }
        return (subset(trainIndices), subset(testIndices))
    }

    /// The same data with every value divided by `divisor` (e.g. 255 for 8-bit pixels);
    /// division, not multiplication by 1/divisor, so 255 maps to exactly 1 and v to v/255 rounded once.
    public func scaled(dividingBy divisor: Float) -> LabeledData {
        var copy = self
        for i in copy.values.indices { copy.values[i] /= divisor }
        return copy
    }

    /// The same data with features standardised by `stats` (see `Standardiser`).
    public func standardised(using stats: Standardiser) throws -> LabeledData {
        try stats.apply(to: self)
    }
}

extension LabeledData {
    /// The first `n` samples (all of them when `n` is nil or at least `count`).
    public func prefix(_ n: Int?) -> LabeledData {
        guard let n, n < count else { return self }
        return subset(Array(0..<max(0, n)))
    }
}
