/// Errors from reading gate-level Verilog or from running the external Verilog tools.
///
/// Parse errors carry the file and line and name the construct, so the user can find and fix it.
public enum VerilogError: UserFacingError, Equatable {
    /// A construct outside the supported subset (e.g. `always`, `?:`, a parameter override).
    case unsupportedConstruct(construct: String, location: SourceLocation)
    /// The text does not follow the grammar at this point.
    case syntax(expected: String, found: String, location: SourceLocation)
    /// A signal used or driven that was never declared.
    case undeclared(name: String, location: SourceLocation)
    /// A signal bit driven by more than one assignment or cell output.
    case multipleDrivers(name: String, location: SourceLocation)
    /// A wire or output bit that is read or exported but never driven.
    case undriven(name: String, location: SourceLocation)
    /// Operand widths differ in an expression or connection.
    case widthMismatch(what: String, expected: Int, found: Int, location: SourceLocation)
    /// An index outside the declared range of a vector.
    case indexOutOfRange(name: String, index: Int, range: String, location: SourceLocation)
    /// A cell instance of a type outside the supported library.
    case unknownCell(type: String, location: SourceLocation)
    /// A pin name a supported cell does not have, or a required pin left open.
    case badPin(cell: String, pin: String, rule: String, location: SourceLocation)
    /// The module's ports are not two input vectors and one output vector.
    case badInterface(reason: String, location: SourceLocation)
    /// The netlist read is not a valid combinational netlist (cycle etc.).
    case invalidNetlist(DesignError, file: String)
    /// An expression nested (parentheses, concatenation, `~`) deeper than the parser's limit.
    case tooDeep(limit: Int, location: SourceLocation)
    /// A tool (iverilog, vvp, yosys) is missing or failed.
    case tool(name: String, reason: String)
    /// A file could not be read or written.
    case io(path: String, reason: String)

    public var location: SourceLocation? {
        switch self {
        case .unsupportedConstruct(_, let l), .syntax(_, _, let l), .undeclared(_, let l),
             .multipleDrivers(_, let l), .undriven(_, let l), .widthMismatch(_, _, _, let l),
             .indexOutOfRange(_, _, _, let l), .unknownCell(_, let l), .badPin(_, _, _, let l),
             .badInterface(_, let l), .tooDeep(_, let l):
            return l
        case .invalidNetlist(let e, let file):
            return e.location ?? SourceLocation(file: file, line: 0, column: 0)
        case .io(let path, _):
            return SourceLocation(file: path, line: 0, column: 0)
        case .tool:
            return nil
        }
    }

    public var message: String {
        switch self {
        case .unsupportedConstruct(let c, _):
            return "unsupported construct '\(c)': import-verilog reads flat gate-level netlists only (see docs/verilog.md)"
        case .syntax(let expected, let found, _):
            return "expected \(expected), found \(found)"
        case .undeclared(let name, _):
            return "'\(name)' is not declared: declare it as input, output or wire before use"
        case .multipleDrivers(let name, _):
            return "'\(name)' is driven more than once: every wire bit needs exactly one driver"
        case .undriven(let name, _):
            return "'\(name)' is never driven: assign it or connect it to a cell output"
        case .widthMismatch(let what, let expected, let found, _):
            return "\(what): width \(found) where \(expected) is needed"
        case .indexOutOfRange(let name, let index, let range, _):
            return "index \(index) is outside '\(name)' \(range)"
        case .unknownCell(let type, _):
            return "unknown cell type '\(type)': supported cells are AND2 OR2 XOR2 NAND2 NOR2 XNOR2 INV BUF HA FA (and the gate primitives and/or/xor/nand/nor/xnor/not/buf)"
        case .badPin(let cell, let pin, let rule, _):
            return "cell '\(cell)' pin '\(pin)': \(rule)"
        case .badInterface(let reason, _):
            return "module interface: \(reason)"
        case .invalidNetlist(let e, _):
            return e.message
        case .tooDeep(let limit, _):
            return "expression nested more than \(limit) levels deep (parentheses, concatenations and '~' count): split it into intermediate wires"
        case .tool(let name, let reason):
            return "\(name): \(reason)"
        case .io(_, let reason):
            return reason
        }
    }

    public var hint: String? {
        switch self {
        case .tool: return "install the Debian packages iverilog and yosys (scripts/setup does)"
        case .badInterface: return "operands are the input vectors in declaration order; use --swap-operands to swap them"
        default: return nil
        }
    }
}
