import Foundation
@testable import Circuits

/// Shared helpers for the design-file and built-in design tests.
enum DesignTestSupport {
    /// The repository root, found from this file's path (Tests/CircuitsTests/...).
    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Parses design text as file "t.axd"; compose blocks resolve to built-ins.
    static func parse(_ text: String) throws(DesignError) -> Design {
        try DesignParser.parse(text, file: "t.axd") { (name: String) throws(DesignError) -> Design in
            try BuiltinDesigns.design(named: name)
        }
    }

    /// The 16x16 tables of ../shared/specs/smapprox/truth_tables.json (copied to Fixtures), by design digit.
    static func referenceTables() throws -> [[[Int]]] {
        let url = repoRoot.appendingPathComponent("Tests/CircuitsTests/Fixtures/smapprox_truth_tables.json")
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any] ?? [:]
        return (0..<4).map { d in
            let design = object["design\(d)"] as? [String: Any] ?? [:]
            return design["table"] as? [[Int]] ?? []
        }
    }

    /// Writes `files` (name -> text) into a fresh temporary folder and returns its path.
    static func temporaryFolder(_ files: [String: String]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("axmul-designs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, text) in files {
            let url = folder.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return folder
    }
}

/// The seeded generator for reproducible random samples: Circuits' own SplitMix64.
typealias DesignsSplitMix64 = SplitMix64
