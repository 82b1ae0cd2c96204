import ArgumentParser
import NetSim

extension ApproxOptions {
    func validate() throws {
        try FlagRules.int("--calibration-batches", calibrationBatches, 1...100_000)
        for spec in layerMultipliers {
            let parts = spec.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw ValidationError("--layer-multiplier '\(spec)' must have the form LAYER=DESIGN")
            }
        }
        _ = try quantOptions()
        try input.check(models: [model])
    }

    /// `--layer-multiplier LAYER=DESIGN` as layer → design argument (a later flag for a layer wins).
    var layerSpecs: [String: String] {
        var specs: [String: String] = [:]
        for spec in layerMultipliers {
            let parts = spec.split(separator: "=", maxSplits: 1).map(String.init)
            if parts.count == 2 { specs[parts[0]] = parts[1] }
        }
        return specs
    }

    /// Every `--layer-multiplier` layer must exist in `network` (checked before any evaluation).
    func checkLayers(of network: Network) throws {
        let names = layerMultipliers.compactMap { $0.split(separator: "=", maxSplits: 1).first.map(String.init) }
        try LayerAssignmentCheck.check(overrides: names, layers: LayerAssignmentCheck.multiplyingLayers(of: network), model: model)
    }
}
