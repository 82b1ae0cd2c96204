import Records

/// The `--quick` settings of the `hammad` recipe (the record is in Records).
extension HammadSettings {
    /// `--quick`: 2 epochs, IDs 1 and 8 (1 searched), one multiplier, 256 training and 128 test samples.
    public static var quick: HammadSettings {
        var s = HammadSettings()
        (s.epochs, s.errorIDs, s.hybridIDs, s.multipliers) = (2, [1, 8], [1], ["drum8-k6"])
        (s.maxTrainSamples, s.maxTestSamples) = (256, 128)
        return s
    }
}
