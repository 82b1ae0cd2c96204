import ArgumentParser
import Circuits
import Dispatch
import Foundation

/// `axmul bench <what>`: release-mode benchmarks that print measured ratios (never unit tests).
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Benchmarks (build with -c release); each prints times and ratios measured in one run.",
        discussion: "Example:\n  axmul bench characterize\n  axmul bench lutgemm --json",
        subcommands: BenchCommand.subcommands)

    /// The benchmark subcommands; others add theirs here.
    static let subcommands: [ParsableCommand.Type] = [BenchCharacterizeCommand.self, BenchNetSimCommand.self, BenchLUTGemmCommand.self, BenchRetrainCommand.self, BenchEvaluateCommand.self, BenchCostModelCommand.self]
}

/// `axmul bench characterize`: all 256 SMApprox 8x8 designs, and one 16x16 composition over 2^32 pairs,
/// each next to a straightforward scalar loop measured in the same run.
struct BenchCharacterizeCommand: ParsableCommand, UsesThreads {
    static let configuration = CommandConfiguration(
        commandName: "characterize",
        abstract: "Time exhaustive characterisation against straightforward scalar loops.",
        discussion: "Example:\n  axmul bench characterize --skip-baseline16 --json")

    @OptionGroup var threading: ThreadOptions

    @Option(name: .long, help: "The 16x16 composition's four 8x8 blocks (LL,HL,LH,HH).")
    var blocks16 = "smapprox8x8-3330,smapprox8x8-1100,smapprox8x8-2220,smapprox8x8-0000"

    @Flag(name: .long, help: "Skip the (slow) scalar 2^32 baseline.")
    var skipBaseline16 = false

    @Flag(name: .long, help: "Skip the whole 16x16 part.")
    var skip16 = false

    @Option(name: .long, help: "How many of the 256 SMApprox 8x8 designs to time (code order).")
    var designs = 256

    @Flag(help: "Print the figures as one JSON object.") var json = false

    func run() throws {
        let report = try DesignArgument.reporting { () throws(DesignError) -> CharacterisationBenchReport in
            let small = try CharacterisationBenchmark.smapprox8x8(count: designs)
            if !json { print(Self.text(small)) }
            if skip16 { return CharacterisationBenchReport(smapprox8x8: small, composition16x16: nil) }
            var blocks: [Design] = []
            for name in blocks16.split(separator: ",") { blocks.append(try DesignResolver.resolve(String(name))) }
            let large = try CharacterisationBenchmark.composition16x16(blocks: blocks, skipScalar: skipBaseline16)
            if !json { print(Self.text(large)) }
            return CharacterisationBenchReport(smapprox8x8: small, composition16x16: large)
        }
        if json { print(try DesignArgument.json(report)) }
    }

    static func text(_ r: Bench8x8Report) -> String {
        """
        \(r.designs) SMApprox 8x8 designs, both domains:
          exact metrics only:               \(fmt(r.exactMetrics))
          full characterise (metrics+cost): \(fmt(r.fullCharacterisation))
          scalar Double loop, metrics only: \(fmt(r.scalarLoop))  ratio scalar/exact-metrics = \(fmt(r.ratioScalarOverExact))
          magnitude mre_pct agrees with scalar loop: \(r.mreAgrees)
        """
    }

    static func text(_ r: Bench16x16Report) -> String {
        var lines = [
            "16x16 composition (\(r.blocks.joined(separator: " "))), unsigned, 2^32 pairs, \(r.cores) cores:",
            "  composition scan (exact sums):    \(fmt(r.unsigned))  mae \(r.unsignedMetrics.mae) mre_pct \(r.unsignedMetrics.mrePct) wce \(r.unsignedMetrics.wce)",
            "  magnitude domain (2^15+1)^2 pairs: \(fmt(r.magnitude))  mre_pct \(r.magnitudeMetrics.mrePct)",
        ]
        if let t = r.scalarLoop, let mae = r.scalarMAE, let mre = r.scalarMREPct, let ratio = r.ratioScalarOverFast {
            lines.append("  scalar Double loop, all workers: \(fmt(t))  mae \(mae) mre_pct \(mre)  ratio scalar/fast = \(fmt(ratio))")
        }
        return lines.joined(separator: "\n")
    }

    private static func fmt(_ t: BenchTiming) -> String { String(format: "%.3f s [cpu %.3f s]", t.wallSeconds, t.cpuSeconds) }
    private static func fmt(_ x: Double) -> String { String(format: "%.3f", x) }
}
