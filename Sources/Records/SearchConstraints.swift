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
}
