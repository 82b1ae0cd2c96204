import ArgumentParser

extension AxMul {
    /// Every subcommand, in the order `axmul --help` lists them. Each lives in its own file.
    static let allSubcommands: [ParsableCommand.Type] = [
        ListCommand.self, TableCommand.self, CheckCommand.self,
        VerilogCommand.self, ImportVerilogCommand.self,
        EvaluateCommand.self, RetrainCommand.self, ErrorModelCommand.self, CrossEvalCommand.self,
        CharacterizeCommand.self, CompileCommand.self, ExportLUTCommand.self, ImportLUTCommand.self, BenchCommand.self,
        TrainCommand.self, EvalCommand.self, HybridCommand.self,
        ReportCommand.self,
        AxTrainCommand.self,
    ]
}
