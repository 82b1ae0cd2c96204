import Foundation
import Testing
import NetSim
import Records
import Workflows

/// The workflows in process (no binary): a hybrid run and an AxTrain run stopped at every epoch around
/// their phase boundaries resume to the bytes of an uninterrupted run; a checkpoint of another run is
/// refused naming the setting that differs; `ModelSource` opens what the jobs write.
@Suite struct JobResumeTests {
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("axmul-jobs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func hybrid(_ folder: URL, epochs: Int, resume: Bool, lr: Float = 0.01) -> HybridJob {
        var c = TrainConfig()
        (c.epochs, c.batchSize, c.learningRate, c.momentum, c.seed) = (epochs, 16, lr, 0.9, 5)
        return HybridJob(model: "mlp", preprocessing: nil, data: "breast_cancer_wdbc", hidden: [16], config: c,
                         mode: .single(switchEpoch: 2, source: .gaussian(ErrorSpec.tableII[3])), folder: folder, resume: resume)
    }

    static func axtrain(_ folder: URL, act: Int, pas: Int, resume: Bool) -> AxTrainJob {
        var c = TrainConfig()
        (c.batchSize, c.learningRate, c.momentum, c.seed) = (32, 0.01, 0.9, 4)
        return AxTrainJob(model: "mlp", preprocessing: nil, data: "breast_cancer_wdbc", hidden: [8], config: c, actEpochs: act,
                          pasEpochs: pas, gamma: AdaptiveGamma(gamma: 0.01, delta: 0.005, bound: 0.02),
                          hardware: HardwareModel(multiplier: nil, storage: NTVStorage(bits: 8, flipRate: 0.01), activationBits: 16),
                          runs: 1, folder: folder, resume: resume)
    }

    /// Hybrid [approximate ×2, exact ×2]: stopped at the switch (epoch 2) and one epoch into the exact
    /// phase, each resumed run ends with the straight run's checkpoint bytes and a log of epochs 1…4.
    /// (A stop inside the approximate phase needs a kill: `KillResumeTests` does that to the binary.)
    @Test(arguments: [2, 3])
    func hybridStoppedAroundTheSwitchResumesToTheSameBytes(stop: Int) throws {
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let straight = root.appendingPathComponent("straight"), split = root.appendingPathComponent("split")
        _ = try Self.hybrid(straight, epochs: 4, resume: false).run(context: .silent)
        _ = try Self.hybrid(split, epochs: stop, resume: false).run(context: .silent)
        var epochsRun = 0
        guard case .single(let run) = try Self.hybrid(split, epochs: 4, resume: true).run(context: .silent, line: { _ in epochsRun += 1 }) else {
            Issue.record("a single run returns a single outcome"); return
        }
        let name = "hybrid_n2.safetensors"
        #expect(try Data(contentsOf: straight.appendingPathComponent(name)) == Data(contentsOf: split.appendingPathComponent(name)))
        #expect(run.records.map(\.epoch) == [1, 2, 3, 4])
        #expect(epochsRun == 4 - stop, "the resumed run trains only the epochs after the checkpoint")
        #expect(try ModelSource.checkpoint(split.appendingPathComponent(name)).trainer.epoch == 4)
    }

    /// AxTrain [act ×2, pas ×1]: stopped after 1 act epoch and at the act/pas boundary, the resumed run's
    /// model equals the straight run's.
    @Test(arguments: [1, 2])
    func axtrainStoppedAroundTheBoundaryResumesToTheSameModel(stop: Int) throws {
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let straight = root.appendingPathComponent("straight"), split = root.appendingPathComponent("split")
        let a = try Self.axtrain(straight, act: 2, pas: 1, resume: false).run(context: .silent)
        _ = try Self.axtrain(split, act: stop, pas: 0, resume: false).run(context: .silent)
        var phases: [String] = []
        let b = try Self.axtrain(split, act: 2, pas: 1, resume: true).run(context: .silent) { phase, _, _ in phases.append(phase.rawValue) }
        #expect(phases == Array(repeating: "act", count: 2 - stop) + ["pas"], "act continues from the checkpoint; pas reruns")
        #expect(try Data(contentsOf: straight.appendingPathComponent("model.safetensors"))
                == Data(contentsOf: split.appendingPathComponent("model.safetensors")))
        #expect(a.hardwareAccuracyMean == b.hardwareAccuracyMean && a.sensitivityFinal == b.sensitivityFinal)
    }

    /// Resuming a hybrid checkpoint with another learning rate is refused, naming it with both values.
    @Test func resumeOfAnotherRunIsRefusedNamingTheSetting() throws {
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try Self.hybrid(root, epochs: 2, resume: false).run(context: .silent)
        let error = try #require(throws: ModelError.self) { try Self.hybrid(root, epochs: 3, resume: true, lr: 0.02).run(context: .silent) }
        #expect("\(error)".contains("--lr 0.01 in the checkpoint, 0.02 now"), "\(error)")
    }
}
