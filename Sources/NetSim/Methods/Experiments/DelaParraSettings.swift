import Records

/// The `--quick` settings of the `delaparra` recipe (the record is in Records).
extension DelaParraSettings {
    /// `--quick`: a smoke test — LeNet-5, 1 retraining epoch, 2 base epochs (under-trained: 1),
    /// 256 training and 128 test samples, 64 error-model samples.
    public static var quick: DelaParraSettings {
        var s = DelaParraSettings()
        (s.model, s.epochs, s.baseEpochs, s.underTrainedEpochs, s.errorModelSamples) = ("lenet5", 1, 2, 1, 64)
        (s.maxTrainSamples, s.maxTestSamples) = (256, 128)
        return s
    }
}
