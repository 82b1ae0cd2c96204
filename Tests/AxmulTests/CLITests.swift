import Foundation
import Testing

/// End-to-end: the built `axmul` binary lists designs, writes tables, checks views, reports errors.
@Suite struct DesignCLITests {
    private func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("axmul-cli-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func listPrintsOneLinePerDesign() throws {
        let run = runAxmul(["list"])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n")
        let first = try #require(lines.first { $0.hasPrefix("smapprox4x4-1 ") })
        #expect(first.contains("4x4") && first.contains("lut+gates"))
        #expect(lines.contains { $0.hasPrefix("smapprox8x8-3330 ") && $0.contains("composition") })
        #expect(lines.contains { $0.hasPrefix("exact16 ") && $0.contains("16x16") })
        #expect(lines.filter { $0.hasPrefix("smapprox8x8-") }.count == 256)
    }

    @Test func listJSONHasNameWidthKind() throws {
        let run = runAxmul(["list", "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
        let mitchell = try #require(entries.first { $0["name"] as? String == "mitchell8" })
        #expect(mitchell["width"] as? Int == 8 && mitchell["kind"] as? String == "formula")
    }

    /// CSV row = first operand: design 1 gives M(3, 6) = 2 and M(6, 3) = 18 (equations.md section 5).
    @Test func tableWritesCSV() throws {
        let file = try temporaryFolder().appendingPathComponent("d1.csv")
        let run = runAxmul(["table", "smapprox4x4-1", "-o", file.path])
        #expect(run.status == 0, "\(run.stderr)")
        let rows = try String(contentsOf: file, encoding: .utf8).split(separator: "\n").map { $0.split(separator: ",") }
        #expect(rows.count == 16 && rows.allSatisfy { $0.count == 16 })
        #expect(rows[3][6] == "2" && rows[6][3] == "18")
    }

    /// .npy: header with shape (256, 256), uint32; smapprox8x8-3330(55, 107) = 5349 (equations.md section 6).
    @Test func tableWritesNpy() throws {
        let file = try temporaryFolder().appendingPathComponent("t.npy")
        let run = runAxmul(["table", "smapprox8x8-3330", "-o", file.path])
        #expect(run.status == 0, "\(run.stderr)")
        let bytes = [UInt8](try Data(contentsOf: file))
        #expect(Array(bytes[0..<6]) == [0x93] + Array("NUMPY".utf8))
        let headerLength = Int(bytes[8]) | Int(bytes[9]) << 8
        let header = String(decoding: bytes[10..<(10 + headerLength)], as: UTF8.self)
        #expect(header.contains("'shape': (256, 256)") && header.contains("'<u4'"))
        #expect(bytes.count == 10 + headerLength + 4 * 65536)
        let offset = 10 + headerLength + 4 * (55 * 256 + 107)
        let value = (0..<4).reduce(0) { $0 | Int(bytes[offset + $1]) << (8 * $1) }
        #expect(value == 5349)
    }

    @Test func checkPassesForBaseDesignAndFailsOnMismatch() throws {
        let pass = runAxmul(["check", "smapprox4x4-2"])
        #expect(pass.status == 0 && pass.stdout.hasPrefix("PASS") && pass.stdout.contains("256"), "\(pass.stdout)\(pass.stderr)")
        let folder = try temporaryFolder()
        let text = "design bad\ninputs a[1] b[1]\noutput p[1]\nview lut\n  cell l LUT6 INIT=8 I0=a0 I1=b0 I2=0 I3=0 I4=0 I5=0 O=p0\nend\nview gates\n  cell g XOR a0 b0 -> p0\nend\n"
        try text.write(to: folder.appendingPathComponent("bad.axd"), atomically: true, encoding: .utf8)
        let fail = runAxmul(["check", "bad.axd"], currentDirectory: folder)
        #expect(fail.status == 1 && fail.stdout.contains("FAIL") && fail.stdout.contains("a=0, b=1"), "\(fail.stdout)\(fail.stderr)")
    }

    @Test func brokenDesignFileReportsLocation() throws {
        let folder = try temporaryFolder()
        try "design t\ninputs a[2] b[2]\noutput p[4]\nview gates\n  cell g1 ANDD a0 b0 -> p0\nend\n"
            .write(to: folder.appendingPathComponent("broken.axd"), atomically: true, encoding: .utf8)
        let run = runAxmul(["table", "broken.axd", "-o", "x.csv"], currentDirectory: folder)
        #expect(run.status == 1)
        #expect(run.stderr.contains("error: broken.axd:5:11: cell 'g1' has unknown type 'ANDD'"), "\(run.stderr)")
        let unknown = runAxmul(["check", "nosuch"])
        #expect(unknown.status == 1 && unknown.stderr.contains("unknown design 'nosuch'"))
    }
}
