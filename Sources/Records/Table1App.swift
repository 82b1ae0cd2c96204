/// One application of AxTrain's Table 1 (He et al., ISLPED 2018): data set, topology and the
/// aggressive/conservative NTV bit-flip rates (10%@400 mV, 1%@660 mV, 0.1%@850 mV); part of the
/// `axtrain-table1` experiment record. The six applications and their selection are NetSim's
/// (`Table1App.all`, `select`).
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
}
