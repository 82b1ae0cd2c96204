/// A retraining method of the `delaparra` recipe as a named setting: the `RetrainMethod`, and
/// whether it retrains with the exact multiplier (the control) instead of the evaluated one.
public struct DelaParraMethod: Sendable, Codable, Equatable {
    public var name: String
    public var method: RetrainMethod
    /// The control: retrain with the exact 8-bit multiplier (behavioural) and evaluate on each
    /// approximate one, so a gain of a method over it is specific to the multiplier.
    public var exactMultiplier: Bool

    enum CodingKeys: String, CodingKey { case name, method, exactMultiplier = "exact_multiplier" }

    public init(name: String, method: RetrainMethod, exactMultiplier: Bool = false) {
        (self.name, self.method, self.exactMultiplier) = (name, method, exactMultiplier)
    }

    /// behavioural, errormodel, baseline (Err ~ N(1, σ)), baseline-mean (Err ~ N(1 + m, σ), m the
    /// multiplier's mean relative error), awgn, control.
    public static let all: [DelaParraMethod] = [
        .init(name: "behavioural", method: .behavioural), .init(name: "errormodel", method: .errormodel),
        .init(name: "baseline", method: .baseline), .init(name: "baseline-mean", method: .baselineMean),
        .init(name: "awgn", method: .awgn),
        .init(name: "control", method: .behavioural, exactMultiplier: true),
    ]

    public static var names: [String] { all.map(\.name) }

    /// The retraining configuration of this method under `settings`.
    func config(_ s: DelaParraSettings, quant: ApproxNetwork.QuantOptions) -> RetrainConfig {
        var c = RetrainConfig()
        (c.method, c.epochs, c.learningRate, c.batchSize, c.momentum) = (method, s.epochs, s.learningRate, s.batchSize, s.momentum)
        (c.seed, c.errorModelSamples, c.quant) = (s.seed, s.errorModelSamples, quant)
        return c
    }

    /// Whether retraining needs the error-model statistics (Table 6 times their construction).
    var needsStatistics: Bool { method == .errormodel || method == .awgn }
}

/// One setting of the accuracy-loss ablation (issue 17 item 2): how the base model is quantised.
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

    /// "default" first: the library default when the run was committed (max-abs, batch norm in float,
    /// per-tensor; `QuantOptions.maxAbsUnfolded`), which the retraining cells use; then one axis
    /// changed at a time. The names are the committed results' keys, so "default" keeps its name
    /// although the library default is now "bn-folded+percentile".
    public static let all: [DelaParraQuantSetting] = [
        .init(name: "default"), .init(name: "percentile", calibration: "percentile"),
        .init(name: "per-channel", perChannelWeights: true),
        .init(name: "percentile+per-channel", calibration: "percentile", perChannelWeights: true),
        .init(name: "under-trained", base: "under-trained"),
        .init(name: "bn-folded", foldBatchNorm: true),
        .init(name: "bn-folded+percentile", calibration: "percentile", foldBatchNorm: true),
        .init(name: "bn-folded+percentile+per-channel", calibration: "percentile", perChannelWeights: true, foldBatchNorm: true),
    ]

    /// The quantisation options of this setting.
    func options(_ s: DelaParraSettings) -> ApproxNetwork.QuantOptions {
        var q = ApproxNetwork.QuantOptions()
        q.perChannelWeights = perChannelWeights
        q.foldBatchNorm = foldBatchNorm
        q.calibration = calibration == "percentile" ? .percentile(s.percentile) : .maxAbs
        return q
    }
}
