import Circuits

/// `--library-filter`: a conjunction of comparisons METRIC OP NUMBER, separated by commas, e.g.
/// `mre<=10` or `mre_pct<=10,power_rel<0.8`. METRIC is a magnitude-domain key of `axmul characterize`
/// (`ErrorMetrics.keys`: `ep_pct`, `mae`, …, `mre_pct`, `mre_nonzero_pct`, …), `power_rel`, or a short
/// alias (`mre` = mre_nonzero_pct, the MRE of the De la Parra tables in docs/approx.md, so `mre<=7` keeps
/// what "MRE < 7 %" there means; `power` = power_rel, `ep` = ep_pct, `wcre` = wcre_pct). The parsed
/// filter's `description` names the metric each term uses.
/// OP is one of <=, <, >=, >, ==. A design without the metric's value (no cost known) fails the filter.
public struct LibraryFilter: Sendable, Equatable, CustomStringConvertible {
    public struct Term: Sendable, Equatable {
        public var metric: String
        public var op: String
        public var value: Double
    }

    public var terms: [Term]
    static let aliases = ["mre": "mre_nonzero_pct", "power": "power_rel", "ep": "ep_pct", "wcre": "wcre_pct"]
    static let metrics = ErrorMetrics.keys + ["power_rel"]
    static let ops = ["<=", ">=", "==", "<", ">"]

    /// Parses `text`; the error names the bad term and the grammar.
    public init(_ text: String) throws(SearchFilterError) {
        terms = try text.split(separator: ",").map { raw throws(SearchFilterError) in
            let term = raw.filter { !$0.isWhitespace }
            guard let op = Self.ops.first(where: { term.contains($0) }), let r = term.range(of: op) else {
                throw SearchFilterError(filter: text, term: String(raw))
            }
            let name = String(term[..<r.lowerBound]).lowercased()
            let metric = Self.aliases[name] ?? name
            guard Self.metrics.contains(metric), let v = Double(term[r.upperBound...]), v.isFinite else {
                throw SearchFilterError(filter: text, term: String(raw))
            }
            return Term(metric: metric, op: op, value: v)
        }
        guard !terms.isEmpty else { throw SearchFilterError(filter: text, term: "") }
    }

    /// True when `metrics` (key → value; a missing key fails) satisfies every term.
    public func accepts(_ metrics: [String: Double]) -> Bool {
        terms.allSatisfy { t in
            guard let v = metrics[t.metric] else { return false }
            switch t.op {
            case "<=": return v <= t.value
            case "<": return v < t.value
            case ">=": return v >= t.value
            case ">": return v > t.value
            default: return v == t.value
            }
        }
    }

    public var description: String { terms.map { "\($0.metric)\($0.op)\($0.value)" }.joined(separator: ",") }
}

/// A `--library-filter` that does not follow the grammar.
public struct SearchFilterError: Error, Sendable, Equatable, CustomStringConvertible {
    public var filter: String
    public var term: String
    public var description: String {
        "--library-filter '\(filter)': '\(term)' is not METRIC OP NUMBER (METRIC: mre, power, ep, wcre or a characterize key such as mae_pct; OP: <=, <, >=, >, ==), e.g. mre<=10,power<0.8"
    }
}
