/// `axmul evaluate`'s result (`--json`, and `--save DIR`'s `evaluate-<multiplier>.json`): the three
/// accuracies and the energy (`ApproxAccuracy`'s keys) with the multiplier label, and whether the
/// activation steps were a retrained checkpoint's (`stored`) or calibrated (`calibrated`; absent in
/// files written before it was recorded).
public struct EvaluationRecord: Record, Sendable, Equatable {
    public static let schema = RecordSchema("evaluation", version: 1)

    public var multiplier: String
    public var accuracy: ApproxAccuracy
    public var activationSteps: String?

    public init(multiplier: String, accuracy: ApproxAccuracy, activationSteps: String?) {
        (self.multiplier, self.accuracy, self.activationSteps) = (multiplier, accuracy, activationSteps)
    }

    enum CodingKeys: String, CodingKey { case multiplier, activationSteps = "activation_steps" }

    public init(from decoder: Decoder) throws {
        accuracy = try ApproxAccuracy(from: decoder)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        multiplier = try c.decode(String.self, forKey: .multiplier)
        activationSteps = try c.decodeIfPresent(String.self, forKey: .activationSteps)
    }

    public func encode(to encoder: Encoder) throws {
        try accuracy.encode(to: encoder)
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(multiplier, forKey: .multiplier)
        try c.encodeIfPresent(activationSteps, forKey: .activationSteps)
    }
}
