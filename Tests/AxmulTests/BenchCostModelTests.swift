import Foundation
import Testing
import TestSupport

/// `axmul bench cost-model --evoapprox DIR` (issue 29 item 4) on four committed EvoApproxLib multipliers:
/// both models' checks are printed, the published figures are the headers', the gate model's power is
/// relative to mul8u_1JFF, and each ρ is Spearman's (no ties: 1 − 6Σd²/(n(n² − 1))) of the rows printed.
@Suite struct BenchCostModelTests {
    @Test(.needs(.yosys), .long) func evoApproxTableWithBothModels() throws {
        guard requireTools(.yosys) else { return }
        let dir = try cliTestFolder("bench-cost-evo")
        defer { try? FileManager.default.removeItem(at: dir) }
        let source = TestEnvironment.repository.appendingPathComponent("specs/evoapproxlib/mul8u")
        for name in ["mul8u_1JFF", "mul8u_17C8", "mul8u_13QR", "mul8u_2AC"] {
            try FileManager.default.copyItem(at: source.appendingPathComponent(name + ".v"), to: dir.appendingPathComponent(name + ".v"))
        }
        let run = runAxmul(["bench", "cost-model", "--evoapprox", dir.path, "--json"], environment: ["AXMUL_CACHE": dir.appendingPathComponent("cache").path])
        #expect(run.status == 0, "\(run.stderr)")
        let checks = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
        let evo = checks.filter { ($0["table"] as? String) == "EvoApproxLib 8x8 unsigned (PDK45)" }
        #expect(checks.count == 4 && evo.count == 2)
        let gate = try #require(evo.first { ($0["cost_model"] as? String)?.hasPrefix("gate") == true })
        let rows = try #require(gate["rows"] as? [[String: Any]])
        let exact = try #require(rows.first { ($0["design"] as? String) == "mul8u_1JFF" })
        #expect(exact["model_power_rel"] as? Double == 1 && exact["published_w"] as? Double == 0.000391 && exact["published_area_um2"] as? Double == 709.6)
        func rho(_ a: [Double], _ b: [Double]) -> Double {
            func ranks(_ x: [Double]) -> [Double] { x.map { v in Double(x.filter { $0 < v }.count + 1) } }
            let d2 = zip(ranks(a), ranks(b)).map { ($0 - $1) * ($0 - $1) }.reduce(0, +), n = Double(a.count)
            return 1 - 6 * d2 / (n * (n * n - 1))
        }
        let published = rows.compactMap { $0["published_w"] as? Double }, model = rows.compactMap { $0["model_power_rel"] as? Double }
        #expect(published.count == 4 && abs((gate["power_rank_correlation"] as? Double ?? .nan) - rho(published, model)) < 1e-12)
        let areas = (rows.compactMap { $0["published_area_um2"] as? Double }, rows.compactMap { $0["model_area_um2"] as? Double })
        #expect(abs((gate["area_rank_correlation"] as? Double ?? .nan) - rho(areas.0, areas.1)) < 1e-12)
        let missing = runAxmul(["bench", "cost-model", "--evoapprox", dir.appendingPathComponent("cache").path])
        #expect(missing.status != 0 && missing.stderr.contains("mul8u_1JFF"), "\(missing.stderr)")
    }
}
