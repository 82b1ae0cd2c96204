import Foundation
import Testing
@testable import Report

@Suite struct HybridEnergyResultsTests {
    /// A folder with a hand-written hybrid sweep and two evaluate results (one without energy).
    static func sampleFolder() throws -> URL {
        let dir = try Fixtures.temporaryDirectory()
        let hybrid = """
        {"epochs":4,"tolerance":0.01,"baseline_accuracy":0.95,"entries":[
         {"label":"id1","requested":{"mre":0.012,"sd":0.015},"realised":{"mre":0.0119,"sd":0.0151},"approx_accuracy":0.71,
          "switch_epoch":2,"exact_epochs":2,"accuracy":0.93,"utilisation":0.5,"tried":[{"switch_epoch":2,"accuracy":0.93}]}]}
        """
        try Data(hybrid.utf8).write(to: dir.appendingPathComponent("hybrid.json"))
        let a = #"{"multiplier":"drum8-k2","float_accuracy":0.95,"exact8_accuracy":0.94,"approx_accuracy":0.912,"energy_rel":0.43}"#
        try Data(a.utf8).write(to: dir.appendingPathComponent("evaluate-drum8-k2.json"))
        let b = #"{"multiplier":"mine","float_accuracy":0.95,"exact8_accuracy":0.94,"approx_accuracy":0.5,"energy_rel":null}"#
        try Data(b.utf8).write(to: dir.appendingPathComponent("evaluate-mine.json"))
        return dir
    }

    @Test func decodesHybridSweepAndEvaluations() throws {
        let dir = try Self.sampleFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let folder = try ResultsFolder(path: dir.path)
        #expect(folder.skipped.isEmpty)
        #expect(folder.hybrids.count == 1 && folder.hybrids[0].sweep.entries[0].switchEpoch == 2)
        #expect(folder.hybrids[0].sweep.entries[0].requested == .init(mre: 0.012, sd: 0.015))
        #expect(folder.evaluations.map(\.multiplier).sorted() == ["drum8-k2", "mine"])
        #expect(folder.evaluations.first { $0.multiplier == "mine" }.map { $0.accuracy.energyRel == nil } == true)
    }

    @Test func rendersHybridTableBarsAndEnergyScatterAsWellFormedXML() throws {
        let dir = try Self.sampleFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let html = Report.html(designs: [], folders: [try ResultsFolder(path: dir.path)])
        let parsed = try #require(XMLText.parse(html))
        for line in ["Hybrid training: hybrid.json", "Energy against accuracy", "drum8-k2"] {
            #expect(parsed.lines.contains(line))
        }
        // MRE 1.2 % and utilisation 50 % (0.012 and 0.5 times 100), hybrid accuracy as given.
        for cell in ["1.200", "50.00", "0.9300", "0.7100", "id1"] { #expect(parsed.lines.contains(cell)) }
        #expect(parsed.elements["svg"] == 2)  // hybrid bars, energy scatter
        #expect(parsed.elements["circle"] == 1)  // only the point with an energy figure
        #expect(parsed.lines.contains { $0.contains("No energy figure") && $0.contains("mine") })
    }
}

@Suite struct AxTrainResultsTests {
    @Test func rendersSummaryAndSensitivityMapAsWellFormedXML() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let summary = """
        {"act_epochs":3,"pas_epochs":1,"final_gamma":0.02,"sensitivity_after_act":12.5,"sensitivity_final":11.25,
         "multiplier":"drum8-k2","exact_accuracy":0.9561,"hardware_accuracy_mean":0.9474,"hardware_accuracy_std":0.0061,
         "hardware_runs":5,"samples":114,"seconds":1.5}
        """
        try Data(summary.utf8).write(to: dir.appendingPathComponent("axtrain.json"))
        let map = #"{"layer":"fc3","rows":2,"cols":3,"values":[0,0.1,0.2,0.3,0.4,0.8]}"#
        try Data(map.utf8).write(to: dir.appendingPathComponent("sensitivity.json"))
        let folder = try ResultsFolder(path: dir.path)
        #expect(folder.skipped.isEmpty)
        #expect(folder.sensitivityMaps.first?.map.values.count == 6 && folder.axTrains.first?.summary.actEpochs == 3)
        let parsed = try #require(XMLText.parse(Report.html(designs: [], folders: [folder])))
        for line in ["AxTrain summary: axtrain.json", "AxTrain sensitivity map: sensitivity.json",
                     "Per-weight sensitivity of layer fc3", "11.25", "0.9474 ± 0.006100", "0.8000"] {
            #expect(parsed.lines.contains(line))
        }
        #expect(parsed.elements["image"] == 1)
    }
}
