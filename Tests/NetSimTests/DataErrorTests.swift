import Foundation
import Testing
@testable import NetSim

/// A fresh temporary folder for one test, removed by `cleanUp()`.
struct DataTestFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("axmul-data-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// Writes `bytes` to `name` inside the folder and returns its URL.
    @discardableResult
    func file(_ name: String, _ bytes: [UInt8]) throws -> URL {
        let target = url.appendingPathComponent(name)
        try Data(bytes).write(to: target)
        return target
    }

    @discardableResult
    func file(_ name: String, text: String) throws -> URL {
        try file(name, Array(text.utf8))
    }

    /// Compresses `source` with the system's gzip tool (independent of our zlib binding).
    func gzip(_ source: URL) throws -> URL {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/gzip")
        process.arguments = ["-k", "-f", "-n", source.path]
        try process.run()
        process.waitUntilExit()
        return URL(fileURLWithPath: source.path + ".gz")
    }

    func cleanUp() {
        try? FileManager.default.removeItem(at: url)
    }
}

/// Runs `body` and returns the `DataError` it throws (nil if it throws nothing or another error).
func dataError(_ body: () throws -> Void) -> DataError? {
    do {
        try body()
        return nil
    } catch let error as DataError {
        return error
    } catch {
        return nil
    }
}

@Suite("DataError")
struct DataErrorTests {
    @Test func descriptionNamesFileLineAndHint() {
        let error = DataError(.raggedRow, file: "t.csv", line: 3, "the row has 2 columns but the table has 3.", hint: "fix it")
        #expect(error.description == "t.csv:3: the row has 2 columns but the table has 3. (fix it)")
        #expect(DataError(.io, file: "x.bin", "gone.").description == "x.bin: gone.")
    }
}
