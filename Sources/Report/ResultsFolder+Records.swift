import Circuits
import Foundation
import Records

/// How the report reads the JSON records of a results folder: the one list of saved formats it knows,
/// each the Records type its writer encodes. A tagged file is read by its `"schema"` (an unknown tag
/// is not read, and `skipped` names it); a file written before the tags is read by its keys, trying the
/// kinds in this order (each one's `valid` check keeps a file of another kind from matching).
extension ResultsFolder {
    struct RecordReader: Sendable {
        var schema: RecordSchema
        /// Reads a file that holds one record (a JSON object).
        var read: @Sendable (inout ResultsFolder, String, Data) -> Bool
        /// Reads a file that holds a JSON array of records of this kind (nil: the kind is not kept in lists).
        var readList: (@Sendable (inout ResultsFolder, String, Data) -> Bool)? = nil

        /// Decodes `R`, checks it with `valid` and files it with `add`.
        static func of<R: Record>(_ type: R.Type, valid: @escaping @Sendable (R) -> Bool = { _ in true },
                                  add: @escaping @Sendable (inout ResultsFolder, String, R) -> Void) -> RecordReader {
            RecordReader(schema: R.schema) { folder, name, data in
                guard let r = try? JSONDecoder().decode(R.self, from: data), valid(r) else { return false }
                add(&folder, name, r)
                return true
            }
        }

        /// Like `of`, for a kind that is also kept as a JSON array of records (one record files as a list of one).
        static func listOf<R: Record>(_ type: R.Type, valid: @escaping @Sendable (R) -> Bool = { _ in true },
                                      add: @escaping @Sendable (inout ResultsFolder, String, [R]) -> Void) -> RecordReader {
            RecordReader(schema: R.schema, read: { folder, name, data in
                guard let r = try? JSONDecoder().decode(R.self, from: data), valid(r) else { return false }
                add(&folder, name, [r])
                return true
            }, readList: { folder, name, data in
                guard let list = try? JSONDecoder().decode([R].self, from: data), !list.isEmpty, list.allSatisfy(valid) else { return false }
                add(&folder, name, list)
                return true
            })
        }
    }

    static let readers: [RecordReader] = [
        .of(DelaParraResult.self, valid: { $0.recipe == "delaparra" }) { $0.delaParras.append(($1, $2)) },
        .of(HammadResult.self, valid: { $0.recipe == "hammad" }) { $0.hammads.append(($1, $2)) },
        .of(Table1Result.self, valid: { $0.recipe == "axtrain-table1" }) { $0.experiments.append(($1, $2)) },
        .of(SearchResult.self) { $0.searchFronts.append(($1, $2)) },
        .of(SensitivityTable.self, valid: { $0.accuracy.count == $0.layers.count }) { $0.searchSensitivities.append(($1, $2)) },
        .of(CrossEvaluation.self, valid: \.isRectangular) { $0.crossEvals.append(($1, $2)) },
        .listOf(RetrainReport.self) { $0.retrains += $2 },   // an array: several `axmul retrain --json` outputs collected in one file
        .of(HybridSweepResult.self, valid: { !$0.entries.isEmpty }) { $0.hybrids.append(($1, $2)) },
        .of(EvaluationRecord.self) { $0.evaluations.append($2) },
        .of(SensitivityMap.self, valid: \.isWellFormed) { $0.sensitivityMaps.append(($1, $2)) },
        .of(AxTrainSummary.self) { $0.axTrains.append(($1, $2)) },
        .listOf(Characterisation.self, valid: { $0.width > 0 }) { $0.characterisations.append(($1, $2)) },   // `characterize --json`: an array
    ]

    /// Known records that the report has nothing to plot from: a search's working files (its shard sets).
    /// With `readers`, every tag of `RecordSchema.known` is accounted for (`RecordRoundTripTests`).
    static let notPlotted: Set<RecordSchema> = [.searchManifest, .searchShard, .searchMerged, .sampledCharacterisation]

    /// The tag of a JSON record, or of the first record of a JSON array of them.
    static func tag(of data: Data) -> String? { RecordSchema.tag(of: data) ?? RecordSchema.elementTag(of: data) }

    /// Reads a `.json` record, or an array of records: by its schema tag, or, untagged, by its keys;
    /// false if it is neither.
    mutating func readRecord(name: String, data: Data) -> Bool {
        let readList = { (reader: RecordReader, folder: inout ResultsFolder) in reader.readList?(&folder, name, data) ?? false }
        if let tag = Self.tag(of: data) {
            guard let reader = Self.readers.first(where: { RecordSchema(tag: tag) == $0.schema }) else { return false }
            return reader.read(&self, name, data) || readList(reader, &self)
        }
        for reader in Self.readers where reader.read(&self, name, data) { return true }
        for reader in Self.readers where readList(reader, &self) { return true }
        return false
    }

    /// One line per record of the per-epoch JSONL training log (untagged; lines that do not decode are left out).
    mutating func readTrainingLog(name: String, data: Data) -> Bool {
        let decoder = JSONDecoder()
        let lines = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline)
        let epochs = lines.compactMap { try? decoder.decode(EpochRecord.self, from: Data($0.utf8)) }
        guard !epochs.isEmpty else { return false }
        trainingLogs.append((name, epochs))
        return true
    }
}
