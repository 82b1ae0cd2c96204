import Foundation

extension ResultsFolder {
    /// `axmul axtrain`'s `axtrain.json` summary.
    public struct AxTrain: Sendable, Codable, Equatable {
        public var actEpochs: Int
        public var pasEpochs: Int
        public var finalGamma: Double
        public var sensitivityAfterAct: Double
        public var sensitivityFinal: Double
        public var multiplier: String?
        public var flipRate: Double?
        public var exactAccuracy: Double
        public var hardwareAccuracyMean: Double
        public var hardwareAccuracyStd: Double
        public var hardwareRuns: Int
        enum CodingKeys: String, CodingKey {
            case actEpochs = "act_epochs", pasEpochs = "pas_epochs", finalGamma = "final_gamma"
            case sensitivityAfterAct = "sensitivity_after_act", sensitivityFinal = "sensitivity_final"
            case multiplier, flipRate = "flip_rate", exactAccuracy = "exact_accuracy"
            case hardwareAccuracyMean = "hardware_accuracy_mean", hardwareAccuracyStd = "hardware_accuracy_std"
            case hardwareRuns = "hardware_runs"
        }
    }

    /// AxTrain's `sensitivity.json`: per-weight |w|·Σ_k|∂O_k/∂w| of one layer, row-major rows × cols.
    public struct SensitivityMap: Sendable, Codable, Equatable {
        public var layer: String
        public var rows: Int
        public var cols: Int
        public var values: [Double]
    }

    /// Decodes AxTrain's summary and sensitivity map; false if the data is neither.
    mutating func readAxTrain(name: String, data: Data) -> Bool {
        let decoder = JSONDecoder()
        if let m = try? decoder.decode(SensitivityMap.self, from: data), m.rows > 0, m.cols > 0,
           m.values.count == m.rows * m.cols {
            sensitivityMaps.append((name, m))
        } else if let a = try? decoder.decode(AxTrain.self, from: data) {
            axTrains.append((name, a))
        } else {
            return false
        }
        return true
    }
}
