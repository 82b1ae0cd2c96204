import Foundation
import Testing
@testable import TableFormat

/// Foundation's errors in AxMul's words: the path Foundation recorded and one plain line, never
/// `Error Domain=NSCocoaErrorDomain Code=…` or `DecodingError.dataCorrupted(…)`.
@Suite struct FoundationErrorTextTests {
    @Test func fileErrorsNameThePathAndSayWhatHappened() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("axmul-fet-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = dir.appendingPathComponent("a"), b = dir.appendingPathComponent("b")
        try Data("x".utf8).write(to: a)
        try Data("y".utf8).write(to: b)
        do {
            try FileManager.default.copyItem(at: a, to: b)  // Code=516 on Linux: the destination exists
            Issue.record("copy onto an existing file succeeded")
        } catch {
            let line = try #require(FoundationErrorText.line(error))
            #expect(line.hasSuffix("a file or folder is already there") || line.hasSuffix("file exists"), "\(line)")
            #expect(line.contains(dir.lastPathComponent) && !line.contains("Domain=") && !line.contains("\n"), "\(line)")
        }
        do {
            _ = try Data(contentsOf: dir.appendingPathComponent("missing"))
            Issue.record("read of a missing file succeeded")
        } catch {
            let line = try #require(FoundationErrorText.line(error))
            #expect(line == dir.appendingPathComponent("missing").path + ": no such file or directory"
                    || line == dir.appendingPathComponent("missing").path + ": no such file or folder", "\(line)")
        }
    }

    struct Config: Decodable { var epochs: Int; var rates: [Double] }

    @Test func decodingErrorsSayWhereInTheJSON() {
        let cases: [(String, String)] = [
            ("{\"epochs\": 1", "it is not valid JSON"),
            ("{\"rates\": []}", "the field 'epochs' is missing"),
            ("{\"epochs\": \"two\", \"rates\": []}", "the field 'epochs' is not a number"),
            ("{\"epochs\": 2, \"rates\": [1, \"x\"]}", "the field 'rates.1' is not a number"),
        ]
        for (text, expected) in cases {
            do {
                _ = try JSONDecoder().decode(Config.self, from: Data(text.utf8))
                Issue.record("\(text) decoded")
            } catch {
                #expect(FoundationErrorText.line(error) == expected, "\(text)")
            }
        }
    }

    @Test func axmulsOwnErrorsAreLeftAlone() {
        struct Own: Error {}
        #expect(FoundationErrorText.describe(Own()) == nil)
    }
}
