import Foundation

/// The memory a zoo model will need, estimated from its sizes before anything is allocated, and the
/// budget it must fit in.
///
/// Sizes come from outside (a checkpoint's metadata, `--hidden`, a data set's shape and class count),
/// so they are checked here first: every size positive, the parameter count an upper bound computed
/// with overflow checks, and parameters × 4 copies (weights, gradients, two optimiser moments) × 4
/// bytes within `bytes`. The budget is `AXMUL_MEMORY_BUDGET_MB` when set, otherwise half the
/// physical memory, at most 16 GiB.
public enum ModelBudget {
    /// Copies of every parameter a training run holds: weights, gradients, Adam's two moments.
    public static let copiesPerParameter = 4
    /// Largest per-sample input (values) any model accepts.
    public static let maxSampleValues = 1 << 24

    /// The memory budget in bytes.
    public static var bytes: Int {
        if let text = ProcessInfo.processInfo.environment["AXMUL_MEMORY_BUDGET_MB"], let mb = Int(text), mb > 0,
           mb <= Int.max >> 20 {
            return mb << 20
        }
        return Int(min(ProcessInfo.processInfo.physicalMemory / 2, 16 << 30))
    }

    /// An upper bound on the parameter count of `model` for these sizes, or nil when it overflows `Int`.
    /// `mlp` is exact; the convolutional models add their fixed layers (at most 16 M parameters, ResNet-18
    /// and VGG included), the first layer's input channels, the classifier and the image area.
    public static func parameterBound(model: String, inputShape: [Int], classCount: Int, hidden: [Int]) -> Int? {
        guard let features = product(inputShape) else { return nil }
        if model == "mlp" {
            var total = 0, previous = features
            for width in hidden + [classCount] {
                let (w, o1) = previous.multipliedReportingOverflow(by: width)
                let (t, o2) = total.addingReportingOverflow(w)
                let (u, o3) = t.addingReportingOverflow(width)
                guard !o1, !o2, !o3 else { return nil }
                (total, previous) = (u, width)
            }
            return total
        }
        let channels = inputShape.first ?? 1
        let area = features / max(channels, 1)
        let terms = [(16 << 20, 1), (channels, 64 * 49), (classCount, 513), (area, 256)]
        var total = 0
        for (n, k) in terms {
            let (m, o1) = n.multipliedReportingOverflow(by: k)
            let (t, o2) = total.addingReportingOverflow(m)
            guard !o1, !o2 else { return nil }
            total = t
        }
        return total
    }

    /// Refuses sizes that are not positive, or a model whose training state would not fit the budget;
    /// `source` names where the sizes came from (a checkpoint path, or the flags and data set).
    public static func check(model: String, inputShape: [Int], classCount: Int, hidden: [Int], source: String,
                             budget: Int = ModelBudget.bytes) throws {
        guard !inputShape.isEmpty, inputShape.allSatisfy({ $0 > 0 }) else {
            throw DataError(.invalidArgument, file: source, "input shape \(inputShape) is invalid: every dimension must be positive")
        }
        guard let values = product(inputShape), values <= maxSampleValues else {
            throw DataError(.tooLarge, file: source,
                            "input shape \(inputShape) has more than \(maxSampleValues) values per sample, the most a model accepts")
        }
        guard classCount >= 2 else {
            throw DataError(.invalidArgument, file: source, "class count \(classCount) is invalid: a classifier needs at least 2 classes")
        }
        if model == "mlp", let bad = hidden.first(where: { $0 <= 0 }) ?? (hidden.isEmpty ? 0 : nil) {
            throw DataError(.invalidArgument, file: source, "hidden width \(bad) is invalid: give one or more positive widths")
        }
        let params = parameterBound(model: model, inputShape: inputShape, classCount: classCount, hidden: hidden)
        let bytes = params.flatMap { p -> Int? in
            let (b, o) = p.multipliedReportingOverflow(by: copiesPerParameter * MemoryLayout<Float>.size)
            return o ? nil : b
        }
        guard let bytes, bytes <= budget else {
            let size = params.map { "\($0) parameters, \(describe(bytes ?? Int.max)) of training state" } ?? "more than \(Int.max) parameters"
            throw DataError(.tooLarge, file: source,
                            "model '\(model)' with input \(inputShape), \(classCount) classes\(model == "mlp" ? ", hidden \(hidden)" : "") needs \(size), over the memory budget of \(describe(budget))",
                            hint: "use smaller sizes, or raise the budget with AXMUL_MEMORY_BUDGET_MB")
        }
    }

    /// `n` bytes in MiB or GiB.
    public static func describe(_ n: Int) -> String {
        n >= 1 << 30 ? String(format: "%.1f GiB", Double(n) / Double(1 << 30)) : String(format: "%.1f MiB", Double(n) / Double(1 << 20))
    }

    static func product(_ xs: [Int]) -> Int? {
        var p = 1
        for x in xs {
            let (q, o) = p.multipliedReportingOverflow(by: x)
            guard !o else { return nil }
            p = q
        }
        return p
    }
}
