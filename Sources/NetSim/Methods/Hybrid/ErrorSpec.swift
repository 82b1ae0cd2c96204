import Foundation
import Records

extension ErrorSpec {
    /// Test IDs 1–8 of the paper's Table II, in order.
    public static let tableII: [ErrorSpec] = [
        .init(mre: 0.012, sd: 0.015), .init(mre: 0.014, sd: 0.018), .init(mre: 0.024, sd: 0.030),
        .init(mre: 0.036, sd: 0.045), .init(mre: 0.048, sd: 0.060), .init(mre: 0.096, sd: 0.12),
        .init(mre: 0.192, sd: 0.24), .init(mre: 0.382, sd: 0.48),
    ]

    /// The spec for Table II test ID `id` (1…8), or nil.
    public static func testID(_ id: Int) -> ErrorSpec? {
        (1...tableII.count).contains(id) ? tableII[id - 1] : nil
    }

    /// Parses "ID" (a Table II test ID) or "MRE:SD" in percent, e.g. "3.6:4.5".
    public static func parse(_ text: String) throws(HybridError) -> ErrorSpec {
        let t = text.trimmingCharacters(in: .whitespaces)
        if let id = Int(t) {
            guard let spec = testID(id) else { throw .invalidErrorSpec(text, reason: "test IDs are 1–\(tableII.count)") }
            return spec
        }
        let parts = t.split(separator: ":").map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard parts.count == 2, let m = parts[0], let s = parts[1], m >= 0, s >= 0 else {
            throw .invalidErrorSpec(text, reason: "give a Table II test ID (1–8) or MRE:SD in percent, e.g. 3.6:4.5")
        }
        return ErrorSpec(mre: m / 100, sd: s / 100)
    }

    /// "MRE 3.6% SD 4.5%".
    public var label: String { String(format: "MRE %.1f%% SD %.1f%%", mre * 100, sd * 100) }
}

/// Mean μ and deviation σ of δ ~ N(μ, σ) whose folded mean E|δ| and deviation match an `ErrorSpec`.
public struct GaussianError: Sendable, Codable, Equatable {
    public var mu: Double
    public var sigma: Double

    public init(mu: Double, sigma: Double) {
        (self.mu, self.sigma) = (mu, sigma)
    }

    /// E|δ| for δ ~ N(μ, σ) (folded normal): σ√(2/π)·exp(−μ²/2σ²) + μ·(1 − 2Φ(−μ/σ)).
    public static func foldedMean(mu: Double, sigma: Double) -> Double {
        guard sigma > 0 else { return abs(mu) }
        let r = mu / sigma
        let phi = 0.5 * erfc(r / 2.0.squareRoot())   // Φ(−r)
        return sigma * (2 / Double.pi).squareRoot() * exp(-r * r / 2) + mu * (1 - 2 * phi)
    }

    /// Solves for μ ≥ 0 by bisection with σ = sd. E|δ| ≥ σ√(2/π) for any μ, so when
    /// mre < sd·√(2/π) (test ID 8: 38.2/48) the nearest reachable value, μ = 0, is returned.
    public static func solve(_ spec: ErrorSpec) -> GaussianError {
        let sigma = spec.sd
        guard sigma > 0, foldedMean(mu: 0, sigma: sigma) < spec.mre else { return GaussianError(mu: 0, sigma: sigma) }
        var lo = 0.0, hi = spec.mre   // foldedMean(mre) > mre, so the root lies in [0, mre]
        for _ in 0..<100 {
            let mid = (lo + hi) / 2
            if foldedMean(mu: mid, sigma: sigma) < spec.mre { lo = mid } else { hi = mid }
        }
        return GaussianError(mu: (lo + hi) / 2, sigma: sigma)
    }
}

/// Errors of the hybrid-training tools, shaped like Circuits' `UserFacingError` (the CLI adds the conformance).
public enum HybridError: Error, Sendable, Equatable, CustomStringConvertible {
    case invalidErrorSpec(String, reason: String)
    case invalidSchedule(String)
    case io(path: String, reason: String)

    /// The file the error refers to, if any.
    public var file: String? {
        if case let .io(path, _) = self { return path }
        return nil
    }

    /// One sentence stating the rule and echoing the bad value.
    public var message: String {
        switch self {
        case let .invalidErrorSpec(text, reason): return "invalid error setting '\(text)': \(reason)"
        case let .invalidSchedule(reason): return "invalid hybrid schedule: \(reason)"
        case let .io(path, reason): return "cannot write \(path): \(reason)"
        }
    }

    /// A suggestion, if one helps.
    public var hint: String? {
        switch self {
        case .invalidErrorSpec: return "e.g. --error 4 or --error 3.6:4.5"
        case .invalidSchedule: return "--switch-epoch must lie in 0...--epochs"
        case .io: return "check that the results folder is writable"
        }
    }

    public var description: String { message }
}
