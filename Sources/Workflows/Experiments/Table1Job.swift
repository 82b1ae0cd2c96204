import Foundation
import NetSim
import Records

/// `axmul experiment axtrain-table1` as a value: He et al.'s Table 1 (BP vs AxTrain-act vs AxTrain) with its
/// per-run logs, `experiment.json`, the CSVs and figures 4, 6 and 7 in `folder`.
public struct Table1Job {
    public var recipe: Table1Recipe
    public var folder: URL

    public init(recipe: Table1Recipe, folder: URL) { (self.recipe, self.folder) = (recipe, folder) }

    /// Runs every network; `context.say` gets a line per trained network, `context.progress` the epochs' batches.
    public func run(context: ExecutionContext) throws -> Table1Result {
        try context.withWorkers {
            let logs = Table1Output.Logs(folder: folder)
            let hooks = Table1Recipe.Hooks(epoch: { name, record in
                context.finishProgress()
                try logs.append(record, to: name)
            }, network: { n in
                context.say(String(format: "%@ seed %d  %@%@  %d epochs  float acc %.4f  S %.4g  %.1f s", n.app, Int(n.seed), n.method,
                                   n.hardware.map { " (\($0))" } ?? "", n.epochs, n.floatAccuracy, n.sensitivity, n.seconds))
            }, progress: context.progress)
            let result = try recipe.run(hooks: hooks)
            let written = try Table1Output.write(result, to: folder)
                + ExperimentRun.writeFigures(json: try Table1Output.json(result), to: folder)
            context.say("wrote \(written.joined(separator: ", ")) in \(folder.path) (\(String(format: "%.0f", result.seconds)) s)")
            return result
        }
    }
}
