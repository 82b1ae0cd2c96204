import Foundation
import Records

/// Exhaustive characterisation enumerates every operand pair; beyond this many input bits it would not finish.
public enum CharacterisationLimits {
    /// The largest `widthA + widthB` characterised exhaustively (16x16: 2^32 pairs).
    public static let maxExhaustiveInputBits = 32

    /// Throws before any work if `design` is too wide to enumerate, naming the sampled alternative.
    public static func checkExhaustive(_ design: Design) throws(DesignError) {
        let bits = design.widthA + design.widthB
        guard bits <= maxExhaustiveInputBits else {
            throw .unsupported(what: "exhaustive characterisation of the \(design.widthA)x\(design.widthB) design '\(design.name)' "
                + "(\(bits) input bits; at most \(maxExhaustiveInputBits)); use `--samples N` for a sampled estimate with confidence intervals",
                location: nil)
        }
    }
}

/// A sample mean with its two-sided 95% confidence interval (normal approximation: mean ± 1.96·s/√n).
public struct SampledEstimate: Sendable, Codable, Equatable {
    public var estimate: Double
    public var low: Double
    public var high: Double
}

/// Metrics of one domain estimated from uniformly sampled operand pairs.
public struct SampledMetrics: Sendable, Codable, Equatable {
    public var epPct: SampledEstimate
    public var mae: SampledEstimate
    public var mse: SampledEstimate
    public var bias: SampledEstimate
    public var mrePct: SampledEstimate
    /// The largest |error| seen: a lower bound on the true worst-case error.
    public var wceLowerBound: Double
    /// The largest relative error seen (percent): a lower bound on the true wcre_pct.
    public var wcrePctLowerBound: Double

    enum CodingKeys: String, CodingKey {
        case epPct = "ep_pct", mae, mse, bias, mrePct = "mre_pct"
        case wceLowerBound = "wce_lower_bound", wcrePctLowerBound = "wcre_pct_lower_bound"
    }
}

/// What `axmul characterize --samples N` reports: estimates with 95% CIs instead of exact values. A saved
/// record, `axmul.sampled-characterisation/1` (`--json` prints an array of them, each element tagged).
public struct SampledCharacterisation: Record, Sendable, Codable, Equatable {
    public static let schema = RecordSchema.sampledCharacterisation

    public var name: String
    public var width: Int
    public var samples: Int
    public var seed: UInt64
    public var confidence: Double
    public var unsigned: SampledMetrics
    public var magnitude: SampledMetrics
    /// For a two's-complement design: the estimates over signed operand pairs (as the exhaustive
    /// `Characterisation.signed`; `unsigned` and `magnitude` then hold the same figures). nil otherwise.
    public var signed: SampledMetrics?
    /// How to read the maxima: with 95% confidence, fewer than 3/N of all pairs exceed the observed maximum.
    public var note: String
}

extension Characteriser {
    /// Estimates the error metrics of `design` from `samples` uniform operand pairs per domain (seeded, reproducible).
    public func characteriseSampled(_ design: Design, samples: Int, seed: UInt64 = 1) throws(DesignError) -> SampledCharacterisation {
        guard samples >= 2 else {
            throw .invalidValue(what: "--samples", value: "\(samples)", rule: "at least 2 pairs are needed for a confidence interval", location: nil)
        }
        let product = try design.productFunction()
        var rng = SplitMix64(seed: seed)
        var s: SampledMetrics?
        let u: SampledMetrics, m: SampledMetrics
        if design.isSigned {   // one domain, as the exhaustive characterisation of a signed design
            let signed = SampleScan.metrics(design, domain: .signed, samples: samples, rng: &rng, product: product)
            (u, m, s) = (signed, signed, signed)
        } else {
            u = SampleScan.metrics(design, domain: .unsigned, samples: samples, rng: &rng, product: product)
            m = SampleScan.metrics(design, domain: .magnitude, samples: samples, rng: &rng, product: product)
        }
        let bound = 3.0 / Double(samples)
        return SampledCharacterisation(
            name: design.name, width: design.widthA, samples: samples, seed: seed, confidence: 0.95, unsigned: u, magnitude: m,
            signed: s, note: "means carry 95% normal-approximation intervals; maxima are lower bounds (with 95% confidence "
                + "at most a fraction \(bound) of all pairs exceed them)")
    }
}

/// Running mean and variance (Welford), numerically stable for millions of samples.
struct RunningMoments {
    private(set) var count = 0
    private var mean = 0.0, m2 = 0.0

    mutating func add(_ x: Double) {
        count += 1
        let d = x - mean
        mean += d / Double(count)
        m2 += d * (x - mean)
    }

    /// The mean with its 95% interval; a single observation gets a zero-width interval.
    var estimate: SampledEstimate {
        let half = count > 1 ? 1.959_963_985 * (m2 / Double(count - 1)).squareRoot() / Double(count).squareRoot() : 0
        return SampledEstimate(estimate: mean, low: mean - half, high: mean + half)
    }
}

/// Per-pair statistics accumulated over random pairs, using the definitions of `ErrorMetrics`.
enum SampleScan {
    static func metrics(_ design: Design, domain: ErrorDomain, samples: Int, rng: inout SplitMix64,
                        product: @Sendable (UInt64, UInt64) -> UInt64) -> SampledMetrics {
        let maxA = domain.maxOperand(width: design.widthA), maxB = domain.maxOperand(width: design.widthB)
        // Magnitude-domain MRE divides the sum over all pairs by maxA·maxB: scale each term by pairs / (maxA·maxB).
        let magnitudeScale = (Double(maxA) + 1) * (Double(maxB) + 1) / (Double(maxA) * Double(maxB))
        var ep = RunningMoments(), abs = RunningMoments(), sq = RunningMoments(), err = RunningMoments()
        var rel = RunningMoments(), maxAbs = 0.0, maxRel = 0.0
        for _ in 0..<samples {
            let (e, a, b) = domain == .signed ? signedPair(design, rng: &rng, product: product)
                : unsignedPair(maxA, maxB, rng: &rng, product: product)
            let m = e.magnitude
            ep.add(e != 0 ? 100 : 0)
            abs.add(m)
            sq.add(e * e)
            err.add(e)
            maxAbs = max(maxAbs, m)
            if a == 0 || b == 0 {
                if domain == .magnitude { rel.add(100 * m * magnitudeScale) }
            } else {
                let r = m / (Double(a) * Double(b))
                maxRel = max(maxRel, 100 * r)
                rel.add(100 * r * (domain == .magnitude ? magnitudeScale : 1))
            }
        }
        return SampledMetrics(epPct: ep.estimate, mae: abs.estimate, mse: sq.estimate, bias: err.estimate,
                              mrePct: rel.estimate, wceLowerBound: maxAbs, wcrePctLowerBound: maxRel)
    }

    /// A uniform pair from 0...maxA × 0...maxB: (error, a, b).
    static func unsignedPair(_ maxA: UInt64, _ maxB: UInt64, rng: inout SplitMix64,
                             product: (UInt64, UInt64) -> UInt64) -> (Double, UInt64, UInt64) {
        let a = UInt64.random(in: 0...maxA, using: &rng), b = UInt64.random(in: 0...maxB, using: &rng)
        return (Double(Int128(product(a, b)) - Int128(a * b)), a, b)  // a·b < 2^64 for widths ≤ 32
    }

    /// A uniform pair of two's-complement patterns, read as TableScan.signedSums reads them: x, w and the
    /// product (outputWidth bits) signed, e = P − x·w; returns (e, |x|, |w|).
    static func signedPair(_ design: Design, rng: inout SplitMix64,
                           product: (UInt64, UInt64) -> UInt64) -> (Double, UInt64, UInt64) {
        let a = UInt64.random(in: 0...((1 << UInt64(design.widthA)) - 1), using: &rng)
        let b = UInt64.random(in: 0...((1 << UInt64(design.widthB)) - 1), using: &rng)
        let x = TableScan.signExtend(a, width: design.widthA), w = TableScan.signExtend(b, width: design.widthB)
        let p = TableScan.signExtend(product(a, b), width: design.outputWidth)
        return (Double(p - x * w), x.magnitude, w.magnitude)
    }
}
