/// What `axmul retrain --json` ends with, also written as `<output without extension>.retrain.json`
/// next to the checkpoint (NetSim's `Retrainer.finish` makes it).
public struct RetrainReport: Record, Sendable, Codable, Equatable {
    public static let schema = RecordSchema("retrain", version: 1)

    public var approxAccuracyBefore: Double
    public var approxAccuracyAfter: Double
    public var epochSeconds: [Double]
    public var method: String
    public var multiplier: String

    enum CodingKeys: String, CodingKey {
        case approxAccuracyBefore = "approx_accuracy_before", approxAccuracyAfter = "approx_accuracy_after"
        case epochSeconds = "epoch_seconds", method, multiplier
    }

    public init(approxAccuracyBefore: Double, approxAccuracyAfter: Double, epochSeconds: [Double], method: String, multiplier: String) {
        (self.approxAccuracyBefore, self.approxAccuracyAfter, self.epochSeconds) = (approxAccuracyBefore, approxAccuracyAfter, epochSeconds)
        (self.method, self.multiplier) = (method, multiplier)
    }
}
