import NetSim
import Records

/// Improves each point of a front and measures it again (validation and test): `tune` maps weight
/// codes for each layer's multiplier (`WeightTuning`, histograms from training samples outside the
/// validation split); `retrain` runs a short behavioural retraining (`Retrainer`) per point.
public struct FrontRefinement {
    public var float: Network
    public var space: SearchSpace
    /// Training samples outside the validation split (tuning histograms, retraining, calibration).
    public var train: LabeledData
    public var validation: CandidateEvaluator
    public var test: CandidateEvaluator
    public var epochs: Int

    public init(float: Network, space: SearchSpace, train: LabeledData, validation: CandidateEvaluator, test: CandidateEvaluator, epochs: Int) {
        (self.float, self.space, self.train, self.validation, self.test, self.epochs) = (float, space, train, validation, test, epochs)
    }

    /// `result` with `refined` filled (one point per front point, same order).
    public func refine(_ result: SearchResult, method: String) throws -> SearchResult {
        var out = result
        out.refine = method
        out.refined = try result.front.map { p in
            guard let g = space.genome(p.assignment) else { throw SearchError(.badFile, "front point \(p.assignment) is not in the library") }
            let (v, t) = method == "tune" ? tuned(g) : try retrained(g)
            return SearchResult.Point(assignment: p.assignment, energyRel: p.energyRel, validationAccuracy: v, testAccuracy: t, distinct: p.distinct)
        }
        return out
    }

    func tuned(_ g: Genome) -> (Double, Double) {
        let histogramData = train.prefix(min(train.count, 1024))
        let v = WeightTuning.tune(validation.wrapped(g), on: histogramData), t = WeightTuning.tune(test.wrapped(g), on: histogramData)
        return (ApproxEvaluation.accuracy(v, on: validation.data, compute: .approximate),
                ApproxEvaluation.accuracy(t, on: test.data, compute: .approximate))
    }

    func retrained(_ g: Genome) throws -> (Double, Double) {
        var config = RetrainConfig()
        config.method = .behavioural
        config.epochs = epochs
        config.quant = validation.options
        let (net, _) = try Retrainer.retrain(float, train: train, test: validation.data.prefix(min(256, validation.data.count)),
                                             assignment: validation.assignment(g), config: config)
        let v = CandidateEvaluator(float: net, entries: validation.entries, calibration: train, data: validation.data, options: validation.options)
        let t = CandidateEvaluator(float: net, entries: test.entries, calibration: train, data: test.data, options: test.options)
        return (v.accuracy(g), t.accuracy(g))
    }
}
