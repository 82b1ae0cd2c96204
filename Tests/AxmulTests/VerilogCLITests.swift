import Foundation
import Testing

/// End-to-end `axmul import-verilog` and `axmul verilog` on real files.
@Suite struct VerilogCLITests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("CircuitsTests/Fixtures/verilog")

    func temporaryFolder() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("axmul-verilog-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Import, then characterise and export the imported design file again.
    @Test func importThenCharacterizeAndExport() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let axd = dir.appendingPathComponent("drop.axd").path
        let source = Self.fixtures.appendingPathComponent("array4x4_drop_a3b3.v").path
        let imported = runAxmul(["import-verilog", source, "-o", axd, "--name", "drop_a3b3"])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("first operand x, second operand y"))
        let text = try String(contentsOfFile: axd, encoding: .utf8)
        #expect(text.hasPrefix("design drop_a3b3"))

        let characterised = runAxmul(["characterize", axd, "--json"])
        #expect(characterised.status == 0, "\(characterised.stderr)")
        // One wrong pair in 16·16 per set bit pair a3=b3=1: 64 of 256 pairs have a3=b3=1, all wrong.
        #expect(characterised.stdout.contains("\"ep_pct\" : 25"), "\(characterised.stdout.prefix(400))")

        let out = dir.appendingPathComponent("v").path
        let exported = runAxmul(["verilog", axd, "-o", out, "--json"])
        #expect(exported.status == 0, "\(exported.stderr)")
        #expect(FileManager.default.fileExists(atPath: "\(out)/axmul_drop_a3b3.v"))
        #expect(FileManager.default.fileExists(atPath: "\(out)/tb_axmul_drop_a3b3.v"))
        #expect(exported.stdout.contains("\"top\" : \"axmul_drop_a3b3\""))
    }

    @Test func malformedVerilogReportsFileLineAndConstruct() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let bad = dir.appendingPathComponent("bad.v")
        try "module m (input [1:0] a, input [1:0] b, output [3:0] p);\n  reg r;\nendmodule\n"
            .write(to: bad, atomically: true, encoding: .utf8)
        let result = runAxmul(["import-verilog", bad.path, "-o", dir.appendingPathComponent("x.axd").path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("bad.v:2:3: unsupported construct 'reg'"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("x.axd").path))
    }
}
