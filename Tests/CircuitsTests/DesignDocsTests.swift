import Foundation
import Testing
@testable import Circuits

/// The complete examples in docs/design-format.md parse (so the documentation cannot drift).
@Suite struct DesignDocsTests {
    @Test func completeExamplesInFormatDocParse() throws {
        let doc = try String(contentsOf: DesignTestSupport.repoRoot.appendingPathComponent("docs/design-format.md"), encoding: .utf8)
        let blocks = doc.components(separatedBy: "```").enumerated().filter { $0.offset % 2 == 1 }.map(\.element)
        var files: [String: String] = [:]
        for block in blocks where !block.contains("...") && block.contains("\ndesign ") {
            var current: (name: String, text: String)?
            for line in block.split(separator: "\n", omittingEmptySubsequences: false) {
                if line.hasPrefix("design ") {
                    if let current { files[current.name + ".axd"] = current.text }
                    current = (String(line.dropFirst(7)), "")
                }
                current?.text += line + "\n"
            }
            if let current { files[current.name + ".axd"] = current.text }
        }
        #expect(files.count >= 5, "found \(files.keys.sorted())")
        let folder = try DesignTestSupport.temporaryFolder(files)
        for name in files.keys {
            let design = try DesignResolver.resolve(folder.appendingPathComponent(name).path)
            #expect(design.name + ".axd" == name)
        }
        let mult2 = try DesignResolver.resolve(folder.appendingPathComponent("mult2.axd").path).truthTable()
        #expect(mult2.firstDifference(from: .exact(widthA: 2, widthB: 2)) == nil)
    }
}
