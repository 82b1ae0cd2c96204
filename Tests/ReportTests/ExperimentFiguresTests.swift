import Foundation
import Records
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import Report

/// Fig. 4/6/7 of an AxTrain Table 1 experiment: well-formed SVG with the expected series, labels
/// and bars, the report section, and the paper-style averages (hand-computed).
@Suite struct ExperimentFiguresTests {
    /// Two apps, the accurate multiplier and K1/K2; numbers chosen so the averages are exact. Untagged,
    /// as `experiment.json` was written before the schema tags, with every key its writer writes.
    static let json = """
    {"recipe": "axtrain-table1", "normalisation": "test normalisation", "seconds": 12.5, "networks": [],
     "settings": {"act_epochs": 2, "cnn_act_epochs": 1, "pas_epochs": 1, "batch_size": 32, "lr": 0.01, "pas_lr": 0.005,
                  "pas_keep_best": true, "momentum": 0.9, "gamma": 0.2, "delta_gamma": 0.1, "error_bound": 0.02,
                  "weight_bits": 8, "activation_bits": 16, "runs": 50, "seeds": 1},
     "apps": [{"name": "alpha", "dataset": "a", "model": "mlp", "hidden": [8], "topology": "4-8-2",
               "aggressive_flip_rate": 0.1, "conservative_flip_rate": 0.01},
              {"name": "beta", "dataset": "b", "model": "mlp", "hidden": [8], "topology": "4-8-3",
               "aggressive_flip_rate": 0.01, "conservative_flip_rate": 0.001}],
     "multipliers": [{"label": "accurate", "design": "exact8"}, {"label": "K1", "design": "drum8-k1"}, {"label": "K2", "design": "drum8-k2"}],
     "fig6": [
      {"app": "alpha", "method": "BP", "multiplier": "exact8", "accuracy": 0.9, "error_rate": 0.1, "loss": 0.3, "normalised_error": 1},
      {"app": "alpha", "method": "BP", "multiplier": "drum8-k1", "accuracy": 0.6, "error_rate": 0.4, "loss": 0.9, "normalised_error": 4},
      {"app": "alpha", "method": "AxTrain-act", "multiplier": "drum8-k1", "accuracy": 0.7, "error_rate": 0.3, "loss": 0.8, "normalised_error": 3},
      {"app": "alpha", "method": "AxTrain", "multiplier": "drum8-k1", "accuracy": 0.8, "error_rate": 0.2, "loss": 0.5, "normalised_error": 2},
      {"app": "beta", "method": "BP", "multiplier": "drum8-k1", "accuracy": 0.5, "error_rate": 0.5, "loss": 1.0, "normalised_error": 5},
      {"app": "beta", "method": "AxTrain-act", "multiplier": "drum8-k1", "accuracy": 0.5, "error_rate": 0.5, "loss": 1.0, "normalised_error": 5},
      {"app": "beta", "method": "AxTrain", "multiplier": "drum8-k1", "accuracy": 0.9, "error_rate": 0.1, "loss": 0.2, "normalised_error": 1}],
     "fig7": [
      {"app": "alpha", "method": "BP", "level": "Agg", "flip_rate": 0.1, "accuracy_mean": 0.5, "accuracy_sd": 0.1, "runs": 50},
      {"app": "alpha", "method": "AxTrain", "level": "Agg", "flip_rate": 0.1, "accuracy_mean": 0.8, "accuracy_sd": 0.05, "runs": 50},
      {"app": "alpha", "method": "BP", "level": "Con", "flip_rate": 0.01, "accuracy_mean": 0.85, "accuracy_sd": 0, "runs": 50}],
     "sensitivity_maps": [
      {"app": "alpha", "method": "BP", "map": {"layer": "fc3", "rows": 2, "cols": 3, "values": [0, 1, 2, 3, 4, 5]}},
      {"app": "alpha", "method": "AxTrain-act", "map": {"layer": "fc3", "rows": 2, "cols": 3, "values": [0, 0.5, 1, 1, 1, 1]}}]}
    """

    static func experiment() throws -> Table1Result {
        try JSONDecoder().decode(Table1Result.self, from: Data(json.utf8))
    }

    @Test func figuresAreWellFormedWithSeriesAndLabels() throws {
        let figures = try ExperimentFigures.render(experimentJSON: Data(Self.json.utf8))
        #expect(figures.map(\.name) == ["fig6.svg", "fig7.svg", "fig4.svg"])
        for (name, svg) in figures {
            let parsed = try #require(XMLText.parse(svg), "\(name) is not well-formed XML")
            #expect(parsed.elements["svg"] ?? 0 >= 2, "\(name) should hold its panels as nested svg")
            #expect(parsed.lines.contains { $0.hasPrefix("Fig. ") }, "\(name) needs a title")
        }
        let fig6 = try #require(XMLText.parse(figures[0].svg))
        for label in ["K1", "K2", "BP", "AxTrain-act", "AxTrain", "normalised error (×)", "DRUM multiplier configuration", "alpha (4-8-2)"] {
            #expect(fig6.lines.contains(label), "fig6 lacks \(label)")
        }
        // 3 bars in alpha, 3 in beta, plus 3 legend swatches and the panel backgrounds.
        #expect(figures[0].svg.components(separatedBy: "<title>BP: ").count - 1 == 2)
        #expect(figures[0].svg.contains("<title>AxTrain: 2.000</title>"))
        #expect(figures[0].svg.contains("stroke-dasharray"))
        let fig7 = try #require(XMLText.parse(figures[1].svg))
        for label in ["Agg (10%)", "Con (1%)", "test accuracy (fraction)", "NTV level (weight bit-flip rate)", "50 bit-flip runs"] {
            #expect(fig7.lines.contains(label), "fig7 lacks \(label)")
        }
        #expect(figures[1].svg.contains("<title>AxTrain: 0.8000 ± 0.05000</title>"))
        #expect(!fig7.lines.contains("AxTrain-act"), "fig7 compares BP with AxTrain only")
        let fig4 = try #require(XMLText.parse(figures[2].svg))
        #expect(figures[2].svg.components(separatedBy: "data:image/png;base64,").count - 1 == 2)
        // Shared scale: the colour bar's top value is the largest value of either map (5).
        #expect(fig4.lines.contains("5.000"))
        #expect(fig4.lines.contains("BP (sum over the layer: 15.00)"))
        #expect(fig4.lines.contains("AxTrain-act (sum over the layer: 4.500)"))
    }

    @Test func meanReductionIsAverageOverApps() throws {
        let e = try Self.experiment()
        // act: alpha 1 − 3/4 = 0.25, beta 1 − 5/5 = 0; mean 0.125. AxTrain: 1 − 2/4 = 0.5, 1 − 1/5 = 0.8; mean 0.65.
        #expect(abs((ExperimentFigures.meanReduction(e, method: "AxTrain-act", design: "drum8-k1") ?? -1) - 0.125) < 1e-12)
        #expect(abs((ExperimentFigures.meanReduction(e, method: "AxTrain", design: "drum8-k1") ?? -1) - 0.65) < 1e-12)
        #expect(ExperimentFigures.meanReduction(e, method: "AxTrain", design: "drum8-k2") == nil)
    }

    @Test func reportRendersExperimentFolder() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(Self.json.utf8).write(to: dir.appendingPathComponent("experiment.json"))
        try Data("app,method\n".utf8).write(to: dir.appendingPathComponent("fig6.csv"))
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("logs"), withIntermediateDirectories: true)
        let folder = try ResultsFolder(path: dir.path)
        #expect(folder.experiments.count == 1)
        #expect(folder.skipped.isEmpty)
        let html = try Fixtures.report([], folders: [folder])
        let parsed = try #require(XMLText.parse(html), "report is not well-formed")
        #expect(parsed.lines.contains("AxTrain Table 1 experiment: experiment.json"))
        #expect(parsed.lines.contains("12.5% / 65.0%"))
        #expect(parsed.lines.contains("0.8000 ± 0.05000 (n=50)"))
    }
}
