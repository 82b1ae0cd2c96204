/// A net is a single-bit wire, identified by a small integer. 0 and 1 are the constants.
public typealias NetID = Int

public extension NetID {
    static let const0: NetID = 0
    static let const1: NetID = 1
}

/// A named group of nets, least significant bit first: an operand input or the product output.
public struct Port: Sendable, Hashable {
    public var name: String
    public var nets: [NetID]
    public init(name: String, nets: [NetID]) {
        self.name = name
        self.nets = nets
    }
    public var width: Int { nets.count }
}

/// One instance of a cell kind, with its input nets and output nets in the kind's pin order.
/// An output that nothing reads is `nil`.
public struct Cell: Sendable, Hashable {
    public var name: String
    public var kind: CellKind
    public var inputs: [NetID]
    public var outputs: [NetID?]
    /// Where the cell was declared (file and line), for error messages; nil for built-in netlists.
    public var location: SourceLocation?

    public init(name: String, kind: CellKind, inputs: [NetID], outputs: [NetID?], location: SourceLocation? = nil) {
        self.name = name
        self.kind = kind
        self.inputs = inputs
        self.outputs = outputs
        self.location = location
    }
}

/// A flat combinational netlist with input ports and one output port.
///
/// A multiplier has two inputs, the operands (first operand first); other blocks, such as the exact
/// adder of a composition, may have more. Cells are kept in topological order once `validated()`
/// has run, so simulation is one forward pass.
public struct Netlist: Sendable, Hashable {
    /// Net names, indexed by `NetID`; entries 0 and 1 are "const0" and "const1".
    public var netNames: [String]
    public var inputs: [Port]
    public var product: Port
    public var cells: [Cell]

    public init(netNames: [String], inputs: [Port], product: Port, cells: [Cell]) {
        self.netNames = netNames
        self.inputs = inputs
        self.product = product
        self.cells = cells
    }

    public init(netNames: [String], operandA: Port, operandB: Port, product: Port, cells: [Cell]) {
        self.init(netNames: netNames, inputs: [operandA, operandB], product: product, cells: cells)
    }

    /// The first operand port (a multiplier's row operand).
    public var operandA: Port { inputs[0] }
    /// The second operand port (a multiplier's column operand).
    public var operandB: Port { inputs[1] }

    public var netCount: Int { netNames.count }

    /// The number of LUT6 / LUT6_2 cells.
    public var lutCount: Int { cells.filter { $0.kind.isLUT }.count }
    /// The number of CARRY4 / CARRY8 cells.
    public var carryCount: Int { cells.filter { $0.kind.isCarry }.count }
    /// True when every cell is an FPGA primitive (LUT or carry chain).
    public var isLUTMapped: Bool { !cells.isEmpty && cells.allSatisfy { $0.kind.isFPGAPrimitive } }
}

/// A position in a text file, for error messages.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public init(file: String, line: Int, column: Int = 1) {
        self.file = file
        self.line = line
        self.column = column
    }
    public var description: String { "\(file):\(line):\(column)" }
}
