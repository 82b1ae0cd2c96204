import ArgumentParser
import NetSim

/// `--calibration-samples` and `--limit`, on every command that takes `--data` and calibrates or tests.
struct DataSubsetOptions: ParsableArguments {
    @Option(name: .customLong("calibration-samples"),
            help: "Calibrate activation steps on the first N training samples (default: --calibration-batches batches of 64).")
    var calibrationSamples: Int?

    @Option(help: "Test on the first N test samples only (default: all).")
    var limit: Int?

    func validate() throws {
        if let n = calibrationSamples, n <= 0 { throw ValidationError("--calibration-samples must be a positive sample count; got \(n)") }
        if let n = limit, n <= 0 { throw ValidationError("--limit must be a positive sample count; got \(n)") }
    }

    var subset: DataSubset { DataSubset(calibrationSamples: calibrationSamples, limit: limit) }
}
