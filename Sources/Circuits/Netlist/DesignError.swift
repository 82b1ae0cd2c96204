/// An error a user can act on: where it happened, what rule was broken, and optionally a hint.
///
/// Every error type in AxMul conforms, so the CLI renders them all the same way:
/// `error: <file>:<line>: <message>`.
public protocol UserFacingError: Error, CustomStringConvertible {
    /// The file and line the error refers to, if any.
    var location: SourceLocation? { get }
    /// One sentence stating the rule and echoing the bad value.
    var message: String { get }
    /// A suggestion, if one helps.
    var hint: String? { get }
}

public extension UserFacingError {
    var hint: String? { nil }
    var description: String {
        // Line 0 means "the whole file": name the file only, never ":0:0:".
        var prefix = ""
        if let location {
            if location.line > 0 {
                prefix = "\(location.file):\(location.line):\(location.column): "
            } else if !location.file.isEmpty {
                prefix = location.file + ": "
            }
        }
        return prefix + message
    }
}

/// Errors in describing, parsing or validating a design.
public enum DesignError: UserFacingError, Equatable {
    case undrivenNet(net: String, cell: String, location: SourceLocation?)
    case multipleDrivers(net: String, cells: [String], location: SourceLocation?)
    case combinationalCycle(path: [String], location: SourceLocation?)
    case widthMismatch(cell: String, what: String, expected: String, found: Int, location: SourceLocation?)
    case unknownCellType(cell: String, type: String, location: SourceLocation?)
    case syntax(expected: String, found: String, location: SourceLocation)
    case invalidValue(what: String, value: String, rule: String, location: SourceLocation?)
    case duplicateName(name: String, location: SourceLocation?)
    case unknownDesign(name: String, location: SourceLocation?)
    case unsupported(what: String, location: SourceLocation?)
    case io(path: String, reason: String)

    public var location: SourceLocation? {
        switch self {
        case .undrivenNet(_, _, let l), .multipleDrivers(_, _, let l), .combinationalCycle(_, let l),
             .widthMismatch(_, _, _, _, let l), .unknownCellType(_, _, let l), .invalidValue(_, _, _, let l),
             .duplicateName(_, let l), .unknownDesign(_, let l), .unsupported(_, let l):
            return l
        case .syntax(_, _, let l):
            return l
        case .io(let path, _):
            return SourceLocation(file: path, line: 0, column: 0)
        }
    }

    public var message: String {
        switch self {
        case .undrivenNet(let net, let cell, _):
            return "net '\(net)' read by cell '\(cell)' is never driven: every net must be an input, a constant or a cell output"
        case .multipleDrivers(let net, let cells, _):
            return "net '\(net)' is driven by \(cells.count) sources (\(cells.joined(separator: ", "))): a net must have exactly one driver"
        case .combinationalCycle(let path, _):
            return "combinational cycle through cells \(path.joined(separator: " -> ")): designs must be acyclic"
        case .widthMismatch(let cell, let what, let expected, let found, _):
            return "cell '\(cell)': \(what) expects \(expected) nets, found \(found)"
        case .unknownCellType(let cell, let type, _):
            return "cell '\(cell)' has unknown type '\(type)'; known types: AND OR XOR NAND NOR XNOR NOT BUF MUX2 HA FA LUT6 LUT6_2 CARRY4 CARRY8"
        case .syntax(let expected, let found, _):
            return "expected \(expected), found \(found)"
        case .invalidValue(let what, let value, let rule, _):
            return "invalid \(what) '\(value)': \(rule)"
        case .duplicateName(let name, _):
            return "'\(name)' is defined twice"
        case .unknownDesign(let name, _):
            return "unknown design '\(name)': give a built-in name (see `axmul list`) or a path to a design file"
        case .unsupported(let what, _):
            return "unsupported: \(what)"
        case .io(_, let reason):
            return reason
        }
    }

    public var hint: String? {
        switch self {
        case .unknownDesign: return "run `axmul list` for the built-in names"
        case .combinationalCycle: return "break the loop; AxMul simulates combinational logic only"
        default: return nil
        }
    }
}
