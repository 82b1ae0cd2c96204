import ArgumentParser
import Circuits

extension TableExchangeFormat: ExpressibleByArgument {}
extension SignedTableOrder: ExpressibleByArgument {}

/// `axmul export-lut <design> --format npy|tfapprox|text -o F`.
struct ExportLUTCommand: ParsableCommand, WritesFiles {
    static let configuration = CommandConfiguration(
        commandName: "export-lut",
        abstract: "Export a design's table for another tool.",
        discussion: """
        npy: uint32 array (2^n, 2^n), row = first operand. tfapprox: 65,536 little-endian uint16 values,
        index a*256 + b (8x8 only). text: CSV, one line per first operand.
        A signed (two's-complement) design is written in the signed layout import-lut --signed reads: npy int16
        (int32 past 16 output bits) or text of signed products, entry [a+128, b+128] for int8 (--order offset)
        or [a & 255, b & 255] (--order pattern); tfapprox is refused.

        Example:
          axmul export-lut smapprox8x8-3330 --format tfapprox -o 3330.bin
        """)

    @Argument(help: "A built-in design name or a design-file path.")
    var design: String

    @Option(name: .long, help: "npy, tfapprox or text.")
    var format: TableExchangeFormat

    @Option(name: .shortAndLong, help: "Output file.")
    var output: String

    @Option(name: .long, help: "Signed designs: offset (row a+128, column b+128; the default) or pattern (row a & 255).")
    var order: SignedTableOrder = .offset

    @Flag(help: "Print what was written as one JSON object.") var json = false

    @OptionGroup var writing: OutputOptions

    func run() throws {
        let resolved = try DesignArgument.resolve(design)
        try DesignArgument.reporting {
            let table = try resolved.truthTable()
            if resolved.isSigned {
                try TableExchange.write(try TableExchange.exportSigned(table, format: format, order: order), to: output)
            } else {
                try TableExchange.export(table, format: format, to: output)
            }
        }
        guard json else { return print("wrote \(output) (\(format.rawValue)) for \(resolved.name)") }
        var written = WrittenFile(path: output, format: format.rawValue, design: resolved.name,
                                  widthA: resolved.widthA, widthB: resolved.widthB)
        written.outputWidth = resolved.outputWidth
        print(try DesignArgument.json(written))
    }
}
