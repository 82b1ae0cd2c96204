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
        #expect(folder.evaluations.first { $0.multiplier == "mine" }?.energyRel == nil)
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
