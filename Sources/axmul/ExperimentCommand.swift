import ArgumentParser
import Foundation
import TableFormat
import NetSim
import Records
import Report
import Workflows

/// `axmul experiment`: named experiment recipes that train, evaluate and write a results folder
/// with JSON, CSV and standalone figures; `render FOLDER` redraws the figures from its JSON.
struct ExperimentCommand: ParsableCommand, UsesThreads, WritesFiles {
    static let recipes = [
        "axtrain-table1": "AxTrain Table 1 (He et al. 2018): BP vs AxTrain-act vs AxTrain on DRUM K1..K4 and NTV storage (Figs. 4, 6, 7)",
        "delaparra": "De la Parra et al. (ASP-DAC 2021) Tables 5-7, Figs. 6-7: ResNet-8 retrained per method and SMApprox multiplier, plus the quantisation ablation",
        "hammad": "Hammad & El-Sankary Tables II-III: training from scratch with simulated multiplier error, hybrid schedules, two real multipliers",
    ]

    static let configuration = CommandConfiguration(
        commandName: "experiment",
        abstract: "Run a named experiment recipe (--list) into a results folder, or re-render one.",
        discussion: """
            Recipes: \(recipes.keys.sorted().joined(separator: ", ")); `axmul experiment render FOLDER` redraws \
            the figures (SVG) from FOLDER/experiment.json. Apps of axtrain-table1: \(Table1App.names.joined(separator: ", ")).
            delaparra and hammad are resumable cell by cell: rerun the same command into the same folder.
            Examples:
              axmul experiment axtrain-table1 --quick --apps breast_cancer -o table1-out
              axmul experiment delaparra --limit 4000 --test-limit 2000 -o results/delaparra
              axmul experiment hammad --quick -o hammad-out
            """)

    @Argument(help: "Recipe name (see --list), or 'render'.") var recipe: String?
    @Argument(help: "With 'render': the results folder to redraw.") var folder: String?
    @Flag(help: "List the recipes and exit.") var list = false
    @Option(name: .shortAndLong, help: "Results folder (experiment.json, fig6.csv, fig7.csv, fig*.svg, logs/).") var output: String?
    @Option(help: "Comma-separated apps (default: all of the recipe's).") var apps: String?
    @Option(help: "axtrain-table1: seeds per network (1…N); delaparra: retraining seeds 1…N per method and multiplier; hammad: training seeds 1…N of every cell (adds cells; mean ± SD).") var seeds: Int?
    @Flag(help: "Tiny settings for a smoke test (2 act epochs, 1 pas epoch, 3 runs, ≤200/100 samples).") var quick = false
    @Option(name: .customLong("act-epochs"), help: "BP and AxTrain-act epochs of the MLPs.") var actEpochs: Int?
    @Option(name: .customLong("cnn-act-epochs"), help: "BP and AxTrain-act epochs of LeNet-5.") var cnnActEpochs: Int?
    @Option(name: .customLong("pas-epochs"), help: "AxTrain-pas epochs per hardware setting.") var pasEpochs: Int?
    @Option(help: "Bit-flip draws per NTV evaluation.") var runs: Int?
    @OptionGroup var threading: ThreadOptions
    @Option(name: .customLong("max-grad-norm"), help: "Clip the global L2 norm of all gradients to this value in every run.")
    var maxGradNorm: Float?
    @Flag(help: "Print the summary as JSON.") var json = false
    @OptionGroup var proxy: ProxyExperimentOptions

    @OptionGroup var writing: OutputOptions

    func validate() throws {
        if list { return }
        guard let recipe else { throw ValidationError("give a recipe name (\(Self.recipes.keys.sorted().joined(separator: ", "))) or 'render FOLDER'; see --list") }
        if recipe == "render" {
            guard folder ?? output != nil else { throw ValidationError("'render' needs a results folder: axmul experiment render FOLDER") }
            return
        }
        guard Self.recipes[recipe] != nil else {
            throw ValidationError("unknown recipe '\(recipe)'; known recipes: \(Self.recipes.keys.sorted().joined(separator: ", ")) (or 'render FOLDER')")
        }
        guard output != nil else { throw ValidationError("give the results folder with -o FOLDER") }
        if let seeds, seeds < 1 { throw ValidationError("--seeds must be at least 1, got \(seeds)") }
        if recipe == "delaparra" { _ = try delaParraMethods() }
        if recipe != "axtrain-table1" { return }
        for name in appNames where !Table1App.names.contains(name) {
            throw ValidationError("unknown app '\(name)' for \(recipe); known apps: \(Table1App.names.joined(separator: ", "))")
        }
        for (flag, v) in [("--act-epochs", actEpochs), ("--cnn-act-epochs", cnnActEpochs), ("--runs", runs)] {
            if let v, v < 1 { throw ValidationError("\(flag) must be at least 1, got \(v)") }
        }
        if let pasEpochs, pasEpochs < 0 { throw ValidationError("--pas-epochs must be 0 or more, got \(pasEpochs)") }
        try validateMaxGradNorm(maxGradNorm)
    }

    var appNames: [String] {
        apps?.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } ?? Table1App.names
    }

    func run() throws {
        if list {
            for (name, text) in Self.recipes.sorted(by: { $0.key < $1.key }) { print("\(name)  \(text)") }
            print("render  redraw the figures of a results folder from its experiment.json")
            return
        }
        if recipe == "render", let path = folder ?? output {
            let url = URL(fileURLWithPath: path)
            let written = try Self.writeFigures(json: try rawJSON(url), to: url)
            if !json { print("wrote \(written.joined(separator: ", ")) in \(path)") }
            return
        }
        switch recipe {
        case "delaparra": return try runDelaParra()
        case "hammad": return try runHammad()
        default: break
        }
        let result = try runTable1()
        if json { print(try DesignArgument.json(result.summary)) }
    }

    /// The recipe's settings after `--quick` and the explicit overrides.
    var settings: Table1Settings {
        var s = quick ? Table1Settings.quick : Table1Settings()
        if let seeds { s.seeds = seeds }
        if let actEpochs { s.actEpochs = actEpochs }
        if let cnnActEpochs { s.cnnActEpochs = cnnActEpochs }
        if let pasEpochs { s.pasEpochs = pasEpochs }
        if let runs { s.runs = runs }
        if let maxGradNorm { s.maxGradNorm = maxGradNorm }
        return s
    }

    private func runTable1() throws -> Table1Result {
        let accurate = try ApproxCLI.multiplier("exact8")
        let ks = try (1...4).map { ("K\($0)", try ApproxCLI.multiplier("drum8-k\($0)")) }
        let recipe = Table1Recipe(settings: settings, apps: try Table1App.select(appNames), accurate: accurate, approximate: ks)
        let bar = TerminalProgress.ifTerminal()
        var context = experimentContext
        (context.progress, context.finishProgress) = ({ bar?.epoch($0) }, { bar?.finish() })
        return try Table1Job(recipe: recipe, folder: URL(fileURLWithPath: output ?? ".")).run(context: context)
    }

    /// Draws the figures of any recipe's `experiment.json` bytes into `folder`.
    static func writeFigures(json: Data, to folder: URL) throws -> [String] { try ExperimentRun.writeFigures(json: json, to: folder) }

    /// FOLDER/experiment.json as it is (each recipe's figures are drawn from its own keys).
    private func rawJSON(_ folder: URL) throws -> Data {
        let url = folder.appendingPathComponent("experiment.json")
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw ModelError.io(path: url.path, reason: "cannot read experiment.json; run `axmul experiment RECIPE -o FOLDER` first")
        }
        return data
    }
}
