import Foundation
import Testing
@testable import Circuits

/// Issue 10 item 5: designs too wide to enumerate are refused up front and can be characterised by sampling.
@Suite struct ResourceLimitRegressionTests {
    /// truncated(t: 1) drops only the a0·b0 partial product, so e = −(a&1)(b&1): by hand, for uniform
    /// unsigned operands P(e ≠ 0) = 1/4, mae = mse = 1/4, bias = −1/4, wce = 1.
    static let wide = Design(name: "trunc20", body: .formula(.truncated(width: 20, t: 1)))

    @Test func exhaustiveCharacterisationOfA40BitDesignIsRefusedWithAHint() {
        do {
            _ = try Characteriser().characterise(Self.wide)
            Issue.record("a 20x20 design was enumerated")
        } catch {
            #expect(error.description.contains("--samples"))
            #expect(error.description.contains("40 input bits"))
        }
    }

    @Test func sampledMetricsMatchTheHandDerivedValues() throws {
        let n = 20_000
        let r = try Characteriser().characteriseSampled(Self.wide, samples: n, seed: 7)
        let u = r.unsigned
        for (estimate, truth) in [(u.epPct, 25.0), (u.mae, 0.25), (u.mse, 0.25), (u.bias, -0.25)] {
            #expect(estimate.low <= truth && truth <= estimate.high, "\(estimate) should cover \(truth)")
        }
        // Half-width of a proportion's interval: 1.96·√(p(1−p)/n), p = 1/4, in percent.
        let half = 100 * 1.959_963_985 * (0.25 * 0.75 / Double(n)).squareRoot()
        #expect(abs((u.epPct.high - u.epPct.low) / 2 - half) < 0.02 * half)
        #expect(u.wceLowerBound == 1)
        #expect(r.magnitude.wceLowerBound == 1)
        #expect(r.samples == n && r.confidence == 0.95)
    }

    /// The sampled intervals must cover the exact values of the (independent) exhaustive scan.
    @Test func sampledIntervalsCoverTheExhaustiveMitchell8Metrics() throws {
        let design = Design(name: "mitchell8", body: .formula(.mitchell(width: 8)))
        let exact = try Characteriser().characterise(design)
        let sampled = try Characteriser().characteriseSampled(design, samples: 20_000)
        for (e, s) in [(exact.unsigned, sampled.unsigned), (exact.magnitude, sampled.magnitude)] {
            for (truth, interval) in [(e.epPct, s.epPct), (e.mae, s.mae), (e.mse, s.mse), (e.bias, s.bias), (e.mrePct, s.mrePct)] {
                #expect(interval.low <= truth && truth <= interval.high, "\(interval) should cover \(truth)")
            }
            #expect(s.wceLowerBound <= e.wce && s.wcrePctLowerBound <= e.wcrePct + 1e-9)
        }
    }

    @Test func anExactDesignHasZeroErrorWithZeroWidthIntervals() throws {
        let r = try Characteriser().characteriseSampled(Design(name: "exact32", body: .formula(.exact(width: 32))), samples: 500)
        for e in [r.unsigned.epPct, r.unsigned.mae, r.magnitude.mse, r.magnitude.mrePct] {
            #expect(e == SampledEstimate(estimate: 0, low: 0, high: 0))
        }
    }

    @Test func tooFewSamplesIsATypedError() {
        #expect(throws: DesignError.self) { try Characteriser().characteriseSampled(Self.wide, samples: 1) }
    }
}
