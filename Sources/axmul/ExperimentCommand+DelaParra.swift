import ArgumentParser
import Foundation
import TableFormat
import NetSim
import Records
import Report

/// `axmul experiment delaparra`: De la Parra et al. (ASP-DAC 2021) Tables 5–7 and Figs. 6–7.
extension ExperimentCommand {
    static let delaParraMultipliers = ["1100", "2200", "3300", "1110", "3330", "2220", "3333", "2222"].map { "smapprox8x8-" + $0 }

    var delaParraSettings: DelaParraSettings {
        var s = proxy.applyCommon(to: quick ? DelaParraSettings.quick : DelaParraSettings())
        if let v = proxy.baseEpochs { s.baseEpochs = v }
        if let v = proxy.baseLR { s.baseLearningRate = v }
        if let v = proxy.base { s.baseCheckpoint = v }
        return s
    }

    func delaParraMethods() throws -> [DelaParraMethod] {
        let names = ProxyExperimentOptions.list(proxy.methods)
        for n in names where !DelaParraMethod.names.contains(n) {
            throw ValidationError("unknown method '\(n)' for delaparra; known methods: \(DelaParraMethod.names.joined(separator: ", "))")
        }
        return names.isEmpty ? DelaParraMethod.all : DelaParraMethod.all.filter { names.contains($0.name) }
    }

    func runDelaParra() throws {
        let folder = URL(fileURLWithPath: output ?? ".")
        let s = delaParraSettings
        let names = ProxyExperimentOptions.list(proxy.multipliers)
        let mults = try (names.isEmpty ? (quick ? ["smapprox8x8-3330", "smapprox8x8-2222"] : Self.delaParraMultipliers) : names)
            .map { try ApproxCLI.multiplier($0) }
        var recipe = DelaParraRecipe(settings: s, methods: try delaParraMethods(), multipliers: mults, exact: try ApproxCLI.multiplier("exact8"))
        if proxy.noAblation { recipe.ablationSettings = [DelaParraQuantSetting.all[0]] }
        recipe.seeds = seeds ?? 1
        recipe.resolve = { try? ApproxCLI.multiplier($0) }
        let (train, test) = try proxyData(s.data, trainLimit: s.maxTrainSamples, testLimit: s.maxTestSamples)
        let say = sayer(folder)
        say("delaparra: \(s.model) on \(s.data), \(train.count) training / \(test.count) test images")
        let cells = ExperimentCells(resultsFolder: folder, log: say)
        try cells.checkSettings(s, recipe: "delaparra")
        let result = try recipe.run(train: train, test: test, folder: folder, cells: cells, log: say) { partial in
            try DelaParraOutput.write(partial, to: folder)
            _ = try Self.writeFigures(json: try ExperimentOutput.json(DelaParraOutput.summarised(partial)), to: folder)
        }
        say(String(format: "wrote experiment.json, table5-7.csv, retrain.csv, ablation.csv, fig6.svg, fig7.svg in %@ (%.0f s)",
                   folder.path, result.seconds))
        if json { print(try RecordJSON.text(DelaParraOutput.summarised(result)), terminator: "") }
    }

    /// The data set, capped to evenly spaced training and test samples.
    func proxyData(_ name: String, trainLimit: Int?, testLimit: Int?) throws -> (LabeledData, LabeledData) {
        let (train, test) = try DatasetLoader.load(name)
        return (Table1Recipe.cap(train, trainLimit), Table1Recipe.cap(test, testLimit))
    }

    /// Prints a line (unless --json) and appends it, time-stamped, to FOLDER/logs/run.log.
    func sayer(_ folder: URL) -> (String) -> Void {
        let quiet = json
        let logURL = folder.appendingPathComponent("logs/run.log")
        try? FileManager.default.createDirectory(at: logURL.deletingLastPathComponent(), withIntermediateDirectories: true)
        return { line in
            if !quiet { print(line) }
            let stamped = ISO8601DateFormatter().string(from: Date()) + " " + line.replacingOccurrences(of: "\n", with: " ")
            try? OutputFile.append(line: stamped, to: logURL)   // the log is a convenience: a failed line does not stop the run
        }
    }
}
