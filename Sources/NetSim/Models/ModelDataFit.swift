/// The one check where a trained model meets a data set: every command that runs a checkpoint on data
/// (`eval`, `evaluate`, `retrain`, `error-model`, `cross-eval`, `train --resume`) calls it before the
/// first forward pass, so a data set of another width or with more classes is refused with both shapes
/// instead of stopping on a precondition inside a layer.
public enum ModelDataFit {
    /// `data` with its samples viewed in the model's input shape (same number of values), or an error
    /// naming the model, the data set and both shapes.
    public static func fit(_ data: LabeledData, modelInput: [Int], modelClasses: Int,
                           model: String, dataName: String) throws -> LabeledData {
        guard data.sampleSize == modelInput.reduce(1, *) else {
            throw ModelError.invalidArgument(
                what: "--data", value: dataName,
                rule: "its samples have shape \(data.sampleShape) (\(data.sampleSize) values) but model \(model) takes input \(modelInput) (\(modelInput.reduce(1, *)) values); use a data set of the model's width")
        }
        guard data.classCount <= modelClasses else {
            throw ModelError.invalidArgument(
                what: "--data", value: dataName,
                rule: "it has \(data.classCount) classes but model \(model) predicts \(modelClasses)")
        }
        var shaped = data
        shaped.sampleShape = modelInput
        return shaped
    }
}
