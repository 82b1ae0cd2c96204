import Foundation
import NetSim
import Report
import TableFormat

/// What the paper-recipe jobs share: their data (capped to evenly spaced samples), the results folder's run
/// log, and the figures drawn beside `experiment.json`.
public enum ExperimentRun {
    /// The data set, capped to evenly spaced training and test samples.
    public static func data(_ name: String, trainLimit: Int?, testLimit: Int?) throws -> (train: LabeledData, test: LabeledData) {
        let (train, test) = try DatasetLoader.load(name)
        return (Table1Recipe.cap(train, trainLimit), Table1Recipe.cap(test, testLimit))
    }

    /// What a resumable recipe starts from: its (capped) data, the logger, and the folder's cell store with the
    /// settings checked against those of an earlier run into it; `header` is the first line, given the data.
    public struct Start {
        public var train: LabeledData
        public var test: LabeledData
        public var say: (String) -> Void
        public var cells: ExperimentCells
    }

    public static func start<S: ProxyExperimentSettings & Codable & Equatable>(_ recipe: String, settings s: S, folder: URL, context: ExecutionContext,
                                                         header: (LabeledData, LabeledData) -> String) throws -> Start {
        let (train, test) = try data(s.data, trainLimit: s.maxTrainSamples, testLimit: s.maxTestSamples)
        let say = logger(folder, context: context)
        say(header(train, test))
        let cells = ExperimentCells(resultsFolder: folder, log: say)
        try cells.checkSettings(s, recipe: recipe)
        return Start(train: train, test: test, say: say, cells: cells)
    }

    /// A line goes to `context.say` and, time-stamped, to FOLDER/logs/run.log (a convenience: a line that
    /// cannot be written there does not stop the run).
    public static func logger(_ folder: URL, context: ExecutionContext) -> (String) -> Void {
        let logURL = folder.appendingPathComponent("logs/run.log")
        try? FileManager.default.createDirectory(at: logURL.deletingLastPathComponent(), withIntermediateDirectories: true)
        return { line in
            context.say(line)
            let stamped = ISO8601DateFormatter().string(from: Date()) + " " + line.replacingOccurrences(of: "\n", with: " ")
            try? OutputFile.append(line: stamped, to: logURL)
        }
    }

    /// Draws the figures of any recipe's `experiment.json` bytes into `folder`; returns their file names.
    public static func writeFigures(json: Data, to folder: URL) throws -> [String] {
        let figures = try ExperimentFigures.render(experimentJSON: json)
        for (name, svg) in figures { try OutputFile.write(Data(svg.utf8), to: folder.appendingPathComponent(name)) }
        return figures.map(\.name)
    }
}
