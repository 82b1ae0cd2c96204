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
        try context.withWorkers {
            let s = recipe.settings
            let start = try ExperimentRun.start("delaparra", settings: s, folder: folder, context: context) {
                "delaparra: \(s.model) on \(s.data), \($0.count) training / \($1.count) test images"
            }
            let say = start.say
            let result = try recipe.run(train: start.train, test: start.test, folder: folder, cells: start.cells, log: say) { partial in
                try DelaParraOutput.write(partial, to: folder)
                _ = try ExperimentRun.writeFigures(json: try ExperimentOutput.json(DelaParraOutput.summarised(partial)), to: folder)
            }
            say(String(format: "wrote experiment.json, table5-7.csv, retrain.csv, paired.csv, ablation.csv, fig6.svg, fig7.svg in %@ (%.0f s)",
                       folder.path, result.seconds))
            return DelaParraOutput.summarised(result)
        }
    }
}

/// `axmul experiment hammad` as a value: Hammad & El-Sankary Tables II–III, resumable cell by cell in `folder`.
public struct HammadJob {
    public var recipe: HammadRecipe
    public var folder: URL

    public init(recipe: HammadRecipe, folder: URL) { (self.recipe, self.folder) = (recipe, folder) }

    public func run(context: ExecutionContext) throws -> HammadResult {
        try context.withWorkers {
            let s = recipe.settings
            let start = try ExperimentRun.start("hammad", settings: s, folder: folder, context: context) {
                "hammad: \(s.model) on \(s.data), \($0.count) training / \($1.count) test images, \(s.epochs) epochs"
            }
            let say = start.say
            let write = { (r: HammadResult) throws in
                try HammadOutput.write(r, to: folder)
                _ = try ExperimentRun.writeFigures(json: try ExperimentOutput.json(r), to: folder)
            }
            let result = try recipe.run(train: start.train, test: start.test, folder: folder, cells: start.cells, log: say, partial: write)
            try write(result)
            say(String(format: "wrote experiment.json, table2.csv, table3.csv, table2.svg, table3.svg in %@ (%.0f s)", folder.path, result.seconds))
            return result
        }
    }
}
