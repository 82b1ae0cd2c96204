import Foundation
import Testing
@testable import Report

/// The results committed under `results/` were written before the schema tags; the report still reads
/// each of them as its writer's record (values checked against the files).
@Suite struct CommittedResultsTests {
    static func folder(_ name: String) throws -> ResultsFolder {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return try ResultsFolder(path: root.appendingPathComponent("results").appendingPathComponent(name).path)
    }

    @Test func experimentsLoad() throws {
        let delaParra = try Self.folder("delaparra"), hammad = try Self.folder("hammad"), table1 = try Self.folder("axtrain-table1")
        #expect(delaParra.delaParras.count == 1 && delaParra.delaParras.first?.experiment.quantisedAccuracy == 0.6525)
        #expect(delaParra.delaParras.first?.experiment.retrains.count == 65)
        #expect(hammad.hammads.count == 1 && hammad.hammads.first?.experiment.baselineAccuracy == 0.7075)
        #expect(table1.experiments.count == 1 && table1.experiments.first?.experiment.fig6.count == 84)
        #expect(table1.experiments.first?.experiment.apps.map(\.name) == ["breast_cancer", "segment", "ionosphere", "satimage", "mnist_mlp", "mnist_cnn"])
        for f in [delaParra, hammad, table1] { #expect(f.skipped.allSatisfy { !$0.hasSuffix(".json") && !$0.hasSuffix(".csv") }, "\(f.skipped)") }
    }

    @Test func searchOutputsAndTrainingLogLoad() throws {
        let run = try Self.folder("search-resnet8"), out = try Self.folder("search-resnet8/out")
        #expect(run.trainingLogs.map(\.file) == ["resnet8-fmnist.safetensors.log.jsonl"] && run.trainingLogs.first?.epochs.first?.lr == 0.05)
        #expect(out.searchFronts.count == 1 && out.searchFronts.first?.front.front.count == 4)
        #expect(out.searchSensitivities.first?.table.layers.prefix(2) == ["stem.conv", "layer1.0.a.conv"])
    }
}
