import Foundation
import Multipliers
import NetSim
import Search
import TableFormat

/// A search's model, data and library rebuilt from its `SearchContext`: the same in the driver and in
/// every shard task, so both measure the same accuracies.
public struct SearchSession {
    public var context: SearchContext
    public var network: Network
    public var multipliers: [LoadedMultiplier]
    public var train: LabeledData
    public var test: LabeledData
    /// The validation split the model was trained without (its checkpoint's `held_out_validation`), if any.
    public var heldOutValidation: String?

    /// Loads everything `context` names; `withCost` also computes each design's power (the driver needs it).
    /// The content hashes of the model, the data and the designs are filled in where `context` has
    /// none (the driver), and checked where it has them (a shard task): a file that changed since the
    /// manifest was written is an error naming it, never a silently different accuracy.
    public static func open(_ context: SearchContext, withCost: Bool) throws -> SearchSession {
        var context = context
        let loaded = try ModelSource.open(context.model)
        try verify(&context.modelHash, try modelHash(context.model), what: "model", file: context.model)
        let data = try ModelData.load(context.data, for: loaded.info, modelPath: context.model)
        try verify(&context.dataHash, LabeledData.contentHash([data.train, data.test]), what: "data", file: context.data)
        let multipliers = try context.library.map { try MultiplierLoader.load($0, costModel: withCost ? .withSynthesis() : nil) }
        var session = SearchSession(context: context, network: loaded.network, multipliers: multipliers, train: data.train, test: data.test)
        try session.setDesigns(multipliers)
        session.heldOutValidation = loaded.info.extra[ValidationSplit.metadataKey]
        return session
    }

    /// Whether the model was trained without this search's validation images.
    public var validationHeldOut: Bool { heldOutValidation == context.validationDescription }

    /// Sets the library (names and table hashes in the context), or checks them against the context's.
    public mutating func setDesigns(_ loaded: [LoadedMultiplier]) throws {
        multipliers = loaded
        let names = loaded.map(\.name), hashes = loaded.map { Self.tableHash($0.table) }
        if context.designs.isEmpty {
            (context.designs, context.designHashes) = (names, hashes)
        } else if context.designs != names || context.designHashes != hashes {
            let n = min(context.designs.count, context.designHashes.count, names.count, context.library.count)
            let i = (0..<n).first { context.designs[$0] != names[$0] || context.designHashes[$0] != hashes[$0] }
            let spec = i.map { context.library[$0] } ?? context.library.joined(separator: ",")
            throw SearchError(.changedInput, file: spec, "the design's table (or name) differs from the one this run's manifest was written with",
                              hint: "run the search again: it rebuilds its candidate sets from the current library")
        }
    }

    /// Fills `stored` with `actual` when empty, else requires them equal.
    public static func verify(_ stored: inout String, _ actual: String, what: String, file: String) throws {
        if stored.isEmpty { stored = actual; return }
        guard stored == actual else {
            throw SearchError(.changedInput, file: file, "the \(what) changed since this run's manifest was written (content hash \(actual), manifest \(stored))",
                              hint: "run the search or sweep again: it rebuilds its candidate sets from the current \(what)")
        }
    }

    /// FNV-1a 64 of a product table (every product), the cache's design key.
    public static func tableHash(_ table: SignedProductTable) -> String {
        var h = FNV1a64()
        table.magnitudes.withUnsafeBytes { h.update(buffer: $0.bindMemory(to: UInt8.self)) }
        table.twosComplementProducts?.withUnsafeBytes { h.update(buffer: $0.bindMemory(to: UInt8.self)) }
        return "fnv1a64:" + FNV1a64.hex(h.value)
    }

    /// FNV-1a 64 of the model file, the cache's model key.
    public static func modelHash(_ path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SearchError(.badFile, file: path, "the model file cannot be read (it is missing or not readable)")
        }
        return "fnv1a64:" + FNV1a64.hex(FNV1a64.hash(data))
    }

    /// The evaluator of `split`: validation (drawn from the training data) or test; both calibrate on
    /// the first training samples, as `evaluate` does (`ValidationSplit`).
    public func evaluator(_ split: String) -> CandidateEvaluator {
        let (rest, validation) = context.validationSplit(train)
        let options = context.quantOptions
        let data = split == "test" ? test.prefix(context.testLimit) : validation
        return CandidateEvaluator(float: network, entries: multipliers.map(\.entry), calibration: rest, data: data, options: options)
    }

    /// An accuracy function over design-name items, one evaluator per split built on first use.
    public func accuracyFunction() -> (String, [String]) throws -> Double {
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
