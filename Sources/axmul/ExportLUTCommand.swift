import ArgumentParser
import Circuits

extension TableExchangeFormat: ExpressibleByArgument {}
extension SignedTableOrder: ExpressibleByArgument {}

/// `axmul export-lut <design> --format npy|tfapprox|text -o F`.
struct ExportLUTCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export-lut",
        abstract: "Export a design's table for another tool.",
        discussion: """
        npy: uint32 array (2^n, 2^n), row = first operand. tfapprox: 65,536 little-endian uint16 values,
        index a*256 + b (8x8 only). text: CSV, one line per first operand.

        Example:
          axmul export-lut smapprox8x8-3330 --format tfapprox -o 3330.bin
        """)

    @Argument(help: "A built-in design name or a design-file path.")
    var design: String

    @Option(name: .long, help: "npy, tfapprox or text.")
    var format: TableExchangeFormat

    @Option(name: .shortAndLong, help: "Output file.")
    var output: String

    @Flag(help: "Print what was written as one JSON object.") var json = false

    func run() throws {
        let resolved = try DesignArgument.resolve(design)
        try DesignArgument.reporting {
            try TableExchange.export(try resolved.truthTable(), format: format, to: output)
        }
        guard json else { return print("wrote \(output) (\(format.rawValue)) for \(resolved.name)") }
        var written = WrittenFile(path: output, format: format.rawValue, design: resolved.name,
                                  widthA: resolved.widthA, widthB: resolved.widthB)
        written.outputWidth = resolved.outputWidth
        print(try DesignArgument.json(written))
    }
}
