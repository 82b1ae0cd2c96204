import Foundation
import Testing
@testable import Circuits
import TableFormat

/// Issue 16, classes 1 and 5: parsers are depth-limited and linear, and text readers accept CRLF and
/// name the line and byte of bad UTF-8. Inputs are generated here, not committed.
@Suite struct HostileInputTests {
    /// A 1x1 multiplier module whose product is `expression` (over a0 and b0).
    static func module(_ expression: String) -> String {
        "module m(input [0:0] a, input [0:0] b, output [0:0] p);\nassign p = \(expression);\nendmodule\n"
    }

    @Test func verilogNestedFiveThousandParenthesesIsRefusedWithTheLimit() {
        let depth = 5000
        let text = Self.module(String(repeating: "(", count: depth) + "a" + String(repeating: ")", count: depth))
        #expect(throws: VerilogError.tooDeep(limit: 256, location: SourceLocation(file: "deep.v", line: 2, column: 268))) {
            try VerilogImporter.design(text: text, file: "deep.v")
        }
        let tildes = Self.module(String(repeating: "~", count: depth) + "a")
        #expect(throws: VerilogError.self) { try VerilogImporter.design(text: tildes, file: "deep.v") }
        let braces = Self.module(String(repeating: "{", count: depth) + "a" + String(repeating: "}", count: depth))
        #expect(throws: VerilogError.self) { try VerilogImporter.design(text: braces, file: "deep.v") }
    }

    @Test func verilogNestingAtTheLimitStillParses() throws {
        let depth = VerilogParser.maxNesting - 1
        let text = Self.module(String(repeating: "(", count: depth) + "a & b" + String(repeating: ")", count: depth))
        let design = try VerilogImporter.design(text: text, file: "ok.v")
        #expect(try design.truthTable().values == [0, 0, 0, 1])
    }

    /// 40,000 `&` terms crashed (stack overflow); the chain is now flat. The product is a AND b.
    @Test func verilogFortyThousandTermChainImports() throws {
        let terms = (0..<40_000).map { $0 % 2 == 0 ? "a" : "b" }.joined(separator: " & ")
        let design = try VerilogImporter.design(text: Self.module(terms), file: "long.v")
        #expect(try design.truthTable().values == [0, 0, 0, 1])
        #expect(design.gateNetlist?.cells.count == 39_999)
    }

    /// 200,000 terms took over 60 s (quadratic width checks); linear now. The old code took minutes here; debug build on shared cores: 90 s bound.
    @Test func verilogTwoHundredThousandTermsIsLinear() throws {
        let terms = (0..<200_000).map { $0 % 3 == 0 ? "a" : "b" }.joined(separator: " ^ ")
        let start = Date()
        let design = try VerilogImporter.design(text: Self.module(terms), file: "long.v")
        let seconds = Date().timeIntervalSince(start)
        #expect(seconds < 90, "200,000 terms took \(seconds) s")
        #expect(design.gateNetlist?.cells.count == 199_999)
    }

    static func tempFile(_ name: String, _ bytes: [UInt8]) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent(name).path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func designFileWithCRLFLineEndingsParses() throws {
        let text = "design crlf\r\nsummary \"x\"\r\nformula exact width=4\r\n"
        let path = try Self.tempFile("crlf.axd", Array(text.utf8))
        let design = try DesignResolver.load(path: path)
        #expect(design.name == "crlf")
        #expect(design.widthA == 4)
    }

    @Test func designFileWithNonUTF8ByteNamesLineAndByte() throws {
        let bytes = Array("design bad\n".utf8) + Array("summary \"".utf8) + [0xFF] + Array("\"\n".utf8)
        let path = try Self.tempFile("bad.axd", bytes)
        do {
            _ = try DesignResolver.load(path: path)
            Issue.record("accepted a non-UTF-8 file")
        } catch {
            #expect(error.description == "\(path):2:10: expected UTF-8 text, found byte 0xFF, not valid UTF-8 (a 1-byte invalid sequence); save the file as UTF-8")
        }
    }

    @Test func deviceOrFolderAsInputIsNamed() {
        #expect(throws: InputFile.Failure(path: "/dev/zero", reason: "the input is a character device, not a regular file")) {
            try InputFile.text("/dev/zero")
        }
        do {
            _ = try DesignResolver.load(path: "/dev/zero")
            Issue.record("read /dev/zero")
        } catch {
            #expect(error.description == "/dev/zero: the input is a character device, not a regular file")
        }
        #expect(throws: InputFile.Failure.self) { try InputFile.text(FileManager.default.temporaryDirectory.path) }
    }

    // MARK: class 7, messages that hid the cause

    static func npy(descr: String, values: [Int32]) -> [UInt8] {
        let header = "{'descr': '\(descr)', 'fortran_order': False, 'shape': (2, 2), }" + String(repeating: " ", count: 3) + "\n"
        var b: [UInt8] = [0x93] + Array("NUMPY".utf8) + [1, 0, UInt8(header.utf8.count & 0xFF), UInt8(header.utf8.count >> 8)]
        b += Array(header.utf8)
        for v in values { withUnsafeBytes(of: v.littleEndian) { b += $0 } }
        return b
    }

    @Test func npyNegativeEntryIsPrintedSignedAndErrorsAreOneLine() {
        do {
            _ = try TableImport.npy(Self.npy(descr: "<i4", values: [0, 1, -5, 3]), path: "t.npy")
            Issue.record("accepted a negative entry")
        } catch {
            #expect(error.description.contains("'-5'"), "\(error.description)")
            #expect(!error.description.contains("4294967291"))
        }
        do {
            _ = try TableImport.npy(Self.npy(descr: "<f4", values: [0, 1, 2, 3]), path: "t.npy")
            Issue.record("accepted a float table")
        } catch {
            #expect(!error.description.contains("\n"), "\(error.description)")
        }
    }

    @Test func raggedTextTableNamesTheLine() {
        do {
            _ = try TableImport.text("0 0\n\n0 1 2\n", path: "r.txt")
            Issue.record("accepted a ragged table")
        } catch {
            #expect(error.description.hasPrefix("r.txt:3:1: "), "\(error.description)")
            #expect(error.description.contains("3 entries"))
        }
    }

    @Test func gateWithTooManyInputsStatesTheLimit() {
        let inputs = (0..<65).map { _ in "a0" }.joined(separator: " ")
        let text = "design wide\ninputs a[1] b[1]\noutput p[2]\nview gates\n  cell g AND \(inputs) -> p0\n  cell h AND a0 b0 -> p1\nend\n"
        do {
            _ = try DesignParser.parse(text, file: "w.axd") { (n: String) throws(DesignError) -> Design in try BuiltinDesigns.design(named: n) }
            Issue.record("accepted 65 inputs")
        } catch {
            #expect(error.description.contains("2 to 64"), "\(error.description)")
        }
    }
}
