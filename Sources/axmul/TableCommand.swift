import ArgumentParser
import Circuits

/// `axmul table <design> -o F`: the full truth table as CSV, or .npy if F ends in .npy.
struct TableCommand: ParsableCommand, WritesFiles {
    static let configuration = CommandConfiguration(
        commandName: "table",
        abstract: "Write a design's full truth table (row = first operand, column = second operand).",
        discussion: "CSV by default; a NumPy .npy uint32 array of shape (2^n, 2^n) when the output name ends in .npy.\n\nExample:\n  axmul table smapprox8x8-3330 -o 3330.npy --json")

    @Argument(help: "A built-in design name (see `axmul list`) or a path to a design file.")
    var design: String

    @Option(name: .shortAndLong, help: "Output file (.csv or .npy).")
    var output: String

    @Flag(help: "Print what was written as one JSON object.") var json = false

    @OptionGroup var writing: OutputOptions

    func run() throws {
        let resolved = try DesignArgument.resolveConsistent(design)
        let table = try resolved.truthTable()
        try table.write(to: output)
        guard json else { return print("wrote \(table.rows)x\(table.columns) table of \(resolved.name) to \(output)") }
        var written = WrittenFile(path: output, format: output.lowercased().hasSuffix(".npy") ? "npy" : "csv",
                                  design: resolved.name, widthA: resolved.widthA, widthB: resolved.widthB)
        written.outputWidth = resolved.outputWidth
        print(try DesignArgument.json(written))
    }
}
