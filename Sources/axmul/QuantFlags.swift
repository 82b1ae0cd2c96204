import ArgumentParser
import NetSim

/// The quantisation knobs shared by `evaluate`, `retrain`, `errormodel`, `crosseval`, `export-onnx`,
/// `search` and `sweep`: activation calibration, weight steps and batch-norm folding. A flag left out
/// takes the library default (`ApproxNetwork.QuantOptions`: BN folded, percentile 99.99, per-tensor
/// weight steps), so changing a default is one line there.
struct QuantFlags: ParsableArguments {
    @Flag(name: .customLong("per-channel"), help: "Same as --weight-steps per-channel.")
    var perChannel = false

    @Option(name: .customLong("weight-steps"), help: "Weight quantisation steps: per-tensor (default) or per-channel (one Δw per output channel).")
    var weightSteps: String?

    @Option(help: "Activation calibration: percentile (P = 99.99, the default), percentile:P (e.g. percentile:99.9) or max-abs (or maxabs).")
    var calibration: String?

    @Flag(name: .customLong("fold-bn"), inversion: .prefixedNo,
          help: "Fold each BatchNorm into the Conv2D/Dense before it (weights and bias) before quantisation, as an 8-bit accelerator does (default); --no-fold-bn keeps batch norm in float.")
    var foldBN: Bool?

    func validate() throws { _ = try apply(to: ApproxNetwork.QuantOptions()) }

    /// `options` with the given flags applied.
    func apply(to options: ApproxNetwork.QuantOptions) throws -> ApproxNetwork.QuantOptions {
        var o = options
        if let calibration {
            guard let method = Calibrator.Method(text: calibration) else {
                throw ValidationError("--calibration '\(calibration)' must be max-abs, percentile or percentile:P with 0 < P ≤ 100")
            }
            o.calibration = method
        }
        switch weightSteps {
        case nil: if perChannel { o.perChannelWeights = true }
        case "per-tensor"?, "per-channel"?:
            if perChannel && weightSteps == "per-tensor" {
                throw ValidationError("--per-channel contradicts --weight-steps per-tensor: give one of them")
            }
            o.perChannelWeights = weightSteps == "per-channel"
        case let other?:
            throw ValidationError("--weight-steps '\(other)' must be per-tensor or per-channel")
        }
        if let foldBN { o.foldBatchNorm = foldBN }
        return o
    }

    /// The flags and `--calibration-batches` as one `QuantSpec`.
    func spec(calibrationBatches: Int) throws -> QuantSpec {
        var o = try apply(to: ApproxNetwork.QuantOptions())
        o.calibrationBatches = calibrationBatches
        return o.spec
    }
}
