import ArgumentParser
import Circuits
import Foundation

/// `axmul verilog <design> -o DIR`: structural Verilog-2001 (UNISIM LUT6_2/CARRY4/CARRY8 or gate
/// `assign`s), a self-checking testbench and its memory file for each view; optionally yosys counts.
struct VerilogCommand: ParsableCommand, WritesFiles {
    static let configuration = CommandConfiguration(
        commandName: "verilog", abstract: "Write a design as structural Verilog with a self-checking testbench.",
        discussion: "Example:\n  axmul verilog smapprox8x8-3330 -o rtl --synth-report")

    @Argument(help: "A built-in design name (see `axmul list`) or a path to a design file.")
    var design: String

    @Option(name: .shortAndLong, help: "The output directory (created if needed).")
    var output: String

    @Flag(name: .long, help: "Synthesise each written file with yosys (synth_xilinx -family xcup) and print its LUT count beside ours.")
    var synthReport = false

    @Flag(name: .long, help: "Print the report as JSON.")
    var json = false

    @OptionGroup var writing: OutputOptions

    func run() throws {
        let resolved = try DesignArgument.resolveConsistent(design)
        let exports = try DesignArgument.reporting { try VerilogExporter.exportAll(resolved) }
        try DesignArgument.reporting {
            for export in exports { try export.write(to: output) }
        }
        var report = VerilogReport(design: resolved.name, directory: output, exports: exports)
        if synthReport {
            let status = TerminalProgress.ifTerminal()?.sink
            status?.receive("synthesising \(report.exports.count) file(s) with yosys", 0, report.exports.count)
            try DesignArgument.reporting { try report.synthesise(with: VerilogToolchain()) }
            status?.receive("synthesising \(report.exports.count) file(s) with yosys", report.exports.count, report.exports.count)
        }
        if json { print(try DesignArgument.json(report)) } else { printText(report) }
    }

    /// One line per exported view, and one per yosys synthesis beside our LUT count.
    private func printText(_ report: VerilogReport) {
        for e in report.exports {
            print("\(e.view.rawValue): \(output)/\(e.top).v (\(e.luts) LUTs, \(e.carry4) CARRY4, \(e.carry8) CARRY8); "
                  + "files: \(e.files.joined(separator: " "))")
        }
        for s in report.synthesis ?? [] {
            let ours = s.ourLuts.map(String.init) ?? "n/a"
            print("yosys synth_xilinx -family \(s.family) \(s.top) (\(s.view.rawValue) view): \(s.yosysLuts) LUTs, "
                  + "\(s.yosysCarry4) CARRY4, \(s.yosysCarry8) CARRY8; ours: \(ours) LUTs")
        }
    }
}
