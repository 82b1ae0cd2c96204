import Foundation
import NetSim
import Search
import Multipliers

/// How a shard task measures one item of a set: a per-layer assignment (search) or a grid cell (sweep).
public enum ShardItems {
    public static func accuracyFunction(_ context: SearchContext) throws -> (String, [String]) throws -> Double {
        context.kind == "sweep" ? try SweepCells(context).accuracyFunction()
                                : try SearchSession.open(context, withCost: false).accuracyFunction()
    }
}

/// A sweep's cells: [model, design, method] measured on the test part (as `axmul evaluate` does), each
/// model calibrated once on the first training batches. A task checks every model and design against the
/// hashes the driver recorded, so a file changed under the same path is refused rather than measured under
/// the old key.
public struct SweepCells {
    public static let methods = ["approximate", "exact8", "float"]
    public var context: SearchContext
    var data: (train: LabeledData, test: LabeledData)

    /// Loads the data; fills the context's data hash (the driver) or checks it (a shard task).
    public init(_ context: SearchContext) throws {
        self.context = context
        data = try DatasetLoader.load(context.data)
        try SearchSession.verify(&self.context.dataHash, LabeledData.contentHash([data.train, data.test]), what: "data", file: context.data)
    }

    public func accuracyFunction() -> (String, [String]) throws -> Double {
        var calibrated: [String: (net: Network, test: LabeledData)] = [:]
        var entries: [String: MultiplierAssignment.Entry] = [:]
        return { _, cell in
            guard cell.count == 3, Self.methods.contains(cell[2]) else {
                throw SearchError(.badFile, "sweep cell \(cell) is not [model, design, method] with method \(Self.methods.joined(separator: "|"))")
            }
            let options = context.quantOptions
            let model = try calibrated[cell[0]] ?? {
                let loaded = try ModelSource.open(cell[0])
                if let i = context.models.firstIndex(of: cell[0]), i < context.modelHashes.count {
                    var stored = context.modelHashes[i]
                    try SearchSession.verify(&stored, try SearchSession.modelHash(cell[0]), what: "model", file: cell[0])
                }
                var net = ApproxNetwork.wrap(loaded.network, MultiplierAssignment(default: nil), options: options)
                ApproxNetwork.calibrate(&net, on: try ModelData.fit(data.train, loaded.info, cell[0], context.data), options: options)
                return (net, try ModelData.fit(data.test.prefix(context.testLimit), loaded.info, cell[0], context.data))
            }()
            calibrated[cell[0]] = model
            let entry = try entries[cell[1]] ?? {
                let loaded = try MultiplierLoader.load(cell[1], costModel: nil).entry
                if let i = context.designs.firstIndex(of: cell[1]), i < context.designHashes.count {
                    var stored = context.designHashes[i]
                    try SearchSession.verify(&stored, SearchSession.tableHash(loaded.plan.table), what: "design", file: cell[1])
                }
                return loaded
            }()
            entries[cell[1]] = entry
            let net = ApproxNetwork.wrap(model.net, MultiplierAssignment(default: entry), options: options)
            let compute: ApproxCompute = cell[2] == "float" ? .float : cell[2] == "exact8" ? .exact : .approximate
            return ApproxEvaluation.accuracy(net, on: model.test, compute: compute)
        }
    }
}
