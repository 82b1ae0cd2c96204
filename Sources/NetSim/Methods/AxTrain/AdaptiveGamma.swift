/// The per-epoch update of AxTrain-act's preference factor γ (He et al. §3.1.3): γ grows by Δγ
/// when the epoch's error beats the geometrically weighted history or a fixed bound, else shrinks.
public struct AdaptiveGamma: Sendable, Codable, Equatable {
    public var gamma: Double
    public var delta: Double
    /// Errors below this bound always count as good enough to push sensitivity harder.
    public var bound: Double
    /// Training errors of the epochs seen so far, oldest first.
    public var history: [Double] = []

    public init(gamma: Double, delta: Double, bound: Double) {
        self.gamma = gamma
        self.delta = delta
        self.bound = bound
    }

    /// Σ_j 0.5^j · e_{t−j}: weight 0.5 on the previous epoch, 0.25 on the one before, …;
    /// nil before the first epoch.
    public var weightedHistory: Double? {
        guard !history.isEmpty else { return nil }
        var sum = 0.0, w = 0.5
        for e in history.reversed() {
            sum += w * e
            w *= 0.5
        }
        return sum
    }

    /// Applies the rule for one finished epoch and records its error; returns +1 or −1 (the
    /// direction of the change). γ never drops below zero. In the first epoch only the bound counts.
    @discardableResult
    public mutating func update(epochError e: Double) -> Int {
        let better = (weightedHistory.map { e < $0 } ?? false) || e < bound
        gamma = better ? gamma + delta : max(0, gamma - delta)
        history.append(e)
        return better ? 1 : -1
    }
}
