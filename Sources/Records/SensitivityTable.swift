import Foundation

/// What `sensitivity.json` holds: each layer alone on each design (every other layer exact), the
/// validation accuracy per (layer, design).
public struct SensitivityTable: Record, Sendable, Codable, Equatable {
    public static let schema = RecordSchema("search-sensitivity", version: 1)

    public var layers: [String]
    public var designs: [String]
    /// accuracy[l][d]: validation accuracy with layer l on design d, all other layers exact.
    public var accuracy: [[Double]]
    /// Validation accuracy with every layer exact (8-bit).
    public var exactAccuracy: Double

    enum CodingKeys: String, CodingKey {
        case layers, designs, accuracy, exactAccuracy = "exact8_accuracy"
    }

    public init(layers: [String], designs: [String], accuracy: [[Double]], exactAccuracy: Double) {
        (self.layers, self.designs, self.accuracy, self.exactAccuracy) = (layers, designs, accuracy, exactAccuracy)
    }

    /// Accuracy loss in percentage points of layer l on design d.
    public func loss(_ l: Int, _ d: Int) -> Double { 100 * (exactAccuracy - accuracy[l][d]) }

    /// CSV: one row per layer, one column per design (accuracy).
    public var csv: String {
        (["layer," + designs.joined(separator: ",")] + zip(layers, accuracy).map { l, row in
            l + "," + row.map { String(format: "%.6f", $0) }.joined(separator: ",")
        }).joined(separator: "\n") + "\n"
    }
}
