import ArgumentParser
import Circuits
import Multipliers
import NetSim
import TableFormat

extension OperandEncoding: ExpressibleByArgument {
    public init?(argument: String) {
        guard let e = OperandEncoding.allCases.first(where: { $0.name == argument }) else { return nil }
        self = e
    }

    /// The names the parser accepts (the default would list the raw values 0, 1, 2, which it refuses).
    public static var allValueStrings: [String] { allCases.map(\.name) }
    public var defaultValueDescription: String { name }
}

/// `axmul compile <design> -o F`: the `.axlut` lookup table that NetSim reads.
struct CompileCommand: ParsableCommand, UsesThreads, WritesFiles {
    static let configuration = CommandConfiguration(
        commandName: "compile",
        abstract: "Write a design's lookup-table file (.axlut, see docs/table-format.md).",
        discussion: """
        The default encoding is sign-magnitude: first operand = activation magnitude, second = weight
        magnitude; DNN use reads magnitudes 0..128 of an 8-bit design, but all 2^n x 2^n entries are
        stored so the table also serves unsigned use.

        Example:
          axmul compile smapprox8x8-3330 -o 3330.axlut
        """)

    @OptionGroup var threading: ThreadOptions

    @Argument(help: "A built-in design name or a design-file path.")
    var design: String

    @Option(name: .shortAndLong, help: "Output .axlut file.")
    var output: String

    @Option(name: .long, help: "Operand encoding: unsigned, sign-magnitude or twos-complement.")
    var encoding: OperandEncoding = .signMagnitude

    @Flag(help: "Print what was written as one JSON object.") var json = false

    @OptionGroup var writing: OutputOptions

    func run() throws {
        let resolved = try DesignArgument.resolveConsistent(design)
        let table = try DesignArgument.reporting {
            try MultiplierLoader.compile(resolved, encoding: encoding, costModel: .withSynthesis())
        }
        try DesignArgument.reporting { try table.write(to: output) }
        if json { return print(try DesignArgument.json(Self.written(table, design: resolved, to: output))) }
        print("wrote \(output): \(resolved.name), \(table.widthA)x\(table.widthB) \(encoding.name), \(table.outputType.name), route \(table.metadata["route"] ?? "-"), kernel \(table.metadata["kernel_route"] ?? "none (not an 8-bit signed-usable table)")")
        let c = table.cost
        print(c.map { "cost: \($0.luts) LUTs, \($0.carryCells) carry cells, power \(String(format: "%.4f", $0.powerMw)) mW, power rel " + ($0.powerRel.map { String(format: "%.4f", $0) } ?? "unknown (no exact reference)") }
              ?? "cost unknown: \(table.costUnknownReason ?? "no cost")")
    }

    /// The `--json` description of a compiled table file.
    static func written(_ table: LookupTable, design: Design, to path: String) -> WrittenFile {
        var w = WrittenFile(path: path, format: "axlut", design: design.name, widthA: table.widthA, widthB: table.widthB)
        w.outputWidth = design.outputWidth
        w.encoding = table.encoding.name
        w.checksum = FNV1a64.hex(table.checksum)
        w.kernelRoute = table.metadata["kernel_route"]
        return w
    }
}
