import Foundation
import Testing
@testable import Report

@Suite struct ResultsFolderTests {
    /// A folder like the CLI leaves behind: a train log, retrain and crosseval JSON, and a stray file.
    static func sampleFolder() throws -> URL {
        let dir = try Fixtures.temporaryDirectory()
        let log = """
        {"epoch":1,"lr":0.01,"seconds":0.5,"test_accuracy":0.81,"test_loss":0.62,"train_accuracy":0.78,"train_loss":0.70}
        {"epoch":2,"lr":0.01,"seconds":0.5,"test_accuracy":0.90,"test_loss":0.31,"train_accuracy":0.92,"train_loss":0.28}
        not json
        """
        try Data(log.utf8).write(to: dir.appendingPathComponent("m.safetensors.log.jsonl"))
        let retrain = """
        [{"approx_accuracy_before":0.60,"approx_accuracy_after":0.88,"epoch_seconds":[1.0],"method":"errormodel","multiplier":"smapprox8x8-2222"},
         {"approx_accuracy_before":0.60,"approx_accuracy_after":0.91,"epoch_seconds":[2.0],"method":"behavioural","multiplier":"smapprox8x8-2222"}]
        """
        try Data(retrain.utf8).write(to: dir.appendingPathComponent("retrain.json"))
        let cross = """
        {"models":["m","m-2222"],"multipliers":["smapprox8x8-1110","smapprox8x8-2222"],"exact8":[0.93,0.92],"accuracy":[[0.93,0.60],[0.92,0.91]]}
        """
        try Data(cross.utf8).write(to: dir.appendingPathComponent("crosseval.json"))
        try Data("{\"other\": 1}".utf8).write(to: dir.appendingPathComponent("unknown.json"))
        try Data("hello".utf8).write(to: dir.appendingPathComponent("notes.txt"))
        return dir
    }

    @Test func recognisesResultFilesAndSkipsTheRest() throws {
        let dir = try Self.sampleFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let folder = try ResultsFolder(path: dir.path)
        #expect(folder.trainingLogs.count == 1 && folder.trainingLogs[0].epochs.map(\.epoch) == [1, 2])
        #expect(folder.retrains.map(\.method) == ["errormodel", "behavioural"])
        #expect(folder.crossEvals.count == 1 && folder.crossEvals[0].table.accuracy[1][1] == 0.91)
        #expect(folder.skipped == ["notes.txt", "unknown.json"])
    }

    @Test func rendersEveryResultKindAsWellFormedXML() throws {
        let dir = try Self.sampleFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let html = Report.html(designs: [], folders: [try ResultsFolder(path: dir.path)])
        let parsed = try #require(XMLText.parse(html))
        for title in ["Training curves", "Accuracy per multiplier and method", "Cross-evaluation: crosseval.json"] {
            #expect(parsed.lines.contains(title))
        }
        #expect(parsed.elements["svg"] == 4)  // loss, accuracy, grouped bars, matrix
        #expect(parsed.lines.contains("0.9100"))  // a cross-evaluation cell
    }

    @Test func aFileIsNotAResultsFolder() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("x.txt")
        try Data().write(to: file)
        #expect(throws: ReportError.notAFolder(path: file.path)) { try ResultsFolder(path: file.path) }
    }

    @Test func writesAtomically() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("r.html").path
        try Report.write("<p>one</p>", to: path)
        try Report.write("<p>two</p>", to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "<p>two</p>")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["r.html"])
        #expect(throws: ReportError.self) { try Report.write("x", to: dir.path + "/missing/r.html") }
    }
}
