import ArgumentParser
import NetSim

// Each command's flag ranges, in one `validate()` per command (see `FlagRules`): a value outside its
// documented range is a usage error (exit 2) before any input is read.

extension EvalCommand {
    func validate() throws {
        try input.check(models: [model])
    }
}

extension RetrainCommand {
    func validate() throws {
        try FlagRules.int("--epochs", epochs, 0...FlagRules.maxEpochs)
        try FlagRules.batch(batch)
        try FlagRules.positive("--lr", lr)
        try FlagRules.fraction("--momentum", momentum)
        try FlagRules.int("--samples", samples, 1...1 << 24)
        try FlagRules.int("--train-limit", trainLimit, 1...Int.max)
        if let snr, !snr.isFinite { throw ValidationError("--snr \(snr) is invalid: use a finite number of dB") }
        if let baselineSigma { try FlagRules.nonNegative("--baseline-sigma", baselineSigma) }
        if let baselineMean, !(baselineMean.isFinite && baselineMean > -1) {
            throw ValidationError("--baseline-mean \(baselineMean) is invalid: use a finite mean relative error above -1")
        }
        if baselineMean != nil, method != .baselineMean {
            throw ValidationError("--baseline-mean applies to --method baseline-mean only (got --method \(method.rawValue))")
        }
        try validateMaxGradNorm(maxGradNorm)
    }
}

extension AxTrainCommand {
    func validate() throws {
        try FlagRules.model(model)
        if model == "mlp" { _ = try FlagRules.hidden(hidden) }
        try FlagRules.int("--act-epochs", actEpochs, 0...FlagRules.maxEpochs)
        try FlagRules.int("--pas-epochs", pasEpochs, 0...FlagRules.maxEpochs)
        guard actEpochs + pasEpochs > 0 else { throw ValidationError("--act-epochs 0 with --pas-epochs 0 trains nothing: give at least one epoch") }
        try FlagRules.batch(batch)
        try FlagRules.positive("--lr", lr)
        try FlagRules.fraction("--momentum", momentum)
        try FlagRules.nonNegative("--gamma", gamma)
        try FlagRules.nonNegative("--delta-gamma", deltaGamma)
        try FlagRules.nonNegative("--error-bound", errorBound)
        if let flipRate, !(flipRate.isFinite && flipRate >= 0 && flipRate <= 1) {
            throw ValidationError("--flip-rate \(flipRate) is invalid: use a rate in [0, 1]")
        }
        try FlagRules.int("--weight-bits", weightBits, 2...32)
        try FlagRules.int("--activation-bits", activationBits, 2...32)
        try FlagRules.int("--runs", runs, 1...100_000)
        try validateMaxGradNorm(maxGradNorm)
        try input.check(models: [model])
    }
}

extension HybridCommand {
    func validate() throws {
        try FlagRules.model(model)
        if model == "mlp" { _ = try FlagRules.hidden(hidden) }
        try FlagRules.epochs(epochs)
        try FlagRules.batch(batch)
        try FlagRules.positive("--lr", lr)
        try FlagRules.fraction("--momentum", momentum)
        try FlagRules.nonNegative("--weight-decay", weightDecay)
        try FlagRules.schedule(schedule, epochs: epochs)
        try FlagRules.int("--switch-epoch", switchEpoch, 0...epochs)
        try FlagRules.nonNegative("--tolerance", tolerance)
        try FlagRules.int("--step", step, 1...FlagRules.maxEpochs)
        try validateMaxGradNorm(maxGradNorm)
        try input.check(models: [model])
        if sweep && resume { throw ValidationError("--resume continues a single run (--switch-epoch N), not a --sweep") }
    }
}

extension ErrorModelCommand.Build {
    func validate() throws { try FlagRules.int("--samples", samples, 1...1 << 24) }
}

extension BenchNetSimCommand {
    func validate() throws {
        try FlagRules.int("--samples", samples, 1...60_000)
        try FlagRules.int("--reps", reps, 0...100_000)
    }
}
