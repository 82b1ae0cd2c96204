import ArgumentParser
import Foundation
import NetSim
import ONNX
import Search

/// The documented range of every numeric or named flag, checked in each command's `validate()` so a
/// value outside it is a usage error (exit 2) before any file is read or written.
enum FlagRules {
    /// Most worker or BLAS threads a command accepts.
    static let maxThreads = 256
    /// Most epochs a training command accepts.
    static let maxEpochs = 100_000
    /// Largest mini-batch.
    static let maxBatch = 1 << 20

    /// `value` in `range`, else a usage error naming the flag, the range and the value.
    static func int(_ flag: String, _ value: Int, _ range: ClosedRange<Int>) throws {
        guard range.contains(value) else {
            let text = range.upperBound == Int.max ? "at least \(range.lowerBound)" : "\(range.lowerBound)…\(range.upperBound)"
            throw ValidationError("\(flag) \(value) is out of range: use \(text)")
        }
    }

    static func int(_ flag: String, _ value: Int?, _ range: ClosedRange<Int>) throws {
        if let value { try int(flag, value, range) }
    }

    static func epochs(_ value: Int, flag: String = "--epochs") throws { try int(flag, value, 1...maxEpochs) }
    static func batch(_ value: Int) throws { try int("--batch", value, 1...maxBatch) }
    static func threads(_ value: Int, flag: String = "--threads") throws { try int(flag, value, 1...maxThreads) }

    /// A finite number > 0 (learning rates, norms).
    static func positive<F: BinaryFloatingPoint>(_ flag: String, _ value: F) throws {
        guard value.isFinite, value > 0 else { throw ValidationError("\(flag) \(value) is invalid: use a finite number > 0") }
    }

    /// A finite number ≥ 0 (weight decay, tolerances).
    static func nonNegative<F: BinaryFloatingPoint>(_ flag: String, _ value: F) throws {
        guard value.isFinite, value >= 0 else { throw ValidationError("\(flag) \(value) is invalid: use a finite number ≥ 0") }
    }

    /// A finite number in [0, 1) (momentum).
    static func fraction<F: BinaryFloatingPoint>(_ flag: String, _ value: F) throws {
        guard value.isFinite, value >= 0, value < 1 else { throw ValidationError("\(flag) \(value) is invalid: use a number in [0, 1)") }
    }

    /// `--hidden` widths: one or more positive integers separated by commas, no empty item.
    static func hidden(_ text: String) throws -> [Int] {
        let items = text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        var widths: [Int] = []
        for item in items {
            guard let w = Int(item), w > 0, w <= 1 << 20 else {
                throw ValidationError("--hidden '\(text)' is invalid at '\(item)': give positive widths (at most \(1 << 20)) like 64,64")
            }
            widths.append(w)
        }
        return widths
    }

    /// Path flags (flag → values): none may hold a control character (a newline in a path would
    /// become a line of a generated batch script); the error names the flag and shows the character.
    static func paths(_ flags: KeyValuePairs<String, [String]>) throws {
        for (flag, values) in flags {
            for v in values {
                do { try ShellQuote.check(v, what: flag) } catch let e as SearchError { throw ValidationError(e.message) }
            }
        }
    }

    /// `--sbatch-option` values from the allow-list (`SbatchOptions`), and with `--slurm` an output
    /// folder Slurm's `--output` pattern can name (no backslash).
    static func slurm(output: String, options: [String], slurm: Bool) throws {
        do { try SbatchOptions.check(options) } catch let e as SearchError { throw ValidationError(e.message) }
        if slurm, output.contains("\\") {
            throw ValidationError("-o/--output '\(output)' contains a backslash, which Slurm's --output file pattern drops: choose a folder without one for --slurm")
        }
    }

    /// A zoo name or an ONNX file (`.onnx`, imported at run time).
    static func model(_ name: String) throws {
        guard ModelZoo.names.contains(name) || ONNXImporter.isONNXModel(name) else {
            throw ValidationError("--model '\(name)' is unknown: use one of \(ModelZoo.names.joined(separator: ", ")), or an ONNX file (.onnx)")
        }
    }

    static func optimizer(_ name: String) throws {
        guard Optimizer.Kind(rawValue: name) != nil else { throw ValidationError("--optimizer '\(name)' is unknown: use sgd or adam") }
    }

    /// `constant`, `step:EVERY:GAMMA` (EVERY a whole number of epochs ≥ 1), `cosine[:MIN]` or `exp:GAMMA`,
    /// every number finite, GAMMA > 0 and MIN ≥ 0; checked before `LRSchedule.parse` converts anything.
    static func schedule(_ text: String, epochs: Int) throws {
        let bad = ValidationError("--schedule '\(text)' is invalid: use constant, step:EVERY:GAMMA (EVERY a whole number ≥ 1), cosine[:MIN] or exp:GAMMA, with finite GAMMA > 0 and MIN ≥ 0")
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        let nums = parts.dropFirst().map { Double($0) }
        guard nums.allSatisfy({ $0?.isFinite == true }) else { throw bad }
        let x = nums.compactMap { $0 }
        switch parts[0] {
        case "constant": guard x.isEmpty else { throw bad }
        case "step": guard x.count == 2, Int(exactly: x[0]).map({ (1...maxEpochs).contains($0) }) == true, x[1] > 0 else { throw bad }
        case "cosine": guard x.count <= 1, x.allSatisfy({ $0 >= 0 }) else { throw bad }
        case "exp", "exponential": guard x.count == 1, x[0] > 0 else { throw bad }
        default: throw bad
        }
        do { _ = try LRSchedule.parse(text, epochs: epochs) } catch { throw bad }
    }
}
