import Circuits
import Foundation
import Records

/// NetSim result files found in a folder, decoded as the Records types their writers encode (by the
/// `"schema"` tag, or by the keys of a file written before the tags; `ResultsFolder+Records.swift`).
/// Files that match no known shape are listed in `skipped`, with the tag of a kind this version does not read.
public struct ResultsFolder: Sendable {
    public var path: String
    public var trainingLogs: [(file: String, epochs: [EpochRecord])] = []
    public var retrains: [RetrainReport] = []
    public var crossEvals: [(file: String, table: CrossEvaluation)] = []
    public var hybrids: [(file: String, sweep: HybridSweepResult)] = []
    public var evaluations: [EvaluationRecord] = []
    public var axTrains: [(file: String, summary: AxTrainSummary)] = []
    public var sensitivityMaps: [(file: String, map: SensitivityMap)] = []
    public var experiments: [(file: String, experiment: Table1Result)] = []
    public var searchFronts: [(file: String, front: SearchResult)] = []
    public var searchSensitivities: [(file: String, table: SensitivityTable)] = []
    /// `delaparra` and `hammad` experiment results.
    public var delaParras: [(file: String, experiment: DelaParraResult)] = []
    public var hammads: [(file: String, experiment: HammadResult)] = []
    /// `axmul characterize --json` outputs: each file's designs.
    public var characterisations: [(file: String, designs: [Characterisation])] = []
    public var skipped: [String] = []

    /// Reads every regular file directly in `path` (sorted by name); unknown or malformed files are skipped,
    /// a file with a schema tag this version does not know with the tag named.
    public init(path: String) throws(ReportError) {
        self.path = path
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue else {
            throw .notAFolder(path: path)
        }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else {
            throw .io(path: path, reason: "cannot list the results folder")
        }
        for name in names.sorted() {
            let file = (path as NSString).appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: file) else { continue }
            if !read(name: name, data: data) { skipped.append(Self.skipNote(name, data)) }
        }
    }

    /// A folder with nothing read yet (for reading one file's bytes).
    init(unread path: String) { self.path = path }

    /// The file's name, with the schema tag it carries and why it was not read.
    static func skipNote(_ name: String, _ data: Data) -> String {
        guard let tag = tag(of: data) else { return name }
        guard let schema = RecordSchema(tag: tag), RecordSchema.known.contains(schema) else {
            return "\(name) (schema '\(tag)', which this version of axmul does not read)"
        }
        if notPlotted.contains(schema) { return "\(name) (schema '\(tag)', which the report does not plot)" }
        return "\(name) (schema '\(tag)', but its content does not match it)"
    }

    /// True if there is anything to plot.
    public var isEmpty: Bool { trainingLogs.isEmpty && retrains.isEmpty && crossEvals.isEmpty && hybrids.isEmpty && evaluations.isEmpty
        && axTrains.isEmpty && sensitivityMaps.isEmpty && experiments.isEmpty && delaParras.isEmpty && hammads.isEmpty
        && searchFronts.isEmpty && searchSensitivities.isEmpty && characterisations.isEmpty }

    private mutating func read(name: String, data: Data) -> Bool {
        if isExperimentDerived(name) { return true }
        if name.hasSuffix(".jsonl") { return readTrainingLog(name: name, data: data) }
        return name.hasSuffix(".json") && readRecord(name: name, data: data)
    }
}
