/// Per-weight sensitivity |w|·Σ_k|∂O_k/∂w| of the last Dense layer (AxTrain paper, Fig. 4), written
/// as AxTrain's `sensitivity.json` so `axmul report` can draw it (NetSim's `SensitivityMap.lastDense`
/// computes it), and nested in the `axtrain-table1` experiment's maps.
public struct SensitivityMap: Record, Sendable, Codable, Equatable {
    public static let schema = RecordSchema("sensitivity-map", version: 1)

    /// Layer name, e.g. "fc3".
    public var layer: String
    /// Output features (rows of the [out, in] weight matrix).
    public var rows: Int
    /// Input features.
    public var cols: Int
    /// Row-major, rows × cols.
    public var values: [Double]

    public init(layer: String, rows: Int, cols: Int, values: [Double]) {
        (self.layer, self.rows, self.cols, self.values) = (layer, rows, cols, values)
    }

    /// A non-empty map whose values fill rows × cols.
    public var isWellFormed: Bool { rows > 0 && cols > 0 && values.count == rows * cols }
}
