import Foundation
import Testing
import TestSupport

/// `axmul search --cost published` (issue 29 item 4): each design's energy is its measured power relative to
/// the exact multiplier (De la Parra et al. 2021, Table 2: smapprox8x8-2222 0.217 W against the Xilinx
/// Multiplier IP's 0.344 W), front.json names that source, and a design without a published figure is refused.
struct SearchPublishedCostTests {
    struct Point: Decodable { var assignment: [String]; var energy_rel: Double; var validation_accuracy: Double }
    struct Front: Decodable { var uniform: [Point]; var energy_model: String? }

    @Test func publishedEnergiesReplaceTheModel() throws {
        let dir = try cliTestFolder("axmul-search-published")
        defer { try? FileManager.default.removeItem(at: dir) }
        let model = dir.appendingPathComponent("m.safetensors").path, data = ["--data", "breast_cancer_wdbc"]
        _ = try runAxmulOK(["train", "--model", "mlp", "--hidden", "8", "--epochs", "1", "-o", model] + data)
        func search(_ library: String, _ out: String, _ cost: [String]) -> (status: Int32, stdout: String, stderr: String) {
            runAxmul(["search", "--model", model, "--library", library, "--population", "4", "--generations", "1",
                      "-o", dir.appendingPathComponent(out).path] + cost + data)
        }
        let run = search("exact8,smapprox8x8-2222", "pub", ["--cost", "published"])
        #expect(run.status == 0, "\(run.stderr)")
        let front = try JSONDecoder().decode(Front.self, from: Data(contentsOf: dir.appendingPathComponent("pub/front.json")))
        let uniform = try #require(front.uniform.first { $0.assignment.allSatisfy { $0 == "smapprox8x8-2222" } })
        #expect(abs(uniform.energy_rel - 0.217 / 0.344) < 1e-12 && front.energy_model?.hasPrefix("published") == true)
        #expect(front.uniform.first { $0.assignment.allSatisfy { $0 == "exact8" } }?.energy_rel == 1)
        let model2 = search("exact8,smapprox8x8-2222", "model", [])
        let modelled = try JSONDecoder().decode(Front.self, from: Data(contentsOf: dir.appendingPathComponent("model/front.json")))
        #expect(model2.status == 0 && modelled.energy_model == "fpga-toggle")
        #expect(modelled.uniform.map(\.validation_accuracy) == front.uniform.map(\.validation_accuracy), "only the energies differ")
        #expect(modelled.uniform.first { $0.assignment.allSatisfy { $0 == "smapprox8x8-2222" } }.map { abs($0.energy_rel - 0.217 / 0.344) > 0.01 } == true)
        let missing = search("exact8,truncated8-t8", "missing", ["--cost", "published"])
        #expect(missing.status != 0 && missing.stderr.contains("no published power for 'truncated8-t8'"), "\(missing.stderr)")
        let bad = search("exact8", "bad", ["--cost", "board"])
        #expect(bad.status == 2 && bad.stderr.contains("--cost is fpga-toggle or published"))
    }
}
