import Foundation
import Testing

/// `axmul search` killed mid-run resumes to the same front.json as an uninterrupted run, reusing the
/// cache; `axmul sweep` cells equal what `axmul evaluate` reports for the same model and multiplier.
struct SearchResumeCLITests {
    @Test("a search killed after its first shard file resumes to a byte-identical front.json")
    func killedSearchResumes() throws {
        let dir = try cliTestFolder("axmul-search-resume")
        defer { try? FileManager.default.removeItem(at: dir) }
        let args = try SearchSlurmTests.prepare(dir)
        let whole = dir.appendingPathComponent("whole"), killed = dir.appendingPathComponent("killed")
        _ = try runAxmulOK(args + ["--shards", "2", "-o", whole.path])
        let binary = try #require(axmulBinaryURL())
        let p = Process()
        p.executableURL = binary
        p.arguments = args + ["--shards", "2", "-o", killed.path]
        p.environment = testEnvironment
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        let marker = killed.appendingPathComponent("sets/sensitivity-validation/shard-0.json")
        for _ in 0..<1200 where p.isRunning && !FileManager.default.fileExists(atPath: marker.path) { Thread.sleep(forTimeInterval: 0.05) }
        kill(p.processIdentifier, SIGKILL)
        p.waitUntilExit()
        #expect(!FileManager.default.fileExists(atPath: killed.appendingPathComponent("front.json").path), "the run finished before the kill")
        _ = try runAxmulOK(args + ["--shards", "2", "-o", killed.path])
        #expect(try Data(contentsOf: whole.appendingPathComponent("front.json")) == Data(contentsOf: killed.appendingPathComponent("front.json")))
        let again = try runAxmulOK(args + ["--shards", "2", "-o", killed.path])
        #expect(again.contains("generation 1: 0 candidates measured"), "a repeated run measures nothing: \(again)")
    }

    @Test("sweep cells equal axmul evaluate's accuracies (2 shards)")
    func sweepMatchesEvaluate() throws {
        let dir = try cliTestFolder("axmul-sweep")
        defer { try? FileManager.default.removeItem(at: dir) }
        let args = try SearchSlurmTests.prepare(dir)
        let model = args[2]
        _ = try runAxmulOK(["sweep", "--data", "digits_8x8", "--model", model, "--multiplier", "smapprox8x8-2222", "--multiplier", "smapprox8x8-1221",
                            "--method", "approximate", "--method", "exact8", "--shards", "2", "--limit", "200", "-o", dir.appendingPathComponent("sweep").path])
        struct Cell: Decodable { var design: String; var method: String; var accuracy: Double }
        let cells = try JSONDecoder().decode([Cell].self, from: Data(contentsOf: dir.appendingPathComponent("sweep/sweep.json")))
        #expect(cells.count == 4)
        struct Evaluated: Decodable { var exact8_accuracy: Double; var approx_accuracy: Double }
        for design in ["smapprox8x8-2222", "smapprox8x8-1221"] {
            let e = try JSONDecoder().decode(Evaluated.self, from: Data(try runAxmulOK(["evaluate", "--model", model, "--data", "digits_8x8",
                                                                                        "--multiplier", design, "--limit", "200", "--json"]).utf8))
            #expect(cells.first { $0.design == design && $0.method == "approximate" }?.accuracy == e.approx_accuracy, "\(design)")
            #expect(cells.first { $0.design == design && $0.method == "exact8" }?.accuracy == e.exact8_accuracy, "\(design)")
        }
    }
}
