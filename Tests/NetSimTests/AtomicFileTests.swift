import Foundation
import Testing
@testable import NetSim

@Suite("Atomic file writes and JSONL appends")
struct AtomicFileTests {
    @Test func writeReplacesContentAndLeavesNoTemporaryFiles() throws {
        let folder = try DataTestFolder()
        defer { folder.cleanUp() }
        let url = folder.url.appendingPathComponent("out.json")
        try AtomicFile.write(Data("first".utf8), to: url)
        try AtomicFile.write(Data("second, longer".utf8), to: url)
        #expect(try String(contentsOf: url, encoding: .utf8) == "second, longer")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["out.json"])
    }

    @Test func writeIntoMissingFolderIsRejected() throws {
        let folder = try DataTestFolder()
        defer { folder.cleanUp() }
        let url = folder.url.appendingPathComponent("missing/out.json")
        let error = dataError { try AtomicFile.write(Data("x".utf8), to: url) }
        #expect(error?.kind == .io)
        #expect(error?.file == url.path)
    }

    @Test func appendAddsWholeLinesAndRepairsAPartialLastLine() throws {
        let folder = try DataTestFolder()
        defer { folder.cleanUp() }
        let url = folder.url.appendingPathComponent("log.jsonl")
        try AtomicFile.append(line: #"{"epoch":1}"#, to: url)
        try AtomicFile.append(line: #"{"epoch":2}"#, to: url)
        // Simulate a crash in the middle of writing a third record.
        let handle = try FileHandle(forWritingTo: url)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(#"{"epo"#.utf8))
        try handle.close()
        #expect(try AtomicFile.completeLines(at: url) == [#"{"epoch":1}"#, #"{"epoch":2}"#])
        try AtomicFile.append(line: #"{"epoch":3}"#, to: url)
        #expect(try String(contentsOf: url, encoding: .utf8) == "{\"epoch\":1}\n{\"epoch\":2}\n{\"epoch\":3}\n")
        #expect(dataError { try AtomicFile.append(line: "a\nb", to: url) }?.kind == .invalidArgument)
    }

    @Test func appendRepairsAFileThatIsOnlyAPartialLine() throws {
        let folder = try DataTestFolder()
        defer { folder.cleanUp() }
        let url = try folder.file("log.jsonl", text: String(repeating: "x", count: 5000))
        try AtomicFile.append(line: "ok", to: url)
        #expect(try String(contentsOf: url, encoding: .utf8) == "ok\n")
    }
}
