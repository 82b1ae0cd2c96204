import Records

/// `fig6.csv` and `fig7.csv`: the figure rows of `experiment.json` as CSV (header row, one row
/// per JSON row, numbers printed round-trip exact).
public enum Table1CSV {
    public static let fig6Header = "app,method,multiplier,accuracy,error_rate,loss,normalised_error"
    public static let fig7Header = "app,method,level,flip_rate,accuracy_mean,accuracy_sd,runs"

    public static func fig6(_ rows: [Fig6Row]) -> String {
        lines(fig6Header, rows.map { [$0.app, $0.method, $0.multiplier, "\($0.accuracy)", "\($0.errorRate)", "\($0.loss)", "\($0.normalisedError)"] })
    }

    public static func fig7(_ rows: [Fig7Row]) -> String {
        lines(fig7Header, rows.map { [$0.app, $0.method, $0.level, "\($0.flipRate)", "\($0.accuracyMean)", "\($0.accuracySD)", "\($0.runs)"] })
    }

    /// Fields are quoted only when they contain a comma or quote.
    static func lines(_ header: String, _ rows: [[String]]) -> String {
        let body = rows.map { $0.map(field).joined(separator: ",") }
        return ([header] + body).joined(separator: "\n") + "\n"
    }

    static func field(_ s: String) -> String {
        s.contains(",") || s.contains("\"") ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }
}
