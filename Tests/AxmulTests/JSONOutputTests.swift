import Foundation
import Testing

/// `--json` on the file-writing commands and the characterisation benchmark: every object decodes,
/// and its figures agree with the file on disk or with values derived by hand.
@Suite struct JSONOutputTests {
    func temporaryFolder() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("axmul-json-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    func object(_ result: (status: Int32, stdout: String, stderr: String)) throws -> [String: Any] {
        #expect(result.status == 0, "\(result.stderr)")
        let value = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
        return try #require(value as? [String: Any], "not a JSON object: \(result.stdout.prefix(200))")
    }

    func fileSize(_ path: String) throws -> Int {
        try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
    }

    /// An 8x8 .npy table is a 128-byte header plus 256·256 uint32 values (NumPy format 1.0, padded to 64).
    @Test func tableReportsTheFileItWrote() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("t.npy").path
        let json = try object(runAxmul(["table", "smapprox8x8-3330", "-o", path, "--json"]))
        #expect(json["format"] as? String == "npy")
        #expect(json["design"] as? String == "smapprox8x8-3330")
        #expect(json["width_a"] as? Int == 8 && json["width_b"] as? Int == 8 && json["output_width"] as? Int == 16)
        #expect(json["bytes"] as? Int == 128 + 65_536 * 4)
        #expect(json["bytes"] as? Int == (try fileSize(path)))
    }

    /// The checksum in the JSON is the one stored at bytes 40..<48 of the .axlut header (little-endian).
    @Test func compileReportsChecksumAndKernelRoute() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        for (design, route) in [("smapprox8x8-3330", "byte-blocks-4"), ("exact8", "exact")] {
            let path = dir.appendingPathComponent("\(design).axlut").path
            let json = try object(runAxmul(["compile", design, "-o", path, "--json"]))
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
            let stored = (0..<8).reduce(UInt64(0)) { $0 | UInt64(bytes[40 + $1]) << (8 * UInt64($1)) }
            let hex = String(stored, radix: 16)
            #expect(json["checksum"] as? String == "0x" + String(repeating: "0", count: 16 - hex.count) + hex)
            #expect(json["kernel_route"] as? String == route)
            #expect(json["encoding"] as? String == "sign-magnitude")
            #expect(json["bytes"] as? Int == bytes.count)
        }
    }

    /// tfapprox is 65,536 uint16 values; importing it back names the source file.
    @Test func exportThenImportReportBothFiles() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let bin = dir.appendingPathComponent("m.bin").path
        let exported = try object(runAxmul(["export-lut", "drum8-k2", "--format", "tfapprox", "-o", bin, "--json"]))
        #expect(exported["bytes"] as? Int == 131_072)
        #expect(exported["format"] as? String == "tfapprox")
        let axd = dir.appendingPathComponent("m.axd").path
        let imported = try object(runAxmul(["import-lut", bin, "--format", "tfapprox", "--name", "m", "-o", axd, "--json"]))
        #expect(imported["source"] as? String == bin)
        #expect(imported["path"] as? String == axd)
        #expect(imported["width_a"] as? Int == 8)
        #expect(imported["bytes"] as? Int == (try fileSize(axd)))
    }

    /// A 2x2 multiplier from 4 AND2 and 2 HA cells imports as 6 gate cells.
    @Test func importVerilogCountsGateCells() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let v = dir.appendingPathComponent("m2.v")
        try """
        module m2 (input [1:0] a, input [1:0] b, output [3:0] p);
          wire a1b0, a0b1, a1b1, c;
          AND2 g0 (.A(a[0]), .B(b[0]), .Y(p[0]));
          AND2 g1 (.A(a[1]), .B(b[0]), .Y(a1b0));
          AND2 g2 (.A(a[0]), .B(b[1]), .Y(a0b1));
          AND2 g3 (.A(a[1]), .B(b[1]), .Y(a1b1));
          HA h0 (.A(a1b0), .B(a0b1), .S(p[1]), .CO(c));
          HA h1 (.A(a1b1), .B(c), .S(p[2]), .CO(p[3]));
        endmodule
        """.write(to: v, atomically: true, encoding: .utf8)
        let axd = dir.appendingPathComponent("m2.axd").path
        let json = try object(runAxmul(["import-verilog", v.path, "-o", axd, "--json"]))
        #expect(json["gate_cells"] as? Int == 6)
        #expect(json["design"] as? String == "m2")
        #expect(json["width_a"] as? Int == 2 && json["output_width"] as? Int == 4)
        // The imported multiplier is exact: 0 % error probability.
        let characterised = runAxmul(["characterize", axd, "--json"])
        #expect(characterised.status == 0, "\(characterised.stderr)")
        #expect(characterised.stdout.contains("\"ep_pct\" : 0,"), "\(characterised.stdout.prefix(400))")
        // Each element is a tagged record, and `axmul report` reads the saved array from a results folder.
        #expect(characterised.stdout.hasPrefix("[\n  {\n") && characterised.stdout.contains(#""schema" : "axmul.characterisation\/1""#))
        let saved = dir.appendingPathComponent("saved")
        try FileManager.default.createDirectory(at: saved, withIntermediateDirectories: true)
        try Data(characterised.stdout.utf8).write(to: saved.appendingPathComponent("characterize.json"))
        let html = dir.appendingPathComponent("report.html")
        let report = try object(runAxmul(["report", saved.path, "-o", html.path, "--json"]))
        #expect(report["skipped_files"] as? [String] == [], "\(report)")
        let page = try String(contentsOf: html, encoding: .utf8)
        #expect(page.contains("Characterised designs: characterize.json") && page.contains("<td>m2</td>"))
    }
}

/// `bench characterize --json` on a few designs (debug builds are slow; the figures are not checked, the agreement is).
@Suite struct BenchJSONTests {
    @Test func characterizeBenchIsOneJSONObject() throws {
        let result = runAxmul(["bench", "characterize", "--designs", "3", "--skip16", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let small = try #require(json["smapprox_8x8"] as? [String: Any])
        #expect(small["designs"] as? Int == 3)
        // The exact scan and the scalar Double loop agree on every design's magnitude MRE.
        #expect(small["mre_agrees"] as? Bool == true)
        let timing = try #require(small["exact_metrics"] as? [String: Any])
        #expect((timing["wall_s"] as? Double ?? -1) > 0)
        #expect(json["composition_16x16"] == nil)
    }
}

extension BenchJSONTests {
    /// `bench netsim --json` on 64 Fashion-MNIST images, ResNet-8 skipped: the figures are consistent with each other.
    @Test func netsimBenchIsOneJSONObject() throws {
        let result = runAxmul(["bench", "netsim", "--samples", "64", "--reps", "0", "--threads", "3", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let lenet = try #require(json["lenet5"] as? [String: Any])
        #expect(lenet["images"] as? Int == 64)
        let seconds = try #require(lenet["seconds"] as? Double), rate = try #require(lenet["images_per_s"] as? Double)
        #expect(abs(rate * seconds - 64) < 1e-6)
        let gflops = try #require(lenet["gflops"] as? Double), peak = try #require(json["sgemm_gflops"] as? Double)
        #expect(abs((lenet["fraction_of_sgemm"] as? Double ?? 0) - gflops / peak) < 1e-12)
        #expect(json["resnet8"] == nil)
        #expect(json["threads"] as? Int == 3)   // the workers of the shared --threads
    }
}
