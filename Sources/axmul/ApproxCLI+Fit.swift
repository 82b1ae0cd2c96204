import NetSim

extension ApproxCLI {
    /// The data set, checked against the checkpoint at `modelPath` (`ModelDataFit`): same sample width,
    /// no more classes than the model predicts; both splits come back in the model's input shape.
    static func loadData(_ nameOrPath: String, for info: TrainCheckpoint.Info, modelPath: String,
                         allowTestOnly: Bool = true) throws -> (train: LabeledData, test: LabeledData) {
        let (train, test) = try DatasetLoader.load(nameOrPath, allowTestOnly: allowTestOnly)
        return (try fit(train, info, modelPath, nameOrPath), try fit(test, info, modelPath, nameOrPath))
    }

    static func fit(_ data: LabeledData, _ info: TrainCheckpoint.Info, _ modelPath: String, _ dataName: String) throws -> LabeledData {
        try ModelDataFit.fit(data, modelInput: info.inputShape, modelClasses: info.classCount, model: modelPath, dataName: dataName)
    }
}
