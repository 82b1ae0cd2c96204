// Fuzz target `checkpoint`: decodes a safetensors checkpoint, reads the model sizes from its metadata
// and checks them against the stored tensors and the memory budget (`CheckpointMetadataCheck`,
// `ModelBudget`), as `TrainCheckpoint.load` does before it builds the network. Any trap, or an
// allocation the budget should have refused (libFuzzer's -rss_limit_mb), is a bug.
import Foundation
@testable import NetSim

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = [UInt8](UnsafeBufferPointer(start: data, count: size))
    guard let (tensors, meta) = try? SafeTensors.decode(Data(bytes), path: "fuzz.safetensors") else { return 0 }
    func ints(_ key: String) -> [Int] { (meta[key] ?? "").split(separator: ",").compactMap { Int($0) } }
    let model = meta["model"] ?? "mlp"
    let input = ints("input_shape"), hidden = ints("hidden")
    let classes = Int(meta["class_count"] ?? "") ?? 0
    do {
        try CheckpointMetadataCheck.check(model: model, inputShape: input, classCount: classes, hidden: hidden,
                                          tensors: tensors, path: "fuzz.safetensors")
        // 64 MiB: what passes must be cheap to build; the real budget is larger.
        try ModelBudget.check(model: model, inputShape: input, classCount: classes, hidden: hidden,
                              source: "fuzz.safetensors", budget: 64 << 20)
    } catch {
        return 0
    }
    // Sizes that passed: allocate the mlp's parameters as `ModelZoo` would, to catch a bound that is too low.
    if model == "mlp", let params = ModelBudget.parameterBound(model: model, inputShape: input, classCount: classes, hidden: hidden) {
        let weights = [Float](repeating: 0, count: params)
        precondition(weights.count * 4 * ModelBudget.copiesPerParameter <= 64 << 20)
    }
    return 0
}
