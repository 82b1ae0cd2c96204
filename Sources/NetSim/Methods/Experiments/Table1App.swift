import Records

/// Table 1's applications and their NTV levels (the record `Table1App` is in Records).
extension Table1App {
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
