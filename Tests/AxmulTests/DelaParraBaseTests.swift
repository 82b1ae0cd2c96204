import Foundation
import NetSim
import Records
import Testing
import TestSupport

/// `axmul experiment delaparra --base FILE` (issue 29): the recipe starts from a trained checkpoint
/// instead of training one, skips the ablation's under-trained setting, and writes the controls'
/// paired differences (`paired.csv`) and ε's reference; a checkpoint of another model is refused.
@Suite struct DelaParraBaseTests {
    static func saveBase(_ model: String, to url: URL) throws {
        let net = try ModelZoo.build(model, inputShape: [1, 28, 28], classCount: 10, seed: 5)
        let info = TrainCheckpoint.Info(model: model, inputShape: [1, 28, 28], classCount: 10, hidden: ModelZoo.Options().hidden, data: "mnist_5k")
        try TrainCheckpoint.save(Trainer(network: net, config: TrainConfig()), info: info, to: url)
    }

    @Test func givenBaseRunsWithControlsAndPairedDifferences() throws {
        let dir = try cliTestFolder("delaparra-base")
        defer { try? FileManager.default.removeItem(at: dir) }
        let base = dir.appendingPathComponent("given.safetensors"), out = dir.appendingPathComponent("run")
        try Self.saveBase("resnet8", to: base)
        let m = "smapprox8x8-2222"
        let run = runAxmul(["experiment", "delaparra", "--quick", "--model", "resnet8", "--base", base.path, "--methods", "bn-stats,control,behavioural",
                            "--multipliers", m, "--seeds", "2", "--lr", "0.05", "-o", out.path] + ProxyExperimentTests.tiny)
        #expect(run.status == 0, "\(run.stderr)")
        let r = try ExperimentOutput.read(DelaParraResult.self, recipe: "delaparra", from: out)
        #expect(r.bases.count == 1 && r.bases[0].checkpoint == base.path && r.settings.baseCheckpoint == base.path)
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("base.safetensors").path), "no base was trained")
        #expect(!r.ablation.isEmpty && !r.ablationSettings.contains { $0.base == "under-trained" })
        // ε's reference is the mean of the control's exact8 accuracies.
        let exact = r.retrains.filter { $0.method == "control" }.compactMap { $0.cross.first { $0.multiplier == "exact8" }?.accuracy }
        #expect(exact.count == 2 && r.epsilonReference == exact.reduce(0, +) / 2)
        // paired.csv's bn-stats − before is the mean of the two seeds' differences from the cells.
        let cells = r.retrains.filter { $0.method == "bn-stats" }.sorted { $0.seed < $1.seed }
        let want = cells.map { $0.after - $0.before }.reduce(0, +) / 2
        let rows = try String(contentsOf: out.appendingPathComponent("paired.csv"), encoding: .utf8).split(separator: "\n")
            .dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let row = try #require(rows.first { $0[2] == "bn-stats" && $0[3] == "before" })
        #expect(cells.count == 2 && row[0] == m && row[4] == "2" && Double(row[5]).map { abs($0 - want) < 1e-12 } == true)
        #expect(Set(rows.map { "\($0[2])-\($0[3])" }) == ["bn-stats-before", "control-before", "behavioural-before",
                                                           "behavioural-control", "behavioural-bn-stats"])
    }

    @Test func baseOfAnotherModelIsRefused() throws {
        let dir = try cliTestFolder("delaparra-base-misfit")
        defer { try? FileManager.default.removeItem(at: dir) }
        let base = dir.appendingPathComponent("mlp.safetensors")
        try Self.saveBase("mlp", to: base)
        let run = runAxmul(["experiment", "delaparra", "--quick", "--model", "resnet8", "--base", base.path, "--methods", "bn-stats", "--no-ablation",
                            "-o", dir.appendingPathComponent("run").path] + ProxyExperimentTests.tiny)
        #expect(run.status == 1 && run.stderr.hasPrefix("error: ") && run.stderr.contains("--base must be a resnet8 checkpoint"), "\(run.stderr)")
    }
}
