import ArgumentParser
import Foundation
import NetSim
import Records
import Workflows

/// `axmul crosseval`: each retrained model evaluated with each multiplier (the paper's Table 7).
struct CrossEvalCommand: ParsableCommand, UsesThreads {
    static let configuration = CommandConfiguration(
        commandName: "crosseval",
        abstract: "Evaluate models retrained for multipliers X1..Xn with every multiplier (behavioural).",
        discussion: """
        Example: axmul crosseval --data breast_cancer_wdbc --model m.safetensors --model m-2222.safetensors \\
                 --multiplier smapprox8x8-1110 --multiplier smapprox8x8-2222
        """)

    @OptionGroup var threading: ThreadOptions

    @Option(help: "Dataset name or path.") var data: String
    @Option(help: "A model checkpoint or .onnx file (repeatable): the rows.") var model: [String]
    @Option(help: "A multiplier (repeatable; the columns): \(ApproxCLI.multiplierKinds).") var multiplier: [String]
    @OptionGroup var quant: QuantFlags
    @OptionGroup var subset: DataSubsetOptions
    @OptionGroup var input: InputNormalisationOptions
    @Flag(help: "JSON output.") var json = false

    func validate() throws {
        guard !model.isEmpty, !multiplier.isEmpty else { throw ValidationError("give at least one --model and one --multiplier") }
        try input.check(models: model)
    }

    func run() throws {
        let d = try DatasetLoader.load(data)
        let loaded = try model.map { path in
            let checkpoint = try ApproxCLI.loadModel(path, input: input)
            _ = try ModelData.fit(d.test, checkpoint.info, path, data)
            return (name: path, checkpoint: checkpoint)
        }
        let models = loaded.map { (name: $0.name, network: $0.checkpoint.network) }
        // A retrained checkpoint's stored Δx and calibration settings replace recalibration.
        var records: [String: QuantisationRecord] = [:]
        for m in loaded { records[m.name] = m.checkpoint.info.quantisation }
        let entries = try multiplier.map { try ApproxCLI.multiplier($0) }
        var options = try quant.apply(to: ApproxNetwork.QuantOptions())
        let calibration = subset.subset.calibration(d.train, options: &options)
        let table = try CrossEvaluation.run(models: models, multipliers: entries, calibration: calibration, test: subset.subset.test(d.test),
                                            options: options, records: records)
        if json { print(try RecordJSON.text(table), terminator: ""); return }
        printTable(table)
    }

    /// Table 7's layout: a row per model, its exact 8-bit accuracy, then one column per multiplier.
    private func printTable(_ table: CrossEvaluation) {
        let width = max(12, table.models.map(\.count).max() ?? 0)
        let pad = { (s: String) in s.padding(toLength: width, withPad: " ", startingAt: 0) }
        print(pad("model") + "  8b-exact  " + table.multipliers.map { $0.padding(toLength: 18, withPad: " ", startingAt: 0) }.joined())
        for (i, m) in table.models.enumerated() {
            let cells = table.accuracy[i].map { String(format: "%-18.4f", $0) }.joined()
            print(pad(m) + String(format: "  %-8.4f  ", table.exact8[i]) + cells)
        }
    }
}
