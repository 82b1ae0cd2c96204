import Records

/// The `delaparra` recipe's retraining methods and what each retrains with (the record
/// `DelaParraMethod` is in Records).
extension DelaParraMethod {
    /// behavioural, errormodel, baseline (Err ~ N(1, σ)), baseline-mean (Err ~ N(1 + m, σ), m the
    /// multiplier's mean relative error), awgn, control, and bn-stats: the statistics-only control
    /// (behavioural passes at learning rate 0, so only BatchNorm's running statistics move).
    public static let all: [DelaParraMethod] = [
        .init(name: "behavioural", method: .behavioural), .init(name: "errormodel", method: .errormodel),
        .init(name: "baseline", method: .baseline), .init(name: "baseline-mean", method: .baselineMean),
        .init(name: "awgn", method: .awgn),
        .init(name: "control", method: .behavioural, exactMultiplier: true),
        .init(name: "bn-stats", method: .behavioural, updatesWeights: false),
    ]

    public static var names: [String] { all.map(\.name) }

    /// The retraining configuration of this method under `settings`.
    func config(_ s: DelaParraSettings, quant: ApproxNetwork.QuantOptions) -> RetrainConfig {
        var c = RetrainConfig()
        (c.method, c.epochs, c.learningRate, c.batchSize, c.momentum) = (method, s.epochs, s.learningRate, s.batchSize, s.momentum)
        (c.seed, c.errorModelSamples, c.quant) = (s.seed, s.errorModelSamples, quant)
        if !updatesWeights { c.learningRate = 0 }
        return c
    }

    /// Whether retraining needs the error-model statistics (Table 6 times their construction).
    var needsStatistics: Bool { method == .errormodel || method == .awgn }
}

/// The ablation's quantisation settings and their options (the record `DelaParraQuantSetting` is in Records).
extension DelaParraQuantSetting {
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
