/// A multiplier design: a name, operand widths, and how it is built.
public struct Design: Sendable, Hashable {
    public var name: String
    public var summary: String
    public var body: Body
    /// How the operand bits and the product are read: unsigned (the default) or n-bit two's complement
    /// (`operands twos-complement` in a design file; EvoApproxLib's `mul8s_*`, AdaPT and ApproxTorch tables).
    public var operands: Operands = .unsigned

    /// The reading of a design's operand and product bit patterns.
    public enum Operands: String, Sendable, Hashable, CaseIterable {
        /// Operands and product are unsigned binary numbers.
        case unsigned
        /// Operands are n-bit two's-complement patterns and the product an m-bit two's-complement pattern.
        case twosComplement = "twos-complement"
    }

    /// True for a signed two's-complement design.
    public var isSigned: Bool { operands == .twosComplement }

    /// How a design is built.
    public indirect enum Body: Sendable, Hashable {
        /// One or two netlist views of the same function (a LUT-mapped one and/or a gate-level one).
        case netlists(NetlistViews)
        /// Four NxN blocks added exactly into a 2Nx2N product.
        case composition(Composition)
        /// A parametric formula family, evaluated directly.
        case formula(Formula)
        /// A table imported from another tool.
        case table(TruthTable)
    }

    public init(name: String, summary: String = "", body: Body, operands: Operands = .unsigned) {
        self.name = name
        self.summary = summary
        self.body = body
        self.operands = operands
    }

    public var widthA: Int {
        switch body {
        case .netlists(let v): v.primary.operandA.width
        case .composition(let c): 2 * c.ll.widthA
        case .formula(let f): f.width
        case .table(let t): t.widthA
        }
    }

    public var widthB: Int {
        switch body {
        case .netlists(let v): v.primary.operandB.width
        case .composition(let c): 2 * c.ll.widthB
        case .formula(let f): f.width
        case .table(let t): t.widthB
        }
    }

    public var outputWidth: Int {
        switch body {
        case .netlists(let v): v.primary.product.width
        case .composition: widthA + widthB
        case .formula(let f): 2 * f.width
        case .table(let t): t.outputWidth
        }
    }

    /// "lut", "gates", "lut+gates", "composition", "formula" or "table".
    public var kind: String {
        switch body {
        case .netlists(let v):
            switch (v.lut, v.gates) {
            case (.some, .some): "lut+gates"
            case (.some, nil): "lut"
            default: "gates"
            }
        case .composition: "composition"
        case .formula: "formula"
        case .table: "table"
        }
    }

    /// The LUT-mapped netlist, if the design has one (compositions: see `Composition`).
    public var lutNetlist: Netlist? {
        if case .netlists(let v) = body { return v.lut }
        return nil
    }

    /// The gate-level netlist, if the design has one.
    public var gateNetlist: Netlist? {
        if case .netlists(let v) = body { return v.gates }
        return nil
    }
}

/// The netlist views of one design; at least one is present.
public struct NetlistViews: Sendable, Hashable {
    public var lut: Netlist?
    public var gates: Netlist?

    public init(lut: Netlist?, gates: Netlist?) {
        precondition(lut != nil || gates != nil, "a design needs at least one netlist view")
        self.lut = lut
        self.gates = gates
    }

    /// The view used for simulation: the LUT view when present.
    public var primary: Netlist { (lut ?? gates)! }
}

/// Four NxN blocks composed into a 2Nx2N multiplier, partial products added exactly:
/// P = LL + (HL + LH) << N + HH << 2N, with LL = A_lo·B_lo, HL = A_hi·B_lo, LH = A_lo·B_hi,
/// HH = A_hi·B_hi, and the A half always on each block's first port.
public struct Composition: Sendable, Hashable {
    /// The blocks in order LL, HL, LH, HH.
    public var blocks: [Design]

    public init(ll: Design, hl: Design, lh: Design, hh: Design) throws(DesignError) {
        let all = [ll, hl, lh, hh]
        for block in all where block.widthA != ll.widthA || block.widthB != ll.widthA {
            throw .invalidValue(what: "block width", value: "\(block.name) is \(block.widthA)x\(block.widthB)",
                                rule: "all four blocks must be NxN with the same N (\(ll.widthA)x\(ll.widthA))",
                                location: nil)
        }
        blocks = all
    }

    public var ll: Design { blocks[0] }
    public var hl: Design { blocks[1] }
    public var lh: Design { blocks[2] }
    public var hh: Design { blocks[3] }
    /// N, the width of one block operand.
    public var blockWidth: Int { ll.widthA }
}
