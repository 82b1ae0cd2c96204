import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import NetSim
import Records
import Testing
import TestSupport

/// End-to-end: `axmul experiment delaparra|hammad --quick` on tiny data write consistent results
/// folders (JSON, CSV and SVG agree), `render` redraws them, and a rerun after one cell file is
/// deleted recomputes exactly that cell.
@Suite struct ProxyExperimentTests {
    static let tiny = ["--data", "mnist_5k", "--limit", "64", "--test-limit", "32"]

    private func csvRows(_ folder: URL, _ name: String) throws -> [[String]] {
        try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8).split(separator: "\n").dropFirst()
            .map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }

    private func expectSVG(_ folder: URL, _ names: [String]) throws {
        for name in names {
            let data = try Data(contentsOf: folder.appendingPathComponent(name))
            let parser = XMLParser(data: data)
            #expect(parser.parse(), "\(name) is not well-formed XML: \(String(describing: parser.parserError))")
            #expect(String(decoding: data, as: UTF8.self).hasPrefix("<svg"), "\(name)")
        }
    }

    @Test(.long) func delaParraQuickWritesConsistentFolderAndResumesOneCell() throws {
        let out = try cliTestFolder("delaparra")
        defer { try? FileManager.default.removeItem(at: out) }
        let args = ["experiment", "delaparra", "--quick", "--methods", "errormodel,baseline-mean,control", "-o", out.path] + Self.tiny
        let first = runAxmul(args)
        #expect(first.status == 0, "\(first.stderr)")
        let r = try ExperimentOutput.read(DelaParraResult.self, recipe: "delaparra", from: out)
        // 2 quick multipliers × (errormodel, baseline-mean) + the control once.
        #expect(r.multipliers.map(\.name) == ["smapprox8x8-3330", "smapprox8x8-2222"])
        #expect(r.retrains.count == 5 && r.trainSamples == 64 && r.testSamples == 32)
        #expect(r.bases.map(\.epochs) == [2, 1] && r.bases[0].epochSeconds.count == 2)
        #expect(r.ablation.count == 24)   // 8 settings × (exact8, 3330, 2222)
        #expect(r.quantisedAccuracy == r.ablation.first { $0.setting == "default" && $0.multiplier == "exact8" }?.accuracy)
        let mre3330 = try #require(r.multipliers.first?.mre)
        #expect(abs(mre3330 - 0.064) < 0.01, "SMApprox 3330's MRE is 6.4 % in the paper's Table 2")
        #expect(r.retrain("errormodel", "smapprox8x8-3330")?.statisticsSeconds != nil)
        #expect(r.retrain("baseline-mean", "smapprox8x8-3330")?.statisticsSeconds == nil)
        let control = try #require(r.retrain("control", "exact8"))
        #expect(control.cross.map(\.multiplier) == ["exact8", "smapprox8x8-3330", "smapprox8x8-2222"])
        // CSVs agree with the JSON.
        let fig = try csvRows(out, "retrain.csv")
        #expect(fig.count == 6)   // (errormodel, baseline-mean, control) × 2 multipliers
        let em = try #require(fig.first { $0[0] == "errormodel" && $0[1] == "smapprox8x8-2222" })
        #expect(Double(em[4]) == r.retrain("errormodel", "smapprox8x8-2222")?.after)
        #expect(try csvRows(out, "ablation.csv").count == 24)
        #expect(try csvRows(out, "table6.csv").map { $0[0] } == ["smapprox8x8-3330", "smapprox8x8-2222"])
        #expect(try csvRows(out, "table5.csv").map { $0[0] } == ["float", "errormodel", "baseline-mean", "control"])
        #expect(try csvRows(out, "table7.csv").count == 3)   // control, errormodel on 3330 and 2222
        try expectSVG(out, ["fig6.svg", "fig7.svg"])
        #expect(first.stdout.contains("cell retrain.errormodel.smapprox8x8-2222: computed"))

        try FileManager.default.removeItem(at: out.appendingPathComponent("cells/retrain.baseline-mean.smapprox8x8-2222.json"))
        try FileManager.default.removeItem(at: out.appendingPathComponent("fig6.svg"))
        let second = runAxmul(args)
        #expect(second.status == 0, "\(second.stderr)")
        let computed = second.stdout.split(separator: "\n").filter { $0.hasPrefix("cell ") && $0.contains(": computed") }
        #expect(computed.map { String($0.split(separator: ":")[0]) } == ["cell retrain.baseline-mean.smapprox8x8-2222"])
        #expect(second.stdout.contains("cell base.well-trained: reused") && second.stdout.contains("cell retrain.control.exact8: reused"))
        let again = try ExperimentOutput.read(DelaParraResult.self, recipe: "delaparra", from: out)
        #expect(again.retrains.count == 5 && again.retrain("errormodel", "smapprox8x8-3330") == r.retrain("errormodel", "smapprox8x8-3330"))
        try expectSVG(out, ["fig6.svg"])

        try FileManager.default.removeItem(at: out.appendingPathComponent("fig7.svg"))
        let render = runAxmul(["experiment", "render", out.path])
        #expect(render.status == 0, "\(render.stderr)")
        try expectSVG(out, ["fig7.svg"])
    }

    @Test(.long) func hammadQuickWritesTablesIIAndIII() throws {
        let out = try cliTestFolder("hammad")
        defer { try? FileManager.default.removeItem(at: out) }
        let run = runAxmul(["experiment", "hammad", "--quick", "-o", out.path] + Self.tiny)
        #expect(run.status == 0, "\(run.stderr)")
        let r = try ExperimentOutput.read(HammadResult.self, recipe: "hammad", from: out)
        #expect(RecordSchema.tag(of: try Data(contentsOf: out.appendingPathComponent("experiment.json"))) == "axmul.experiment-hammad/1")
        // --quick: IDs 1 and 8, ID 1 searched, drum8-k6 searched; 2 epochs.
        #expect(r.rows.map(\.sweep.label) == ["1", "8", "drum8-k6"])
        #expect(r.rows.map(\.searched) == [true, false, true])
        for row in r.rows where row.searched {
            #expect(row.sweep.utilisation == Double(row.sweep.switchEpoch) / 2)
            #expect(row.sweep.tried.first?.switchEpoch == 2)
        }
        let id8 = try #require(r.rows.first { $0.id == 8 })
        #expect(id8.sweep.switchEpoch == 2 && id8.sweep.tried.count == 1 && id8.sweep.accuracy == id8.sweep.approxAccuracy)
        // ID 8 asks for MRE 38.2 %; the realised mean |δ| of the weight error matrices is near it.
        #expect(abs(id8.sweep.realised.mre - 0.382) < 0.05)
        let k6 = try #require(r.rows.last)
        #expect(k6.id == nil && abs(k6.sweep.realised.mre - 0.013) < 0.01, "drum8-k6's MRE is about 1.3 %")
        let t2 = try csvRows(out, "table2.csv"), t3 = try csvRows(out, "table3.csv")
        #expect(t2.count == 3 && t3.map { $0[0] } == ["1", "drum8-k6"])
        #expect(Double(t2[1][5]) == id8.sweep.approxAccuracy && Double(t2[0][7]) == 93.59 / 100)
        try expectSVG(out, ["table2.svg", "table3.svg"])
        let logs = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("logs").path)
        #expect(logs.contains("baseline.log.jsonl") && logs.contains("1.hybrid.log.jsonl") && logs.contains("run.log"))
    }

    @Test func badProxyFlagsAreUsageErrors() {
        let ids = runAxmul(["experiment", "hammad", "--errors", "1,9", "-o", "x"])
        #expect(ids.status == 2 && ids.stderr.contains("Table II test IDs 1-8"))
        let limit = runAxmul(["experiment", "delaparra", "--limit", "0", "-o", "x"])
        #expect(limit.status == 2 && limit.stderr.contains("--limit 0 is out of range"))
        let retrain = runAxmul(["retrain", "--model", "m.safetensors", "--data", "digits_8x8", "--multiplier", "exact8",
                                "--method", "behavioural", "--train-limit", "0", "-o", "x.safetensors"])
        #expect(retrain.status == 2 && retrain.stderr.contains("--train-limit 0 is out of range"))
        let method = runAxmul(["experiment", "delaparra", "--methods", "behavioural,magic", "-o", "x"])
        #expect(method.status == 2 && method.stderr.contains("unknown method 'magic'"))
        let list = runAxmul(["experiment", "--list"])
        #expect(list.stdout.contains("delaparra") && list.stdout.contains("hammad"))
    }

    /// The recipe is checked against the model before anything trains: an MLP base (whose checkpoint once
    /// recorded no hidden widths, and failed to load back only after training) runs through; a model that does
    /// not fit the data is refused before a base-model file or log exists.
    @Test func recipeIsCheckedAgainstTheModelBeforeTraining() throws {
        let out = try cliTestFolder("delaparra-mlp")
        defer { try? FileManager.default.removeItem(at: out) }
        let mlp = runAxmul(["experiment", "delaparra", "--quick", "--model", "mlp", "--methods", "behavioural",
                            "--multipliers", "smapprox8x8-2222", "--no-ablation", "-o", out.path] + Self.tiny)
        #expect(mlp.status == 0, "\(mlp.stderr)")
        let written = try Data(contentsOf: out.appendingPathComponent("experiment.json"))
        #expect(RecordSchema.tag(of: written) == "axmul.experiment-delaparra/1")
        let bad = try cliTestFolder("delaparra-misfit")
        defer { try? FileManager.default.removeItem(at: bad) }
        let misfit = runAxmul(["experiment", "delaparra", "--quick", "--model", "resnet8", "--data", "breast_cancer_wdbc",
                               "-o", bad.path])
        #expect(misfit.status == 1 && misfit.stderr.hasPrefix("error: ") && misfit.stderr.contains("resnet8"), "\(misfit.stderr)")
        for file in ["base.safetensors", "base.partial.safetensors", "logs/base.log.jsonl"] {
            #expect(!FileManager.default.fileExists(atPath: bad.appendingPathComponent(file).path), "\(file) was written")
        }
    }
}
