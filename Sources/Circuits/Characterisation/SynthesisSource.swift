/// The Verilog that yosys synthesises for a design without a LUT mapping (docs/cost-model.md,
/// "Synthesised cost"): a gate-level netlist as its `assign`s, a composition through the Verilog exporter,
/// and a formula family as a behavioural hardware description of its usual construction. The mapped
/// result is always checked against the design's truth table, so a wrong description cannot pass.
enum SynthesisSource {
    /// (Verilog text, top module) with ports a, b (operands) and p (product); nil for designs with no circuit.
    static func verilog(_ design: Design, top: String) throws(DesignError) -> String? {
        switch design.body {
        case .netlists(let v):
            var n = try (v.gates ?? v.primary).validated()
            n.inputs[0].name = "a"
            n.inputs[1].name = "b"
            n.product.name = "p"
            return VerilogModuleWriter.module(n, name: top)
        case .composition:
            guard let export = try? VerilogExporter.export(design, view: .lut, characterise: false),
                  let file = export.files.first(where: { $0.name == export.designFile }) else { return nil }
            return file.contents + "\nmodule \(top) (input wire [\(design.widthA - 1):0] a, input wire [\(design.widthB - 1):0] b, "
                + "output wire [\(design.outputWidth - 1):0] p);\n    \(export.top) inner (a, b, p);\nendmodule\n"
        case .formula(let f):
            return formula(f, top: top)
        case .table:
            return nil
        }
    }

    /// A module computing `f` exactly as `Formula.evaluate` does.
    static func formula(_ f: Formula, top: String) -> String {
        let w = f.width
        let ports = "module \(top) (input wire [\(w - 1):0] a, input wire [\(w - 1):0] b, output wire [\(2 * w - 1):0] p);\n"
        switch f {
        case .exact(let w): return ports + arrayBody(width: w, t: 0) + "endmodule\n"
        case .truncated(let w, let t): return ports + arrayBody(width: w, t: t) + "endmodule\n"
        case .drum(let w, let k): return ports + drumBody(width: w, k: k) + "endmodule\n"
        case .mitchell(let w): return ports + mitchellBody(width: w) + "endmodule\n"
        case .kulkarni(let w): return kulkarniModules(width: w, top: top)
        }
    }

    /// Array multiplier: row i = (b masked to the columns j with i + j ≥ t) if a_i, shifted by i; rows summed.
    static func arrayBody(width w: Int, t: Int) -> String {
        var lines: [String] = []
        var rows: [String] = []
        for i in 0..<w {
            let mask = (0..<w).reversed().map { i + $0 >= t ? "1" : "0" }.joined()
            guard mask.contains("1") else { continue }
            lines.append("    wire [\(2 * w - 1):0] r\(i) = {\(w)'b0, b & \(w)'b\(mask) & {\(w){a[\(i)]}}} << \(i);")
            rows.append("r\(i)")
        }
        lines.append("    assign p = " + (rows.isEmpty ? "\(2 * w)'b0" : rows.joined(separator: " + ")) + ";")
        return lines.joined(separator: "\n") + "\n"
    }

    /// DRUM(k): shift s = t − k + 1 from the leading one t ≥ k (else 0), k-bit mantissas with the lowest bit
    /// forced to 1 when shifted, a k×k product, and a shift back by s_a + s_b.
    static func drumBody(width w: Int, k: Int) -> String {
        guard k < w else { return "    assign p = {\(w)'b0, a} * {\(w)'b0, b};\n" }
        let sw = max(1, bitLength(w - k + 1))
        return """
            function [\(sw - 1):0] shift_of(input [\(w - 1):0] x);
                integer i;
                begin
                    shift_of = 0;
                    for (i = \(k); i < \(w); i = i + 1) if (x[i]) shift_of = i - \(k - 1);
                end
            endfunction
            wire [\(sw - 1):0] sa = shift_of(a), sb = shift_of(b);
            wire [\(w - 1):0] xa = a >> sa, xb = b >> sb;
            wire [\(k - 1):0] ma = xa[\(k - 1):0] | (sa != 0), mb = xb[\(k - 1):0] | (sb != 0);
            wire [\(2 * k - 1):0] m = ma * mb;
            assign p = {\(2 * w - 2 * k)'b0, m} << ({1'b0, sa} + {1'b0, sb});

        """
    }

    /// Mitchell: leading ones t_a, t_b, fractions f = x − 2^t, sum f_a·2^t_b + f_b·2^t_a against 2^(t_a+t_b).
    static func mitchellBody(width w: Int) -> String {
        let tw = max(1, bitLength(w - 1))
        return """
            function [\(tw - 1):0] lead(input [\(w - 1):0] x);
                integer i;
                begin
                    lead = 0;
                    for (i = 1; i < \(w); i = i + 1) if (x[i]) lead = i;
                end
            endfunction
            wire [\(tw - 1):0] ta = lead(a), tb = lead(b);
            wire [\(2 * w - 1):0] fa = {\(w)'b0, a & ~(\(w)'b1 << ta)}, fb = {\(w)'b0, b & ~(\(w)'b1 << tb)};
            wire [\(2 * w - 1):0] one = \(2 * w)'b1 << ({1'b0, ta} + {1'b0, tb});
            wire [\(2 * w - 1):0] fsum = (fa << tb) + (fb << ta);
            assign p = (a == 0 || b == 0) ? \(2 * w)'b0 : (fsum < one ? one + fsum : fsum << 1);

        """
    }

    /// Kulkarni: the 2x2 block (3·3 = 7) composed recursively, partial products added exactly.
    static func kulkarniModules(width w: Int, top: String) -> String {
        let leaf = w == 2 ? top : "\(top)_k2"
        var text = "module \(leaf) (input wire [1:0] a, input wire [1:0] b, output wire [3:0] p);\n"
            + "    assign p = (a == 2'b11 && b == 2'b11) ? 4'd7 : {2'b0, a} * {2'b0, b};\nendmodule\n"
        var n = 4
        while n <= w {
            let h = n / 2, name = n == w ? top : "\(top)_k\(n)", sub = "\(top)_k\(h)"
            text += """
                module \(name) (input wire [\(n - 1):0] a, input wire [\(n - 1):0] b, output wire [\(2 * n - 1):0] p);
                    wire [\(n - 1):0] ll, hl, lh, hh;
                    \(sub) u_ll (a[\(h - 1):0], b[\(h - 1):0], ll);
                    \(sub) u_hl (a[\(n - 1):\(h)], b[\(h - 1):0], hl);
                    \(sub) u_lh (a[\(h - 1):0], b[\(n - 1):\(h)], lh);
                    \(sub) u_hh (a[\(n - 1):\(h)], b[\(n - 1):\(h)], hh);
                    assign p = {\(n)'b0, ll} + ({\(n)'b0, hl} << \(h)) + ({\(n)'b0, lh} << \(h)) + ({\(n)'b0, hh} << \(n));
                endmodule

                """
            n *= 2
        }
        return text
    }

    /// Bits needed to hold the values 0..<n.
    static func bitLength(_ n: Int) -> Int { n <= 1 ? 1 : Int.bitWidth - (n - 1).leadingZeroBitCount }
}
