import ArgumentParser

extension AxMul {
    /// Every subcommand, in pipeline order as `axmul --help` lists them. Each lives in its own file.
    static let allSubcommands: [ParsableCommand.Type] = [
        // Designs: describe, check, tabulate, characterise, compile.
        ListCommand.self, CheckCommand.self, TableCommand.self, CharacterizeCommand.self,
        CompileCommand.self, ExportLUTCommand.self, ImportLUTCommand.self,
        // Hardware: Verilog out and in.
        VerilogCommand.self, ImportVerilogCommand.self,
        // Networks: train, then run on approximate multipliers and recover accuracy.
        TrainCommand.self, EvalCommand.self, EvaluateCommand.self, ErrorModelCommand.self,
        RetrainCommand.self, CrossEvalCommand.self, HybridCommand.self, AxTrainCommand.self, ExperimentCommand.self,
        // Design-space search: per-layer assignments (NSGA-II), grids, and their shards (local or Slurm).
        SearchCommand.self, SweepCommand.self, ShardCommand.self,
        // Results and measurements.
        ReportCommand.self, BenchCommand.self,
        // Interchange: networks out to ONNX.
        ExportONNXCommand.self,
    ]
}
