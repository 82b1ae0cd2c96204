import Foundation
import Multipliers
import NetSim
import Search
import TableFormat

/// A search's model, data and library rebuilt from its `SearchContext`: the same in the driver and in
/// every shard task, so both measure the same accuracies.
struct SearchSession {
    var context: SearchContext
    var network: Network
    var multipliers: [LoadedMultiplier]
    var train: LabeledData
    var test: LabeledData

    /// Loads everything `context` names; `withCost` also computes each design's power (the driver needs it).
    static func open(_ context: SearchContext, withCost: Bool) throws -> SearchSession {
        let loaded = try ApproxCLI.loadModel(context.model)
        let data = try ApproxCLI.loadData(context.data, for: loaded.info, modelPath: context.model)
        let multipliers = try context.library.map { try ApproxCLI.loaded($0, withCost: withCost) }
        return SearchSession(context: context, network: loaded.network, multipliers: multipliers, train: data.train, test: data.test)
    }

    /// FNV-1a 64 of the model file, the cache's model key.
    static func modelHash(_ path: String) throws -> String {
        "fnv1a64:" + FNV1a64.hex(FNV1a64.hash(try Data(contentsOf: URL(fileURLWithPath: path))))
    }

    /// The evaluator of `split`: validation (drawn from the training data) or test; both calibrate on
    /// the training samples outside the validation split.
    func evaluator(_ split: String) -> CandidateEvaluator {
        let (rest, validation) = ValidationSplit.split(train, samples: context.validationSamples, seed: context.seed)
        let options = context.quantOptions
        let data = split == "test" ? test.prefix(context.testLimit) : validation
        return CandidateEvaluator(float: network, entries: multipliers.map(\.entry), calibration: rest, data: data, options: options)
    }

    /// An accuracy function over design-name items, one evaluator per split built on first use.
    func accuracyFunction() -> (String, [String]) throws -> Double {
        var evaluators: [String: CandidateEvaluator] = [:]
        let index = Dictionary(multipliers.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { a, _ in a })
        return { split, item in
            let e = evaluators[split] ?? evaluator(split)
            evaluators[split] = e
            let genome = try item.map { name in
                guard let i = index[name] else {
                    throw SearchError(.badFile, "design '\(name)' is not in the search library", hint: "the manifest belongs to another library")
                }
                return i
            }
            return e.accuracy(genome)
        }
    }
}
