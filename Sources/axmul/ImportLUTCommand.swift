import ArgumentParser
import Circuits

/// `axmul import-lut F --format … --name N`: a design file from another tool's table.
struct ImportLUTCommand: ParsableCommand, WritesFiles {
    static let configuration = CommandConfiguration(
        commandName: "import-lut",
        abstract: "Create a table design from a table file made by another tool.",
        discussion: "Writes the design file N.axd (or -o PATH), which characterize, compile and the other commands accept.\n\nExample:\n  axmul import-lut 3330.bin --format tfapprox --name my3330\n  axmul import-lut exact.txt --format text --signed --name exact8s")

    @Argument(help: "The table file to import.")
    var file: String

    @Option(name: .long, help: "npy, tfapprox or text.")
    var format: TableExchangeFormat

    @Option(name: .long, help: "Name of the new design.")
    var name: String

    @Flag(name: .long, help: "The file holds signed int8 × int8 products (npy int16/int32, or text: ApproxTorch's .txt or AdaPT's C header with --order pattern; 256 × 256); the design is two's complement.")
    var signed = false

    @Option(name: .long, help: "With --signed: offset (row a+128, column b+128; ApproxTorch text) or pattern (row a & 255; TorchApprox).")
    var order: SignedTableOrder = .offset

    @Option(name: .shortAndLong, help: "Design file to write (default: <name>.axd).")
    var output: String?

    @Flag(help: "Print what was written as one JSON object.") var json = false

    @OptionGroup var writing: OutputOptions

    func run() throws {
        let design = try DesignArgument.reporting { try TableExchange.importDesign(path: file, format: format, name: name, signed: signed ? order : nil) }
        let path = output ?? "\(name).\(DesignParser.fileExtension)"
        try DesignArgument.reporting { try TableExchange.writeDesignFile(design, to: path) }
        guard json else { return print("wrote \(path): \(design.widthA)x\(design.widthB) table design '\(name)'") }
        var written = WrittenFile(path: path, format: DesignParser.fileExtension, design: name, widthA: design.widthA, widthB: design.widthB)
        (written.outputWidth, written.source) = (design.outputWidth, file)
        print(try DesignArgument.json(written))
    }
}
