import ArgumentParser
import Foundation
import NetSim
import Workflows

/// `axmul eval`: test accuracy of a trained checkpoint.
struct EvalCommand: ParsableCommand, UsesThreads {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Print a trained checkpoint's test accuracy on a data set.",
        discussion: "Example:\n  axmul eval --model lenet5.safetensors --data fashion-mnist --json")

    @Option(help: "Checkpoint written by `axmul train` (.safetensors) or an ONNX model (.onnx).") var model: String
    @Option(help: "Data set name or path (default: the one the checkpoint was trained on).") var data: String?
    @OptionGroup var subset: DataSubsetOptions
    @OptionGroup var input: InputNormalisationOptions
    @OptionGroup var threading: ThreadOptions
    @Flag(help: "Print a JSON object {accuracy, samples, loss, model, data}; a retrained checkpoint adds approx_accuracy and multiplier.")
    var json = false
    @Option(help: "Write the float network's test logits to PATH as a float32 .npy [N, classes], in test order.")
    var logits: String?

    func run() throws {
        let (_, info, trainer) = try ApproxCLI.loadModel(model, input: input)
        let dataName = data ?? info.data
        let shaped = try ModelData.fit(subset.subset.test(try DatasetLoader.load(dataName).test), info, model, dataName)
        let progress = ExecutionContext.terminal.report
        let e = Trainer.evaluate(trainer.network, on: shaped, progress: progress)
        if let logits { try ApproxCLI.writeLogits(trainer.network, on: shaped, to: logits) }
        var result = EvalResult(accuracy: e.accuracy, samples: e.samples, loss: e.loss, model: info.model, data: dataName)
        if let stored = try ApproxCLI.storedApproximation(info, path: model) {
            let net = try ApproxNetwork.wrap(trainer.network, stored.assignment, record: stored.record)
            result.approxAccuracy = ApproxEvaluation.accuracy(net, on: shaped, compute: .approximate, progress: progress)
            result.multiplier = stored.assignment.label
        }
        if json { print(try DesignArgument.json(result)); return }
        print(String(format: "test accuracy: %.4f (%d samples)", e.accuracy, e.samples))
        if let a = result.approxAccuracy, let m = result.multiplier {
            print(String(format: "behavioural accuracy with %@ (stored Δx): %.4f", m, a))
        }
    }
}

/// The `eval --json` object.
struct EvalResult: Codable {
    var accuracy: Double
    var samples: Int
    var loss: Double
    var model: String
    var data: String
    /// Behavioural accuracy with the multiplier and Δx a retrained checkpoint records (absent otherwise).
    var approxAccuracy: Double?
    var multiplier: String?

    enum CodingKeys: String, CodingKey {
        case accuracy, samples, loss, model, data, approxAccuracy = "approx_accuracy", multiplier
    }
}
