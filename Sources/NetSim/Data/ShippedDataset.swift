/// The small datasets shipped in the repository's `datasets/` folder, and how each is prepared.
public struct ShippedDataset: Sendable, Equatable {
    /// How raw CSV features become network inputs.
    public enum Preparation: Sendable, Equatable {
        /// Per-feature standardisation fitted on the training part.
        case standardise
        /// Pixels divided by `maximum`, reshaped to `shape`.
        case image(maximum: Float, shape: [Int])
    }

    /// The name accepted by `DatasetLoader.load`.
    public var name: String
    /// The file name inside the datasets folder.
    public var file: String
    /// How features become network inputs.
    public var preparation: Preparation
    /// Samples, features per sample and classes, as documented in datasets/SOURCES.md.
    public var rows: Int
    public var features: Int
    public var classes: Int

    /// Every shipped set (Fashion-MNIST is not shipped: it comes from a Debian package).
    public static let all: [ShippedDataset] = [
        .init(name: "breast_cancer_wdbc", file: "breast_cancer_wdbc.csv", preparation: .standardise, rows: 569, features: 30, classes: 2),
        .init(name: "ionosphere", file: "ionosphere.csv", preparation: .standardise, rows: 351, features: 34, classes: 2),
        .init(name: "satimage", file: "satimage.csv", preparation: .standardise, rows: 6435, features: 36, classes: 6),
        .init(name: "segment", file: "segment.csv", preparation: .standardise, rows: 2310, features: 19, classes: 7),
        .init(name: "digits_8x8", file: "digits_8x8.csv", preparation: .image(maximum: 16, shape: [1, 8, 8]), rows: 1797, features: 64, classes: 10),
        .init(name: "optdigits_8x8", file: "optdigits_8x8.csv", preparation: .image(maximum: 16, shape: [1, 8, 8]), rows: 5620, features: 64, classes: 10),
        .init(name: "mnist_5k", file: "mnist_5k.csv.gz", preparation: .image(maximum: 255, shape: [1, 28, 28]), rows: 5000, features: 784, classes: 10),
    ]

    /// The shipped set called `name` (a trailing `.csv` or `.csv.gz` is ignored).
    public static func named(_ name: String) -> ShippedDataset? {
        all.first { $0.name == name || $0.file == name || $0.name + ".csv" == name }
    }
}
