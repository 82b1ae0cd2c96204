/// Errors raised by NetSim's approximation layer: quantisation, multiplier tables, error-model files.
///
/// Mirrors Circuits' `UserFacingError` shape (location, message, hint); the CLI adds the conformance
/// because NetSim does not depend on Circuits.
public enum ApproxError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A statistics file is truncated, has a bad magic/version, or fails its checksum.
    case corruptStatistics(file: String, reason: String)
    /// A file could not be read or written.
    case io(file: String, reason: String)
    /// A multiplier table cannot be used for signed 8-bit operands.
    case unsupportedTable(reason: String)
    /// An argument is outside its allowed range.
    case invalidArgument(what: String, value: String, rule: String)
    /// Statistics do not match the network they are applied to.
    case statisticsMismatch(layer: String, expected: Int, found: Int)

    /// The file this error refers to, if any.
    public var file: String? {
        switch self {
        case .corruptStatistics(let p, _), .io(let p, _): return p
        default: return nil
        }
    }

    /// One sentence stating the rule and echoing the bad value.
    public var message: String {
        switch self {
        case .corruptStatistics(_, let reason):
            return "error-model statistics file is corrupt: \(reason)"
        case .io(_, let reason):
            return reason
        case .unsupportedTable(let reason):
            return "multiplier table cannot be used for signed 8-bit layers: \(reason)"
        case .invalidArgument(let what, let value, let rule):
            return "\(what) = \(value) is invalid: \(rule)"
        case .statisticsMismatch(let layer, let expected, let found):
            return "error-model statistics for layer '\(layer)' have \(found) neurons, the layer has \(expected)"
        }
    }

    /// A suggestion for the user.
    public var hint: String? {
        switch self {
        case .corruptStatistics, .statisticsMismatch:
            return "rebuild it with `axmul errormodel build` for this model and multiplier"
        case .unsupportedTable:
            return "compile an 8x8 table with `axmul compile`, or pass a design name"
        default:
            return nil
        }
    }

    public var description: String {
        (file.map { "\($0): " } ?? "") + message
    }
}
