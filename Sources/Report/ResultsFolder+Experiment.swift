import Foundation

extension ResultsFolder {
    /// Files of an experiment folder that are derived from `experiment.json` (drawn from it instead).
    static let experimentDerivedFiles: Set<String> = ["fig4.svg", "fig6.svg", "fig7.svg", "fig6.csv", "fig7.csv", "table2.csv",
                                                      "table3.csv", "table5.csv", "table6.csv", "table7.csv", "retrain.csv",
                                                      "ablation.csv", "table2.svg", "table3.svg"]

    /// Whether `name` is one of an experiment's derived files in a folder that has its `experiment.json`
    /// (read from that instead, wherever they sort).
    func isExperimentDerived(_ name: String) -> Bool {
        Self.experimentDerivedFiles.contains(name)
            && FileManager.default.fileExists(atPath: (path as NSString).appendingPathComponent("experiment.json"))
    }
}
