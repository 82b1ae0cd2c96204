import ArgumentParser
import Foundation
import NetSim

/// `axmul eval`: test accuracy of a trained checkpoint.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Print a trained checkpoint's test accuracy on a data set.",
        discussion: "Example:\n  axmul eval --model lenet5.safetensors --data fashion-mnist --json")

    @Option(help: "Checkpoint written by `axmul train` (.safetensors).") var model: String
    @Option(help: "Data set name or path (default: the one the checkpoint was trained on).") var data: String?
    @Option(help: "OpenBLAS threads (default 1; NetSim's own loops use all cores).") var threads = 1
    @Flag(help: "Print a JSON object {accuracy, samples, loss, model, data}.") var json = false

    func run() throws {
        BLAS.setThreads(threads)
        let (trainer, info) = try TrainCheckpoint.load(from: URL(fileURLWithPath: model))
        let dataName = data ?? info.data
        let shaped = try ApproxCLI.fit(try DatasetLoader.load(dataName).test, info, model, dataName)
        let e = Trainer.evaluate(trainer.network, on: shaped)
        let result = EvalResult(accuracy: e.accuracy, samples: e.samples, loss: e.loss, model: info.model, data: dataName)
        if json { print(try DesignArgument.json(result)) } else { print(String(format: "test accuracy: %.4f (%d samples)", e.accuracy, e.samples)) }
    }
}

/// The `eval --json` object.
struct EvalResult: Codable {
    var accuracy: Double
    var samples: Int
    var loss: Double
    var model: String
    var data: String
}
