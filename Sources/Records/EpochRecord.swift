/// One line of a per-epoch JSONL training log (`axmul train`, `retrain`, `axtrain`, the experiments'
/// `logs/`), written by NetSim's `TrainingLog` and read by the report.
///
/// A log line carries no `"schema"` tag: a log is a stream of lines of this one kind, appended
/// (fsynced) epoch by epoch and truncated on resume, so its kind is its `.jsonl` name and these keys.
/// A tag per line would lengthen every line and change the bytes of logs that resume compares.
public struct EpochRecord: Sendable, Codable, Equatable {
    public var epoch: Int
    public var lr: Float
    public var trainLoss: Double
    public var trainAccuracy: Double
    public var testLoss: Double
    public var testAccuracy: Double
    public var seconds: Double

    enum CodingKeys: String, CodingKey {
        case epoch, lr, trainLoss = "train_loss", trainAccuracy = "train_accuracy"
        case testLoss = "test_loss", testAccuracy = "test_accuracy", seconds
    }

    public init(epoch: Int, lr: Float, trainLoss: Double, trainAccuracy: Double, testLoss: Double, testAccuracy: Double,
                seconds: Double) {
        (self.epoch, self.lr, self.trainLoss, self.trainAccuracy) = (epoch, lr, trainLoss, trainAccuracy)
        (self.testLoss, self.testAccuracy, self.seconds) = (testLoss, testAccuracy, seconds)
    }
}
