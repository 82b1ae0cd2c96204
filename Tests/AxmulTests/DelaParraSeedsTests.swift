import Foundation
import NetSim
import Records
import Testing

/// `axmul experiment delaparra --seeds N` (issue 17 item 6): every retraining cell runs with seeds
/// 1…N, experiment.json and retrain.csv give mean ± sample SD, and more seeds (or a narrower grid)
/// only add cells while the folder's other finished cells stay in the outputs.
@Suite struct DelaParraSeedsTests {
    /// lr 0.05 so that one quick epoch moves the network and the seeds' accuracies can differ.
    static let args = ["experiment", "delaparra", "--quick", "--methods", "baseline", "--no-ablation", "--lr", "0.05",
                       "--data", "mnist_5k", "--limit", "64", "--test-limit", "32"]
    static let m3330 = "smapprox8x8-3330", m2222 = "smapprox8x8-2222"

    @Test func summaryIsTheMeanAndSampleSD() {
        // Hand-computed: mean (0.5 + 0.75) / 2 = 0.625; sample SD |0.75 − 0.5| / √2 = 0.1767767; one seed: no SD.
        let two = DelaParraSeedSummary(method: "m", multiplier: "x", seeds: [1, 2], after: [0.5, 0.75])
        #expect(two.n == 2 && two.mean == 0.625 && abs((two.sd ?? 0) - 0.17677669529663687) < 1e-12)
        let three = DelaParraSeedSummary(method: "m", multiplier: "x", seeds: [1, 2, 3], after: [0.25, 0.5, 0.75])
        #expect(three.mean == 0.5 && three.sd == 0.25)
        let one = DelaParraSeedSummary(method: "m", multiplier: "x", seeds: [1], after: [0.4])
        #expect(one.n == 1 && one.mean == 0.4 && one.sd == nil)
    }

    @Test func seedsAddCellsAndSummariseThem() throws {
        let out = try cliTestFolder("delaparra-seeds")
        defer { try? FileManager.default.removeItem(at: out) }
        let first = runAxmul(Self.args + ["--multipliers", "\(Self.m3330),\(Self.m2222)", "--seeds", "2", "-o", out.path])
        #expect(first.status == 0, "\(first.stderr)")
        let r = try ExperimentOutput.read(DelaParraResult.self, recipe: "delaparra", from: out)
        #expect(r.retrains.map(\.seed).sorted() == [1, 1, 2, 2])   // 2 cells per (method, multiplier)
        let cells = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("cells").path)
        #expect(cells.contains("retrain.baseline.\(Self.m3330).json") && cells.contains("retrain.baseline.\(Self.m3330).seed2.json"))
        let csv = try String(contentsOf: out.appendingPathComponent("retrain.csv"), encoding: .utf8).split(separator: "\n")
        #expect(csv.first == Substring(DelaParraOutput.retrainHeader))
        let rows = csv.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(rows.count == 2)
        for mult in [Self.m3330, Self.m2222] {
            let a = try #require(r.retrain("baseline", mult, seed: 1)?.after), b = try #require(r.retrain("baseline", mult, seed: 2)?.after)
            let s = try #require(r.seedSummary("baseline", mult))
            let mean = (a + b) / 2, sd = abs(a - b) / 2.0.squareRoot()
            #expect(s.seeds == [1, 2] && s.after == [a, b] && s.n == 2)
            #expect(abs(s.mean - mean) < 1e-12 && abs((s.sd ?? -1) - sd) < 1e-12)
            let row = try #require(rows.first { $0[1] == mult })
            #expect(Double(row[4]) == a && row[8] == "2" && Double(row[9]) == s.mean && Double(row[10]) == s.sd)
        }
        // Fig. 6 draws the mean with an SD error bar (its tooltip reads "baseline: mean ± sd").
        let fig6 = try String(contentsOf: out.appendingPathComponent("fig6.svg"), encoding: .utf8)
        let tooltips = fig6.components(separatedBy: "<title>baseline: ").dropFirst().map { $0.prefix { $0 != "<" } }
        #expect(tooltips.count == 2 && tooltips.allSatisfy { $0.contains(" ± ") }, "\(tooltips)")

        // More seeds on one multiplier: seeds 1 and 2 are reused, only seed 3 is computed, and the
        // other multiplier's cells (outside this run's grid) stay in the outputs.
        let second = runAxmul(Self.args + ["--multipliers", Self.m3330, "--seeds", "3", "-o", out.path])
        #expect(second.status == 0, "\(second.stderr)")
        let computed = second.stdout.split(separator: "\n").filter { $0.hasPrefix("cell ") && $0.contains(": computed") }
        #expect(computed.map { String($0.split(separator: ":")[0]) } == ["cell retrain.baseline.\(Self.m3330).seed3"])
        #expect(second.stdout.contains("cell retrain.baseline.\(Self.m3330).seed2: reused"))
        let again = try ExperimentOutput.read(DelaParraResult.self, recipe: "delaparra", from: out)
        #expect(again.retrains.count == 5 && again.multipliers.map(\.name) == [Self.m3330, Self.m2222])
        #expect(again.retrain("baseline", Self.m2222, seed: 2) == r.retrain("baseline", Self.m2222, seed: 2))
        #expect(again.seedSummary("baseline", Self.m3330)?.n == 3 && again.seedSummary("baseline", Self.m2222) == r.seedSummary("baseline", Self.m2222))
        #expect(try String(contentsOf: out.appendingPathComponent("retrain.csv"), encoding: .utf8).split(separator: "\n").count == 3)

        let other = runAxmul(Self.args + ["--multipliers", Self.m3330, "--seeds", "3", "--limit", "65", "-o", out.path])
        #expect(other.status != 0 && other.stderr.contains("cells/settings.json"), "other settings than --seeds are still refused")
    }
}
