import Foundation
import Records
import Testing
@testable import Report

/// Every record type round-trips through its writer (`RecordJSON.encode`, tagged) and its readers: its
/// own decoder and the report's `ResultsFolder`. Files written before the tags still load, hand-made
/// (ResultsFolderTests, HybridEnergyResultsTests, ExperimentFiguresTests) and committed (`results/`);
/// a tag this version does not know is named in the report's skipped list.
struct RecordRoundTripTests {
    typealias S = RecordSamples

    static func folder() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("axmul-records-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Writes `record` tagged as `<name>.json` and, as before the tags, untagged as `old-<name>.json`;
    /// checks its tag and that its own decoder gives it back.
    static func write<R: Record & Equatable>(_ record: R, _ name: String, tag: String, in dir: URL) throws {
        let bytes = try RecordJSON.encode(record)
        #expect(RecordSchema.tag(of: bytes) == tag)
        #expect(try JSONDecoder().decode(R.self, from: bytes) == record, "\(tag)")
        try bytes.write(to: dir.appendingPathComponent(name + ".json"))
        try JSONEncoder().encode(record).write(to: dir.appendingPathComponent("old-" + name + ".json"))
    }

    @Test func everyRecordRoundTripsThroughItsWriterAndReaders() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Self.write(S.front, "front", tag: "axmul.search-front/1", in: dir)
        try Self.write(S.sensitivity, "sensitivity", tag: "axmul.search-sensitivity/1", in: dir)
        try Self.write(S.evaluation, "evaluate", tag: "axmul.evaluation/1", in: dir)
        try Self.write(S.hybrid, "hybrid", tag: "axmul.hybrid-sweep/1", in: dir)
        try Self.write(S.retrain, "m.retrain", tag: "axmul.retrain/1", in: dir)
        try Self.write(S.crossEval, "crosseval", tag: "axmul.crosseval/1", in: dir)
        try Self.write(S.axTrain, "axtrain", tag: "axmul.axtrain/1", in: dir)
        try Self.write(S.map, "map", tag: "axmul.sensitivity-map/1", in: dir)
        try Self.write(S.table1, "table1", tag: "axmul.experiment-axtrain-table1/1", in: dir)
        try Self.write(S.delaParra, "delaparra", tag: "axmul.experiment-delaparra/1", in: dir)
        try Self.write(S.hammad, "hammad", tag: "axmul.experiment-hammad/1", in: dir)
        let log = try S.epochs.map { String(decoding: try JSONEncoder().encode($0), as: UTF8.self) + "\n" }.joined()
        try Data(log.utf8).write(to: dir.appendingPathComponent("m.log.jsonl"))
        #expect(String(decoding: try RecordJSON.encode(S.evaluation), as: UTF8.self).contains("\"energy_rel\" : null"),
                "an unknown energy is an explicit null")
        let read = try ResultsFolder(path: dir.path)
        #expect(read.skipped.isEmpty)
        let both = { (name: String) in [name + ".json", "old-" + name + ".json"].sorted() }   // the folder is read in name order
        #expect(read.searchFronts.map(\.file) == both("front") && read.searchFronts.allSatisfy { $0.front == S.front })
        let html = Report.html(designs: [], folders: [read])
        #expect(html.contains("Energy: published (De la Parra et al. 2021); validation images held out from the model"),
                "the report says which energy source and validation a search used")
        #expect(read.searchSensitivities.map(\.file) == both("sensitivity") && read.searchSensitivities.allSatisfy { $0.table == S.sensitivity })
        #expect(read.evaluations == [S.evaluation, S.evaluation])
        #expect(read.hybrids.map(\.file) == both("hybrid") && read.hybrids.allSatisfy { $0.sweep == S.hybrid })
        #expect(read.retrains == [S.retrain, S.retrain])
        #expect(read.crossEvals.map(\.file) == both("crosseval") && read.crossEvals.allSatisfy { $0.table == S.crossEval })
        #expect(read.axTrains.map(\.file) == both("axtrain") && read.axTrains.allSatisfy { $0.summary == S.axTrain })
        #expect(read.sensitivityMaps.map(\.file) == both("map") && read.sensitivityMaps.allSatisfy { $0.map == S.map })
        #expect(read.experiments.map(\.file) == both("table1") && read.experiments.allSatisfy { $0.experiment == S.table1 })
        #expect(read.delaParras.map(\.file) == both("delaparra") && read.delaParras.allSatisfy { $0.experiment == S.delaParra })
        #expect(read.hammads.map(\.file) == both("hammad") && read.hammads.allSatisfy { $0.experiment == S.hammad })
        #expect(read.trainingLogs.count == 1 && read.trainingLogs.first?.epochs == S.epochs)
    }

    @Test func theReportReadsEveryKnownSchemaAndNamesOthers() throws {
        let tags = ["search-front", "search-sensitivity", "evaluation", "hybrid-sweep", "retrain", "crosseval", "axtrain", "sensitivity-map",
                    "experiment-axtrain-table1", "experiment-delaparra", "experiment-hammad"].map { "axmul.\($0)/1" }
        #expect(Set(RecordSchema.known.map(\.description)) == Set(tags))
        #expect(ResultsFolder.readers.map(\.schema).sorted(by: { $0.description < $1.description })
                == RecordSchema.known.sorted(by: { $0.description < $1.description }), "one reader per known schema")
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        var future = try JSONSerialization.jsonObject(with: try RecordJSON.encode(S.front)) as? [String: Any] ?? [:]
        future["schema"] = "axmul.search-front/9"
        try JSONSerialization.data(withJSONObject: future).write(to: dir.appendingPathComponent("future.json"))
        var mislabelled = try JSONSerialization.jsonObject(with: try RecordJSON.encode(S.map)) as? [String: Any] ?? [:]
        mislabelled["schema"] = "axmul.axtrain/1"
        try JSONSerialization.data(withJSONObject: mislabelled).write(to: dir.appendingPathComponent("wrong.json"))
        let read = try ResultsFolder(path: dir.path)
        #expect(read.isEmpty)
        #expect(read.skipped == ["future.json (schema 'axmul.search-front/9', which this version of axmul does not read)",
                                 "wrong.json (schema 'axmul.axtrain/1', but its content does not match it)"])
    }

    /// An `evaluate` result written before the tag and `activation_steps`.
    @Test func anOldEvaluationLoads() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(#"{"multiplier":"old","float_accuracy":0.9,"exact8_accuracy":0.8,"approx_accuracy":0.7,"energy_rel":0.5}"#.utf8)
            .write(to: dir.appendingPathComponent("evaluate-old.json"))
        #expect(try ResultsFolder(path: dir.path).evaluations == [EvaluationRecord(
            multiplier: "old", accuracy: ApproxAccuracy(floatAccuracy: 0.9, exact8Accuracy: 0.8, approxAccuracy: 0.7, energyRel: 0.5),
            activationSteps: nil)])
    }

    /// The accuracy after retraining is the cell's own, or the control's evaluation on the multiplier; per seed.
    @Test func delaParraAfterIsTheCellsOrTheControlsEvaluation() {
        let e = S.delaParra, m = "smapprox8x8-2222"
        #expect(e.after(e.methods[1], m)?.accuracy == 0.7 && e.after(e.methods[1], m)?.cell.method == "control")
        #expect(e.after(e.methods[0], m) == nil, "the errormodel cell ran only with seed 2")
        #expect(e.after(e.methods[0], m, seed: 2)?.accuracy == 0.85)
        #expect(e.afterSeeds(e.methods[0], m)! == (0.86, 0.0141) && e.before(m) == nil)
        #expect(e.afterSeeds(e.methods[1], m)! == (0.7, nil) && e.before("exact8") == 0.89)
    }

    @Test func schemaTagsParse() {
        #expect(RecordSchema(tag: "axmul.search-front/1") == SearchResult.schema)
        #expect(RecordSchema(tag: "axmul.search-front/0") == nil && RecordSchema(tag: "search-front/1") == nil)
        #expect(RecordSchema(tag: "axmul./1") == nil && RecordSchema(tag: "axmul.x/y") == nil)
    }
}
