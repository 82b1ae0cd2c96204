import Foundation
import NetSim

/// A data set as a model sees it: loaded by name or path and fitted to the model's input shape and
/// classes (`ModelDataFit`), and how a checkpoint records it.
public enum ModelData {
    /// Checkpoint metadata key of the data's content hash (`LabeledData.contentHash` of train and test).
    public static let hashKey = "data_hash"

    /// Train and test sets of `nameOrPath`, fitted to the model `info` describes (`modelPath` names it in errors).
    public static func load(_ nameOrPath: String, for info: TrainCheckpoint.Info, modelPath: String,
                            allowTestOnly: Bool = true) throws -> (train: LabeledData, test: LabeledData) {
        let (train, test) = try DatasetLoader.load(nameOrPath, allowTestOnly: allowTestOnly)
        return (try fit(train, info, modelPath, nameOrPath), try fit(test, info, modelPath, nameOrPath))
    }

    /// `data` fitted to the model `info` describes, or a typed error naming both.
    public static func fit(_ data: LabeledData, _ info: TrainCheckpoint.Info, _ modelPath: String, _ dataName: String) throws -> LabeledData {
        try ModelDataFit.fit(data, modelInput: info.inputShape, modelClasses: info.classCount, model: modelPath, dataName: dataName)
    }

    /// A data argument as a checkpoint records it: a path that exists, resolved to an absolute path (so
    /// the record does not depend on the directory the command ran in); a data set name as it is.
    public static func provenance(_ data: String) -> String {
        FileManager.default.fileExists(atPath: data) ? URL(fileURLWithPath: data).standardizedFileURL.path : data
    }
}
