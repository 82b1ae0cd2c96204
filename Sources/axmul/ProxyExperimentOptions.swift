import ArgumentParser
import NetSim

/// Options of the `delaparra` and `hammad` recipes of `axmul experiment` (CPU-proxy
/// reproductions of a paper's tables): data, model, the axes' lists, training lengths and caps.
struct ProxyExperimentOptions: ParsableArguments {
    @Option(help: "delaparra/hammad: data set name or path (default fashion-mnist; a CIFAR-10 folder works).") var data: String?
    @Option(help: "delaparra/hammad: zoo model (default resnet8 / vgg-small).") var model: String?
    @Option(help: "delaparra/hammad: comma-separated multipliers (default: the paper's).") var multipliers: String?
    @Option(help: "delaparra: comma-separated methods (behavioural, errormodel, baseline, baseline-mean, awgn, control, bn-stats).") var methods: String?
    @Option(help: "delaparra: retraining epochs (5); hammad: training epochs.") var epochs: Int?
    @Option(help: "delaparra: retraining lr (1e-4); hammad: training lr.") var lr: Float?
    @Option(help: "delaparra/hammad: batch size.") var batch: Int?
    @Option(name: .customLong("base-epochs"), help: "delaparra: float training epochs of the base model.") var baseEpochs: Int?
    @Option(name: .customLong("base-lr"), help: "delaparra: learning rate of the base model's training.") var baseLR: Float?
    @Option(name: .customLong("base"), help: "delaparra: a trained float checkpoint of --model to start from instead of training the base model (the ablation then skips its under-trained setting).") var base: String?
    @Option(help: "delaparra/hammad: training images used (evenly spaced; default all).") var limit: Int?
    @Option(name: .customLong("test-limit"), help: "delaparra/hammad: test images used (evenly spaced; default all).") var testLimit: Int?
    @Option(help: "hammad: Table II test IDs (1-8), comma-separated.") var errors: String?
    @Option(name: .customLong("hybrid-ids"), help: "hammad: the IDs whose hybrid schedule is searched (Table III; default 1-6).") var hybridIDs: String?
    @Option(help: "hammad: spacing of the switch epochs tried.") var step: Int?
    @Option(help: "hammad: accepted accuracy drop from the exact baseline (fraction).") var tolerance: Double?
    @Flag(name: .customLong("no-ablation"), help: "delaparra: skip the quantisation ablation.") var noAblation = false

    func validate() throws {
        try FlagRules.int("--epochs", epochs, 1...FlagRules.maxEpochs)
        try FlagRules.int("--base-epochs", baseEpochs, 1...FlagRules.maxEpochs)
        if let batch { try FlagRules.batch(batch) }
        for (flag, v) in [("--limit", limit), ("--test-limit", testLimit), ("--step", step)] { try FlagRules.int(flag, v, 1...Int.max) }
        if let lr { try FlagRules.positive("--lr", lr) }
        if let baseLR { try FlagRules.positive("--base-lr", baseLR) }
        if let model { try FlagRules.model(model) }
        if let tolerance, !(tolerance >= 0 && tolerance < 1) { throw ValidationError("--tolerance must be in [0, 1), got \(tolerance)") }
        for (flag, text) in [("--errors", errors), ("--hybrid-ids", hybridIDs)] {
            for id in Self.list(text) where Int(id).map({ !(1...8).contains($0) }) ?? true {
                throw ValidationError("\(flag) takes Table II test IDs 1-8, got '\(id)'")
            }
        }
    }

    /// `settings` with the flags both recipes share (data, model, epochs, lr, batch, limits) applied.
    func applyCommon<S: ProxyExperimentSettings>(to settings: S) -> S {
        var s = settings
        if let v = data { s.data = v }
        if let v = model { s.model = v }
        if let v = epochs { s.epochs = v }
        if let v = lr { s.learningRate = v }
        if let v = batch { s.batchSize = v }
        if let v = limit { s.maxTrainSamples = v }
        if let v = testLimit { s.maxTestSamples = v }
        return s
    }

    /// Comma-separated items, trimmed, empty ones dropped; [] for nil.
    static func list(_ text: String?) -> [String] {
        text?.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } ?? []
    }
}
