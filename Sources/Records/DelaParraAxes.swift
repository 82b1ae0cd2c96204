/// A retraining method of the `delaparra` recipe as a named setting: the `RetrainMethod`, and
/// whether it retrains with the exact multiplier (the control) instead of the evaluated one. The
/// recipe's list of methods and each one's retraining configuration are NetSim's.
public struct DelaParraMethod: Sendable, Codable, Equatable {
    public var name: String
    public var method: RetrainMethod
    /// The control: retrain with the exact 8-bit multiplier (behavioural) and evaluate on each
    /// approximate one, so a gain of a method over it is specific to the multiplier.
    public var exactMultiplier: Bool
    /// false for the statistics-only control: the same epochs and batches as behavioural retraining
    /// with the learning rate 0, so only BatchNorm's running statistics change (re-estimated under
    /// the multiplier), never a weight.
    public var updatesWeights: Bool

    enum CodingKeys: String, CodingKey { case name, method, exactMultiplier = "exact_multiplier", updatesWeights = "updates_weights" }

    public init(name: String, method: RetrainMethod, exactMultiplier: Bool = false, updatesWeights: Bool = true) {
        (self.name, self.method, self.exactMultiplier, self.updatesWeights) = (name, method, exactMultiplier, updatesWeights)
    }

    /// Reads results written before `updates_weights` existed (absent = true).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(name: try c.decode(String.self, forKey: .name), method: try c.decode(RetrainMethod.self, forKey: .method),
                  exactMultiplier: try c.decode(Bool.self, forKey: .exactMultiplier),
                  updatesWeights: try c.decodeIfPresent(Bool.self, forKey: .updatesWeights) ?? true)
    }
}

/// One setting of the accuracy-loss ablation (issue 17 item 2): how the base model is quantised. The
/// recipe's list of settings and their quantisation options are NetSim's.
public struct DelaParraQuantSetting: Sendable, Codable, Equatable {
    public var name: String
    /// "well-trained" (the base model) or "under-trained" (its snapshot after `under_trained_epochs`).
    public var base: String
    /// "max-abs" or "percentile" (at `DelaParraSettings.percentile`).
    public var calibration: String
    public var perChannelWeights: Bool
    /// Batch norm folded into the conv/dense weights and bias before quantisation (`BatchNormFolding`).
    public var foldBatchNorm: Bool

    enum CodingKeys: String, CodingKey { case name, base, calibration, perChannelWeights = "per_channel_weights", foldBatchNorm = "fold_batch_norm" }

    public init(name: String, base: String = "well-trained", calibration: String = "max-abs", perChannelWeights: Bool = false,
                foldBatchNorm: Bool = false) {
        (self.name, self.base, self.calibration, self.perChannelWeights) = (name, base, calibration, perChannelWeights)
        self.foldBatchNorm = foldBatchNorm
    }

    /// Reads results written before `fold_batch_norm` existed (absent = not folded).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(name: try c.decode(String.self, forKey: .name), base: try c.decode(String.self, forKey: .base),
                  calibration: try c.decode(String.self, forKey: .calibration),
                  perChannelWeights: try c.decode(Bool.self, forKey: .perChannelWeights),
                  foldBatchNorm: try c.decodeIfPresent(Bool.self, forKey: .foldBatchNorm) ?? false)
    }
}
