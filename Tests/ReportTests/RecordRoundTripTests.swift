import Circuits
import Foundation
import Records
import Search
import Testing
@testable import Report

/// Every record type round-trips through its writer (`RecordJSON.encode`, tagged) and its readers: its
/// own decoder and the report's `ResultsFolder` (which names the search's working files, not plotted). Files written before the tags still load, hand-made
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
        // A characterisation (hand-computed figures of Fixtures.tiny), alone and as `characterize --json` prints
        // it (an array, each element tagged), and that array as written before the tag.
        let tiny = try Characteriser().characterise(Fixtures.tiny)
        try Self.write(tiny, "tiny", tag: "axmul.characterisation/1", in: dir)
        let printed = try RecordJSON.encode(list: [tiny, tiny])
        #expect(RecordSchema.elementTag(of: printed) == "axmul.characterisation/1" && RecordSchema.tag(of: printed) == nil)
        #expect(try JSONDecoder().decode([Characterisation].self, from: printed) == [tiny, tiny])
        // `characterize --samples N --json` prints its estimates the same way, with their own tag.
        let sampled = try Characteriser().characteriseSampled(Fixtures.tiny, samples: 200, seed: 3)
        let printedSampled = try RecordJSON.encode(list: [sampled])
        #expect(RecordSchema.elementTag(of: printedSampled) == "axmul.sampled-characterisation/1")
        #expect(try JSONDecoder().decode([SampledCharacterisation].self, from: printedSampled) == [sampled])
        try printed.write(to: dir.appendingPathComponent("characterize.json"))
        let oldWriter = JSONEncoder()
        oldWriter.outputFormatting = [.prettyPrinted, .sortedKeys]
        try oldWriter.encode([tiny]).write(to: dir.appendingPathComponent("old-characterize.json"))
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
        #expect(read.characterisations.map(\.file) == ["characterize.json", "old-characterize.json", "old-tiny.json", "tiny.json"])
        #expect(read.characterisations.map(\.designs.count) == [2, 1, 1, 1] && read.characterisations.allSatisfy { $0.designs.allSatisfy { $0 == tiny } })
        let m = try #require(read.characterisations.first?.designs.first?.magnitude)
        #expect(abs(m.epPct - 4) < 1e-12 && abs(m.mae - 0.04) < 1e-15 && abs(m.mrePct - 100.0 / 9 / 16) < 1e-12, "hand-computed (Fixtures.tiny)")
        #expect(html.contains("Characterised designs: characterize.json") && html.contains("tiny3x3"))

        // The search's shard set (manifest, shards, merged results) and a cache line, through their writers
        // and readers; the report names the tagged shard files as known but not plotted.
        let setDir = dir.appendingPathComponent("set")
        let set = ShardSet(context: S.searchContext, split: "validation", items: [["a"], ["b"], ["a"]], shards: 2)
        try set.write(to: setDir)
        for i in 0..<2 { try set.run(shard: i, in: setDir) { $0 == ["a"] ? 0.75 : 0.5 } }
        #expect(try set.merge(in: setDir) == [0.75, 0.5, 0.75])
        #expect(try ShardSet.read(setDir) == set)
        #expect(try SearchJSON.decode(ShardResult.self, from: ShardSet.shardURL(setDir, 1)) == ShardResult(shard: 1, first: 1, accuracies: [0.5, 0.75]))
        #expect(try SearchJSON.decode(MergedShards.self, from: ShardSet.mergedURL(setDir)) == MergedShards(accuracies: [0.75, 0.5, 0.75]))
        for (file, tag) in [("manifest.json", "axmul.search-manifest/1"), ("shard-0.json", "axmul.search-shard/1"), ("merged.json", "axmul.search-merged/1")] {
            #expect(RecordSchema.tag(of: try Data(contentsOf: setDir.appendingPathComponent(file))) == tag)
        }
        let cacheURL = setDir.appendingPathComponent("cache.jsonl")
        var cache = try EvaluationCache(file: cacheURL)
        let key = EvaluationCache.Key(model: "fnv1a64:0x1", subset: "v3 data fnv1a64:0x2 validation", assignment: ["a@fnv1a64:0xa"])
        try cache.store(key, 0.625)
        #expect(String(decoding: try Data(contentsOf: cacheURL), as: UTF8.self)
                == #"{"accuracy":0.625,"key":{"assignment":["a@fnv1a64:0xa"],"model":"fnv1a64:0x1","subset":"v3 data fnv1a64:0x2 validation"}}"# + "\n",
                "an untagged line, the bytes of the line before it moved to Records")
        #expect(try EvaluationCache(file: cacheURL).values == [key: 0.625])
        let setRead = try ResultsFolder(path: setDir.path)
        #expect(setRead.isEmpty)
        #expect(setRead.skipped == ["cache.jsonl"] + ["manifest.json (schema 'axmul.search-manifest/1'", "merged.json (schema 'axmul.search-merged/1'",
                                                       "shard-0.json (schema 'axmul.search-shard/1'", "shard-1.json (schema 'axmul.search-shard/1'"]
            .map { $0 + ", which the report does not plot)" })
    }

    @Test func theReportReadsEveryKnownSchemaAndNamesOthers() throws {
        let tags = ["search-front", "search-sensitivity", "evaluation", "hybrid-sweep", "retrain", "crosseval", "axtrain", "sensitivity-map",
                    "experiment-axtrain-table1", "experiment-delaparra", "experiment-hammad", "characterisation", "sampled-characterisation",
                    "search-manifest", "search-shard", "search-merged"].map { "axmul.\($0)/1" }
        #expect(Set(RecordSchema.known.map(\.description)) == Set(tags))
        let read = ResultsFolder.readers.map(\.schema)
        #expect(Set(read).count == read.count && Set(read).isDisjoint(with: ResultsFolder.notPlotted)
                && Set(read).union(ResultsFolder.notPlotted) == RecordSchema.known, "one reader per known schema, or known not to be plotted")
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        var future = try JSONSerialization.jsonObject(with: try RecordJSON.encode(S.front)) as? [String: Any] ?? [:]
        future["schema"] = "axmul.search-front/9"
        try JSONSerialization.data(withJSONObject: future).write(to: dir.appendingPathComponent("future.json"))
        var mislabelled = try JSONSerialization.jsonObject(with: try RecordJSON.encode(S.map)) as? [String: Any] ?? [:]
        mislabelled["schema"] = "axmul.axtrain/1"
        try JSONSerialization.data(withJSONObject: mislabelled).write(to: dir.appendingPathComponent("wrong.json"))
        var element = try JSONSerialization.jsonObject(with: try RecordJSON.encode(try Characteriser().characterise(Fixtures.tiny))) as? [String: Any] ?? [:]
        element["schema"] = "axmul.characterisation/7"
        try JSONSerialization.data(withJSONObject: [element]).write(to: dir.appendingPathComponent("characterize-future.json"))
        let folder = try ResultsFolder(path: dir.path)
        #expect(folder.isEmpty)
        #expect(folder.skipped == ["characterize-future.json (schema 'axmul.characterisation/7', which this version of axmul does not read)",
                                   "future.json (schema 'axmul.search-front/9', which this version of axmul does not read)",
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
