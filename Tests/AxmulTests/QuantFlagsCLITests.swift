import Foundation
import Testing
@testable import NetSim

/// The ablation flags (`--calibration`, `--weight-steps`, `--fold-bn`) and `--method baseline-mean`
/// end to end: a retrained folded checkpoint records its quantisation and `eval` reproduces it.
@Suite(.serialized) struct QuantFlagsCLITests {
    @Test func badAblationFlagsAreUsageErrors() {
        let base = ["evaluate", "--model", "m", "--data", "d", "--multiplier", "exact8"]
        for extra in [["--weight-steps", "per-row"], ["--per-channel", "--weight-steps", "per-tensor"], ["--calibration", "percentile:0"]] {
            let r = runAxmul(base + extra)
            #expect(r.status == 2 && r.stderr.contains(extra[extra.count - 2]), "\(extra): \(r.status) \(r.stderr)")
        }
        let retrain = ["retrain", "--model", "m", "--data", "d", "--multiplier", "exact8", "-o", "r.safetensors"]
        let mean = runAxmul(retrain + ["--method", "baseline", "--baseline-mean", "0.1"])
        #expect(mean.status == 2 && mean.stderr.contains("--baseline-mean"), "\(mean.stderr)")
    }

    @Test func foldedRetrainedCheckpointEvaluatesAsRetrainReported() throws {
        let folder = try KillResumeTests.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let parent = folder.appendingPathComponent("resnet8.safetensors")
        _ = try runAxmulOK(["train", "--model", "resnet8", "--data", "digits_8x8", "--epochs", "1", "--threads", "1",
                            "--seed", "5", "--batch", "32", "-o", parent.path])
        let out = folder.appendingPathComponent("r.safetensors")
        let run = try runAxmulOK(["retrain", "--model", parent.path, "--data", "digits_8x8", "--multiplier", "smapprox8x8-2222",
                                  "--method", "baseline-mean", "--epochs", "1", "--batch", "32", "--fold-bn",
                                  "--weight-steps", "per-channel", "--calibration", "percentile", "-o", out.path, "--json"])
        let report = try RetrainResumeTests.json(run)
        let after = try #require(report["approx_accuracy_after"] as? Double)
        let info = try TrainCheckpoint.load(from: out).info
        let q = try #require(info.quantisation)
        #expect(q.foldBatchNorm && q.perChannelWeights && q.calibration == .percentile(99.99))
        #expect(q.inputDeltas["stem.conv"] != nil && !q.inputDeltas.keys.contains { $0.hasSuffix(".bn") })
        let eval = try RetrainResumeTests.json(try runAxmulOK(["eval", "--model", out.path, "--json"]))
        #expect(eval["approx_accuracy"] as? Double == after, "eval \(eval), retrain after \(after)")
        // evaluate uses the stored Δx too, and says so; --recalibrate calibrates again, and says so.
        let evaluate = ["evaluate", "--model", out.path, "--data", "digits_8x8", "--multiplier", "smapprox8x8-2222", "--json"]
        let stored = try RetrainResumeTests.json(try runAxmulOK(evaluate))
        #expect(stored["approx_accuracy"] as? Double == after && stored["activation_steps"] as? String == "stored", "\(stored)")
        let again = try RetrainResumeTests.json(try runAxmulOK(evaluate + ["--recalibrate", "--fold-bn", "--weight-steps", "per-channel"]))
        #expect(again["activation_steps"] as? String == "calibrated", "\(again)")
        let refused = runAxmul(evaluate + ["--calibration", "max-abs"])
        #expect(refused.status != 0 && refused.stderr.contains("--recalibrate"), "\(refused.stderr)")
    }
}
