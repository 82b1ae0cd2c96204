import ArgumentParser
import Circuits
import Foundation
import NetSim
import TableFormat

/// `axmul evaluate`: float, exact 8-bit and approximate accuracy of a trained model, and its energy.
struct EvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Report float, exact 8-bit and approximate (behavioural) accuracy, and relative energy.",
        discussion: """
        The model is quantised to 8 bits (eq. 1 of De la Parra et al.), calibrated on the training split,
        and every Dense/Conv2D product goes through the multiplier's table in sign-magnitude form.
        Example: axmul evaluate --model mlp.safetensors --data breast_cancer_wdbc --multiplier smapprox8x8-2222 --json
        """)

    @OptionGroup var common: ApproxOptions

    /// A multiplier by design name or `.axlut` path, with its power relative to the exact one (used by other commands).
    static func multiplier(_ spec: String) throws -> (MultiplierAssignment.Entry, Double?) {
        try ApproxCLI.multiplier(spec)
    }

    @Flag(help: "Print {multiplier, float_accuracy, exact8_accuracy, approx_accuracy, energy_rel} as JSON.")
    var json = false

    @Option(help: "Also write the JSON result to DIR/evaluate-<multiplier>.json (for `axmul report`).")
    var save: String?

    func run() throws {
        let loaded = try ApproxCLI.loadModel(common.model)
        let data = try ApproxCLI.loadData(common.data, for: loaded.info, modelPath: common.model)
        try common.checkLayers(of: loaded.network)
        let (assignment, power) = try common.assignment()
        let result = ApproxEvaluation.evaluate(loaded.network, assignment: assignment, calibration: data.train,
                                               test: data.test, options: try common.quantOptions(), power: { power[$0] ?? nil })
        let saved = SavedEvaluation(multiplier: assignment.label, accuracy: result.accuracy)
        if let save { try saved.write(folder: save, name: common.multiplier) }
        if json {
            print(try DesignArgument.json(saved))
            return
        }
        let a = result.accuracy
        print("model \(common.model) on \(common.data) (\(data.test.count) test samples), multiplier \(assignment.label)")
        print(String(format: "float accuracy      %.4f", a.floatAccuracy))
        print(String(format: "exact 8-bit         %.4f", a.exact8Accuracy))
        print(String(format: "approximate         %.4f", a.approxAccuracy))
        print("energy (relative)   " + (a.energyRel.map { String(format: "%.4f", $0) } ?? "unknown (no LUT mapping for power)"))
        for l in result.energy.layers {
            print("  \(l.name): \(l.macs) MACs/sample, \(l.multiplier), power rel " + (l.power.map { String(format: "%.4f", $0) } ?? "?"))
        }
    }
}

/// The evaluate result with its multiplier label: ApproxAccuracy's keys plus "multiplier".
struct SavedEvaluation: Encodable {
    var multiplier: String
    var accuracy: ApproxAccuracy
    enum CodingKeys: String, CodingKey { case multiplier }

    func encode(to encoder: Encoder) throws {
        try accuracy.encode(to: encoder)
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(multiplier, forKey: .multiplier)
    }

    /// Writes the JSON atomically to `folder`/evaluate-<name>.json (name reduced to a safe file name).
    func write(folder: String, name: String) throws {
        let base = ((name as NSString).lastPathComponent as NSString).deletingPathExtension
        let safe = String(base.map { $0.isLetter || $0.isNumber || "._-".contains($0) ? $0 : "_" })
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let url = URL(fileURLWithPath: folder).appendingPathComponent("evaluate-\(safe).json")
        try AtomicFile.write(Data(try DesignArgument.json(self).utf8), to: url)
    }
}

/// Options shared by the approximate-network commands.
struct ApproxOptions: ParsableArguments {
    @Option(help: "Trained model checkpoint (from `axmul train`).")
    var model: String

    @Option(help: "Dataset name (e.g. breast_cancer_wdbc) or path.")
    var data: String

    @Option(help: "Multiplier for every Dense/Conv2D layer: a design name or a .axlut file from `axmul compile`.")
    var multiplier: String

    @Option(name: .customLong("layer-multiplier"), help: "Per-layer override LAYER=DESIGN (repeatable).")
    var layerMultipliers: [String] = []

    @Flag(name: .customLong("per-channel"), help: "One weight step per output channel instead of per tensor.")
    var perChannel = false

    @Option(help: "Activation calibration: maxabs, or percentile:P (e.g. percentile:99.9).")
    var calibration = "maxabs"

    @Option(name: .customLong("calibration-batches"), help: "Batches of 64 training samples used for calibration.")
    var calibrationBatches = 4

    /// The multiplier map and each multiplier's power relative to the exact 8-bit one (nil = unknown).
    func assignment() throws -> (MultiplierAssignment, [String: Double?]) {
        let (main, p) = try ApproxCLI.multiplier(multiplier)
        var power: [String: Double?] = [main.name: p]
        var perLayer: [String: MultiplierAssignment.Entry] = [:]
        for spec in layerMultipliers {
            let parts = spec.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty else {
                throw ValidationError("--layer-multiplier '\(spec)' must have the form LAYER=DESIGN")
            }
            let (e, q) = try ApproxCLI.multiplier(parts[1])
            perLayer[parts[0]] = e
            power[e.name] = q
        }
        return (MultiplierAssignment(default: main, perLayer: perLayer), power)
    }

    func quantOptions() throws -> ApproxNetwork.QuantOptions {
        var o = ApproxNetwork.QuantOptions()
        o.perChannelWeights = perChannel
        o.calibrationBatches = calibrationBatches
        if calibration == "maxabs" {
            o.calibration = .maxAbs
        } else if calibration.hasPrefix("percentile:"), let p = Double(calibration.dropFirst(11)), p > 0, p <= 100 {
            o.calibration = .percentile(p)
        } else {
            throw ValidationError("--calibration '\(calibration)' must be maxabs or percentile:P with 0 < P ≤ 100")
        }
        return o
    }
}

/// Loading models, data and multipliers for the approximate-network commands.
enum ApproxCLI {
    /// A checkpoint's network and what it describes.
    static func loadModel(_ path: String) throws -> (network: Network, info: TrainCheckpoint.Info, trainer: Trainer) {
        let (trainer, info) = try TrainCheckpoint.load(from: URL(fileURLWithPath: path))
        return (trainer.network, info, trainer)
    }

    static func loadData(_ nameOrPath: String) throws -> (train: LabeledData, test: LabeledData) {
        try DatasetLoader.load(nameOrPath)
    }

    /// A `.axlut` file or a design name; the power is relative to smapprox8x8-0000 when the design
    /// has a LUT mapping, else nil.
    static func multiplier(_ spec: String) throws -> (MultiplierAssignment.Entry, Double?) {
        if spec.hasSuffix(".axlut") || (FileManager.default.fileExists(atPath: spec) && !spec.hasSuffix(".design")) {
            let table = try LookupTable(contentsOf: spec)
            let signed = try MultiplierTables.signed(from: table, path: spec)
            return (.init(name: table.name.isEmpty ? spec : table.name, table: signed), nil)
        }
        let design = try DesignArgument.resolve(spec)
        let truth = try DesignArgument.reporting { try design.truthTable() }
        guard truth.widthA == 8, truth.widthB == 8 else {
            throw ApproxError.unsupportedTable(reason: "design '\(spec)' is \(truth.widthA)x\(truth.widthB); 8-bit layers need an 8x8 multiplier")
        }
        let signed = try SignedProductTable(unsignedProducts: truth.values, width: 256)
        let reference = try? DesignResolver.resolve("smapprox8x8-0000")
        let power = try? CostModel().estimate(design, reference: reference).powerRel
        return (.init(name: design.name, table: signed), power ?? nil)
    }
}

extension ApproxError: UserFacingError {
    public var location: SourceLocation? { file.map { SourceLocation(file: $0, line: 0, column: 0) } }
}
