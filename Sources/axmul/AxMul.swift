import ArgumentParser
import Circuits

@main
struct AxMul: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "axmul",
        abstract: "Design approximate multipliers and measure what they do to neural networks.",
        version: "0.1.0",
        subcommands: AxMul.allSubcommands
    )
}
