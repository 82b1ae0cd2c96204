/// Float, exact 8-bit and approximate (behavioural) accuracy of one network and multiplier, with
/// the energy estimate; the `axmul evaluate --json` object.
public struct ApproxAccuracy: Sendable, Codable, Equatable {
    public var floatAccuracy: Double
    public var exact8Accuracy: Double
    public var approxAccuracy: Double
    /// Multiplier energy relative to the exact 8-bit multiplier; nil (JSON null) when unknown.
    public var energyRel: Double?
    /// The cost model `energy_rel` comes from (TableFormat's `TableCost.model`); nil with it.
    public var energyModel: String?

    enum CodingKeys: String, CodingKey {
        case floatAccuracy = "float_accuracy", exact8Accuracy = "exact8_accuracy", approxAccuracy = "approx_accuracy"
        case energyRel = "energy_rel", energyModel = "energy_model"
    }

    public init(floatAccuracy: Double, exact8Accuracy: Double, approxAccuracy: Double, energyRel: Double?, energyModel: String? = nil) {
        (self.floatAccuracy, self.exact8Accuracy, self.approxAccuracy) = (floatAccuracy, exact8Accuracy, approxAccuracy)
        (self.energyRel, self.energyModel) = (energyRel, energyModel)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(floatAccuracy, forKey: .floatAccuracy)
        try c.encode(exact8Accuracy, forKey: .exact8Accuracy)
        try c.encode(approxAccuracy, forKey: .approxAccuracy)
        try c.encode(energyRel, forKey: .energyRel)   // explicit null when unknown
        try c.encode(energyModel, forKey: .energyModel)
    }
}
