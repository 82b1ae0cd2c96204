import Foundation
import Testing
@testable import NetSim

/// `axmul train` numerical guards and `--max-grad-norm` end to end.
@Suite struct TrainGuardCLITests {
    static let base = ["train", "--model", "mlp", "--data", "breast_cancer_wdbc", "--hidden", "16", "--threads", "1", "--seed", "7"]

    /// exp:1e20 keeps epoch 1 at lr 0.01 (finite) and makes epoch 2's lr 1e18, which overflows the
    /// forward pass within a few batches: exit 1, a message naming layer and step, checkpoint of epoch 1 kept.
    @Test func divergingRunStopsAndKeepsLastGoodCheckpoint() throws {
        let folder = try KillResumeTests.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("bad.safetensors")
        let run = runAxmul(Self.base + ["--epochs", "3", "--lr", "0.01", "--schedule", "exp:1e20", "-o", out.path])
        #expect(run.status == 1)
        let lines = run.stderr.split(separator: "\n").map(String.init)
        let first = try #require(lines.first)
        #expect(first.hasPrefix("error: "))
        #expect(first.range(of: #"(NaN|[+-]Inf) in the .* of layer \d+ \((dense|relu) '\w+'\) at epoch 2, batch \d+ of 15"#,
                            options: .regularExpression) != nil, "\(first)")
        #expect(first.hasSuffix("the last good state (epoch 1) is kept in \(out.path)"), "\(first)")
        #expect(lines.dropFirst().first?.hasPrefix("hint: ") == true)
        let kept = try TrainCheckpoint.load(from: out)
        #expect(kept.trainer.epoch == 1)
        #expect(kept.trainer.network.namedParameters.allSatisfy { $0.value.data.allSatisfy(\.isFinite) })
        #expect(try TrainingLog.records(at: URL(fileURLWithPath: out.path + ".log.jsonl")).map(\.epoch) == [1])
    }

    /// The clip is recorded in the checkpoint; `--resume` keeps it unless the flag is given again.
    @Test func maxGradNormIsCheckpointedAndKeptOnResume() throws {
        let folder = try KillResumeTests.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("clip.safetensors")
        #expect(runAxmul(Self.base + ["--epochs", "1", "--max-grad-norm", "0.5", "-o", out.path]).status == 0)
        #expect(try TrainCheckpoint.load(from: out).trainer.config.maxGradNorm == 0.5)
        #expect(runAxmul(Self.base + ["--epochs", "2", "--resume", "-o", out.path]).status == 0)
        #expect(try TrainCheckpoint.load(from: out).trainer.config.maxGradNorm == 0.5)
        #expect(runAxmul(Self.base + ["--epochs", "3", "--resume", "--max-grad-norm", "2", "-o", out.path]).status == 0)
        let last = try TrainCheckpoint.load(from: out).trainer
        #expect(last.config.maxGradNorm == 2 && last.epoch == 3)
        #expect(runAxmul(Self.base + ["--epochs", "1", "--max-grad-norm", "0", "-o", out.path]).status == 2)
    }

    /// The guard lives in the one training loop: retrain, hybrid and axtrain stop with exit 1 and
    /// the same message and hint when the weights turn non-finite (a rate of 3e38, the largest finite
    /// Float order that `validate()` accepts, overflows the weights or the next forward pass at once).
    @Test func everyTrainingCommandStopsOnNonFiniteWeights() throws {
        let folder = try KillResumeTests.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let parent = folder.appendingPathComponent("p.safetensors")
        #expect(runAxmul(Self.base + ["--epochs", "1", "-o", parent.path]).status == 0)
        let runs = [
            ["retrain", "--model", parent.path, "--data", "breast_cancer_wdbc", "--multiplier", "exact8", "--method", "behavioural",
             "--epochs", "1", "--lr", "3e38", "-o", folder.appendingPathComponent("r.safetensors").path],
            ["hybrid", "--data", "breast_cancer_wdbc", "--hidden", "16", "--epochs", "2", "--switch-epoch", "1", "--lr", "3e38",
             "-o", folder.appendingPathComponent("h").path],
            ["axtrain", "--data", "breast_cancer_wdbc", "--hidden", "16", "--act-epochs", "1", "--pas-epochs", "0", "--lr", "3e38",
             "-o", folder.appendingPathComponent("a").path],
        ]
        for args in runs {
            let run = runAxmul(args)
            #expect(run.status == 1, "\(args[0]): \(run.stderr)")
            let lines = run.stderr.split(separator: "\n").map(String.init).filter { $0.hasPrefix("error: ") || $0.hasPrefix("hint: ") }
            #expect(lines.first?.range(of: #"at epoch 1, batch \d+ of"#, options: .regularExpression) != nil, "\(args[0]): \(run.stderr)")
            #expect(lines.first?.hasSuffix("training stopped before any checkpoint was written") == true, "\(args[0]): \(run.stderr)")
            #expect(lines.dropFirst().first?.contains("--max-grad-norm") == true, "\(args[0]): \(run.stderr)")
        }
    }
}
