import ArgumentParser
import Foundation
import NetSim

/// `axmul bench netsim`: LeNet-5 epoch on Fashion-MNIST, ResNet-8 forward+backward, and the
/// achieved GFLOP/s next to a plain OpenBLAS sgemm measured in the same run. Build with -c release.
struct BenchNetSimCommand: ParsableCommand, UsesThreads {
    static let configuration = CommandConfiguration(
        commandName: "netsim",
        abstract: "Time NetSim training against plain sgemm (build with -c release).",
        discussion: "Example:\n  axmul bench netsim --samples 10000 --json")

    @Option(help: "Fashion-MNIST training images used for the LeNet-5 epoch (max 60000).") var samples = 60_000
    @Option(help: "ResNet-8 forward+backward repetitions (0 skips ResNet-8).") var reps = 5
    @OptionGroup var threading: ThreadOptions
    @Flag(help: "Print the figures as one JSON object.") var json = false

    func run() throws {
        let report = try NetSimBenchmark.run(lenetImages: samples, resnetRepeats: reps,
                                             onStep: { line in if !json { print(line) } })
        if json { print(try DesignArgument.json(report)) }
    }
}
