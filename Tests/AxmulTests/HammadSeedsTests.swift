import Foundation
import NetSim
import Records
import Testing
import TestSupport

/// `axmul experiment hammad --seeds N` (issue 29): every cell trains with seeds 1…N, each against its own
/// exact baseline; seed 1 keeps the single-seed keys; table2.csv's diff_mean and diff_se are the mean and
/// SE of the per-seed differences, table3.csv's approx_epochs_mean their switch epochs' mean.
@Suite struct HammadSeedsTests {
    @Test func seedsAddCellsPairedWithTheirBaselines() throws {
        let out = try cliTestFolder("hammad-seeds")
        defer { try? FileManager.default.removeItem(at: out) }
        let run = runAxmul(["experiment", "hammad", "--quick", "--errors", "1", "--hybrid-ids", "1", "--multipliers", "drum8-k6",
                            "--seeds", "2", "-o", out.path] + ProxyExperimentTests.tiny)
        #expect(run.status == 0, "\(run.stderr)")
        let cells = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("cells").path)
        for key in ["baseline", "baseline.seed2", "id.1", "id.1.seed2", "multiplier.drum8-k6.seed2"] { #expect(cells.contains(key + ".json"), "\(key)") }
        let r = try ExperimentOutput.read(HammadResult.self, recipe: "hammad", from: out)
        #expect(r.rows.map(\.seed) == [1, 1, 2, 2] && r.baselines?.map(\.seed) == [1, 2] && r.baseline(seed: 1) == r.baselineAccuracy)
        let d = try [1, 2].map { k in
            try #require(r.rows.first { $0.seed == k && $0.id == 1 }).sweep.approxAccuracy - (try #require(r.baseline(seed: k)))
        }
        let rows = try String(contentsOf: out.appendingPathComponent("table2.csv"), encoding: .utf8).split(separator: "\n").dropFirst()
            .map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let id1 = try #require(rows.first { $0[0] == "1" })
        // Two seeds: mean (d1 + d2) / 2; sample SD |d1 − d2| / √2, so SE |d1 − d2| / 2.
        #expect(rows.count == 2 && id1[8] == "2" && Double(id1[9]).map { abs($0 - (d[0] + d[1]) / 2) < 1e-12 } == true)
        #expect(Double(id1[10]).map { abs($0 - abs(d[0] - d[1]) / 2) < 1e-12 } ?? (d[0] == d[1]), "\(id1)")
        let t3 = try String(contentsOf: out.appendingPathComponent("table3.csv"), encoding: .utf8).split(separator: "\n").dropFirst()
            .map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let epochs = r.rows.filter { $0.sweep.label == "drum8-k6" }.map { Double($0.sweep.switchEpoch) }
        let k6 = try #require(t3.first { $0[0] == "drum8-k6" })
        #expect(k6[7] == "2" && Double(k6[8]) == (epochs[0] + epochs[1]) / 2)
    }
}
