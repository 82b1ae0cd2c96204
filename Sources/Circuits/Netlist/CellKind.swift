/// The kinds of cell a netlist can hold: generic gates and the Xilinx primitives AxMul models.
///
/// Pin order is fixed per kind (see `inputPins` / `outputPins`); a `Cell` lists its nets in that order.
public enum CellKind: Sendable, Hashable {
    case and, or, xor, nand, nor, xnor   // two or more inputs
    case not, buf                         // one input
    case mux2                             // inputs S, I0, I1; O = S ? I1 : I0
    case halfAdder                        // inputs A, B; outputs S, CO
    case fullAdder                        // inputs A, B, CI; outputs S, CO
    case lut6(LUTInit)                    // inputs I0..I5; output O
    case lut6_2(LUTInit)                  // inputs I0..I5; outputs O5, O6
    case carry4                           // inputs CI, CYINIT, DI0..3, S0..3; outputs O0..3, CO0..3
    case carry8                           // inputs CI, CI_TOP, DI0..7, S0..7; outputs O0..7, CO0..7

    /// The keyword that names this kind in design files and reports.
    public var keyword: String {
        switch self {
        case .and: "AND"
        case .or: "OR"
        case .xor: "XOR"
        case .nand: "NAND"
        case .nor: "NOR"
        case .xnor: "XNOR"
        case .not: "NOT"
        case .buf: "BUF"
        case .mux2: "MUX2"
        case .halfAdder: "HA"
        case .fullAdder: "FA"
        case .lut6: "LUT6"
        case .lut6_2: "LUT6_2"
        case .carry4: "CARRY4"
        case .carry8: "CARRY8"
        }
    }

    /// True for the FPGA primitives (LUTs and carry chains), false for generic gates.
    public var isFPGAPrimitive: Bool {
        switch self {
        case .lut6, .lut6_2, .carry4, .carry8: true
        default: false
        }
    }

    public var isLUT: Bool {
        switch self {
        case .lut6, .lut6_2: true
        default: false
        }
    }

    public var isCarry: Bool { self == .carry4 || self == .carry8 }

    /// The allowed number of input nets; `nil` upper bound means "any number from the lower bound".
    public var inputArity: ClosedRange<Int> {
        switch self {
        case .and, .or, .xor, .nand, .nor, .xnor: 2...64
        case .not, .buf: 1...1
        case .mux2: 3...3
        case .halfAdder: 2...2
        case .fullAdder: 3...3
        case .lut6, .lut6_2: 6...6
        case .carry4: 10...10
        case .carry8: 18...18
        }
    }

    public var outputCount: Int {
        switch self {
        case .halfAdder, .fullAdder, .lut6_2: 2
        case .carry4: 8
        case .carry8: 16
        default: 1
        }
    }

    /// Names of the input pins in order (for n-ary gates, as many as `count`).
    public func inputPins(count: Int) -> [String] {
        switch self {
        case .and, .or, .xor, .nand, .nor, .xnor: (0..<count).map { "I\($0)" }
        case .not, .buf: ["I"]
        case .mux2: ["S", "I0", "I1"]
        case .halfAdder: ["A", "B"]
        case .fullAdder: ["A", "B", "CI"]
        case .lut6, .lut6_2: (0..<6).map { "I\($0)" }
        case .carry4: ["CI", "CYINIT"] + (0..<4).map { "DI\($0)" } + (0..<4).map { "S\($0)" }
        case .carry8: ["CI", "CI_TOP"] + (0..<8).map { "DI\($0)" } + (0..<8).map { "S\($0)" }
        }
    }

    /// Names of the output pins in order.
    public var outputPins: [String] {
        switch self {
        case .halfAdder, .fullAdder: ["S", "CO"]
        case .lut6_2: ["O5", "O6"]
        case .carry4: (0..<4).map { "O\($0)" } + (0..<4).map { "CO\($0)" }
        case .carry8: (0..<8).map { "O\($0)" } + (0..<8).map { "CO\($0)" }
        default: ["O"]
        }
    }

    /// Generic gate kinds by keyword (the FPGA primitives carry parameters and are parsed separately).
    public static let gatesByKeyword: [String: CellKind] = [
        "AND": .and, "OR": .or, "XOR": .xor, "NAND": .nand, "NOR": .nor, "XNOR": .xnor,
        "NOT": .not, "INV": .not, "BUF": .buf, "MUX2": .mux2, "HA": .halfAdder, "FA": .fullAdder,
    ]
}
