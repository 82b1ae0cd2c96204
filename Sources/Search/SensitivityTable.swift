import Foundation

/// Each layer alone on each design (every other layer exact): validation accuracy per (layer, design).
public struct SensitivityTable: Sendable, Codable, Equatable {
    public var layers: [String]
    public var designs: [String]
    /// accuracy[l][d]: validation accuracy with layer l on design d, all other layers exact.
    public var accuracy: [[Double]]
    /// Validation accuracy with every layer exact (8-bit).
    public var exactAccuracy: Double

    enum CodingKeys: String, CodingKey {
        case layers, designs, accuracy, exactAccuracy = "exact8_accuracy"
    }

    /// The genome of layer `l` on design `d`, the others on `exact` (the exact design's index).
    public static func genome(layer l: Int, design d: Int, layers: Int, exact: Int) -> Genome {
        (0..<layers).map { $0 == l ? d : exact }
    }

    /// Accuracy loss in percentage points of layer l on design d.
    public func loss(_ l: Int, _ d: Int) -> Double { 100 * (exactAccuracy - accuracy[l][d]) }

    /// Greedy seeds: for each loss budget, every layer on the lowest-power design whose own loss stays
    /// within the budget (exact when none does).
    public func seeds(space: SearchSpace, exact: Int, budgets: [Double]) -> [Genome] {
        budgets.map { budget in
            space.layers.indices.map { l in
                space.designs.indices.filter { loss(l, $0) <= budget }
                    .min { (space.designs[$0].powerRel, $0) < (space.designs[$1].powerRel, $1) } ?? exact
            }
        }
    }

    /// CSV: one row per layer, one column per design (accuracy).
    public var csv: String {
        (["layer," + designs.joined(separator: ",")] + zip(layers, accuracy).map { l, row in
            l + "," + row.map { String(format: "%.6f", $0) }.joined(separator: ",")
        }).joined(separator: "\n") + "\n"
    }
}
