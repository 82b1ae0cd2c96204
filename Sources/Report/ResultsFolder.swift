import Foundation
import Records

/// NetSim result files found in a folder, decoded by their JSON keys (the CLI's interface), so this
/// target needs no NetSim dependency. Files that match no known shape are listed in `skipped`.
public struct ResultsFolder: Sendable {
    /// One line of `axmul train`'s per-epoch JSONL log.
    public struct Epoch: Sendable, Codable, Equatable {
        public var epoch: Int
        public var trainLoss: Double
        public var trainAccuracy: Double
        public var testLoss: Double
        public var testAccuracy: Double
        enum CodingKeys: String, CodingKey {
            case epoch, trainLoss = "train_loss", trainAccuracy = "train_accuracy", testLoss = "test_loss", testAccuracy = "test_accuracy"
        }
    }

    /// `axmul retrain --json` output.
    public struct Retrain: Sendable, Codable, Equatable {
        public var approxAccuracyBefore: Double
        public var approxAccuracyAfter: Double
        public var method: String
        public var multiplier: String
        enum CodingKeys: String, CodingKey {
            case approxAccuracyBefore = "approx_accuracy_before", approxAccuracyAfter = "approx_accuracy_after", method, multiplier
        }
    }

    /// `axmul crosseval --json` output: accuracy[i][j] of model i with multiplier j.
    public struct CrossEval: Sendable, Codable, Equatable {
        public var models: [String]
        public var multipliers: [String]
        public var exact8: [Double]
        public var accuracy: [[Double]]
    }

    public var path: String
    public var trainingLogs: [(file: String, epochs: [Epoch])] = []
    public var retrains: [Retrain] = []
    public var crossEvals: [(file: String, table: CrossEval)] = []
    public var hybrids: [(file: String, sweep: HybridSweepResult)] = []
    public var evaluations: [EvaluationRecord] = []
    public var axTrains: [(file: String, summary: AxTrain)] = []
    public var sensitivityMaps: [(file: String, map: SensitivityMap)] = []
    public var experiments: [(file: String, experiment: Experiment)] = []
    public var searchFronts: [(file: String, front: SearchResult)] = []
    public var searchSensitivities: [(file: String, table: SensitivityTable)] = []
    /// `delaparra` and `hammad` experiment results (their figures' keys).
    public var delaParras: [(file: String, experiment: ExperimentFigures.DelaParra)] = []
    public var hammads: [(file: String, experiment: ExperimentFigures.Hammad)] = []
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

    /// The file's name, with the schema tag it carries and why it was not read.
    static func skipNote(_ name: String, _ data: Data) -> String {
        guard let tag = RecordSchema.tag(of: data) else { return name }
        if let schema = RecordSchema(tag: tag), RecordSchema.known.contains(schema) {
            return "\(name) (schema '\(tag)', but its content does not match it)"
        }
        return "\(name) (schema '\(tag)', which this version of axmul does not read)"
    }

    /// True if there is anything to plot.
    public var isEmpty: Bool { trainingLogs.isEmpty && retrains.isEmpty && crossEvals.isEmpty && hybrids.isEmpty && evaluations.isEmpty
        && axTrains.isEmpty && sensitivityMaps.isEmpty && experiments.isEmpty && delaParras.isEmpty && hammads.isEmpty
        && searchFronts.isEmpty && searchSensitivities.isEmpty }

    private mutating func read(name: String, data: Data) -> Bool {
        let decoder = JSONDecoder()
        if readExperiment(name: name, data: data) || readSearch(name: name, data: data) { return true }
        if name.hasSuffix(".jsonl") {
            let lines = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline)
            let epochs = lines.compactMap { try? decoder.decode(Epoch.self, from: Data($0.utf8)) }
            guard !epochs.isEmpty else { return false }
            trainingLogs.append((name, epochs))
            return true
        }
        guard name.hasSuffix(".json") else { return false }
        if let t = try? decoder.decode(CrossEval.self, from: data), t.accuracy.count == t.models.count {
            crossEvals.append((name, t))
        } else if let r = try? decoder.decode(Retrain.self, from: data) {
            retrains.append(r)
        } else if let rs = try? decoder.decode([Retrain].self, from: data), !rs.isEmpty {
            retrains += rs
        } else if !readMore(name: name, data: data) {
            return false
        }
        return true
    }
}
