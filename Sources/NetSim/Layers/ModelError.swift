/// Errors from building, running, training or checkpointing networks.
///
/// Shaped like the Circuits module's `UserFacingError` (message + optional hint + optional file);
/// the CLI adds that conformance, since NetSim does not depend on Circuits.
public enum ModelError: Error, Sendable, Equatable, CustomStringConvertible {
    case unknownModel(name: String, known: [String])
    case shapeMismatch(layer: String, expected: String, found: [Int])
    case invalidArgument(what: String, value: String, rule: String)
    case noROperator(layer: String, reason: String)
    case checkpoint(path: String, reason: String)
    case io(path: String, reason: String)

    /// The file the error refers to, if any.
    public var file: String? {
        switch self {
        case .checkpoint(let p, _), .io(let p, _): return p
        default: return nil
        }
    }

    /// One sentence stating the rule and echoing the bad value.
    public var message: String {
        switch self {
        case .unknownModel(let n, let known):
            return "unknown model '\(n)'; known models: \(known.joined(separator: ", "))"
        case .shapeMismatch(let l, let e, let f):
            return "layer '\(l)' expects input \(e) but got shape \(f)"
        case .invalidArgument(let w, let v, let r):
            return "\(w) = \(v) is invalid: \(r)"
        case .noROperator(let l, let r):
            return "layer '\(l)' has no R-operator (Hessian-vector product): \(r)"
        case .checkpoint(_, let r):
            return "bad checkpoint: \(r)"
        case .io(_, let r):
            return r
        }
    }

    /// A suggestion, if one helps.
    public var hint: String? {
        switch self {
        case .noROperator: return "put BatchNorm layers in eval mode (or fold them) before asking for HVPs"
        case .unknownModel: return "pass one of the listed names to --model"
        default: return nil
        }
    }

    public var description: String { (file.map { "\($0): " } ?? "") + message }
}
