import TableFormat

/// Builds the `.axlut` lookup table of a design (see docs/table-format.md for the encodings).
public enum TableCompiler {
    /// The table of an n×n design. `.unsigned` and `.signMagnitude` store M(a, b) for every a, b < 2^n
    /// (for sign-magnitude, indexes are magnitudes and the sign s_a·s_b is applied by the reader);
    /// `.twosComplement` indexes by n-bit patterns and stores s_a·s_b·M(|a|, |b|) (|−2^(n−1)| = 2^(n−1)).
    /// A two's-complement design (`Design.operands`) always compiles to a `.twosComplement` table of its
    /// signed products P(x, w), element (x pattern) << wb | (w pattern), whatever `encoding` asks.
    /// `table`, if given, must be the design's truth table (saves recomputing it).
    public static func compile(_ design: Design, encoding: OperandEncoding = .signMagnitude,
                               table precomputed: TruthTable? = nil) throws(DesignError) -> LookupTable {
        guard design.widthA + design.widthB <= TableFormat.maxTotalWidth else {
            throw .unsupported(what: "a lookup table for the \(design.widthA)x\(design.widthB) design '\(design.name)' (at most \(TableFormat.maxTotalWidth) input bits)", location: nil)
        }
        let table: TruthTable
        if let precomputed { table = precomputed } else { table = try design.truthTable() }
        let wa = table.widthA, wb = table.widthB
        let values: [Int64]
        let type: OutputType
        // A two's-complement design has one table form: its signed products, indexed by bit patterns.
        switch design.isSigned ? .twosComplement : encoding {
        case .unsigned, .signMagnitude:
            var top: UInt32 = 0
            values = table.values.withUnsafeBufferPointer { src in
                [Int64](unsafeUninitializedCapacity: src.count) { out, n in
                    for i in 0..<src.count {
                        top = max(top, src[i])
                        out[i] = Int64(src[i])
                    }
                    n = src.count
                }
            }
            type = top <= UInt32(UInt16.max) ? .uint16 : .uint32
        case .twosComplement where design.isSigned:
            values = table.values.map { signedValue($0, width: table.outputWidth) }
            type = .int32
        case .twosComplement:
            values = (0..<(1 << (wa + wb))).map { i in
                let (sa, ma) = signAndMagnitude(i >> wb, width: wa), (sb, mb) = signAndMagnitude(i & ((1 << wb) - 1), width: wb)
                return Int64(sa * sb) * Int64(table[ma, mb])
            }
            type = .int32
        }
        do {
            return try LookupTable(name: design.name, widthA: wa, widthB: wb, encoding: design.isSigned ? .twosComplement : encoding, rowOperand: .first,
                                   outputType: type, metadata: metadata(design), values: values)
        } catch {
            throw .invalidValue(what: "table of '\(design.name)'", value: "\(error)", rule: "values must fit the output type", location: nil)
        }
    }

    /// The value of an m-bit two's-complement pattern (m ≤ 32).
    public static func signedValue(_ pattern: UInt32, width m: Int) -> Int64 {
        let v = Int64(pattern)
        return m < 64 && (v >> (m - 1)) & 1 == 1 ? v - (1 << m) : v
    }

    /// (sign, magnitude) of an n-bit two's-complement pattern.
    static func signAndMagnitude(_ pattern: Int, width n: Int) -> (Int, Int) {
        pattern >> (n - 1) == 1 ? (-1, (1 << n) - pattern) : (1, pattern)
    }

    /// route: "block<N>" for compositions of N-bit blocks, "formula", "netlist" or "table".
    static func metadata(_ design: Design) -> [String: String] {
        var m = ["design": design.name, "kind": design.kind, "writer": "axmul compile"]
        switch design.body {
        case .composition(let c):
            m["route"] = "block\(c.blockWidth)"
            m["blocks"] = c.blocks.map(\.name).joined(separator: ",")
        case .formula: m["route"] = "formula"
        case .netlists: m["route"] = "netlist"
        case .table: m["route"] = "table"
        }
        return m
    }
}
