import Foundation
import Testing
@testable import NetSim

/// The quantisation defaults (BN folded, percentile 99.99, per-tensor; docs/approx.md "Defaults")
/// end to end, and `retrain --resume` of a folded run, which the folding default makes the usual case.
@Suite(.serialized) struct QuantDefaultsCLITests {
    static let data = "digits_8x8"

    /// A ResNet-8 (batch norms after every conv) trained for one epoch.
    static func parent(in folder: URL) throws -> URL {
        let url = folder.appendingPathComponent("resnet8.safetensors")
        _ = try runAxmulOK(["train", "--model", "resnet8", "--data", data, "--epochs", "1", "--threads", "1",
                            "--seed", "5", "--batch", "32", "-o", url.path])
        return url
    }

    /// `evaluate` without flags prints what `--calibration percentile --fold-bn --weight-steps per-tensor`
    /// prints, and not what the old defaults (`--calibration max-abs --no-fold-bn`) print.
    @Test func evaluateWithoutFlagsIsFoldedPercentilePerTensor() throws {
        let folder = try KillResumeTests.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let parent = try Self.parent(in: folder)
        var differs = false
        for multiplier in ["smapprox8x8-2222", "smapprox8x8-3330"] {
            let base = ["evaluate", "--model", parent.path, "--data", Self.data, "--multiplier", multiplier,
                        "--calibration-samples", "64", "--limit", "200", "--json"]
            let plain = try runAxmulOK(base)
            let deployment = try runAxmulOK(base + ["--calibration", "percentile", "--fold-bn", "--weight-steps", "per-tensor"])
            let old = try runAxmulOK(base + ["--calibration", "max-abs", "--no-fold-bn"])
            #expect(plain == deployment, "\(multiplier): defaults \(plain) vs explicit \(deployment)")
            differs = differs || plain != old
        }
        #expect(differs, "the old defaults (max-abs, unfolded) should give other accuracies on this ResNet-8")
    }

    /// A folded retrain stopped after epoch 1 and resumed ends with the same checkpoint (weights,
    /// optimiser state, Δx) and the same reported accuracy as an uninterrupted run; resuming with
    /// other quantisation flags is refused.
    @Test func foldedRetrainResumedAfterEpochOneEqualsUninterrupted() throws {
        let folder = try KillResumeTests.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let parent = try Self.parent(in: folder)
        func args(_ epochs: Int, _ out: URL) -> [String] {
            ["retrain", "--model", parent.path, "--data", Self.data, "--multiplier", "smapprox8x8-2222", "--method", "behavioural",
             "--epochs", "\(epochs)", "--batch", "32", "--lr", "0.01", "--train-limit", "256", "--limit", "100",
             "--calibration-samples", "64", "-o", out.path, "--json"]
        }
        let straight = folder.appendingPathComponent("straight.safetensors"), split = folder.appendingPathComponent("split.safetensors")
        let reference = try RetrainResumeTests.json(try runAxmulOK(args(2, straight)))
        _ = try runAxmulOK(args(1, split))
        let tensors = try SafeTensors.read(from: split).tensors
        #expect(tensors.keys.contains("optimizer.state.folded.first.stem.conv.weight"), "\(tensors.keys.sorted())")
        #expect(!tensors.keys.contains("optimizer.first.stem.conv.weight"), "unfolded moments would not match the folded parameters")

        let refused = runAxmul(args(2, split) + ["--resume", "--calibration", "max-abs"])
        #expect(refused.status == 1 && refused.stderr.contains("--calibration percentile:99.99 --fold-bn"), "\(refused.stderr)")

        let resumed = try RetrainResumeTests.json(try runAxmulOK(args(2, split) + ["--resume"]))
        #expect(try Data(contentsOf: split) == Data(contentsOf: straight), "checkpoints differ")
        for key in ["approx_accuracy_before", "approx_accuracy_after"] {
            #expect(resumed[key] as? Double == reference[key] as? Double, "\(key): resumed \(resumed), straight \(reference)")
        }
        let q = try #require(try TrainCheckpoint.load(from: split).info.quantisation)
        #expect(q.foldBatchNorm && q.calibration == .percentile(99.99) && !q.perChannelWeights)
    }
}
