/// The search's soft constraints, as Deb's constraint violation (0 = feasible). The distinct-multiplier
/// limit is hard: `SearchSpace.repair` enforces it on every genome.
public struct SearchConstraints: Sendable, Codable, Equatable {
    /// Largest accuracy loss against the exact 8-bit validation accuracy, in percentage points.
    public var maxAccuracyLoss: Double?
    /// Largest multiplier energy relative to exact.
    public var maxEnergy: Double?

    public init(maxAccuracyLoss: Double? = nil, maxEnergy: Double? = nil) {
        (self.maxAccuracyLoss, self.maxEnergy) = (maxAccuracyLoss, maxEnergy)
    }

    /// How far (energy, accuracy) lies outside the limits, with accuracies as fractions.
    public func violation(energy: Double, accuracy: Double, exactAccuracy: Double) -> Double {
        var v = 0.0
        if let m = maxAccuracyLoss { v += max(0, 100 * (exactAccuracy - accuracy) - m) / 100 }
        if let m = maxEnergy { v += max(0, energy - m) }
        return v
    }
}
