import Foundation
import Testing
import TestSupport

/// Signed two's-complement multipliers (issue 18, part 5) through the CLI: signed tables and signed
/// EvoApproxLib-style netlists import, characterise in the signed domain and evaluate.
@Suite(.serialized) struct SignedMultiplierCLITests {
    typealias Path = MultiplierPathCLITests

    /// A 256 × 256 npy array of little-endian int16 or int32 values, row x + 128, column w + 128.
    static func npy(_ p: (Int, Int) -> Int, int32: Bool) -> Data {
        let descr = int32 ? "<i4" : "<i2"
        var header = "{'descr': '\(descr)', 'fortran_order': False, 'shape': (256, 256), }"
        while (10 + header.utf8.count + 1) % 64 != 0 { header += " " }
        header += "\n"
        var bytes: [UInt8] = [0x93] + Array("NUMPY".utf8) + [1, 0, UInt8(header.utf8.count & 255), UInt8(header.utf8.count >> 8)]
        bytes += Array(header.utf8)
        for x in -128...127 {
            for w in -128...127 {
                let v = p(x, w)
                for k in 0..<(int32 ? 4 : 2) { bytes.append(UInt8(truncatingIfNeeded: v >> (8 * k))) }
            }
        }
        return Data(bytes)
    }

    /// ApproxTorch's text layout: 256 lines (A = −128 ... 127) of 256 space-separated products (B = −128 ... 127).
    static func approxTorchText(_ p: (Int, Int) -> Int) -> String {
        (-128...127).map { x in (-128...127).map { w in String(p(x, w)) }.joined(separator: " ") }.joined(separator: "\n") + "\n"
    }

    /// A Baugh-Wooley 8x8 signed multiplier as a flat netlist in the EvoApproxLib `mul8s_*` style (ports A, B, O,
    /// `assign`s of gates only), dropping the partial products a_i·b_j with i, j < 7 and i + j < `drop`.
    /// P ≡ Σ_{i,j<7} a_i b_j 2^(i+j) + a7 b7 2^14 + Σ_{j<7} ¬(a7 b_j) 2^(7+j) + Σ_{i<7} ¬(a_i b7) 2^(i+7) + 2^8 + 2^15 (mod 2^16).
    static func baughWooleyVerilog(module: String, drop: Int) -> String {
        var wires: [String] = [], body: [String] = []
        var k = 0
        func fresh() -> String { k += 1; wires.append("n\(k)"); return "n\(k)" }
        var sum = (0..<16).map { _ in "1'b0" }
        func add(_ bit: String, at column: Int) {   // ripple one bit into the running sum (mod 2^16)
            var carry = bit
            for col in column..<16 {
                if carry == "1'b0" { break }
                if sum[col] == "1'b0" { sum[col] = carry; carry = "1'b0"; break }
                let s = fresh(), c = fresh()
                body.append("assign \(s) = \(sum[col]) ^ \(carry);")
                body.append("assign \(c) = \(sum[col]) & \(carry);")
                sum[col] = s
                carry = c
            }
        }
        for i in 0..<8 {
            for j in 0..<8 {
                if i < 7, j < 7, i + j < drop { continue }
                let pp = fresh()
                let invert = (i == 7) != (j == 7)
                body.append("assign \(pp) = \(invert ? "~" : "")(A[\(i)] & B[\(j)]);")
                add(pp, at: i + j)
            }
        }
        add("1'b1", at: 8)
        add("1'b1", at: 15)
        var lines = ["module \(module) (A, B, O);", "input [7:0] A;", "input [7:0] B;", "output [15:0] O;"]
        lines.append("wire " + wires.joined(separator: ", ") + ";")
        lines += body
        lines += (0..<16).map { "assign O[\($0)] = \(sum[$0]);" }
        lines.append("endmodule")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The function of `baughWooleyVerilog(drop:)`, from its definition: x·w minus the dropped terms, as int16.
    static func truncatedProduct(_ x: Int, _ w: Int, drop: Int) -> Int {
        let a = x & 255, b = w & 255
        var p = x * w
        for i in 0..<7 { for j in 0..<7 where i + j < drop { p -= ((a >> i) & (b >> j) & 1) << (i + j) } }
        return Int(Int16(truncatingIfNeeded: p))
    }

    static func trainedModel(_ dir: URL) throws -> String {
        let model = dir.appendingPathComponent("m.safetensors").path
        _ = try Path.ok(["train", "--model", "mlp", "--data", "breast_cancer_wdbc", "--epochs", "1", "-o", model])
        return model
    }

    static func signedMetrics(_ spec: String) throws -> [String: Double] {
        let out = try Path.ok(["characterize", spec, "--json"])
        let array = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [[String: Any]])
        return try #require(array.first?["signed"] as? [String: Double], "no signed metrics in \(out)")
    }

    /// An exact signed table, imported as npy int16, npy int32 and ApproxTorch text, evaluates to the exact
    /// 8-bit accuracy; compiled, it runs on the exact route and still gives that accuracy.
    @Test func signedExactTableEvaluatesToTheExact8BitAccuracy() throws {
        let dir = try Path.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let model = try Self.trainedModel(dir)
        let exact = { (x: Int, w: Int) in x * w }
        let i16 = dir.appendingPathComponent("e16.npy"), i32 = dir.appendingPathComponent("e32.npy")
        let txt = dir.appendingPathComponent("exact.txt")
        try Self.npy(exact, int32: false).write(to: i16)
        try Self.npy(exact, int32: true).write(to: i32)
        try Self.approxTorchText(exact).write(to: txt, atomically: true, encoding: .utf8)
        var designs: [String] = []
        for (file, format) in [(i16, "npy"), (i32, "npy"), (txt, "text")] {
            let axd = file.deletingPathExtension().path + ".axd"
            _ = try Path.ok(["import-lut", file.path, "--format", format, "--signed", "--name", "exact8s", "-o", axd])
            #expect(try String(contentsOfFile: axd, encoding: .utf8).contains("operands twos-complement"))
            designs.append(axd)
        }
        let axlut = dir.appendingPathComponent("exact8s.axlut").path
        let compiled = try Path.ok(["compile", designs[0], "-o", axlut, "--json"])
        #expect(compiled.contains("\"kernel_route\":\"exact\"") || compiled.contains("\"kernel_route\" : \"exact\""), "\(compiled)")
        for spec in designs + [axlut] {
            let r = try Path.evaluate(model, spec)
            #expect(r.approx_accuracy == r.exact8_accuracy, "\(spec): \(r)")
        }
        let m = try Self.signedMetrics(axlut)
        #expect(m["mae"] == 0 && m["wce"] == 0 && m["ep_pct"] == 0)
    }

    /// An EvoApproxLib-style signed netlist (Baugh-Wooley, made here) imports with --signed; the exact one
    /// evaluates to the exact 8-bit accuracy, the truncated one (not sign-symmetric: route low-rank-3 by code) evaluates
    /// and characterises to the figures of its formula, summed here over all 65,536 signed pairs.
    @Test(.long) func evoApproxStyleSignedNetlistImportsAndEvaluates() throws {
        let dir = try Path.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let model = try Self.trainedModel(dir)
        var axds: [String] = []
        for drop in [0, 3] {
            let v = dir.appendingPathComponent("mul8s_t\(drop).v"), axd = dir.appendingPathComponent("mul8s_t\(drop).axd").path
            try Self.baughWooleyVerilog(module: "mul8s_t\(drop)", drop: drop).write(to: v, atomically: true, encoding: .utf8)
            let unsignedRead = runAxmul(["import-verilog", v.path, "-o", axd])
            #expect(unsignedRead.status == 0)
            _ = try Path.ok(["import-verilog", v.path, "-o", axd, "--signed"])
            axds.append(axd)
        }
        let exact = try Path.evaluate(model, axds[0])
        #expect(exact.approx_accuracy == exact.exact8_accuracy)
        let exactMetrics = try Self.signedMetrics(axds[0])
        #expect(exactMetrics["mae"] == 0 && exactMetrics["wce"] == 0)

        let axlut = dir.appendingPathComponent("t3.axlut").path
        let compiled = try Path.ok(["compile", axds[1], "-o", axlut, "--json"])
        #expect(compiled.contains("low-rank-3"), "\(compiled)")   // the error is rank 3 over the codes (SignedTableTests)
        let truncated = try Path.evaluate(model, axds[1])
        #expect((0...1).contains(truncated.approx_accuracy))
        #expect(try Path.evaluate(model, axlut) == truncated)

        var sumAbs = 0, sum = 0, nonzero = 0, worst = 0
        for x in -128...127 {
            for w in -128...127 {
                let e = Self.truncatedProduct(x, w, drop: 3) - x * w
                sumAbs += abs(e); sum += e; nonzero += e != 0 ? 1 : 0; worst = max(worst, abs(e))
            }
        }
        #expect(worst == 17)   // 1 + 2·2 + 3·4: every dropped term set
        let m = try Self.signedMetrics(axds[1])
        #expect(m["wce"] == Double(worst))
        #expect(m["mae"] == Double(sumAbs) / 65_536)
        #expect(m["bias"] == Double(sum) / 65_536)
        #expect(m["ep_pct"] == 100 * Double(nonzero) / 65_536)
    }

    /// A signed table of the wrong shape or with a product outside int16 is refused, naming the rule.
    @Test func malformedSignedTablesAreRefused() throws {
        let dir = try Path.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let small = dir.appendingPathComponent("small.txt"), big = dir.appendingPathComponent("big.npy")
        try "1 2\n3 4\n".write(to: small, atomically: true, encoding: .utf8)
        try Self.npy({ x, w in x == 5 && w == 7 ? 40_000 : x * w }, int32: true).write(to: big)
        let r1 = runAxmul(["import-lut", small.path, "--format", "text", "--signed", "--name", "s"])
        #expect(r1.status == 1 && r1.stderr.contains("256 rows of 256 entries"), "\(r1.stderr)")
        let r2 = runAxmul(["import-lut", big.path, "--format", "npy", "--signed", "--name", "b"])
        #expect(r2.status == 1 && r2.stderr.contains("P(5, 7)") && r2.stderr.contains("40000"), "\(r2.stderr)")
    }

    /// import-lut --signed → export-lut → import-lut --signed gives the same table (compared with
    /// `axmul table`), and export-lut writes the signed layout (npy int16, text of signed products).
    @Test func signedExportLUTRoundTrips() throws {
        let dir = try Path.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let odd = { (x: Int, w: Int) in x * w + (x & 1 == 1 ? 3 : 0) }
        let source = dir.appendingPathComponent("odd.npy")
        try Self.npy(odd, int32: true).write(to: source)
        let first = dir.appendingPathComponent("odd.axd").path
        _ = try Path.ok(["import-lut", source.path, "--format", "npy", "--signed", "--name", "odd", "-o", first])
        for format in ["npy", "text"] {
            let exported = dir.appendingPathComponent("odd-export.\(format)").path
            _ = try Path.ok(["export-lut", first, "--format", format, "-o", exported])
            let again = dir.appendingPathComponent("odd-\(format).axd").path
            _ = try Path.ok(["import-lut", exported, "--format", format, "--signed", "--name", "odd", "-o", again])
            let tables = try [first, again].map { design -> String in
                let csv = dir.appendingPathComponent(UUID().uuidString + ".csv").path
                _ = try Path.ok(["table", design, "-o", csv])
                return try String(contentsOfFile: csv, encoding: .utf8)
            }
            #expect(tables[0] == tables[1], "\(format): the re-imported table differs")
            if format == "text" {
                let lines = try String(contentsOfFile: exported, encoding: .utf8).split(separator: "\n")
                #expect(lines.count == 256 && lines[0].hasPrefix("16384,16256,"), "\(lines.first ?? "")")   // (−128)·(−128), (−128)·(−127)
            }
        }
        #expect(runAxmul(["export-lut", first, "--format", "tfapprox", "-o", dir.appendingPathComponent("x.bin").path]).status != 0)
    }
}
