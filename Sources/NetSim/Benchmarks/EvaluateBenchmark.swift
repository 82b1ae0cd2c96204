import Foundation

/// The `axmul bench evaluate` figures: behavioural-inference throughput of one network for float, exact
/// 8-bit and approximate compute, measured in one run, and the search's unit of work (one candidate).
public struct EvaluateBenchReport: Sendable, Codable, Equatable {
    public var multiplier: String
    public var images: Int
    public var batch: Int
    public var blasThreads: Int
    /// NetSim's workers and the kernels' instruction-set level (`KernelISA.summary`).
    public var workers: Int
    public var isa: String
    public var float: InferenceTiming
    public var exact: InferenceTiming
    public var approximate: InferenceTiming
    /// Images per second relative to float (exact, approximate).
    public var exactOverFloat: Double
    public var approximateOverFloat: Double
    /// One candidate = wrap the float network with the multiplier, calibrate, and one approximate
    /// inference over a validation split of `validationImages` training images.
    public var validationImages: Int
    public var candidates: Int
    public var candidateSeconds: Double
    public var candidatesPerSecond: Double

    enum CodingKeys: String, CodingKey {
        case multiplier, images, batch, float, exact, approximate, candidates, workers, isa
        case blasThreads = "blas_threads", exactOverFloat = "exact_over_float", approximateOverFloat = "approximate_over_float"
        case validationImages = "validation_images", candidateSeconds = "candidate_seconds"
        case candidatesPerSecond = "candidates_per_s"
    }
}

/// One inference pass over the benchmark images.
public struct InferenceTiming: Sendable, Codable, Equatable {
    public var seconds: Double
    public var imagesPerSecond: Double
    public var accuracy: Double

    enum CodingKeys: String, CodingKey { case seconds, accuracy, imagesPerSecond = "images_per_s" }
}

/// Times `ApproxEvaluation`'s three passes as `axmul evaluate` runs them (release builds only give
/// meaningful figures).
public enum EvaluateBenchmark {
    public struct Setup: Sendable {
        public var network: Network
        public var assignment: MultiplierAssignment
        /// Calibration samples (the first batches are used) and the validation split's source.
        public var train: LabeledData
        public var test: LabeledData
        public var validationImages: Int
        public var candidates: Int
        public var options: ApproxNetwork.QuantOptions
        public init(network: Network, assignment: MultiplierAssignment, train: LabeledData, test: LabeledData,
                    validationImages: Int = 2000, candidates: Int = 2, options: ApproxNetwork.QuantOptions = .init()) {
            (self.network, self.assignment, self.train, self.test) = (network, assignment, train, test)
            (self.validationImages, self.candidates, self.options) = (validationImages, candidates, options)
        }
    }

    /// Runs the measurements; `onStep` sees each line as soon as it is measured.
    public static func run(_ s: Setup, onStep: (String) -> Void = { _ in }) -> EvaluateBenchReport {
        var net = ApproxNetwork.wrap(s.network, s.assignment, options: s.options)
        ApproxNetwork.calibrate(&net, on: s.train, options: s.options)
        func pass(_ compute: ApproxCompute, _ label: String) -> InferenceTiming {
            let t0 = Date()
            let acc = ApproxEvaluation.accuracy(net, on: s.test, compute: compute)
            let secs = Date().timeIntervalSince(t0)
            let t = InferenceTiming(seconds: secs, imagesPerSecond: Double(s.test.count) / secs, accuracy: acc)
            onStep(String(format: "%@ %d images: %.3f s, %.1f images/s (accuracy %.4f)", label, s.test.count, secs,
                          t.imagesPerSecond, acc))
            return t
        }
        let float = pass(.float, "float      "), exact = pass(.exact, "exact 8-bit"), approx = pass(.approximate, "approximate")
        let validation = s.train.subset(Array(max(0, s.train.count - s.validationImages)..<s.train.count))
        let t0 = Date()
        for _ in 0..<max(1, s.candidates) {
            _ = candidate(s, validation: validation)
        }
        let perCandidate = Date().timeIntervalSince(t0) / Double(max(1, s.candidates))
        onStep(String(format: "candidate (wrap, calibrate, approximate inference over %d validation images): %.3f s, %.3f candidates/s",
                      validation.count, perCandidate, 1 / perCandidate))
        return EvaluateBenchReport(multiplier: s.assignment.label, images: s.test.count, batch: ApproxEvaluation.batchSize,
                                   blasThreads: BLAS.threads, workers: Workers.current.count, isa: KernelISA.summary, float: float, exact: exact, approximate: approx,
                                   exactOverFloat: exact.imagesPerSecond / float.imagesPerSecond,
                                   approximateOverFloat: approx.imagesPerSecond / float.imagesPerSecond,
                                   validationImages: validation.count, candidates: max(1, s.candidates),
                                   candidateSeconds: perCandidate, candidatesPerSecond: 1 / perCandidate)
    }

    /// One search candidate: the approximate accuracy of `s.assignment` on `validation`.
    static func candidate(_ s: Setup, validation: LabeledData) -> Double {
        var net = ApproxNetwork.wrap(s.network, s.assignment, options: s.options)
        ApproxNetwork.calibrate(&net, on: s.train, options: s.options)
        return ApproxEvaluation.accuracy(net, on: validation, compute: .approximate)
    }
}
