import Circuits
import Foundation
import Testing
import TestSupport

/// The multiplier path as a user walks it (issue 15): every kind of multiplier argument evaluates, and
/// `compile` → `.axlut` → `evaluate` gives bit-identical accuracies and the same `energy_rel` as the source.
@Suite(.serialized) struct MultiplierPathCLITests {
    struct Evaluation: Decodable, Equatable {
        var float_accuracy: Double
        var exact8_accuracy: Double
        var approx_accuracy: Double
        var energy_rel: Double?
        var energy_model: String?
    }

    static func folder() throws -> URL { try cliTestFolder("axmul-mpath") }

    static func ok(_ args: [String]) throws -> String { try runAxmulOK(args) }

    static func evaluate(_ model: String, _ multiplier: String) throws -> Evaluation {
        let out = try ok(["evaluate", "--model", model, "--data", "breast_cancer_wdbc", "--multiplier", multiplier, "--json"])
        return try JSONDecoder().decode(Evaluation.self, from: Data(out.utf8))
    }

    /// An 8x8 gate-level array multiplier in the EvoApproxLib style (flat `assign`s on A, B, O) that drops the
    /// partial products a_i·b_j with i + j < 3, summed by ripple rows of full adders written as gates.
    static func gateNetlistVerilog() -> String {
        var lines = ["module mul8u_trunc3 (A, B, O);", "input [7:0] A;", "input [7:0] B;", "output [15:0] O;"]
        var wires: [String] = []
        var sum = (0..<16).map { _ in "1'b0" }   // running sum bits, LSB first
        var k = 0
        func fresh() -> String { k += 1; wires.append("n\(k)"); return "n\(k)" }
        var body: [String] = []
        for i in 0..<8 {
            var carry = "1'b0"
            for col in 0..<16 {
                let j = col - i
                let pp: String
                if j >= 0, j < 8, i + j >= 3 { pp = fresh(); body.append("assign \(pp) = A[\(i)] & B[\(j)];") } else { pp = "1'b0" }
                if pp == "1'b0" && carry == "1'b0" { continue }
                let s = fresh(), c = fresh()
                body.append("assign \(s) = \(sum[col]) ^ \(pp) ^ \(carry);")
                body.append("assign \(c) = (\(sum[col]) & \(pp)) | (\(sum[col]) & \(carry)) | (\(pp) & \(carry));")
                sum[col] = s
                carry = c
            }
        }
        lines.append("wire " + wires.joined(separator: ", ") + ";")
        lines += body
        lines += (0..<16).map { "assign O[\($0)] = \(sum[$0]);" }
        lines.append("endmodule")
        return lines.joined(separator: "\n") + "\n"
    }

    @Test(.long) func compiledTablesEvaluateLikeTheirSources() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let p = { (name: String) in dir.appendingPathComponent(name).path }
        let model = p("mlp.safetensors")
        _ = try Self.ok(["train", "--model", "mlp", "--data", "breast_cancer_wdbc", "--epochs", "1", "-o", model])

        // The argument kinds: a built-in name, a user composition, a LUT netlist, a formula file,
        // an imported .npy table, and an imported gate netlist.
        try "design mycomp\ncompose ll=smapprox4x4-2 hl=smapprox4x4-1 lh=smapprox4x4-1 hh=smapprox4x4-0\n"
            .write(toFile: p("mycomp.axd"), atomically: true, encoding: .utf8)
        let flat = try #require(try LUTFlattener.flatten(try BuiltinDesigns.design(named: "smapprox8x8-2222")))
        try DesignWriter.text(for: Design(name: "mylut", body: .netlists(NetlistViews(lut: flat, gates: nil))))
            .write(toFile: p("mylut.axd"), atomically: true, encoding: .utf8)
        try "design mydrum\nformula drum width=8 k=4\n".write(toFile: p("mydrum.axd"), atomically: true, encoding: .utf8)
        _ = try Self.ok(["export-lut", "smapprox8x8-1111", "--format", "npy", "-o", p("t.npy")])
        try Self.gateNetlistVerilog().write(toFile: p("trunc.v"), atomically: true, encoding: .utf8)
        _ = try Self.ok(["import-verilog", p("trunc.v"), "-o", p("trunc.axd")])

        let sources = ["smapprox8x8-2222", p("mycomp.axd"), p("mylut.axd"), p("mydrum.axd"), p("t.npy"), p("trunc.axd")]
        var results: [String: Evaluation] = [:]
        for (k, source) in sources.enumerated() {
            let table = p("m\(k).axlut")
            var compileFrom = source
            if source.hasSuffix(".npy") {   // a foreign table is compiled through the design file import-lut writes
                compileFrom = p("t.axd")
                _ = try Self.ok(["import-lut", source, "--format", "npy", "--name", "t", "-o", compileFrom])
            }
            _ = try Self.ok(["compile", compileFrom, "-o", table])
            let direct = try Self.evaluate(model, source), compiled = try Self.evaluate(model, table)
            #expect(direct == compiled, "\(source): \(direct) vs compiled \(compiled)")
            results[source] = direct
        }
        // Costs: LUT-mapped and yosys-synthesised designs have one (CI has yosys); an imported table has none.
        let yosys = ExternalTool.yosys.isAvailable || TestEnvironment.isCI
        for s in sources where !s.hasSuffix(".npy") && (yosys || !(s.hasSuffix("mydrum.axd") || s.hasSuffix("trunc.axd"))) {
            let e = try #require(results[s]?.energy_rel, "\(s) has no energy")
            #expect(e > 0 && e < 1.5 && results[s]?.energy_model == "fpga-toggle", "each energy figure names its cost model")
        }
        #expect(results[p("t.npy")]?.energy_rel == nil && results[p("t.npy")]?.energy_model == nil)
        // A design file and the built-in of the same content give the same accuracies and energy.
        #expect(try Self.evaluate(model, "smapprox8x8-2110") == results[p("mycomp.axd")])
        #expect(try Self.evaluate(model, "drum8-k4") == results[p("mydrum.axd")])
        // The npy holds smapprox8x8-1111's table: same accuracies as the design, energy unknown.
        let byName = try Self.evaluate(model, "smapprox8x8-1111")
        #expect(byName.approx_accuracy == results[p("t.npy")]?.approx_accuracy)
    }

    /// The text output says why a power is unknown, in words, and never prints "?".
    @Test func unknownPowerIsExplained() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let model = dir.appendingPathComponent("m.safetensors").path, npy = dir.appendingPathComponent("t.npy").path
        _ = try Self.ok(["train", "--model", "mlp", "--data", "breast_cancer_wdbc", "--epochs", "1", "-o", model])
        _ = try Self.ok(["export-lut", "smapprox8x8-1111", "--format", "npy", "-o", npy])
        let text = try Self.ok(["evaluate", "--model", model, "--data", "breast_cancer_wdbc", "--multiplier", npy])
        #expect(!text.contains("?"))
        #expect(text.contains("power unknown: an imported table has no circuit"))
    }

    /// `characterize` of a compiled table equals that of its source design (metrics and cost); of a TFApprox
    /// table, the metrics equal the source's and the cost is null with a reason.
    @Test func characterisingATableEqualsItsSource() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let axlut = dir.appendingPathComponent("s.axlut").path, bin = dir.appendingPathComponent("s.bin").path
        _ = try Self.ok(["compile", "smapprox8x8-3330", "-o", axlut])
        _ = try Self.ok(["export-lut", "smapprox8x8-3330", "--format", "tfapprox", "-o", bin])
        func characterise(_ x: String) throws -> [String: Any] {
            let out = try Self.ok(["characterize", x, "--json"])
            let array = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [[String: Any]])
            return try #require(array.first)
        }
        let source = try characterise("smapprox8x8-3330"), table = try characterise(axlut), foreign = try characterise(bin)
        #expect(NSDictionary(dictionary: source).isEqual(to: table), "\(source) vs \(table)")
        for key in ["unsigned", "magnitude", "width"] {
            #expect(NSDictionary(dictionary: [key: source[key] as Any]).isEqual(to: [key: foreign[key] as Any]), "\(key)")
        }
        let cost = try #require(foreign["cost"] as? [String: Any])
        #expect(cost["luts"] is NSNull && cost["power_rel"] is NSNull)
        #expect((cost["note"] as? String)?.contains("no circuit") == true)
    }

    /// A version-1 table and a file that is no table: one-line errors naming the file and what was expected.
    @Test func badMultiplierArgumentsNameTheFile() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fake = dir.appendingPathComponent("x.axlut").path
        try "hello".write(toFile: fake, atomically: true, encoding: .utf8)
        let r = runAxmul(["characterize", fake])
        #expect(r.status == 1)
        #expect(r.stderr.contains(fake) && r.stderr.contains("not an .axlut table file"))
        let missing = runAxmul(["characterize", dir.appendingPathComponent("none.axd").path])
        #expect(missing.status == 1 && missing.stderr.contains("none.axd"))
    }

    /// Files are read by content, whatever their names: a compiled table named `t.axlut.bad` characterises
    /// like its source, and a design file in the current folder, named without "./", is read as the file,
    /// not looked up as a built-in name.
    @Test func filesAreReadByContentWhateverTheirNames() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try Self.ok(["compile", "smapprox8x8-3330", "-o", dir.appendingPathComponent("t.axlut").path])
        try FileManager.default.moveItem(at: dir.appendingPathComponent("t.axlut"), to: dir.appendingPathComponent("t.axlut.bad"))
        try "design mine\ncompose ll=smapprox4x4-3 hl=smapprox4x4-3 lh=smapprox4x4-3 hh=smapprox4x4-0\n"
            .write(to: dir.appendingPathComponent("mine"), atomically: true, encoding: .utf8)
        func metrics(_ arg: String) throws -> NSDictionary {
            let r = runAxmul(["characterize", arg, "--json"], currentDirectory: dir)
            try #require(r.status == 0, "characterize \(arg): \(r.stderr)")
            let array = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
            let first = try #require(array.first)
            return NSDictionary(dictionary: ["unsigned": first["unsigned"] as Any, "magnitude": first["magnitude"] as Any])
        }
        let source = try metrics("smapprox8x8-3330")
        #expect(try metrics("t.axlut.bad").isEqual(to: source as! [AnyHashable: Any]))
        #expect(try metrics("mine").isEqual(to: source as! [AnyHashable: Any]))
    }
}
