import ArgumentParser

extension AxMul {
    /// Every subcommand, in the order `axmul --help` lists them. Each lives in its own file.
    static let allSubcommands: [ParsableCommand.Type] = [
    ]
}
