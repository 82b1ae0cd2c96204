/// Per-feature standardisation `(x - mean) / std`, fitted on the training part and applied to
/// both parts. Features with (near) zero variance are only centred, never divided by zero.
public struct Standardiser: Sendable, Codable, Equatable {
    /// Per-feature mean of the fitted data.
    public var means: [Float]
    /// Per-feature standard deviation (1 where the variance is zero).
    public var stds: [Float]

    /// Standard deviations below this are treated as zero variance (scale 1).
    public static let minimumStd: Float = 1e-8

    /// Statistics saved earlier (e.g. in a checkpoint).
    public init(means: [Float], stds: [Float]) {
        self.means = means
        self.stds = stds
    }

    /// Fits mean and (population) standard deviation of each feature of `data`, two-pass in Double.
    public init(fitting data: LabeledData) {
        let size = data.sampleSize
        let n = Double(max(data.count, 1))
        var sum = [Double](repeating: 0, count: size)
        for row in 0..<data.count {
            for j in 0..<size { sum[j] += Double(data.values[row * size + j]) }
        }
        let mean = sum.map { $0 / n }
        var squares = [Double](repeating: 0, count: size)
        for row in 0..<data.count {
            for j in 0..<size {
                let d = Double(data.values[row * size + j]) - mean[j]
                squares[j] += d * d
            }
        }
        means = mean.map { Float($0) }
        stds = squares.map { total in
            let std = Float((total / n).squareRoot())
            return std < Standardiser.minimumStd ? 1 : std
        }
    }

    /// `data` with every feature standardised; throws if the feature count differs from the fit.
    public func apply(to data: LabeledData) throws -> LabeledData {
        let size = data.sampleSize
        guard size == means.count, size == stds.count else {
            throw DataError(.invalidArgument, file: "", "the standardiser was fitted on \(means.count) features but the data has \(size).",
                            hint: "fit the standardiser on the training part of the same data set")
        }
        var copy = data
        for row in 0..<data.count {
            let base = row * size
            for j in 0..<size {
                copy.values[base + j] = (data.values[base + j] - means[j]) / stds[j]
            }
        }
        return copy
    }
}
