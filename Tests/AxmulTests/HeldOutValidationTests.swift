import Foundation
import Testing
import TestSupport

/// `axmul train --hold-out-validation N` (issue 29 item 5): the model trains without the validation images
/// that `search --validation-samples N` (same seed and calibration batches) draws, the checkpoint records it,
/// and the search says whether its validation images were held out (`validation_held_out` in front.json).
struct HeldOutValidationTests {
    struct Train: Decodable { var train_samples: Int }
    struct Front: Decodable { var validation_held_out: Bool? }

    @Test func searchKnowsWhetherItsValidationWasHeldOut() throws {
        let dir = try cliTestFolder("axmul-held-out")
        defer { try? FileManager.default.removeItem(at: dir) }
        let model = dir.appendingPathComponent("m.safetensors").path, data = ["--data", "breast_cancer_wdbc"]
        let plain = try JSONDecoder().decode(Train.self, from: Data(try runAxmulOK(["train", "--model", "mlp", "--hidden", "8", "--epochs", "1",
                                                                                      "-o", dir.appendingPathComponent("p.safetensors").path, "--json"] + data).utf8))
        let held = try JSONDecoder().decode(Train.self, from: Data(try runAxmulOK(["train", "--model", "mlp", "--hidden", "8", "--epochs", "1", "-o", model,
                                                                                     "--hold-out-validation", "40", "--hold-out-seed", "3",
                                                                                     "--hold-out-calibration-batches", "1", "--json"] + data).utf8))
        #expect(held.train_samples == plain.train_samples - 40, "the 40 validation images are not trained on")
        func search(_ samples: String, _ out: String) throws -> (String, Front) {
            let stdout = try runAxmulOK(["search", "--model", model, "--library", "exact8,smapprox8x8-2222", "--population", "4", "--generations", "1",
                                         "--validation-samples", samples, "--seed", "3", "--calibration-batches", "1", "-o", dir.appendingPathComponent(out).path] + data)
            return (stdout, try JSONDecoder().decode(Front.self, from: Data(contentsOf: dir.appendingPathComponent(out + "/front.json"))))
        }
        let (same, sameFront) = try search("40", "same")
        #expect(sameFront.validation_held_out == true && same.contains("the model was trained without (samples 40 seed 3 reserved 64)"), "\(same)")
        let (other, otherFront) = try search("30", "other")
        #expect(otherFront.validation_held_out == false && other.contains("--hold-out-validation 30 --hold-out-seed 3"), "\(other)")
        // Another NSGA-II seed with the split's seed given apart keeps the held-out split.
        let nsga2 = try runAxmulOK(["search", "--model", model, "--library", "exact8,smapprox8x8-2222", "--population", "4", "--generations", "1",
                                    "--validation-samples", "40", "--seed", "4", "--validation-seed", "3", "--calibration-batches", "1",
                                    "-o", dir.appendingPathComponent("nsga2").path] + data)
        #expect(nsga2.contains("the model was trained without"), "\(nsga2)")
        let resume = runAxmul(["train", "--model", "mlp", "--hidden", "8", "--epochs", "2", "-o", model, "--resume"] + data)
        #expect(resume.status == 1 && resume.stderr.contains("resume with the same --hold-out-* options"), "\(resume.stderr)")
    }
}
