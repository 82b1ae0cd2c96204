import Foundation
import NetSim
import Records
import Testing

/// End-to-end: `axmul experiment axtrain-table1 --quick` writes a consistent results folder,
/// `render` redraws it, `report` renders it, and bad recipe/app names are usage errors.
@Suite struct ExperimentCommandTests {
    private func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("axmul-experiment-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func quickBreastCancerWritesConsistentFolder() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("tmp")
        let run = runAxmul(["experiment", "axtrain-table1", "--quick", "--apps", "breast_cancer", "-o", out.path, "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        let summary = try JSONDecoder().decode(Table1Summary.self, from: Data(run.stdout.utf8))
        let result = try Table1Output.read(from: out)
        #expect(summary.fig6 == result.fig6 && summary.fig7 == result.fig7 && summary.apps == ["breast_cancer"])
        // exact8 + K1..K4 for BP and act, K1..K4 for AxTrain; 3 methods × Agg/Con; --quick has 3 runs.
        #expect(result.multipliers.map(\.design) == ["exact8", "drum8-k1", "drum8-k2", "drum8-k3", "drum8-k4"])
        #expect(result.fig6.count == 14)
        #expect(result.fig6.first { $0.method == "BP" && $0.multiplier == "exact8" }?.normalisedError == 1)
        #expect(result.fig7.count == 6 && result.fig7.allSatisfy { $0.runs == 3 })
        #expect(Set(result.fig7.map(\.flipRate)) == [0.1, 0.01])
        let fig6 = try String(contentsOf: out.appendingPathComponent("fig6.csv"), encoding: .utf8).split(separator: "\n")
        let fig7 = try String(contentsOf: out.appendingPathComponent("fig7.csv"), encoding: .utf8).split(separator: "\n")
        #expect(fig6.count == 15 && fig7.count == 7)
        #expect(fig6.dropFirst().map { String($0.split(separator: ",")[2]) } == result.fig6.map(\.multiplier))
        for name in ["fig4.svg", "fig6.svg", "fig7.svg"] {
            let svg = try String(contentsOf: out.appendingPathComponent(name), encoding: .utf8)
            #expect(svg.hasPrefix("<svg") && svg.hasSuffix("</svg>"), "\(name)")
        }
        let logs = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("logs").path)
        #expect(logs.count == 8)
        let bp = try String(contentsOf: out.appendingPathComponent("logs/breast_cancer.seed1.bp.log.jsonl"), encoding: .utf8)
        let records = try bp.split(separator: "\n").map { try JSONDecoder().decode(EpochRecord.self, from: Data($0.utf8)) }
        #expect(records.map(\.epoch) == [1, 2])

        try FileManager.default.removeItem(at: out.appendingPathComponent("fig6.svg"))
        let render = runAxmul(["experiment", "render", out.path])
        #expect(render.status == 0, "\(render.stderr)")
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("fig6.svg").path))
        let html = dir.appendingPathComponent("r.html")
        let report = runAxmul(["report", out.path, "-o", html.path])
        #expect(report.status == 0, "\(report.stderr)")
        #expect(try String(contentsOf: html, encoding: .utf8).contains("AxTrain Table 1 experiment"))
    }

    @Test func unknownRecipeOrAppIsUsageError() throws {
        let recipe = runAxmul(["experiment", "axtrain-table9", "-o", "x"])
        #expect(recipe.status == 2)
        #expect(recipe.stderr.contains("unknown recipe 'axtrain-table9'") && recipe.stderr.contains("axtrain-table1"))
        let app = runAxmul(["experiment", "axtrain-table1", "--apps", "breast_cancer,cifar", "-o", "x"])
        #expect(app.status == 2)
        #expect(app.stderr.contains("unknown app 'cifar'") && app.stderr.contains("mnist_cnn"))
        let list = runAxmul(["experiment", "--list"])
        #expect(list.status == 0 && list.stdout.contains("axtrain-table1"))
        let missing = runAxmul(["experiment", "render", "/nonexistent-axmul-folder"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("experiment.json"))
    }
}
