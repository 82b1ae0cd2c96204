/// Power and area that a paper measured for built-in designs, copied with their source, so that the cost
/// model can be checked against them (`CostModelCheck`, `axmul bench cost-model`).
public struct PublishedCost: Sendable, Equatable, Codable {
    /// The built-in design the row describes.
    public var design: String
    /// Measured power in watts.
    public var powerW: Double
    /// LUTs of an FPGA table; area in µm² of an ASIC table.
    public var luts: Int?
    public var areaUm2: Double?

    public init(_ design: String, powerW: Double, luts: Int? = nil, areaUm2: Double? = nil) {
        (self.design, self.powerW, self.luts, self.areaUm2) = (design, powerW, luts, areaUm2)
    }

    /// A table of one paper: its rows, and the power of the reference it compares them with.
    public struct Table: Sendable, Equatable, Codable {
        public var name: String
        public var source: String
        /// The row or design the paper's relative figures are against, and its power in watts.
        public var reference: String
        public var referencePowerW: Double
        public var rows: [PublishedCost]
    }

    /// SMApprox's 4×4 base designs (FPGA, measured): Table 1 of De la Parra et al., ASP-DAC 2021, which
    /// reproduces the SMApprox paper's figures ("Power [mW]" 198, 180, 192, 192; LUTs 12, 12, 7, 7).
    public static let smapprox4x4 = Table(
        name: "SMApprox 4x4 (Table 1)", source: "De la Parra et al., ASP-DAC 2021, Table 1 (SMApprox base designs, FPGA, measured)",
        reference: "smapprox4x4-0", referencePowerW: 0.198,
        rows: [.init("smapprox4x4-0", powerW: 0.198, luts: 12), .init("smapprox4x4-1", powerW: 0.180, luts: 12),
               .init("smapprox4x4-2", powerW: 0.192, luts: 7), .init("smapprox4x4-3", powerW: 0.192, luts: 7)])

    /// SMApprox 8×8 compositions (FPGA, measured): Table 2 of De la Parra et al., ASP-DAC 2021, against
    /// the Xilinx Multiplier IP (0.344 W, 64 LUTs).
    public static let smapprox8x8 = Table(
        name: "SMApprox 8x8 (Table 2)", source: "De la Parra et al., ASP-DAC 2021, Table 2 (SMApprox 8x8, FPGA, measured; reference: Xilinx Multiplier IP)",
        reference: "Xilinx Multiplier IP", referencePowerW: 0.344,
        rows: [.init("smapprox8x8-1100", powerW: 0.221, luts: 64), .init("smapprox8x8-2200", powerW: 0.220, luts: 62),
               .init("smapprox8x8-3300", powerW: 0.220, luts: 62), .init("smapprox8x8-1110", powerW: 0.220, luts: 64),
               .init("smapprox8x8-3330", powerW: 0.219, luts: 59), .init("smapprox8x8-2220", powerW: 0.219, luts: 59),
               .init("smapprox8x8-3333", powerW: 0.216, luts: 54), .init("smapprox8x8-2222", powerW: 0.217, luts: 52)])

    public static let tables = [smapprox4x4, smapprox8x8]

    /// The cost source `published` (`search --cost published`): each design's measured power relative to its
    /// table's exact reference (8x8: the Xilinx Multiplier IP, the paper's exact 8-bit multiplier; 4x4: base
    /// design 0), and 1 for AxMul's exact designs of those widths; nil for a design no table measured.
    public static func relativePower(of design: String) -> Double? {
        if design == "exact8" || design == "exact4" { return 1 }
        for table in tables { if let row = table.rows.first(where: { $0.design == design }) { return row.powerW / table.referencePowerW } }
        return nil
    }

    /// The `energy_model` of figures from `relativePower`.
    public static let sourceName = "published (De la Parra et al. 2021, Tables 1-2: FPGA, measured; relative to the Xilinx Multiplier IP for 8x8)"

    /// EvoApproxLib's 8×8 unsigned multipliers (ASIC, the library's own 45 nm synthesis): one row per
    /// (design name, header) with the power and area of its Verilog header; the reference is its exact
    /// multiplier `mul8u_1JFF` when present.
    public static func evoApprox(_ headers: [(design: String, header: EvoApproxHeader)]) -> Table {
        let rows = headers.map { PublishedCost($0.design, powerW: $0.header.powerMw / 1000, areaUm2: $0.header.areaUm2) }
        let reference = rows.first { $0.design == "mul8u_1JFF" } ?? rows.max { $0.powerW < $1.powerW }
        return Table(name: "EvoApproxLib 8x8 unsigned (PDK45)",
                     source: "EvoApproxLib (ehw-fit/evoapproxlib, multiplers/8x8_unsigned/pareto_*), Verilog headers PDK45_PWR and PDK45_AREA (ASIC, 45 nm synthesis)",
                     reference: reference?.design ?? "", referencePowerW: reference?.powerW ?? 0, rows: rows)
    }
}
