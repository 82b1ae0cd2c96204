import Foundation
import Records

extension ResultsFolder {
    /// An error setting as MRE/SD fractions (`hybrid.json`'s `requested`/`realised`).
    public struct ErrorSetting: Sendable, Codable, Equatable {
        public var mre: Double
        public var sd: Double
    }

    /// One row of `axmul hybrid --sweep`'s `hybrid.json`.
    public struct HybridEntry: Sendable, Codable, Equatable {
        public var label: String
        public var requested: ErrorSetting
        public var realised: ErrorSetting
        public var approxAccuracy: Double
        public var switchEpoch: Int
        public var exactEpochs: Int
        public var accuracy: Double
        public var utilisation: Double
        enum CodingKeys: String, CodingKey {
            case label, requested, realised, approxAccuracy = "approx_accuracy", switchEpoch = "switch_epoch"
            case exactEpochs = "exact_epochs", accuracy, utilisation
        }
    }

    /// `axmul hybrid --sweep`'s `hybrid.json`: the exact baseline and one entry per error setting.
    public struct HybridSweep: Sendable, Codable, Equatable {
        public var epochs: Int
        public var tolerance: Double
        public var baselineAccuracy: Double
        public var entries: [HybridEntry]
        enum CodingKeys: String, CodingKey { case epochs, tolerance, baselineAccuracy = "baseline_accuracy", entries }
    }

    /// Decodes the result kinds added after the first release (hybrid sweep, evaluate); false if neither.
    mutating func readMore(name: String, data: Data) -> Bool {
        let decoder = JSONDecoder()
        if let h = try? decoder.decode(HybridSweep.self, from: data), !h.entries.isEmpty {
            hybrids.append((name, h))
        } else if let e = try? decoder.decode(EvaluationRecord.self, from: data) {
            evaluations.append(e)
        } else if !readAxTrain(name: name, data: data) {
            return false
        }
        return true
    }
}
