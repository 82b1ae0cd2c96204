/// Checks a checkpoint's metadata against the tensors actually in the file, before any network is
/// built from it: the sizes the metadata states must be backed by that many stored values, and every
/// stored value must be finite. A file whose metadata claims 10⁹ classes or hidden widths of 100,000
/// is refused here with the sizes, instead of allocating for them.
public enum CheckpointMetadataCheck {
    public typealias Tensors = [String: (shape: [Int], values: [Float])]

    /// Throws `DataError` naming `path` when the metadata's sizes exceed what the file stores, or a
    /// stored value is NaN or infinite.
    public static func check(model: String, inputShape: [Int], classCount: Int, hidden: [Int],
                             tensors: Tensors, path: String) throws {
        for name in tensors.keys.sorted() {
            guard let values = tensors[name]?.values, let k = NumericGuard.firstNonFinite(values) else { continue }
            throw DataError(.malformed, file: path, "tensor '\(name)' holds \(values[k]) at index \(k); a checkpoint must hold finite values only",
                            hint: "the file is damaged, or was written by another tool; retrain or use an earlier checkpoint")
        }
        let stored = tensors.values.reduce(0) { $0 + $1.values.count }
        guard inputShape.allSatisfy({ $0 > 0 }), classCount > 0, hidden.allSatisfy({ $0 > 0 }) else {
            throw DataError(.malformed, file: path,
                            "metadata sizes input_shape \(inputShape), class_count \(classCount), hidden \(hidden) must all be positive")
        }
        let needed: Int?
        if model == "mlp" {
            needed = ModelBudget.parameterBound(model: model, inputShape: inputShape, classCount: classCount, hidden: hidden)
        } else {
            needed = max(classCount, inputShape.first ?? 1)
        }
        guard let needed, needed <= stored else {
            throw DataError(.malformed, file: path,
                            "metadata (model \(model), input_shape \(inputShape), class_count \(classCount)\(model == "mlp" ? ", hidden \(hidden)" : "")) needs at least \(needed.map(String.init) ?? "more than \(Int.max)") parameters, but the file stores \(stored) values")
        }
    }
}
