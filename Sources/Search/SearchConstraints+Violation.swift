import Records

extension SearchConstraints {
    /// How far (energy, accuracy) lies outside the limits, with accuracies as fractions.
    public func violation(energy: Double, accuracy: Double, exactAccuracy: Double) -> Double {
        var v = 0.0
        if let m = maxAccuracyLoss { v += max(0, 100 * (exactAccuracy - accuracy) - m) / 100 }
        if let m = maxEnergy { v += max(0, energy - m) }
        return v
    }
}
