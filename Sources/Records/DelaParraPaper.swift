/// The paper's ResNet-8 (CIFAR-10) numbers that the `delaparra` recipe compares against, copied
/// from De la Parra et al., "Efficient Accuracy Recovery in Approximate Neural Networks by
/// Systematic Error Modelling", ASP-DAC 2021: Table 2 (MRE), Table 5 (s/epoch, GTX 1080 Ti),
/// Table 6 (statistics build time) and Table 7 (cross-evaluation). Figs. 6–7 are drawn, not
/// tabulated, in the paper, so no values of theirs are copied.
public struct DelaParraPaper: Sendable, Codable, Equatable {
    public struct Row: Sendable, Codable, Equatable {
        /// The retrained model ("8b-quant" or the multiplier retrained for with the error model).
        public var retrained: String
        /// Column → accuracy in percent; "FP" is the float column.
        public var accuracies: [String: Double]
    }
    public var source = "De la Parra et al., ASP-DAC 2021, Tables 2, 5, 6, 7 (ResNet-8, CIFAR-10)"
    /// Table 2: MRE in percent per SMApprox multiplier.
    public var mrePercent: [String: Double] = [
        "1100": 2.1, "2200": 3.8, "3300": 3.6, "1110": 4.0, "3330": 6.4, "2220": 6.7, "3333": 13.6, "2222": 16.6,
    ]
    /// Table 5, ResNet8 column: seconds per retraining epoch.
    public var epochSeconds: [String: Double] = ["behavioural": 118, "errormodel": 51]
    /// Table 6, ResNet8: seconds to model the error of one multiplier, and that as a share of training.
    public var statisticsSeconds = 8.0
    public var statisticsShare = 0.16
    /// Table 7, ResNet8 block.
    public var table7: [Row] = [
        .init(retrained: "8b-quant", accuracies: ["FP": 84.61, "1110": 82.68, "3330": 80.42, "2222": 54.41]),
        .init(retrained: "1110", accuracies: ["FP": 84.60, "1110": 85.48, "3330": 83.11, "2222": 59.74]),
        .init(retrained: "3330", accuracies: ["FP": 83.96, "1110": 84.48, "3330": 84.23, "2222": 65.31]),
        .init(retrained: "2222", accuracies: ["FP": 80.21, "1110": 80.83, "3330": 79.20, "2222": 67.96]),
    ]
    public init() {}
}
