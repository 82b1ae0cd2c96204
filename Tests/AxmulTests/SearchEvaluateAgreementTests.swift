import Foundation
import Testing

/// One number per question: every point of a search's front and every uniform assignment, evaluated
/// again with `axmul evaluate --layer-multiplier`, gives the test accuracy and the energy the search
/// reported, bit for bit (both calibrate on the first training samples; `ValidationSplit`).
struct SearchEvaluateAgreementTests {
    struct Point: Decodable { var assignment: [String]; var test_accuracy: Double; var energy_rel: Double }
    struct Front: Decodable { var layers: [String]; var front: [Point]; var uniform: [Point] }
    struct Evaluation: Decodable { var approx_accuracy: Double; var energy_rel: Double? }

    @Test func frontPointsReevaluateToTheSameAccuracyAndEnergy() throws {
        let dir = try cliTestFolder("axmul-search-evaluate")
        defer { try? FileManager.default.removeItem(at: dir) }
        let model = dir.appendingPathComponent("m.safetensors").path, out = dir.appendingPathComponent("out").path
        let data = ["--data", "breast_cancer_wdbc"]
        _ = try runAxmulOK(["train", "--model", "mlp", "--hidden", "16", "--epochs", "2", "--seed", "1", "-o", model] + data)
        _ = try runAxmulOK(["search", "--model", model, "--library", "exact8,truncated8-t8,smapprox8x8-2222",
                            "--population", "6", "--generations", "2", "-o", out] + data)
        let front = try JSONDecoder().decode(Front.self, from: Data(contentsOf: URL(fileURLWithPath: out + "/front.json")))
        #expect(front.layers.count == 2 && front.uniform.count == 3)
        for point in front.front + front.uniform {
            let overrides = zip(front.layers, point.assignment).flatMap { ["--layer-multiplier", "\($0)=\($1)"] }
            let json = try runAxmulOK(["evaluate", "--model", model, "--multiplier", "exact8", "--json"] + data + overrides)
            let e = try JSONDecoder().decode(Evaluation.self, from: Data(json.utf8))
            #expect(e.approx_accuracy == point.test_accuracy, "\(point.assignment)")
            #expect(e.energy_rel == point.energy_rel, "\(point.assignment)")
        }
    }
}
