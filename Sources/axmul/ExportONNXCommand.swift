import ArgumentParser
import Foundation
import NetSim
import ONNX
import Workflows

/// `axmul export-onnx --model F -o out.onnx [--qdq]`: a checkpoint as an ONNX model.
struct ExportONNXCommand: ParsableCommand, WritesFiles {
    static let configuration = CommandConfiguration(
        commandName: "export-onnx",
        abstract: "Write a checkpoint as an ONNX model: float, or 8-bit QuantizeLinear/DequantizeLinear (--qdq).",
        discussion: """
        The float export holds the checkpoint's weights (a retrained checkpoint's retrained weights). \
        With --qdq every Dense/Conv2D input gets a QuantizeLinear/DequantizeLinear pair with AxMul's Δx, \
        and its weight is stored as AxMul's int8 codes with DequantizeLinear(Δw): a retrained checkpoint's \
        stored Δx and weight setting are used; otherwise Δx is calibrated on --data as `evaluate` does, \
        with the same quantisation flags and defaults (batch norm folded, percentile 99.99; these flags apply \
        to calibrated exports only). With batch norm folded the exported graph is the folded network. \
        Input "input" [N, …], output "logits" [N, classes], opset 13. See docs/onnx.md.

        Example: axmul export-onnx --model m-2222.safetensors --qdq -o m-2222.qdq.onnx
        """)

    @Option(help: "Checkpoint (.safetensors) from `axmul train` or `retrain`, or an ONNX model (.onnx: import → export).")
    var model: String
    @OptionGroup var input: InputNormalisationOptions
    @Option(name: .shortAndLong, help: "Output .onnx file (written atomically).") var output: String
    @Flag(help: "Write the 8-bit model as QuantizeLinear/DequantizeLinear pairs with the stored or calibrated steps.")
    var qdq = false
    @Option(help: "Data set for calibrating Δx (--qdq on a checkpoint without stored steps).") var data: String?
    @OptionGroup var quant: QuantFlags
    @Option(name: .customLong("calibration-batches"), help: "Batches of 64 training samples used for calibration.")
    var calibrationBatches = 4
    @Option(name: .customLong("calibration-samples"), help: "Calibrate on the first N training samples instead.")
    var calibrationSamples: Int?
    @Flag(help: "Print {path, format, form, bytes, model, opset, quantised_layers} as JSON.") var json = false

    @OptionGroup var writing: OutputOptions

    func validate() throws {
        guard calibrationBatches > 0 else { throw ValidationError("--calibration-batches must be positive; got \(calibrationBatches)") }
        if let n = calibrationSamples, n <= 0 { throw ValidationError("--calibration-samples must be a positive sample count; got \(n)") }
        guard output.hasSuffix(".onnx") else { throw ValidationError("--output '\(output)' must end in .onnx") }
        try input.check(models: [model])
    }

    func run() throws {
        let loaded = try ApproxCLI.loadModel(model, input: input)   // a checkpoint, or an imported .onnx
        let (trainer, info) = (loaded.trainer, loaded.info)
        let record = qdq ? try quantisation(trainer.network, info) : nil
        // The data the export depends on: the checkpoint's, else the --data its Δx were calibrated on.
        let dataUsed = info.data.isEmpty && record != nil ? data.map(ModelData.provenance) ?? "" : info.data
        var meta = ["axmul.model": info.model, "axmul.data": dataUsed, "axmul.source": (model as NSString).lastPathComponent]
        if let record { meta["axmul.calibration"] = record.calibration.text + (record.perChannelWeights ? ", per-channel weights" : "") }
        let url = URL(fileURLWithPath: output)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let bytes = try ONNXExport.write(trainer.network, quantisation: record, metadata: meta, to: url)
        let result = ExportedONNX(path: output, form: qdq ? "qdq" : "float", bytes: bytes, model: info.model,
                                  opset: Int(ONNXExport.opset), quantisedLayers: record.map { $0.inputDeltas.keys.sorted() } ?? [])
        if json { return print(try DesignArgument.json(result)) }
        print("wrote \(output) (ONNX opset \(ONNXExport.opset), \(result.form), \(bytes) bytes)")
    }

    /// The stored record of a retrained checkpoint, or Δx calibrated on --data.
    private func quantisation(_ net: Network, _ info: TrainCheckpoint.Info) throws -> QuantisationRecord {
        if let stored = info.quantisation {
            if data != nil { writeStderr("export-onnx: \(model) stores its Δx; --data is not used\n") }
            return stored
        }
        guard let data else {
            throw ModelError.invalidArgument(what: "--data", value: "(none)",
                                             rule: "\(model) stores no activation steps Δx; give --data to calibrate them for --qdq")
        }
        var options = try quant.apply(to: ApproxNetwork.QuantOptions())
        options.calibrationBatches = calibrationBatches
        var train = try DatasetLoader.load(data).train
        train.sampleShape = info.inputShape
        let calibrationSet = DataSubset(calibrationSamples: calibrationSamples).calibration(train, options: &options)
        var wrapped = ApproxNetwork.wrap(net, MultiplierAssignment(default: nil), options: options)
        ApproxNetwork.calibrate(&wrapped, on: calibrationSet, options: options)
        return ApproxNetwork.record(wrapped, options: options)
    }
}

/// The `export-onnx --json` object.
struct ExportedONNX: Codable {
    var path: String
    var format = "onnx"
    var form: String
    var bytes: Int
    var model: String
    var opset: Int
    var quantisedLayers: [String]

    init(path: String, form: String, bytes: Int, model: String, opset: Int, quantisedLayers: [String]) {
        (self.path, self.form, self.bytes, self.model, self.opset, self.quantisedLayers) = (path, form, bytes, model, opset, quantisedLayers)
    }

    enum CodingKeys: String, CodingKey {
        case path, format, form, bytes, model, opset, quantisedLayers = "quantised_layers"
    }
}
