import Foundation
import Testing
@testable import Circuits

/// The built-in library: embedded texts match designs/, names resolve, the catalog is complete.
@Suite struct BuiltinDesignTests {
    /// Golden check: BuiltinDesignTexts.swift must be regenerated (scripts/embed-designs) after editing designs/.
    @Test func embeddedTextsEqualDesignFiles() throws {
        let folder = DesignTestSupport.repoRoot.appendingPathComponent("designs")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".axd") }
        var onDisk: [String: String] = [:]
        for file in files {
            onDisk[String(file.dropLast(4))] = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
        }
        #expect(!onDisk.isEmpty)
        #expect(Set(onDisk.keys) == Set(BuiltinDesignTexts.texts.keys), "run scripts/embed-designs")
        for (name, text) in onDisk {
            #expect(BuiltinDesignTexts.texts[name] == text, "designs/\(name).axd differs from its embedded copy: run scripts/embed-designs")
        }
    }

    @Test func everyDesignFileParsesUnderItsOwnName() throws {
        for name in BuiltinDesignTexts.texts.keys {
            #expect(try BuiltinDesigns.design(named: name).name == name)
        }
    }

    @Test func exact4HasBothViewsAndIsExact() throws {
        let design = try BuiltinDesigns.design(named: "exact4")
        #expect(design.kind == "lut+gates")
        #expect(try design.truthTable().firstDifference(from: .exact(widthA: 4, widthB: 4)) == nil)
        #expect(try design.gateNetlist?.truthTable().firstDifference(from: .exact(widthA: 4, widthB: 4)) == nil)
    }

    @Test func catalogListsEveryFamily() {
        let catalog = BuiltinDesigns.catalog
        let names = Set(catalog.map(\.name))
        #expect(names.count == catalog.count)
        for required in ["smapprox4x4-0", "smapprox4x4-3", "exact4", "exact8", "exact16", "mitchell8", "kulkarni8",
                         "smapprox8x8-0000", "smapprox8x8-3330", "smapprox8x8-3333", "drum8-k4", "truncated8-t8"] {
            #expect(names.contains(required), "\(required) missing from the catalog")
        }
        #expect(catalog.filter { $0.name.hasPrefix("smapprox8x8-") }.count == 256)
        #expect(catalog.first { $0.name == "exact16" }?.width == 16)
        #expect(catalog.first { $0.name == "smapprox4x4-2" }?.kind == "lut+gates")
    }

    @Test func catalogEntriesResolveWithTheListedWidthAndKind() throws {
        for entry in BuiltinDesigns.catalog where !entry.name.hasPrefix("smapprox8x8-") || entry.name.hasSuffix("21") {
            let design = try BuiltinDesigns.design(named: entry.name)
            #expect(design.widthA == entry.width && design.kind == entry.kind, "\(entry.name)")
        }
    }

    @Test(arguments: ["smapprox8x8-4000", "smapprox8x8-000", "smapprox8x8-00000", "drum8-k0", "drum8-k9", "drum8-k04",
                      "truncated8-t16", "truncated8-t", "exact32", "", "Exact4"])
    func invalidNamesAreUnknown(name: String) {
        #expect(throws: DesignError.unknownDesign(name: name, location: nil)) { try BuiltinDesigns.design(named: name) }
    }

    @Test func resolverTellsPathsFromNames() throws {
        #expect(DesignResolver.isPath("designs/exact4.axd"))
        #expect(DesignResolver.isPath("mine.axd"))
        #expect(!DesignResolver.isPath("exact4"))
        #expect(try DesignResolver.resolve("exact4").name == "exact4")
        let path = DesignTestSupport.repoRoot.appendingPathComponent("designs/smapprox4x4-1.axd").path
        #expect(try DesignResolver.resolve(path).name == "smapprox4x4-1")
        #expect(throws: DesignError.self) { try DesignResolver.resolve("/nonexistent/x.axd") }
    }
}
