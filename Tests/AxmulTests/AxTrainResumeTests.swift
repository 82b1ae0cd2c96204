import Foundation
import Records
import Testing
@testable import NetSim

/// `axmul axtrain` checkpoints after every act epoch (with γ and its history); a run stopped
/// after 2 act epochs and continued with `--resume` ends with the same model as a straight run.
@Suite struct AxTrainResumeTests {
    static func args(_ folder: URL, act: Int, pas: Int) -> [String] {
        ["axtrain", "--data", "breast_cancer_wdbc", "--hidden", "8", "--batch", "32", "--act-epochs", "\(act)",
         "--pas-epochs", "\(pas)", "--flip-rate", "0.01", "--runs", "1", "--seed", "4", "-o", folder.path]
    }

    @Test func resumedRunEqualsStraightRun() throws {
        let root = try KillResumeTests.scratchFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let straight = root.appendingPathComponent("straight"), split = root.appendingPathComponent("split")
        #expect(runAxmul(Self.args(straight, act: 3, pas: 1)).status == 0)
        #expect(runAxmul(Self.args(split, act: 2, pas: 0)).status == 0)
        let resumed = runAxmul(Self.args(split, act: 3, pas: 1) + ["--resume"])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        let a = try Data(contentsOf: straight.appendingPathComponent("model.safetensors"))
        let b = try Data(contentsOf: split.appendingPathComponent("model.safetensors"))
        #expect(a == b, "final models differ")
        #expect(try TrainingLog.records(at: split.appendingPathComponent("act.log.jsonl")).map(\.epoch) == [1, 2, 3])
        #expect(try TrainingLog.records(at: split.appendingPathComponent("pas.log.jsonl")).map(\.epoch) == [4])
        let act = try TrainCheckpoint.load(from: split.appendingPathComponent("act.safetensors"))
        #expect(act.trainer.epoch == 3 && act.info.extra["axtrain_gamma"] != nil)
        let summary = try Data(contentsOf: split.appendingPathComponent("axtrain.json"))
        #expect(RecordSchema.tag(of: summary) == "axmul.axtrain/1")
        #expect(try JSONDecoder().decode(AxTrainSummary.self, from: summary).actEpochs == 3)
        let map = try Data(contentsOf: split.appendingPathComponent("sensitivity.json"))
        #expect(RecordSchema.tag(of: map) == "axmul.sensitivity-map/1")
        #expect(try JSONDecoder().decode(SensitivityMap.self, from: map).cols == 8, "the last Dense layer reads the 8 hidden units")
    }

    /// Stopped exactly at the act/pas boundary (all act epochs done, no pas), the resumed run still
    /// equals the straight run: pas reruns from the end of act.
    @Test func stoppedAtThePhaseBoundaryResumesToTheSameModel() throws {
        let root = try KillResumeTests.scratchFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let straight = root.appendingPathComponent("straight"), split = root.appendingPathComponent("split")
        #expect(runAxmul(Self.args(straight, act: 2, pas: 2)).status == 0)
        #expect(runAxmul(Self.args(split, act: 2, pas: 0)).status == 0)
        let resumed = runAxmul(Self.args(split, act: 2, pas: 2) + ["--resume"])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(try Data(contentsOf: straight.appendingPathComponent("model.safetensors"))
                == Data(contentsOf: split.appendingPathComponent("model.safetensors")), "final models differ")
        #expect(try TrainingLog.records(at: split.appendingPathComponent("pas.log.jsonl")).map(\.epoch) == [3, 4])
    }

    /// The act checkpoint records the run's identity; resuming with another --lr is refused naming both values.
    @Test func resumeWithOtherSettingsIsRefusedNamingThem() throws {
        let root = try KillResumeTests.scratchFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(runAxmul(Self.args(root, act: 1, pas: 0)).status == 0)
        let run = runAxmul(Self.args(root, act: 2, pas: 0) + ["--lr", "0.05", "--resume"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("--lr 0.01 in the checkpoint, 0.05 now"), "\(run.stderr)")
    }
}
