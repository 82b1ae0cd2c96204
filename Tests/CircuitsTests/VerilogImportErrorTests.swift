import Testing
@testable import Circuits

@Suite struct VerilogImportErrorTests {
    /// Parses `body` inside a 2x2 module header (lines 1-3) and returns the error thrown.
    func error(_ body: String, header: String? = nil) -> VerilogError? {
        let text = (header ?? "module m (input [1:0] a, input [1:0] b,\n  output [3:0] p);\n  wire w;\n") + body + "\nendmodule\n"
        do {
            _ = try VerilogImporter.netlist(text: text, file: "bad.v")
            return nil
        } catch {
            return error
        }
    }

    func line(_ e: VerilogError?) -> Int? { e?.location?.line }

    @Test func alwaysBlockIsNamed() {
        let e = error("always @(a) w = a[0];")
        #expect(e == .unsupportedConstruct(construct: "always", location: SourceLocation(file: "bad.v", line: 4, column: 1)))
        #expect(e?.description.hasPrefix("bad.v:4:1: unsupported construct 'always'") == true)
    }

    @Test func arithmeticOperatorIsNamed() {
        let e = error("assign p = {2'b00, a} + b;")
        guard case .unsupportedConstruct(let c, let loc) = e else { Issue.record("got \(String(describing: e))"); return }
        #expect(c == "arithmetic operator '+'")
        #expect(loc.line == 4)
    }

    @Test func conditionalAndRegAndParameter() {
        guard case .unsupportedConstruct(let c1, _) = error("assign w = a[0] ? b[0] : b[1];") else { Issue.record("?:"); return }
        #expect(c1 == "conditional operator '?:'")
        guard case .unsupportedConstruct(let c2, _) = error("reg r;") else { Issue.record("reg"); return }
        #expect(c2 == "reg")
        guard case .unsupportedConstruct(let c3, _) = error("parameter K = 1;") else { Issue.record("parameter"); return }
        #expect(c3 == "parameter")
        guard case .unsupportedConstruct(let c4, _) = error("assign w = &a;") else { Issue.record("reduction"); return }
        #expect(c4 == "reduction operator '&'")
    }

    @Test func missingSemicolon() {
        let e = error("assign w = a[0]\nassign p = {a, b};")
        #expect(e == .syntax(expected: "';' after the assignment", found: "'assign'", location: SourceLocation(file: "bad.v", line: 5, column: 1)))
    }

    @Test func undeclaredSignal() {
        let e = error("assign w = q;")
        #expect(e == .undeclared(name: "q", location: SourceLocation(file: "bad.v", line: 4, column: 12)))
    }

    @Test func doubleDriver() {
        let e = error("assign w = a[0];\nassign w = a[1];\nassign p = {a, b};")
        guard case .multipleDrivers(let name, let loc) = e else { Issue.record("got \(String(describing: e))"); return }
        #expect(name.hasPrefix("w"))
        #expect(loc.line == 5)
    }

    @Test func drivingAnInputIsRejected() {
        guard case .multipleDrivers(let name, _) = error("assign a[0] = 1'b1;") else { Issue.record("input driven"); return }
        #expect(name.hasPrefix("a0"))
    }

    @Test func unknownCellType() {
        let e = error("MUX4 u1 (.A(a[0]), .Y(w));")
        #expect(e == .unknownCell(type: "MUX4", location: SourceLocation(file: "bad.v", line: 4, column: 1)))
    }

    @Test func unknownPinAndPositionalConnection() {
        guard case .badPin(let cell, let pin, _, let loc) = error("AND2 u1 (.A(a[0]), .Q(b[0]), .Y(w));") else {
            Issue.record("bad pin"); return
        }
        #expect(cell == "u1" && pin == "Q" && loc.line == 4)
        guard case .unsupportedConstruct(let c, _) = error("AND2 u1 (w, a[0], b[0]);") else { Issue.record("positional"); return }
        #expect(c.hasPrefix("positional port connection"))
        guard case .badPin(_, let missing, _, _) = error("AND2 u1 (.A(a[0]), .Y(w));") else { Issue.record("open input"); return }
        #expect(missing == "B")
    }

    @Test func undrivenProductBit() {
        let e = error("assign p[2:0] = {a[0], b};")
        #expect(e == .undriven(name: "p[3]", location: SourceLocation(file: "bad.v", line: 2, column: 16)))
    }

    @Test func undrivenWireRead() {
        let e = error("assign p = {w, a[0], b};")
        #expect(e == .undriven(name: "w", location: SourceLocation(file: "bad.v", line: 4, column: 8)))
    }

    @Test func widthMismatchAndRange() {
        let e = error("assign p = a;")
        #expect(e == .widthMismatch(what: "assignment", expected: 4, found: 2, location: SourceLocation(file: "bad.v", line: 4, column: 8)))
        guard case .indexOutOfRange(let name, let index, _, _) = error("assign w = a[2];") else { Issue.record("range"); return }
        #expect(name == "a" && index == 2)
    }

    @Test func interfaceMustBeTwoInputsOneOutput() {
        let header = "module m (input [1:0] a, input [1:0] b, input c,\n  output [3:0] p);\n  wire w;\n"
        guard case .badInterface(let reason, let loc) = error("assign p = {a, b};", header: header) else {
            Issue.record("interface"); return
        }
        #expect(reason.contains("found 3 input(s) and 1 output(s)"))
        #expect(loc.line == 1)
    }

    @Test func combinationalLoopIsReported() {
        let e = error("wire v;\nassign w = v & a[0];\nassign v = w | b[0];\nassign p = {w, v, a[1], b[1]};")
        guard case .invalidNetlist(let inner, _) = e, case .combinationalCycle = inner else {
            Issue.record("got \(String(describing: e))"); return
        }
    }

    @Test func lexicalErrors() {
        guard case .syntax(_, let found, let loc) = error("/* never closed\nassign w = a[0];") else { Issue.record("comment"); return }
        #expect(found == "end of file" && loc.line == 4)
        guard case .unsupportedConstruct(let c, _) = error("assign w = 1'bx;") else { Issue.record("x"); return }
        #expect(c.hasPrefix("x/z constant"))
        guard case .unsupportedConstruct(let c2, _) = error("(* keep *) wire v;") else { Issue.record("attr"); return }
        #expect(c2 == "(* attribute *)")
        guard case .unsupportedConstruct(let c3, _) = error("assign w = 0;") else { Issue.record("unsized"); return }
        #expect(c3.hasPrefix("unsized constant"))
    }

    @Test func secondModuleIsRejected() {
        let text = "module m (input a, input b, output p);\n  assign p = a & b;\nendmodule\nmodule n (input a);\nendmodule\n"
        #expect(throws: VerilogError.unsupportedConstruct(construct: "a second module (flatten the netlist first)",
                                                          location: SourceLocation(file: "x.v", line: 4, column: 1))) {
            try VerilogImporter.netlist(text: text, file: "x.v")
        }
    }

    /// Every prefix and a set of byte-level corruptions of valid files end in a result or a `VerilogError`,
    /// never a trap.
    @Test func truncatedAndCorruptedInputNeverCrash() throws {
        for name in ["mult2x2.v", "cells3x3.v"] {
            let text = Array(try VerilogFixtures.text(name).utf8)
            for cut in stride(from: 0, to: text.count, by: 3) {
                _ = try? VerilogImporter.netlist(text: String(decoding: text[0..<cut], as: UTF8.self), file: name)
            }
            var rng = CorruptionRNG(seed: 7)
            for _ in 0..<200 {
                var bytes = text
                for _ in 0..<3 { bytes[Int(rng.next() % UInt64(bytes.count))] = UInt8(truncatingIfNeeded: rng.next() % 128) }
                _ = try? VerilogImporter.netlist(text: String(decoding: bytes, as: UTF8.self), file: name)
            }
        }
    }
}

/// SplitMix64, for reproducible corruption in the robustness test (seed fixed at 7).
private typealias CorruptionRNG = SplitMix64
