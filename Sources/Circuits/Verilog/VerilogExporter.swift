/// One generated text file.
public struct VerilogFile: Sendable, Hashable, Codable {
    public var name: String
    public var contents: String
    public init(name: String, contents: String) {
        self.name = name
        self.contents = contents
    }
}

/// Which netlist view of a design to export.
public enum VerilogView: String, Sendable, Hashable, Codable, CaseIterable {
    /// The LUT-mapped view (UNISIM instances); compositions always use their blocks' primary views.
    case lut
    /// The gate-level view (`assign` statements).
    case gates
}

/// The exported files of one design view: the structural module(s), and for 8x8 and smaller a
/// testbench and its memory file.
public struct VerilogExport: Sendable, Hashable, Codable {
    public var design: String
    public var top: String
    public var view: VerilogView
    public var widthA: Int
    public var widthB: Int
    public var luts: Int
    public var carry4: Int
    public var carry8: Int
    public var files: [VerilogFile]

    /// The file holding the structural Verilog (`<top>.v`).
    public var designFile: String { "\(top).v" }
    /// The testbench file, when one was written.
    public var testbenchFile: String? { files.contains { $0.name == "tb_\(top).v" } ? "tb_\(top).v" : nil }
    /// The memory file of expected products, when one was written.
    public var memoryFile: String? { files.contains { $0.name == "\(top).mem" } ? "\(top).mem" : nil }
}

/// Exports designs as structural Verilog-2001 with testbenches.
public enum VerilogExporter {
    /// Supplies the LUT+carry netlist of a composition's exact adder (inputs LL, HL, LH, HH; output the sum).
    public typealias AdderProvider = @Sendable (Composition) throws(DesignError) -> Netlist

    /// The cost model's exact LUT6_2 + CARRY8 adder (`CompositionAdder`), so exported counts match `luts`.
    public static let standardAdder: AdderProvider = { c in CompositionAdder.netlist(blockWidth: c.blockWidth) }

    /// The top module name of a design view: `axmul_<name>`, with `_gates` for the gate view.
    public static func topName(_ design: Design, view: VerilogView) -> String {
        let base = "axmul_" + VerilogIdentifiers.legal(design.name)
        return view == .gates && design.lutNetlist != nil ? base + "_gates" : base
    }

    /// The views this design can be exported in (a composition exports once, as `.lut`).
    public static func views(of design: Design) -> [VerilogView] {
        switch design.body {
        case .netlists(let v): (v.lut != nil ? [.lut] : []) + (v.gates != nil ? [.gates] : [])
        case .composition: [.lut]
        case .formula, .table: []
        }
    }

    /// Exports every view the design has.
    public static func exportAll(_ design: Design, adder: AdderProvider = standardAdder,
                                 characterise: Bool = true) throws(DesignError) -> [VerilogExport] {
        let views = views(of: design)
        guard !views.isEmpty else {
            throw .unsupported(what: "Verilog export of the \(design.kind) design '\(design.name)': only netlist designs and compositions of them have a structure to export", location: nil)
        }
        var result: [VerilogExport] = []
        for view in views { result.append(try export(design, view: view, adder: adder, characterise: characterise)) }
        return result
    }

    /// Exports one view of a design.
    public static func export(_ design: Design, view: VerilogView, adder: AdderProvider = standardAdder,
                              characterise: Bool = true) throws(DesignError) -> VerilogExport {
        let top = topName(design, view: view)
        var modules = ModuleSet()
        let counts = try emit(design, view: view, top: top, adder: adder, modules: &modules)
        let small = design.widthA + design.widthB <= VerilogTestbench.maxTotalWidth
        let table = small ? try design.truthTable() : nil
        // Exact characterisation of designs wider than 8x8 is too slow for an export; they get cell counts only.
        let metrics = characterise && small ? try Characteriser().characterise(design) : nil
        let header = VerilogHeader.lines(design: design, top: top, view: design.kind == "composition" ? "composition" : view.rawValue,
                                         luts: counts.luts, carry4: counts.carry4, carry8: counts.carry8,
                                         characterisation: metrics, table: table)
        let headerText = header.map { "// \($0)" }.joined(separator: "\n") + "\n"
        var files = [VerilogFile(name: "\(top).v", contents: headerText + modules.text)]
        if let table {
            files.append(VerilogFile(name: "tb_\(top).v", contents: VerilogTestbench.testbench(
                top: top, widthA: design.widthA, widthB: design.widthB, outputWidth: design.outputWidth,
                memoryFile: "\(top).mem")))
            files.append(VerilogFile(name: "\(top).mem", contents: VerilogTestbench.memory(table, top: top)))
        }
        return VerilogExport(design: design.name, top: top, view: view, widthA: design.widthA, widthB: design.widthB,
                             luts: counts.luts, carry4: counts.carry4, carry8: counts.carry8, files: files)
    }

    struct Counts { var luts = 0, carry4 = 0, carry8 = 0 }

    /// Modules in definition order, each emitted once.
    struct ModuleSet {
        var names: [String] = []
        var bodies: [String: String] = [:]
        mutating func add(_ name: String, _ text: String) {
            guard bodies[name] == nil else { return }
            names.append(name)
            bodies[name] = text
        }
        var text: String { names.compactMap { bodies[$0] }.joined(separator: "\n") }
    }

    /// Emits `design` as module `top` (and the modules it instantiates) and returns its cell counts.
    static func emit(_ design: Design, view: VerilogView, top: String, adder: AdderProvider,
                     modules: inout ModuleSet) throws(DesignError) -> Counts {
        switch design.body {
        case .netlists(let v):
            guard let netlist = view == .gates ? v.gates : (v.lut ?? v.gates) else {
                throw .unsupported(what: "the \(view.rawValue) view of '\(design.name)', which has none", location: nil)
            }
            let checked = try netlist.validated()
            modules.add(top, VerilogModuleWriter.module(checked, name: top))
            return count(checked)
        case .composition(let c):
            return try emitComposition(c, design: design, top: top, adder: adder, modules: &modules)
        case .formula, .table:
            throw .unsupported(what: "Verilog export of the \(design.kind) design '\(design.name)'", location: nil)
        }
    }

    static func count(_ n: Netlist) -> Counts {
        Counts(luts: n.lutCount, carry4: n.cells.filter { $0.kind == .carry4 }.count,
               carry8: n.cells.filter { $0.kind == .carry8 }.count)
    }

    /// Blocks first, then the adder, then the top module wiring them: P = adder(LL, HL, LH, HH).
    static func emitComposition(_ c: Composition, design: Design, top: String, adder: AdderProvider,
                                modules: inout ModuleSet) throws(DesignError) -> Counts {
        var total = Counts()
        var blockTops: [String] = []
        for block in c.blocks {
            let name = topName(block, view: .lut)
            let n = try emit(block, view: .lut, top: name, adder: adder, modules: &modules)
            total.luts += n.luts; total.carry4 += n.carry4; total.carry8 += n.carry8
            blockTops.append(name)
        }
        let adderNetlist = try adder(c).validated()
        let n = c.blockWidth
        guard adderNetlist.inputs.count == 4, adderNetlist.inputs.allSatisfy({ $0.width == 2 * n }),
              adderNetlist.product.width >= 4 * n else {
            throw .widthMismatch(cell: "\(design.name) adder", what: "four 2N-bit inputs and a 4N-bit sum (N = \(n))",
                                 expected: "\(4 * 2 * n)", found: adderNetlist.inputs.map(\.width).reduce(0, +), location: nil)
        }
        let adderName = top + "_adder"
        modules.add(adderName, VerilogModuleWriter.module(adderNetlist, name: adderName))
        let a = count(adderNetlist)
        total.luts += a.luts; total.carry4 += a.carry4; total.carry8 += a.carry8
        modules.add(top, compositionModule(top: top, blockTops: blockTops, n: n, sumWidth: adderNetlist.product.width,
                                           adderName: adderName))
        return total
    }

    static func compositionModule(top: String, blockTops: [String], n: Int, sumWidth: Int, adderName: String) -> String {
        let halves = [("a[\(n - 1):0]", "b[\(n - 1):0]"), ("a[\(2 * n - 1):\(n)]", "b[\(n - 1):0]"),
                      ("a[\(n - 1):0]", "b[\(2 * n - 1):\(n)]"), ("a[\(2 * n - 1):\(n)]", "b[\(2 * n - 1):\(n)]")]
        let names = ["ll", "hl", "lh", "hh"]
        var lines = [
            "// \(top): four \(n)x\(n) blocks LL, HL, LH, HH added exactly: P = LL + (HL + LH) << \(n) + HH << \(2 * n)",
            "module \(top) (",
            "    input  wire [\(2 * n - 1):0] a,",
            "    input  wire [\(2 * n - 1):0] b,",
            "    output wire [\(4 * n - 1):0] p",
            ");",
            "    wire [\(2 * n - 1):0] ll, hl, lh, hh;",
            "    wire [\(sumWidth - 1):0] sum;",
        ]
        for k in 0..<4 {
            lines.append("    \(blockTops[k]) block_\(names[k]) (\(halves[k].0), \(halves[k].1), \(names[k]));")
        }
        lines.append("    \(adderName) adder (ll, hl, lh, hh, sum);")
        lines.append(sumWidth == 4 * n ? "    assign p = sum;" : "    assign p = sum[\(4 * n - 1):0];")
        lines.append("endmodule")
        return lines.joined(separator: "\n") + "\n"
    }
}
