import Circuits
import Foundation
import Multipliers
import Records

extension CharacterizeCommand {
    /// `--samples N`: sampled estimates with 95% confidence intervals, as JSON or a short text table.
    func runSampled(_ names: [String], characteriser: Characteriser, samples: Int) throws {
        var results: [SampledCharacterisation] = []
        for name in names {
            let design = try DesignArgument.reporting { try MultiplierLoader.source(name) }.design
            results.append(try DesignArgument.reporting { try characteriser.characteriseSampled(design, samples: samples) })
        }
        if json { print(String(decoding: try RecordJSON.encode(list: results), as: UTF8.self), terminator: ""); return }
        for r in results {
            print("\(r.name) (\(r.width)-bit), \(r.samples) sampled pairs per domain, seed \(r.seed)")
            let domains = r.signed.map { [("signed", $0)] } ?? [("unsigned", r.unsigned), ("magnitude", r.magnitude)]
            for (domain, m) in domains {
                let means = [("ep_pct", m.epPct), ("mae", m.mae), ("mse", m.mse), ("bias", m.bias), ("mre_pct", m.mrePct)]
                    .map { "\($0.0) \(format($0.1.estimate)) [\(format($0.1.low)), \(format($0.1.high))]" }
                print("  \(domain): " + means.joined(separator: "; ")
                      + "; wce ≥ \(format(m.wceLowerBound)); wcre_pct ≥ \(format(m.wcrePctLowerBound))")
            }
            print("  note: \(r.note)")
        }
    }

    private func format(_ x: Double) -> String { String(format: "%.6g", x) }
}
