import Records

/// The `--quick` settings and per-app epochs of the Table 1 recipe (the record is in Records).
extension Table1Settings {
    /// A tiny configuration for smoke tests and `--quick`: 2 act epochs, 1 pas epoch, 3 runs,
    /// at most 200 training and 100 test samples.
    public static var quick: Table1Settings {
        var s = Table1Settings()
        (s.actEpochs, s.cnnActEpochs, s.pasEpochs, s.runs) = (2, 1, 1, 3)
        (s.maxTrainSamples, s.maxTestSamples) = (200, 100)
        return s
    }

    /// Act (and BP) epochs for `app`.
    public func epochs(for app: Table1App) -> Int { app.isCNN ? cnnActEpochs : actEpochs }
}
