/// The seed paper's Table 7, `axmul crosseval --json`: every retrained model evaluated with every
/// multiplier (behavioural), plus the exact 8-bit accuracy of each model (NetSim's `CrossEvaluation.run`).
public struct CrossEvaluation: Record, Sendable, Codable, Equatable {
    public static let schema = RecordSchema("crosseval", version: 1)

    /// Row labels (model files or names).
    public var models: [String]
    /// Column labels.
    public var multipliers: [String]
    /// exact8[i]: model i with the exact 8-bit multiplier.
    public var exact8: [Double]
    /// accuracy[i][j]: model i with multiplier j.
    public var accuracy: [[Double]]

    public init(models: [String], multipliers: [String], exact8: [Double], accuracy: [[Double]]) {
        (self.models, self.multipliers, self.exact8, self.accuracy) = (models, multipliers, exact8, accuracy)
    }

    /// One row per model and one column per multiplier.
    public var isRectangular: Bool {
        accuracy.count == models.count && exact8.count == models.count && accuracy.allSatisfy { $0.count == multipliers.count }
    }
}
