import Foundation
import Records
import Testing
@testable import Report

/// Every record type round-trips through its writer (`RecordJSON.encode`, tagged) and its readers: its
/// own decoder and the report's `ResultsFolder`. Files written before the tags still load; a tag this
/// version does not know is named in the report's skipped list.
struct RecordRoundTripTests {
    static let front = SearchResult(
        layers: ["fc1", "fc2"], designs: ["exact8", "truncated8-t8"], exact8ValidationAccuracy: 0.96, exact8TestAccuracy: 0.94,
        constraints: SearchConstraints(maxAccuracyLoss: 1, maxEnergy: nil), maxDistinct: 2, population: 6, generations: 2,
        seed: 1, candidates: 8,
        front: [.init(assignment: ["truncated8-t8", "exact8"], energyRel: 0.44, validationAccuracy: 0.9605, testAccuracy: 0.9469, distinct: 2)],
        uniform: [.init(assignment: ["exact8", "exact8"], energyRel: 1, validationAccuracy: 0.96, testAccuracy: 0.94, distinct: 1)],
        refine: "none", refined: nil)
    static let sensitivity = SensitivityTable(layers: ["fc1", "fc2"], designs: ["exact8", "truncated8-t8"],
                                              accuracy: [[0.96, 0.95], [0.96, 0.93]], exactAccuracy: 0.96)

    static let evaluation = EvaluationRecord(
        multiplier: "smapprox8x8-3330",
        accuracy: ApproxAccuracy(floatAccuracy: 0.9, exact8Accuracy: 0.89, approxAccuracy: 0.87, energyRel: nil),
        activationSteps: "stored")

    static let hybrid = HybridSweepResult(epochs: 4, tolerance: 0.01, baselineAccuracy: 0.95, entries: [
        HybridSweepEntry(label: "id1", requested: ErrorSpec(mre: 0.012, sd: 0.015), realised: ErrorSpec(mre: 0.0119, sd: 0.0151),
                         approxAccuracy: 0.71, switchEpoch: 2, exactEpochs: 2, accuracy: 0.93, utilisation: 0.5,
                         tried: [HybridTrial(switchEpoch: 2, accuracy: 0.93)]),
    ])

    static func folder() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("axmul-records-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func everyRecordRoundTripsThroughItsWriterAndReaders() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let frontBytes = try RecordJSON.encode(Self.front), sensitivityBytes = try RecordJSON.encode(Self.sensitivity)
        #expect(RecordSchema.tag(of: frontBytes) == "axmul.search-front/1")
        #expect(RecordSchema.tag(of: sensitivityBytes) == "axmul.search-sensitivity/1")
        #expect(RecordSchema.known == [SearchResult.schema, SensitivityTable.schema, EvaluationRecord.schema, HybridSweepResult.schema])
        let hybridBytes = try RecordJSON.encode(Self.hybrid)
        #expect(RecordSchema.tag(of: hybridBytes) == "axmul.hybrid-sweep/1")
        #expect(try JSONDecoder().decode(HybridSweepResult.self, from: hybridBytes) == Self.hybrid)
        try hybridBytes.write(to: dir.appendingPathComponent("hybrid.json"))
        let evaluationBytes = try RecordJSON.encode(Self.evaluation)
        #expect(RecordSchema.tag(of: evaluationBytes) == "axmul.evaluation/1")
        #expect(String(decoding: evaluationBytes, as: UTF8.self).contains("\"energy_rel\" : null"), "an unknown energy is an explicit null")
        #expect(try JSONDecoder().decode(EvaluationRecord.self, from: evaluationBytes) == Self.evaluation)
        try evaluationBytes.write(to: dir.appendingPathComponent("evaluate-3330.json"))
        // Written before the tag and activation_steps.
        try Data(#"{"multiplier":"old","float_accuracy":0.9,"exact8_accuracy":0.8,"approx_accuracy":0.7,"energy_rel":0.5}"#.utf8)
            .write(to: dir.appendingPathComponent("evaluate-old.json"))
        #expect(try JSONDecoder().decode(SearchResult.self, from: frontBytes) == Self.front)
        #expect(try JSONDecoder().decode(SensitivityTable.self, from: sensitivityBytes) == Self.sensitivity)
        try frontBytes.write(to: dir.appendingPathComponent("front.json"))
        try sensitivityBytes.write(to: dir.appendingPathComponent("sensitivity.json"))
        // Written before the tags: the same keys without "schema".
        try JSONEncoder().encode(Self.front).write(to: dir.appendingPathComponent("old-front.json"))
        var unknown = try JSONSerialization.jsonObject(with: frontBytes) as? [String: Any] ?? [:]
        unknown["schema"] = "axmul.search-front/9"
        try JSONSerialization.data(withJSONObject: unknown).write(to: dir.appendingPathComponent("future.json"))
        let read = try ResultsFolder(path: dir.path)
        #expect(read.searchFronts.map(\.file) == ["front.json", "old-front.json"])
        #expect(read.searchFronts.allSatisfy { $0.front == Self.front })
        #expect(read.searchSensitivities.count == 1 && read.searchSensitivities.first?.table == Self.sensitivity)
        #expect(read.hybrids.count == 1 && read.hybrids.first?.sweep == Self.hybrid)
        #expect(read.evaluations.first == Self.evaluation)
        #expect(read.evaluations.last == EvaluationRecord(
            multiplier: "old", accuracy: ApproxAccuracy(floatAccuracy: 0.9, exact8Accuracy: 0.8, approxAccuracy: 0.7, energyRel: 0.5),
            activationSteps: nil))
        #expect(read.skipped == ["future.json (schema 'axmul.search-front/9', which this version of axmul does not read)"])
    }

    @Test func schemaTagsParse() {
        #expect(RecordSchema(tag: "axmul.search-front/1") == SearchResult.schema)
        #expect(RecordSchema(tag: "axmul.search-front/0") == nil && RecordSchema(tag: "search-front/1") == nil)
        #expect(RecordSchema(tag: "axmul./1") == nil && RecordSchema(tag: "axmul.x/y") == nil)
    }
}
