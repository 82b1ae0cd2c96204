import ArgumentParser
import NetSim
import ONNX

/// `--input-mean` / `--input-std`: the input preprocessing of an ONNX `--model`, overriding the
/// model's `axmul.mean` / `axmul.std` metadata (docs/onnx.md, "Preprocessing").
struct InputNormalisationOptions: ParsableArguments {
    @Option(name: .customLong("input-mean"),
            help: "ONNX models: per-channel input mean, comma-separated, or one value for all channels (overrides axmul.mean).")
    var inputMean: String?

    @Option(name: .customLong("input-std"),
            help: "ONNX models: per-channel input std (> 0), comma-separated, or one value (overrides axmul.std).")
    var inputStd: String?

    func validate() throws { _ = try parsed() }

    /// The flags as preprocessing (nil when neither is given); a missing one is the identity (0 or 1).
    func parsed() throws -> ONNXPreprocessing? {
        guard inputMean != nil || inputStd != nil else { return nil }
        let mean = try Self.values("--input-mean", inputMean ?? "0")
        let std = try Self.values("--input-std", inputStd ?? "1")
        guard mean.count == std.count || mean.count == 1 || std.count == 1 else {
            throw ValidationError("--input-mean has \(mean.count) values and --input-std \(std.count): give one value or one per channel for each")
        }
        if let bad = std.first(where: { $0 <= 0 }) {
            throw ValidationError("--input-std '\(inputStd ?? "")' has \(bad): every std must be > 0 (it divides the input)")
        }
        let n = max(mean.count, std.count)
        return ONNXPreprocessing(mean: mean.count == n ? mean : Array(repeating: mean[0], count: n),
                                 std: std.count == n ? std : Array(repeating: std[0], count: n))
    }

    /// Refuses the flags unless every model is an ONNX file (a checkpoint keeps its own preprocessing).
    func check(models: [String]) throws {
        guard inputMean != nil || inputStd != nil else { return }
        if let other = models.first(where: { !ONNXImporter.isONNXModel($0) }) {
            throw ValidationError("--input-mean/--input-std apply to ONNX models only; --model '\(other)' is not a .onnx file")
        }
    }

    private static func values(_ flag: String, _ text: String) throws -> [Float] {
        guard let v = ONNXPreprocessing.values(text), v.allSatisfy(\.isFinite) else {
            throw ValidationError("\(flag) '\(text)' must be comma-separated finite numbers, e.g. 0.485,0.456,0.406 (or one value)")
        }
        return v
    }
}
