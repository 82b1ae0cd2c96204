/// One application of AxTrain's Table 1 (He et al., ISLPED 2018): data set, topology and the
/// aggressive/conservative NTV bit-flip rates (10%@400 mV, 1%@660 mV, 0.1%@850 mV).
public struct Table1App: Sendable, Codable, Equatable {
    /// Short name used by `--apps`, in file names and in the CSVs, e.g. "mnist_mlp".
    public var name: String
    /// Shipped data set (`DatasetLoader.load`).
    public var dataset: String
    /// Zoo model: "mlp" or "lenet5".
    public var model: String
    /// MLP hidden widths (ignored by LeNet-5).
    public var hidden: [Int]
    /// Paper's topology text, for tables.
    public var topology: String
    public var aggressiveFlipRate: Double
    public var conservativeFlipRate: Double

    enum CodingKeys: String, CodingKey {
        case name, dataset, model, hidden, topology
        case aggressiveFlipRate = "aggressive_flip_rate", conservativeFlipRate = "conservative_flip_rate"
    }

    public init(name: String, dataset: String, model: String, hidden: [Int], topology: String,
                aggressiveFlipRate: Double, conservativeFlipRate: Double) {
        (self.name, self.dataset, self.model, self.hidden, self.topology) = (name, dataset, model, hidden, topology)
        (self.aggressiveFlipRate, self.conservativeFlipRate) = (aggressiveFlipRate, conservativeFlipRate)
    }

    /// The NTV levels in Fig. 7's order: (label, flip rate).
    public var ntvLevels: [(level: String, flipRate: Double)] {
        [("Agg", aggressiveFlipRate), ("Con", conservativeFlipRate)]
    }

    /// Whether the model is convolutional (gets `Table1Settings.cnnActEpochs`).
    public var isCNN: Bool { model != "mlp" }

    /// Table 1's six applications. satimage has 6 classes in the shipped data (UCI class 6 is
    /// empty), so its output layer is 6 wide, not the paper's 7.
    public static let all: [Table1App] = [
        .init(name: "breast_cancer", dataset: "breast_cancer_wdbc", model: "mlp", hidden: [64, 64],
              topology: "30-64-64-2", aggressiveFlipRate: 0.1, conservativeFlipRate: 0.01),
        .init(name: "segment", dataset: "segment", model: "mlp", hidden: [64, 64],
              topology: "19-64-64-7", aggressiveFlipRate: 0.01, conservativeFlipRate: 0.001),
        .init(name: "ionosphere", dataset: "ionosphere", model: "mlp", hidden: [50, 50],
              topology: "34-50-50-2", aggressiveFlipRate: 0.01, conservativeFlipRate: 0.001),
        .init(name: "satimage", dataset: "satimage", model: "mlp", hidden: [64, 64],
              topology: "36-64-64-6", aggressiveFlipRate: 0.01, conservativeFlipRate: 0.001),
        .init(name: "mnist_mlp", dataset: "mnist_5k", model: "mlp", hidden: [128, 128],
              topology: "784-128-128-10", aggressiveFlipRate: 0.01, conservativeFlipRate: 0.001),
        .init(name: "mnist_cnn", dataset: "mnist_5k", model: "lenet5", hidden: [],
              topology: "LeNet-5", aggressiveFlipRate: 0.01, conservativeFlipRate: 0.001),
    ]

    /// Every app name, for help texts and errors.
    public static var names: [String] { all.map(\.name) }

    /// The apps named in `names` (in Table 1 order); throws for an unknown name.
    public static func select(_ names: [String]) throws -> [Table1App] {
        for n in names where !Self.names.contains(n) {
            throw ModelError.invalidArgument(what: "application", value: n,
                                             rule: "use one of \(Self.names.joined(separator: ", "))")
        }
        return all.filter { names.contains($0.name) }
    }
}
