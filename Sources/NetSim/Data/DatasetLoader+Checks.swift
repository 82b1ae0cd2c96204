extension DatasetLoader {
    /// Refuses a data set whose train or test split is empty, so no command reports an accuracy of 0/0.
    static func nonEmptySplits(_ splits: (train: LabeledData, test: LabeledData),
                               name: String) throws -> (train: LabeledData, test: LabeledData) {
        for (part, data) in [("train", splits.train), ("test", splits.test)] where data.count == 0 {
            throw DataError(.invalidArgument, file: name,
                            "the \(part) split is empty (\(splits.train.count + splits.test.count) samples in \(splits.train.classCount) classes; the test split takes 20 % of each class)",
                            hint: "give at least 3 samples of each class")
        }
        return splits
    }
}
