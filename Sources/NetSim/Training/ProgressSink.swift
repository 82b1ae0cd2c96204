/// Where long library loops (evaluation passes, retraining epochs, error-model collection) report
/// progress. The caller binds it with `ProgressSink.$current.withValue(...)`, so library signatures
/// stay unchanged; unbound (the default), nothing is reported.
public enum ProgressSink {
    /// Receives (what, done, total) after each batch.
    @TaskLocal public static var current: (@Sendable (String, Int, Int) -> Void)?

    static func report(_ what: String, _ done: Int, _ total: Int) {
        current?(what, done, total)
    }
}
