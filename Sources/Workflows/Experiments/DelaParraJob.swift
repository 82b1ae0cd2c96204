import Foundation
import NetSim
import Records

/// `axmul experiment delaparra` as a value: De la Parra et al. (ASP-DAC 2021) Tables 5–7 and Figs. 6–7,
/// resumable cell by cell in `folder` (`DelaParraRecipe`, `ExperimentCells`); every finished cell rewrites
/// `experiment.json`, the CSVs and the figures, so a stopped run leaves consistent tables.
public struct DelaParraJob {
    public var recipe: DelaParraRecipe
    public var folder: URL

    public init(recipe: DelaParraRecipe, folder: URL) { (self.recipe, self.folder) = (recipe, folder) }

    public func run(context: ExecutionContext) throws -> DelaParraResult {
        let s = recipe.settings
        let (train, test) = try ExperimentRun.data(s.data, trainLimit: s.maxTrainSamples, testLimit: s.maxTestSamples)
        let say = ExperimentRun.logger(folder, context: context)
        say("delaparra: \(s.model) on \(s.data), \(train.count) training / \(test.count) test images")
        let cells = ExperimentCells(resultsFolder: folder, log: say)
        try cells.checkSettings(s, recipe: "delaparra")
        let result = try recipe.run(train: train, test: test, folder: folder, cells: cells, log: say) { partial in
            try DelaParraOutput.write(partial, to: folder)
            _ = try ExperimentRun.writeFigures(json: try ExperimentOutput.json(DelaParraOutput.summarised(partial)), to: folder)
        }
        say(String(format: "wrote experiment.json, table5-7.csv, retrain.csv, paired.csv, ablation.csv, fig6.svg, fig7.svg in %@ (%.0f s)",
                   folder.path, result.seconds))
        return DelaParraOutput.summarised(result)
    }
}

/// `axmul experiment hammad` as a value: Hammad & El-Sankary Tables II–III, resumable cell by cell in `folder`.
public struct HammadJob {
    public var recipe: HammadRecipe
    public var folder: URL

    public init(recipe: HammadRecipe, folder: URL) { (self.recipe, self.folder) = (recipe, folder) }

    public func run(context: ExecutionContext) throws -> HammadResult {
        let s = recipe.settings
        let (train, test) = try ExperimentRun.data(s.data, trainLimit: s.maxTrainSamples, testLimit: s.maxTestSamples)
        let say = ExperimentRun.logger(folder, context: context)
        say("hammad: \(s.model) on \(s.data), \(train.count) training / \(test.count) test images, \(s.epochs) epochs")
        let cells = ExperimentCells(resultsFolder: folder, log: say)
        try cells.checkSettings(s, recipe: "hammad")
        let write = { (r: HammadResult) throws in
            try HammadOutput.write(r, to: folder)
            _ = try ExperimentRun.writeFigures(json: try ExperimentOutput.json(r), to: folder)
        }
        let result = try recipe.run(train: train, test: test, folder: folder, cells: cells, log: say, partial: write)
        try write(result)
        say(String(format: "wrote experiment.json, table2.csv, table3.csv, table2.svg, table3.svg in %@ (%.0f s)", folder.path, result.seconds))
        return result
    }
}
