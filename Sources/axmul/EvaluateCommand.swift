import ArgumentParser
import Circuits
import Foundation
import Multipliers
import NetSim
import ONNX
import Records
import TableFormat
import Workflows

/// `axmul evaluate`: float, exact 8-bit and approximate accuracy of a trained model, and its energy.
struct EvaluateCommand: ParsableCommand, UsesThreads, WritesFiles {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Report float, exact 8-bit and approximate (behavioural) accuracy, and relative energy.",
        discussion: """
        The model is quantised to 8 bits (eq. 1 of De la Parra et al.), calibrated on the training split,
        and every Dense/Conv2D product goes through the multiplier's table in sign-magnitude form.
        A checkpoint from `axmul retrain` keeps the activation steps Δx and quantisation it was retrained
        with: they are used as stored (as `axmul eval` does) unless --recalibrate is given.
        Example: axmul evaluate --model mlp.safetensors --data breast_cancer_wdbc --multiplier smapprox8x8-2222 --json
        """)

    @OptionGroup var common: ApproxOptions

    @Flag(help: "Print {multiplier, float_accuracy, exact8_accuracy, approx_accuracy, energy_rel} as JSON.")
    var json = false

    @Option(help: "Also write the JSON result to DIR/evaluate-<multiplier>.json (for `axmul report`).")
    var save: String?

    @OptionGroup var threading: ThreadOptions

    @Flag(help: "For a retrained checkpoint: calibrate Δx again on the training split, with the quantisation flags, instead of using the Δx and quantisation it stores.")
    var recalibrate = false

    @OptionGroup var writing: OutputOptions

    @Option(help: "Write the approximate network's test logits to PATH as a float32 .npy [N, classes], in test order.")
    var logits: String?

    func run() throws {
        let (result, assignment, notes, stored, test) = try measure()
        if let logits {
            var approximate = result.network
            ApproxNetwork.set(&approximate, compute: .approximate)
            try ApproxCLI.writeLogits(approximate, on: test, to: logits)
        }
        let saved = EvaluationRecord(multiplier: assignment.label, accuracy: result.accuracy,
                                     activationSteps: stored == nil ? "calibrated" : "stored")
        if let save { try saved.write(folder: save, name: common.multiplier) }
        if json {
            print(String(decoding: try RecordJSON.encode(saved), as: UTF8.self), terminator: "")
        } else {
            printText(result, assignment: assignment, notes: notes, stored: stored != nil, testCount: test.count)
        }
    }

    /// The model evaluated on the test part: with the Δx a retrained checkpoint stores, else calibrated.
    func measure() throws -> (result: (accuracy: ApproxAccuracy, energy: EnergyEstimate, network: Network), assignment: MultiplierAssignment,
                              notes: [String: String], stored: QuantisationRecord?, test: LabeledData) {
        let loaded = try ApproxCLI.loadModel(common.model, input: common.input)
        let data = try ModelData.load(common.data, for: loaded.info, modelPath: common.model)
        try common.checkLayers(of: loaded.network)
        let (assignment, notes) = try common.assignment(withCost: true)
        let test = common.subset.subset.test(data.test)
        let stored = try storedQuantisation(loaded.info)
        let result = if let stored {
            try ApproxEvaluation.evaluate(loaded.network, assignment: assignment, stored: stored, test: test,
                                          progress: ExecutionContext.terminal.report)
        } else {
            try calibrated(loaded.network, assignment: assignment, train: data.train, test: test)
        }
        return (result, assignment, notes, stored, test)
    }

    private func printText(_ result: (accuracy: ApproxAccuracy, energy: EnergyEstimate, network: Network), assignment: MultiplierAssignment,
                           notes: [String: String], stored: Bool, testCount: Int) {
        let a = result.accuracy
        print("model \(common.model) on \(common.data) (\(testCount) test samples), multiplier \(assignment.label)")
        print(String(format: "float accuracy      %.4f", a.floatAccuracy))
        print(String(format: "exact 8-bit         %.4f", a.exact8Accuracy))
        print(String(format: "approximate         %.4f", a.approxAccuracy))
        print("activation steps    " + (stored ? "stored in the checkpoint by retrain (--recalibrate calibrates them again)"
                                        : "calibrated on the training split"))
        print("energy (relative)   " + (a.energyRel.map { String(format: "%.4f (cost model %@)", $0, a.energyModel ?? "") }
                                        ?? "unknown: a multiplier has no power figure (see below)"))
        for l in result.energy.layers {
            let power = l.power.map { "power rel " + String(format: "%.4f", $0) } ?? "power unknown: " + (notes[l.multiplier] ?? "no cost known")
            print("  \(l.name): \(l.macs) MACs/sample, \(l.multiplier), " + power)
        }
    }
}

extension EvaluateCommand {
    /// The quantisation a retrained checkpoint stores, to be used as it is: nil for other models and
    /// with --recalibrate. Quantisation flags without --recalibrate would be ignored, so they are refused.
    func storedQuantisation(_ info: TrainCheckpoint.Info) throws -> QuantisationRecord? {
        guard !recalibrate, let record = info.quantisation else { return nil }
        let q = common.quant
        if q.calibration != nil || q.weightSteps != nil || q.perChannel || q.foldBN != nil || common.calibrationBatches != 4 {
            throw ValidationError("\(common.model) is a retrained checkpoint: it stores its Δx and quantisation, which "
                                  + "evaluate uses as they are; add --recalibrate to calibrate again with the quantisation flags")
        }
        return record
    }

    /// Wraps `float`, calibrates it on the training split's first batches and measures it on `test`.
    func calibrated(_ float: Network, assignment: MultiplierAssignment, train: LabeledData, test: LabeledData) throws
        -> (accuracy: ApproxAccuracy, energy: EnergyEstimate, network: Network) {
        var options = try common.quantOptions()
        let calibration = common.subset.subset.calibration(train, options: &options)
        return ApproxEvaluation.evaluate(float, assignment: assignment, calibration: calibration, test: test, options: options,
                                         progress: ExecutionContext.terminal.report)
    }
}

extension EvaluationRecord {
    /// Writes the record atomically to `folder`/evaluate-<name>.json (name reduced to a safe file name).
    func write(folder: String, name: String) throws {
        let base = ((name as NSString).lastPathComponent as NSString).deletingPathExtension
        let safe = String(base.map { $0.isLetter || $0.isNumber || "._-".contains($0) ? $0 : "_" })
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let url = URL(fileURLWithPath: folder).appendingPathComponent("evaluate-\(safe).json")
        try OutputFile.write(try RecordJSON.encode(self), to: url)
    }
}

/// Options shared by the approximate-network commands.
struct ApproxOptions: ParsableArguments {
    @Option(help: "Trained model checkpoint (from `axmul train`) or an ONNX model (.onnx, docs/onnx.md).")
    var model: String

    @OptionGroup var input: InputNormalisationOptions

    @Option(help: "Dataset name (e.g. breast_cancer_wdbc) or path.")
    var data: String

    @Option(help: "Multiplier for every Dense/Conv2D layer: \(ApproxCLI.multiplierKinds).")
    var multiplier: String

    @Option(name: .customLong("layer-multiplier"), help: "Per-layer override LAYER=DESIGN (repeatable).")
    var layerMultipliers: [String] = []

    @OptionGroup var quant: QuantFlags

    @Option(name: .customLong("calibration-batches"), help: "Batches of 64 training samples used for calibration.")
    var calibrationBatches = 4

    @OptionGroup var subset: DataSubsetOptions

    /// The multiplier map (each entry with its power relative to exact) and, per multiplier name, why its
    /// power is unknown (absent when it is known).
    /// `withCost: false` (commands that report no energy) skips computing costs.
    func assignment(withCost: Bool = false) throws -> (MultiplierAssignment, [String: String]) {
        let main = try ApproxCLI.loaded(multiplier, withCost: withCost)
        var notes: [String: String] = [:]
        if main.cost.powerRel == nil { notes[main.name] = main.cost.note ?? "no cost known" }
        var perLayer: [String: MultiplierAssignment.Entry] = [:]
        for spec in layerMultipliers {
            let parts = spec.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty else {
                throw ValidationError("--layer-multiplier '\(spec)' must have the form LAYER=DESIGN")
            }
            let m = try ApproxCLI.loaded(parts[1], withCost: withCost)
            perLayer[parts[0]] = m.entry
            if m.cost.powerRel == nil { notes[m.name] = m.cost.note ?? "no cost known" }
        }
        return (MultiplierAssignment(default: main.entry, perLayer: perLayer), notes)
    }

    func quantOptions() throws -> ApproxNetwork.QuantOptions {
        ApproxNetwork.QuantOptions(try quant.spec(calibrationBatches: calibrationBatches))
    }
}

/// Loading models, data and multipliers for the approximate-network commands.
enum ApproxCLI {
    /// What a multiplier argument may be (the help text of every --multiplier option).
    static let multiplierKinds = "a built-in name, a design file (.axd), a compiled .axlut, or a .npy / TFApprox .bin table"

    /// A checkpoint's network and what it describes.
    /// An ONNX file (`.onnx`, imported; see docs/onnx.md) or a checkpoint, for every `--model`.
    /// `input` (--input-mean/--input-std) overrides an ONNX model's metadata preprocessing.
    static func loadModel(_ path: String, input: InputNormalisationOptions? = nil) throws
        -> (network: Network, info: TrainCheckpoint.Info, trainer: Trainer) {
        let opened = try ModelSource.open(path, preprocessing: try input?.parsed())
        return (opened.network, opened.info, opened.trainer)
    }

    /// The multiplier named by `spec` (see `MultiplierLoader`) as a NetSim entry, for commands that
    /// report no energy (its cost is not computed unless a table file stores it).
    static func multiplier(_ spec: String) throws -> MultiplierAssignment.Entry {
        try loaded(spec, withCost: false).entry
    }

    /// The multiplier named by `spec`, with its cost (yosys-synthesised for designs without a LUT
    /// mapping, cached); `withCost: false` skips the cost for commands that report no energy.
    static func loaded(_ spec: String, withCost: Bool = true) throws -> LoadedMultiplier {
        try DesignArgument.reporting { try MultiplierLoader.load(spec, costModel: withCost ? .withSynthesis() : nil) }
    }
}

extension ApproxError: UserFacingError {
    public var location: SourceLocation? { file.map { SourceLocation(file: $0, line: 0, column: 0) } }
}
