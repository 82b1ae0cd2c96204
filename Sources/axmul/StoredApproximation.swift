import Foundation
import NetSim

extension ApproxCLI {
    /// The multiplier assignment and quantisation record a retrained checkpoint stores, or nil for
    /// a checkpoint without them; each multiplier is resolved from its recorded spec and must
    /// still have the recorded table hash.
    static func storedApproximation(_ info: TrainCheckpoint.Info, path: String) throws
        -> (assignment: MultiplierAssignment, record: QuantisationRecord)? {
        guard let record = info.quantisation, let p = info.provenance else { return nil }
        func resolve(_ m: CheckpointProvenance.Multiplier) throws -> MultiplierAssignment.Entry? {
            if m.spec == "exact" && m.name == "exact" { return nil }
            let entry = try multiplier(m.spec)
            guard entry.table.contentHash == m.tableHash else {
                throw ModelError.checkpoint(path: path, reason: "it was retrained for multiplier '\(m.spec)' with table hash "
                    + "\(m.tableHash), but '\(m.spec)' now has \(entry.table.contentHash); give the original table file")
            }
            return entry
        }
        var perLayer: [String: MultiplierAssignment.Entry] = [:]
        for (layer, m) in p.layerMultipliers { if let e = try resolve(m) { perLayer[layer] = e } }
        return (MultiplierAssignment(default: try resolve(p.multiplier), perLayer: perLayer), record)
    }
}
