import ArgumentParser
import Circuits

/// `axmul check <design>`: proves the LUT and gate views equal on all inputs (exit 1 on mismatch).
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Prove a design's LUT and gate views equal over all inputs.",
        discussion: "Example:\n  axmul check smapprox4x4-1")

    @Argument(help: "A built-in design name (see `axmul list`) or a path to a design file.")
    var design: String

    @Flag(name: .long, help: "Print the report as JSON.")
    var json = false

    func run() throws {
        let resolved = try DesignArgument.resolve(design)
        let report = try DesignCheck.check(resolved)
        if json {
            print(try DesignArgument.json(report))
        } else {
            printReport(report, indent: "")
        }
        if !report.passed { throw ExitCode(1) }
    }

    private func printReport(_ report: CheckReport, indent: String) {
        let verdict = report.passed ? "PASS" : "FAIL"
        print("\(indent)\(verdict) \(report.design) [\(report.views.joined(separator: "+"))]: \(report.note) (\(report.pairs) pairs)")
        for block in report.blocks { printReport(block, indent: indent + "  ") }
    }
}
