import Records

/// Everything `axmul characterize` reports for one design; its JSON keys are an interface. A saved
/// record, `axmul.characterisation/1` (`characterize --json` prints a JSON array of them, each element
/// tagged; `axmul report` reads such a file from a results folder, and one written before the tag by its keys).
public struct Characterisation: Record, Sendable, Codable, Equatable {
    public static let schema = RecordSchema.characterisation

    public var name: String
    public var width: Int
    public var unsigned: ErrorMetrics
    public var magnitude: ErrorMetrics
    /// For a two's-complement design: the metrics over all signed operand pairs. Such a design has only
    /// this domain, so `unsigned` and `magnitude` then hold the same figures (the report and the Pareto
    /// flag read `magnitude`). nil (absent from JSON) for unsigned designs.
    public var signed: ErrorMetrics?
    public var cost: CostEstimate

    public init(name: String, width: Int, unsigned: ErrorMetrics, magnitude: ErrorMetrics, cost: CostEstimate,
                signed: ErrorMetrics? = nil) {
        self.name = name
        self.width = width
        self.unsigned = unsigned
        self.magnitude = magnitude
        self.signed = signed
        self.cost = cost
    }
}

/// Computes `Characterisation`s: exact error metrics in both domains plus the cost estimate.
public struct Characteriser: Sendable {
    public var costModel: CostModel

    public init(costModel: CostModel = CostModel()) { self.costModel = costModel }

    /// Characterises `design`; `reference` is the exact design of the same width and construction
    /// (for `power_rel`), if known. `progress` receives (chunks done, chunk count).
    public func characterise(_ design: Design, reference: Design? = nil,
                             progress: (@Sendable (Int, Int) -> Void)? = nil) throws(DesignError) -> Characterisation {
        try CharacterisationLimits.checkExhaustive(design)  // before any enumeration or allocation
        if design.isSigned {
            let sums = try design.errorSums(domain: .signed, progress: progress)
            let metrics = ErrorMetrics(sums: sums, domain: .signed, widthA: design.widthA, widthB: design.widthB)
            return Characterisation(name: design.name, width: design.widthA, unsigned: metrics, magnitude: metrics,
                                    cost: try costModel.estimate(design, reference: reference), signed: metrics)
        }
        let u: ErrorSums, m: ErrorSums
        if design.widthA + design.widthB <= 16 {              // `errorSums`' table path, one table for both domains
            let table = try design.truthTable()
            (u, m) = (TableScan.sums(of: table, domain: .unsigned), TableScan.sums(of: table, domain: .magnitude))
        } else {
            u = try design.errorSums(domain: .unsigned, progress: progress)
            m = try design.errorSums(domain: .magnitude, progress: progress)
        }
        return Characterisation(
            name: design.name, width: design.widthA,
            unsigned: ErrorMetrics(sums: u, domain: .unsigned, widthA: design.widthA, widthB: design.widthB),
            magnitude: ErrorMetrics(sums: m, domain: .magnitude, widthA: design.widthA, widthB: design.widthB),
            cost: try costModel.estimate(design, reference: reference))
    }
}
