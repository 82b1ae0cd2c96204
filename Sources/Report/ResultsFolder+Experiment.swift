import Foundation

extension ResultsFolder {
    /// `axmul experiment axtrain-table1`'s `experiment.json`, decoded by its JSON keys (the parts
    /// the figures and the report table need).
    public struct Experiment: Sendable, Codable, Equatable {
        public struct App: Sendable, Codable, Equatable {
            public var name: String
            public var topology: String
            public var aggressiveFlipRate: Double
            public var conservativeFlipRate: Double
            enum CodingKeys: String, CodingKey {
                case name, topology, aggressiveFlipRate = "aggressive_flip_rate", conservativeFlipRate = "conservative_flip_rate"
            }
        }
        /// A Fig. 6 multiplier: paper label ("accurate", "K1"…) and design name.
        public struct Multiplier: Sendable, Codable, Equatable {
            public var label: String
            public var design: String
        }
        /// One `fig6.csv` row.
        public struct Fig6: Sendable, Codable, Equatable {
            public var app: String
            public var method: String
            public var multiplier: String
            public var accuracy: Double
            public var errorRate: Double
            public var loss: Double
            public var normalisedError: Double
            enum CodingKeys: String, CodingKey {
                case app, method, multiplier, accuracy, errorRate = "error_rate", loss, normalisedError = "normalised_error"
            }
        }
        /// One `fig7.csv` row.
        public struct Fig7: Sendable, Codable, Equatable {
            public var app: String
            public var method: String
            public var level: String
            public var flipRate: Double
            public var accuracyMean: Double
            public var accuracySD: Double
            public var runs: Int
            enum CodingKeys: String, CodingKey {
                case app, method, level, flipRate = "flip_rate", accuracyMean = "accuracy_mean", accuracySD = "accuracy_sd", runs
            }
        }
        /// A last-layer sensitivity map of one method (Fig. 4).
        public struct Map: Sendable, Codable, Equatable {
            public var app: String
            public var method: String
            public var map: SensitivityMap
        }

        public var recipe: String
        public var apps: [App]
        public var multipliers: [Multiplier]
        public var normalisation: String
        public var fig6: [Fig6]
        public var fig7: [Fig7]
        public var sensitivityMaps: [Map]
        public var seconds: Double

        enum CodingKeys: String, CodingKey {
            case recipe, apps, multipliers, normalisation, fig6, fig7, sensitivityMaps = "sensitivity_maps", seconds
        }

        /// The paper label of a design ("K1"), or the design name.
        public func label(of design: String) -> String { multipliers.first { $0.design == design }?.label ?? design }
    }

    /// Files of an experiment folder that are derived from `experiment.json` (drawn from it instead).
    static let experimentDerivedFiles: Set<String> = ["fig4.svg", "fig6.svg", "fig7.svg", "fig6.csv", "fig7.csv", "table2.csv",
                                                      "table3.csv", "table5.csv", "table6.csv", "table7.csv", "retrain.csv",
                                                      "ablation.csv", "table2.svg", "table3.svg"]

    /// Decodes an experiment result of any recipe, or accepts its derived files (wherever they sort)
    /// when the folder has an `experiment.json`; false otherwise.
    mutating func readExperiment(name: String, data: Data) -> Bool {
        if Self.experimentDerivedFiles.contains(name),
           FileManager.default.fileExists(atPath: (path as NSString).appendingPathComponent("experiment.json")) { return true }
        guard name.hasSuffix(".json") else { return false }
        let decoder = JSONDecoder()
        if let e = try? decoder.decode(ExperimentFigures.DelaParra.self, from: data), e.recipe == "delaparra" {
            delaParras.append((name, e))
        } else if let e = try? decoder.decode(ExperimentFigures.Hammad.self, from: data), e.recipe == "hammad" {
            hammads.append((name, e))
        } else if let e = try? decoder.decode(Experiment.self, from: data), e.recipe == "axtrain-table1" {
            experiments.append((name, e))
        } else {
            return false
        }
        return true
    }
}
