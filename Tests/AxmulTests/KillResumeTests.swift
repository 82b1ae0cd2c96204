import Foundation
import Testing
@testable import NetSim
#if canImport(Glibc)
import Glibc
#endif

/// Crash safety of `axmul train`: SIGKILL at seeded random points, `--resume` after each kill, and the
/// result must equal an uninterrupted run bit for bit, with every epoch logged exactly once.
@Suite(.serialized) struct KillResumeTests {
    static let epochs = 16
    static let trainArgs = ["train", "--model", "mlp", "--data", "breast_cancer_wdbc", "--hidden", "16",
                            "--epochs", "\(epochs)", "--threads", "1", "--seed", "7", "--batch", "8"]

    /// What happened to one launched run.
    struct Outcome {
        var killed: Bool
        /// The log held a record the checkpoint did not (the kill fell between log append and checkpoint write).
        var logAhead: Bool
        var detail: String
    }

    @Test func sigkillAtRandomPointsThenResumeEqualsUninterruptedRun() throws {
        let binary = try #require(axmulBinaryURL(), "axmul binary not found; run swift build first")
        let folder = try Self.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let reference = folder.appendingPathComponent("reference.safetensors")
        let started = Date()
        let straight = runAxmul(Self.trainArgs + ["-o", reference.path])
        #expect(straight.status == 0, "uninterrupted run failed: \(straight.stderr)")
        let runSeconds = Date().timeIntervalSince(started)

        let output = folder.appendingPathComponent("killed.safetensors"), log = URL(fileURLWithPath: output.path + ".log.jsonl")
        let outcomes = try Self.killRepeatedly(binary, args: Self.trainArgs, output: output, log: log, epochs: Self.epochs,
                                               seed: 2026, runSeconds: runSeconds)
        let finish = runAxmul(Self.trainArgs + ["-o", output.path] + (FileManager.default.fileExists(atPath: output.path) ? ["--resume"] : []))
        #expect(finish.status == 0, "final resume failed: \(finish.stderr)")

        let interrupted = outcomes.filter(\.killed).count, ahead = outcomes.filter(\.logAhead).count
        print("kill/resume: \(outcomes.count) kills, \(interrupted) interrupted a run, \(ahead) fell between log and checkpoint;",
              outcomes.map(\.detail).joined(separator: "; "))
        #expect(interrupted >= 2, "only \(interrupted) of \(outcomes.count) kills interrupted a run")
        let final = try TrainCheckpoint.load(from: output)
        #expect(final.trainer.epoch == Self.epochs)
        #expect(try TrainingLog.records(at: log).map(\.epoch) == Array(1...Self.epochs))
        try Self.expectSameTensors(output, reference)
        #expect(try Data(contentsOf: output) == Data(contentsOf: reference), "checkpoint files differ byte-wise")
    }

    /// Up to 10 launches of `args` (with `--resume` once a checkpoint exists), each killed with SIGKILL at a
    /// seeded point, until the checkpoint holds `epochs`. The delays are fractions of `runSeconds`, the wall
    /// time of an uninterrupted run, so the kills land inside a run on any machine and build.
    static func killRepeatedly(_ binary: URL, args: [String], output: URL, log: URL, epochs: Int, seed: UInt64,
                               runSeconds: Double) throws -> [Outcome] {
        var rng = SplitMix64(seed: seed)
        var outcomes: [Outcome] = []
        for _ in 0..<10 {
            var done = checkpointEpoch(output)
            if done >= epochs {
                // A run outpaced its kill. Fewer than two interrupted runs exercise too little: start again from
                // nothing (the final resume then trains every epoch), else the kills are done.
                guard outcomes.filter(\.killed).count < 2 else { break }
                try? FileManager.default.removeItem(at: output)
                try? FileManager.default.removeItem(at: log)
                done = 0
            }
            // Three kinds of kill point: a delay from launch of up to half of what is left of a run (start-up, data
            // loading, the next epochs; a resumed run has only its remaining epochs to do), the moment the log
            // reaches a random epoch (the checkpoint write follows the log record), or that moment plus up to a
            // quarter of one epoch's share of the run (mid-epoch or mid-write; the share includes start-up, so a
            // whole one can overshoot several fast epochs).
            // The log may hold one record past the checkpoint until the resumed run trims it: count from there.
            let logged = max(done, logLines(log))
            let target = min(epochs, logged + 1 + Int(rng.next() % UInt64(max(1, epochs - 1 - logged))))
            let kind = rng.next() % 3
            let unit = Double(rng.next() % 1000) / 1000
            let left = Double(epochs - logged) / Double(epochs)
            let delay = kind == 1 ? 0 : unit * (kind == 0 ? 0.5 * runSeconds * left : runSeconds / Double(epochs) / 4)
            outcomes.append(try launchAndKill(binary, args: args, output: output, log: log,
                                              afterLogLines: kind == 0 ? 0 : target, delay: delay))
        }
        return outcomes
    }

    /// Starts a run (resuming if a checkpoint exists), kills it with SIGKILL once its log has
    /// `afterLogLines` complete lines plus `delay` seconds, and reports whether the kill landed.
    static func launchAndKill(_ binary: URL, args: [String] = trainArgs, output: URL, log: URL, afterLogLines: Int,
                              delay: Double) throws -> Outcome {
        let before = (logged: (try? TrainingLog.records(at: log).map(\.epoch).max() ?? 0) ?? 0, saved: checkpointEpoch(output))
        let process = Process()
        process.executableURL = binary
        process.arguments = args + ["-o", output.path] + (FileManager.default.fileExists(atPath: output.path) ? ["--resume"] : [])
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(60)
        while process.isRunning, logLines(log) < afterLogLines, Date() < deadline { usleep(200) }
        if delay > 0 { usleep(useconds_t(delay * 1_000_000)) }
        let wasRunning = process.isRunning
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let killed = wasRunning && process.terminationReason == .uncaughtSignal
        let logged = (try? TrainingLog.records(at: log).map(\.epoch).max() ?? 0) ?? 0, saved = checkpointEpoch(output)
        let detail = "log≥\(afterLogLines)+\(Int(delay * 1000))ms: \(killed ? "killed" : "finished") at log \(logged)/ckpt \(saved)"
        // Counted only if this run got somewhere: a log left ahead by the previous kill does not count again.
        let progressed = logged != before.logged || saved != before.saved
        return Outcome(killed: killed, logAhead: killed && progressed && logged > saved, detail: detail)
    }

    /// Complete lines in the log (0 if it does not exist yet).
    static func logLines(_ url: URL) -> Int {
        guard let data = try? Data(contentsOf: url) else { return 0 }
        return data.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    }

    /// The epoch a checkpoint holds (0 if there is none).
    static func checkpointEpoch(_ url: URL) -> Int {
        guard FileManager.default.fileExists(atPath: url.path) else { return 0 }
        return (try? TrainCheckpoint.load(from: url).trainer.epoch) ?? -1
    }

    /// Every tensor (weights, optimiser state) and the training metadata must match bit for bit.
    static func expectSameTensors(_ a: URL, _ b: URL) throws {
        let (ta, ma) = try SafeTensors.read(from: a), (tb, mb) = try SafeTensors.read(from: b)
        #expect(Set(ta.keys) == Set(tb.keys))
        for (name, x) in ta {
            let y = try #require(tb[name], "tensor \(name) missing")
            #expect(x.shape == y.shape && x.values.map(\.bitPattern) == y.values.map(\.bitPattern), "tensor \(name) differs")
        }
        for key in ["epoch", "rng_state", "optimizer_step"] { #expect(ma[key] == mb[key], "metadata \(key) differs") }
        let decode = { (text: String?) in try JSONDecoder().decode(TrainConfig.self, from: Data((text ?? "").utf8)) }
        #expect(try decode(ma["config"]) == decode(mb["config"]))
    }

    static func scratchFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("axmul-kill-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
