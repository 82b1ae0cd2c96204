import Foundation
import Testing
import TestSupport

/// `--data` with a folder of .npy arrays, end to end: a test-only folder serves `eval` and `evaluate` (calibrating
/// on the test inputs, with a warning) and is refused by `train`.
@Suite(.serialized, .needs(.python)) struct ArrayFolderCLITests {
    @Test func testOnlyFolderServesEvaluationNotTraining() throws {
        let dir = try cliTestFolder("axmul-npy")
        defer { try? FileManager.default.removeItem(at: dir) }
        let (data, checkpoint) = try ExportONNXTests.trained("mlp", shape: [6], epochs: 1, in: dir)
        let testOnly = dir.appendingPathComponent("test-only")
        try FileManager.default.createDirectory(at: testOnly, withIntermediateDirectories: true)
        for f in ["test_x.npy", "test_y.npy"] {
            try FileManager.default.copyItem(at: data.appendingPathComponent(f), to: testOnly.appendingPathComponent(f))
        }
        let evaluate = runAxmul(["evaluate", "--model", checkpoint, "--data", testOnly.path, "--multiplier", "exact8",
                                 "--calibration-samples", "10", "--limit", "12", "--json"])
        #expect(evaluate.status == 0, "\(evaluate.stderr)")
        #expect(evaluate.stderr.contains("calibrating on the test inputs"))
        let eval = runAxmul(["eval", "--model", checkpoint, "--data", testOnly.path, "--json"])
        #expect(eval.status == 0 && eval.stdout.contains("24"), "\(eval.stderr)")
        let train = runAxmul(["train", "--model", "mlp", "--data", testOnly.path, "--epochs", "1", "-o", dir.appendingPathComponent("t.safetensors").path])
        #expect(train.status == 1 && train.stderr.contains("training needs train_x.npy"), "\(train.stderr)")
    }
}
