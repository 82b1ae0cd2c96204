import Foundation
import Testing
@testable import NetSim

/// A single `axmul hybrid` run checkpoints after every epoch; stopped after 2 of 4 epochs and
/// continued with `--resume`, it ends with the same checkpoint bytes and log as a straight run.
@Suite struct HybridResumeTests {
    static func args(_ folder: URL, epochs: Int) -> [String] {
        ["hybrid", "--model", "mlp", "--data", "breast_cancer_wdbc", "--hidden", "16", "--batch", "16", "--epochs", "\(epochs)",
         "--error", "4", "--switch-epoch", "2", "--seed", "5", "-o", folder.path]
    }

    @Test func resumedRunEqualsStraightRun() throws {
        let root = try KillResumeTests.scratchFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let straight = root.appendingPathComponent("straight"), split = root.appendingPathComponent("split")
        #expect(runAxmul(Self.args(straight, epochs: 4)).status == 0)
        #expect(runAxmul(Self.args(split, epochs: 2)).status == 0)
        let resumed = runAxmul(Self.args(split, epochs: 4) + ["--resume"])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        let name = "hybrid_n2"
        let a = try Data(contentsOf: straight.appendingPathComponent("\(name).safetensors"))
        let b = try Data(contentsOf: split.appendingPathComponent("\(name).safetensors"))
        #expect(a == b, "checkpoints differ")
        #expect(try TrainingLog.records(at: split.appendingPathComponent("\(name).log.jsonl")).map(\.epoch) == [1, 2, 3, 4])
        #expect(try TrainCheckpoint.load(from: split.appendingPathComponent("\(name).safetensors")).trainer.epoch == 4)
    }

    /// A checkpoint of another run (other --lr and --error) is refused naming every setting that differs.
    @Test func resumeWithOtherSettingsIsRefusedNamingThem() throws {
        let root = try KillResumeTests.scratchFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(runAxmul(Self.args(root, epochs: 2)).status == 0)
        let run = runAxmul(Self.args(root, epochs: 3) + ["--lr", "0.02", "--error", "5", "--resume"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("--lr 0.01 in the checkpoint, 0.02 now"), "\(run.stderr)")
        #expect(run.stderr.contains("--error/--multiplier"), "\(run.stderr)")
    }
}
