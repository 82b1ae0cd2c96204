/// The result of `axmul check`: whether a design's views agree on every operand pair.
public struct CheckReport: Codable, Sendable, Hashable {
    /// The first operand pair on which two views differ.
    public struct Mismatch: Codable, Sendable, Hashable {
        public var a: Int
        public var b: Int
        public var lut: UInt32
        public var gates: UInt32
    }

    public var design: String
    /// The views compared ("lut", "gates"), or the single view that was simulated.
    public var views: [String]
    /// Operand pairs evaluated (summed over blocks for a composition).
    public var pairs: Int
    public var passed: Bool
    public var mismatch: Mismatch?
    /// One sentence describing what was checked.
    public var note: String
    /// For a composition, the reports of its distinct blocks.
    public var blocks: [CheckReport]
}

/// Proves a design's LUT and gate views equal by exhaustive simulation.
public enum DesignCheck {
    public static func check(_ design: Design) throws(DesignError) -> CheckReport {
        switch design.body {
        case .netlists(let views):
            guard let lut = views.lut, let gates = views.gates else {
                let table = try views.primary.truthTable()
                return CheckReport(design: design.name, views: [design.kind], pairs: table.values.count, passed: true,
                                   mismatch: nil, note: "one view (\(design.kind)): it validates and simulates on all pairs", blocks: [])
            }
            let lt = try lut.truthTable(), gt = try gates.truthTable()
            let diff = lt.firstDifference(from: gt).map { CheckReport.Mismatch(a: $0.a, b: $0.b, lut: $0.mine, gates: $0.theirs) }
            let note = diff.map { "views differ at a=\($0.a), b=\($0.b): lut gives \($0.lut), gates gives \($0.gates)" }
                ?? "lut and gates views are equal on all \(lt.values.count) operand pairs"
            return CheckReport(design: design.name, views: ["lut", "gates"], pairs: lt.values.count, passed: diff == nil,
                               mismatch: diff, note: note, blocks: [])
        case .composition(let c):
            var reports: [CheckReport] = []
            var seen: Set<String> = []
            for block in c.blocks where seen.insert(block.name).inserted {
                reports.append(try check(block))
            }
            let passed = reports.allSatisfy(\.passed)
            return CheckReport(design: design.name, views: ["composition"], pairs: reports.map(\.pairs).reduce(0, +),
                               passed: passed, mismatch: nil,
                               note: "composition: checked its \(reports.count) distinct block(s); the exact sum needs no check",
                               blocks: reports)
        case .formula, .table:
            let pairs = design.widthA + design.widthB <= TruthTable.maxTotalWidth ? try design.truthTable().values.count : 0
            return CheckReport(design: design.name, views: [design.kind], pairs: pairs, passed: true, mismatch: nil,
                               note: "one view (\(design.kind)): it evaluates on all \(pairs) pairs", blocks: [])
        }
    }
}
