import ArgumentParser
import Circuits
import Foundation
import Report

/// `axmul report <designs... | results folders...> -o report.html`: one self-contained HTML file.
struct ReportCommand: ParsableCommand, WritesFiles {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a self-contained HTML report (inline SVG plots) of designs and NetSim results folders.",
        discussion: """
        Each input is a built-in design name, a design file, or a folder of NetSim results (per-epoch .log.jsonl training logs, retrain/crosseval --json output saved as .json); unrecognised files are skipped.

        Per design: error heatmap, error histogram, relative-error heatmap (magnitude domain), metric and cost tables; over all designs: power_rel against MRE with the Pareto front. See docs/report.md.

        Example:
          axmul report smapprox8x8-2222 smapprox8x8-3330 truncated8-t4 runs/ -o report.html
        """)

    @Argument(help: "Design names (see `axmul list`), design files, or results folders.")
    var inputs: [String] = []

    @Option(name: .shortAndLong, help: "The HTML file to write.")
    var output: String = "report.html"

    @Option(help: "The report's title.")
    var title: String = "AxMul report"

    @Flag(help: "Print a JSON summary {path, bytes, designs, folders, skipped_files} instead of the path.")
    var json = false

    @OptionGroup var writing: OutputOptions

    func validate() throws {
        if inputs.isEmpty { throw ValidationError("give at least one design or results folder") }
    }

    func run() throws {
        let bar = TerminalProgress.ifTerminal()
        var designs: [Report.DesignEntry] = [], folders: [ResultsFolder] = []
        for (k, input) in inputs.enumerated() {
            bar?.show(input, done: k, total: inputs.count)
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: input, isDirectory: &isDir), isDir.boolValue {
                folders.append(try ResultsFolder(path: input))
            } else {
                let design = try DesignArgument.resolve(input)
                designs.append(try Report.DesignEntry(design: design, characteriser: Characteriser(costModel: .withSynthesis())))
            }
        }
        bar?.clear()
        let html = Report.html(designs: designs, folders: folders, title: title)
        try Report.write(html, to: output)
        let summary = Report.Summary(path: output, bytes: html.utf8.count, designs: designs.map(\.design.name),
                                     folders: folders.map(\.path), skippedFiles: folders.flatMap(\.skipped))
        print(json ? try DesignArgument.json(summary) : output)
    }
}
