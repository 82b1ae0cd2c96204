import ArgumentParser
import Circuits
import Foundation
import TableFormat

/// `axmul import-verilog <file.v> -o <design file>`: reads a flat gate-level netlist into a design file.
struct ImportVerilogCommand: ParsableCommand, WritesFiles {
    static let configuration = CommandConfiguration(
        commandName: "import-verilog",
        abstract: "Read a flat gate-level Verilog netlist into a design file.",
        discussion: "The first input vector in the port list is the first operand (table row); --swap-operands swaps them. See docs/verilog.md for the accepted subset.\n\nExample:\n  axmul import-verilog mul8u.v -o mul8u.axd --name mul8u\n  axmul import-verilog mul8s_1KV6.v -o mul8s_1KV6.axd --signed")

    @Argument(help: "The Verilog file (one flat module: two input vectors, one output vector).")
    var file: String

    @Option(name: .shortAndLong, help: "The design file to write (.axd).")
    var output: String

    @Option(name: .long, help: "The design name (default: the module name).")
    var name: String?

    @Flag(name: .long, help: "Use the second input vector as the first operand.")
    var swapOperands = false

    @Flag(name: .long, help: "Read operands and product as two's complement (EvoApproxLib mul8s_*); writes 'operands twos-complement'.")
    var signed = false

    @Flag(help: "Print what was written as one JSON object.") var json = false

    @OptionGroup var writing: OutputOptions

    func run() throws {
        let text: String
        do {
            text = try InputFile.text(file, limit: 64 << 20)
        } catch {
            throw error
        }
        let design = try DesignArgument.reporting {
            try VerilogImporter.design(text: text, file: file, name: name, swapOperands: swapOperands, signed: signed)
        }
        let designText = try DesignArgument.reporting { try DesignWriter.checkedText(for: design, output: output) }
        try DesignArgument.reporting { try VerilogExport.writeAtomically(designText, to: output) }
        let gates = design.gateNetlist
        if json {
            var written = WrittenFile(path: output, format: DesignParser.fileExtension, design: design.name,
                                      widthA: design.widthA, widthB: design.widthB)
            (written.outputWidth, written.source, written.gateCells) = (design.outputWidth, file, gates?.cells.count)
            return print(try DesignArgument.json(written))
        }
        print("imported \(design.name): \(design.widthA)x\(design.widthB) -> \(design.outputWidth) bits, "
              + "\(gates?.cells.count ?? 0) gate cells; first operand \(gates?.operandA.name ?? "?"), "
              + "second operand \(gates?.operandB.name ?? "?"); wrote \(output)")
    }
}
