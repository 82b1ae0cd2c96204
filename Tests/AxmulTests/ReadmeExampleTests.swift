import Foundation
import Testing

/// The README's design-file example must stay true: both views agree, and the composition is exact.
@Suite struct ReadmeExampleTests {
    private func readmeBlock(startingWith marker: String) throws -> String {
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        let start = try #require(text.range(of: "```\n" + marker))
        let end = try #require(text.range(of: "```", range: start.upperBound..<text.endIndex))
        return String(text[text.index(start.lowerBound, offsetBy: 4)..<end.lowerBound])
    }

    @Test func exampleViewsAgreeAndCompositionIsExact() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("axmul-readme-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try readmeBlock(startingWith: "# mul2.axd").write(to: dir.appendingPathComponent("mul2.axd"), atomically: true, encoding: .utf8)
        try readmeBlock(startingWith: "# mul4.axd").write(to: dir.appendingPathComponent("mul4.axd"), atomically: true, encoding: .utf8)

        let check = runAxmul(["check", "./mul2.axd"], currentDirectory: dir)
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.hasPrefix("PASS"))

        let table = runAxmul(["table", "./mul4.axd", "-o", "mul4.csv"], currentDirectory: dir)
        #expect(table.status == 0, "\(table.stderr)")
        let rows = try String(contentsOf: dir.appendingPathComponent("mul4.csv"), encoding: .utf8)
            .split(separator: "\n").map { $0.split(separator: ",").compactMap { Int($0) } }
        let dataRows = rows.filter { $0.count == 16 }
        #expect(dataRows.count == 16)
        for (a, row) in dataRows.enumerated() {
            #expect(row == (0..<16).map { a * $0 }, "row \(a)")
        }
    }
}
