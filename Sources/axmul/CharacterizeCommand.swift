import ArgumentParser
import Circuits
import Foundation
import Multipliers
import Records
import TableFormat

/// `axmul characterize <design>... [--all] [--json] [--sort <metric>] [--pairs F]`.
struct CharacterizeCommand: ParsableCommand, UsesThreads {
    static let configuration = CommandConfiguration(
        commandName: "characterize",
        abstract: "Exact error metrics (unsigned and magnitude domains) and cost estimates of designs.",
        discussion: """
        Metrics are computed over all operand pairs (16x16 designs: all 2^32, multi-threaded).
        A design is a built-in name, a design file, a compiled .axlut (metrics from its table, cost as stored)
        or a .npy / TFApprox .bin table (metrics only). Designs without a LUT mapping are costed by yosys
        synth_xilinx (cached by design hash under $AXMUL_CACHE or ~/.cache/axmul).
        The table marks with * the Pareto-optimal rows (power_rel, or luts with --pareto luts, against
        magnitude mre_pct), comparing designs of the same width only.
        Sort keys: a metric (magnitude domain), unsigned.<metric>, magnitude.<metric>, a cost key
        (luts, carry_cells, lut_levels, delay_ns, power_mw, power_rel), name or width.
        Definitions and model assumptions: docs/cost-model.md.

        Example:
          axmul characterize smapprox8x8-3330 smapprox8x8-2222 exact8 --sort mre_pct
        """)

    @Argument(help: "Built-in design names (see `axmul list`), design files, .axlut tables, or .npy / .bin tables.")
    var designs: [String] = []

    @Flag(name: .long, help: "Characterise every built-in design.")
    var all = false

    @Flag(name: .long, help: "Print a JSON array of {schema, name, width, unsigned, magnitude, cost} (plus signed for two's-complement designs).")
    var json = false

    @Option(name: .long, help: "Sort the table by this key (ascending).")
    var sort: String?

    @Option(name: .long, help: "Operand pairs for the power model: a text file of 'a b' lines (default: 10,000 uniform pairs).")
    var pairs: String?

    @Option(name: .long, help: "Estimate metrics from N random operand pairs per domain, with 95% confidence intervals (for designs too wide to enumerate).")
    var samples: Int?

    @Option(name: .long, help: "The cost of the Pareto flag: power_rel (default) or luts.")
    var pareto: ParetoCost = .powerRel

    @OptionGroup var threading: ThreadOptions

    func validate() throws {
        if let samples, samples < 2 { throw ValidationError("--samples needs at least 2 pairs") }
        if designs.isEmpty && !all { throw ValidationError("give at least one design, or --all") }
        if let sort, !CharacterisationReport.isValidSortKey(sort) {
            throw ValidationError("unknown sort key '\(sort)': use a metric such as mre_pct, unsigned.mae or power_rel")
        }
    }

    func run() throws {
        let names = all ? BuiltinDesigns.catalog.map(\.name) + designs : designs
        var model = CostModel.withSynthesis()
        let pairLines = try pairs.map { path in try DesignArgument.reporting { try OperandPairs.read(path) } }
        if let pairLines { model.pairs = pairLines.pairs }
        let characteriser = Characteriser(costModel: model)
        if let samples { return try runSampled(names, characteriser: characteriser, samples: samples) }
        let results = try characterise(names, characteriser: characteriser, model: model, pairLines: pairLines)
        if json { print(String(decoding: try RecordJSON.encode(list: results), as: UTF8.self), terminator: ""); return }
        print(CharacterisationReport.text(results, sortKey: sort, pareto: pareto))
        print("cost model: \(TableCost.model) (LUT-level toggle power at 100 MHz on \(pairs == nil ? "uniform operands" : "the --pairs stream"), relative to the exact design; docs/cost-model.md)")
        for c in results where !c.cost.isKnown { print("note: \(c.name) has no cost: \(c.cost.note ?? "unknown")") }
        for c in results where c.signed != nil {
            print("note: \(c.name) is two's complement: its metrics are over all signed operand pairs (the unsigned and magnitude columns repeat them)")
        }
    }

    /// Every design exhaustively, with a progress bar on a terminal (yosys runs once, in parallel, beforehand).
    private func characterise(_ names: [String], characteriser: Characteriser, model: CostModel,
                              pairLines: (pairs: [CostModel.Pair], lines: [Int])?) throws -> [Characterisation] {
        let bar = TerminalProgress.ifTerminal()
        let sources = try names.map { name in try DesignArgument.reporting { try MultiplierLoader.source(name) } }
        for (name, source) in zip(names, sources) { try DesignArgument.checkViews(source.design, spec: name) }
        model.synthesis?.prepare(sources.filter { $0.compiled == nil }.map(\.design))
        return try sources.map { source in
            let design = source.design
            if let pairs, let pairLines { try DesignArgument.reporting { try OperandPairs.checkFits(pairLines, path: pairs, design: design) } }
            let report = bar.map { b in { @Sendable (done: Int, total: Int) in b.show(design.name, done: done, total: total) } }
            var result = try DesignArgument.reporting {
                try characteriser.characterise(design, reference: design.exactReference(), progress: report)
            }
            if source.compiled != nil { result.cost = try source.cost(model) }
            bar?.clear()
            return result
        }
    }
}

extension ParetoCost: ExpressibleByArgument {}


/// Reads a text file of operand pairs, one "a b" (or "a,b") per line.
enum OperandPairs {
    static func read(_ path: String) throws -> (pairs: [CostModel.Pair], lines: [Int]) {
        let text: String
        do { text = try InputFile.text(path, limit: 1 << 30) } catch { throw DesignError.io(path: path, reason: error.description) }
        var out: [CostModel.Pair] = [], lines: [Int] = []
        for (k, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated()
        where !line.allSatisfy(\.isWhitespace) {
            let f = line.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" })
            guard f.count == 2, let a = UInt64(f[0]), let b = UInt64(f[1]) else {
                throw DesignError.invalidValue(what: "operand pair", value: String(line), rule: "each line holds two non-negative integers 'a b'",
                                               location: SourceLocation(file: path, line: k + 1))
            }
            out.append(CostModel.Pair(a: a, b: b))
            lines.append(k + 1)
        }
        guard out.count >= 2 else {
            throw DesignError.invalidValue(what: "operand-pair file", value: "\(out.count) pairs", rule: "the power model needs at least 2 pairs",
                                           location: SourceLocation(file: path, line: 1))
        }
        return (out, lines)
    }

    /// Every operand must fit the design's port widths (a < 2^widthA, b < 2^widthB).
    static func checkFits(_ read: (pairs: [CostModel.Pair], lines: [Int]), path: String, design: Design) throws(DesignError) {
        for (pair, line) in zip(read.pairs, read.lines) {
            let fitsA = design.widthA >= 64 || pair.a >> UInt64(design.widthA) == 0
            let fitsB = design.widthB >= 64 || pair.b >> UInt64(design.widthB) == 0
            guard fitsA && fitsB else {
                throw .invalidValue(what: "operand pair", value: "\(pair.a) \(pair.b)",
                                    rule: "design \(design.name) takes a < \(1 << min(design.widthA, 62)) and b < \(1 << min(design.widthB, 62))",
                                    location: SourceLocation(file: path, line: line))
            }
        }
    }
}
