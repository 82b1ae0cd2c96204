import Foundation
import Testing
import TestSupport

/// `axmul search` end to end: on the local cores and on a real single-node Slurm (scripts/slurm-local),
/// with byte-identical front.json; a shard task killed and requeued by Slurm, after which the merge
/// completes; and the merge refusing missing shards by name. The Slurm part needs a running cluster
/// (scripts/test starts scripts/slurm-local): skipped with the reason without one, a failure under CI.
struct SearchSlurmTests {

    /// Runs a program; (exit status, stdout + stderr).
    static func shell(_ args: [String]) -> (Int32, String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = args
        let pipe = Pipe()
        (p.standardOutput, p.standardError) = (pipe, pipe)
        do { try p.run() } catch { return (-1, "\(error)") }
        let out = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: out, as: UTF8.self))
    }

    /// The 3-layer digits MLP, trained once per test process.
    static let model: Result<String, Error> = Result {
        let dir = try cliTestFolder("axmul-search-model")
        let model = dir.appendingPathComponent("mlp.safetensors").path
        _ = try runAxmulOK(["train", "--model", "mlp", "--data", "digits_8x8", "--epochs", "3", "--hidden", "16,16", "--lr", "0.05", "-o", model])
        return model
    }

    /// The search arguments on the shared MLP (without -o, shards, --slurm).
    static func prepare(_ dir: URL) throws -> [String] {
        let model = try Self.model.get()
        return ["search", "--model", model, "--data", "digits_8x8", "--library", "smapprox8x8-2222,smapprox8x8-1221",
                "--validation-samples", "200", "--population", "6", "--generations", "1", "--limit", "200"]
    }

    @Test("search on local shards and as Slurm job arrays (3 tasks) give byte-identical front.json; a requeued task completes the merge",
          .long, .needs(.slurm))
    func slurmEndToEnd() throws {
        guard requireTools(.slurm) else { return }
        let dir = try cliTestFolder("axmul-search-slurm")
        defer { try? FileManager.default.removeItem(at: dir) }
        let args = try Self.prepare(dir)
        let local = dir.appendingPathComponent("local"), slurm = dir.appendingPathComponent("slurm")
        _ = try runAxmulOK(args + ["--shards", "3", "-o", local.path])
        _ = try runAxmulOK(args + ["--shards", "3", "--slurm", "-o", slurm.path])
        let a = try Data(contentsOf: local.appendingPathComponent("front.json")), b = try Data(contentsOf: slurm.appendingPathComponent("front.json"))
        #expect(a == b, "front.json differs between the local and the Slurm run")
        let set = slurm.appendingPathComponent("sets/sensitivity-validation")
        let script = try String(contentsOf: set.appendingPathComponent("array.sbatch"), encoding: .utf8)
        #expect(script.contains("#SBATCH --array=0-2\n") && script.contains("#SBATCH --requeue\n"))
        #expect(FileManager.default.fileExists(atPath: set.appendingPathComponent("logs/task-2.out").path))
        try requeuedTaskCompletes(set, expected: try Data(contentsOf: set.appendingPathComponent("merged.json")))
    }

    @Test("search --slurm with an output folder holding a space, quotes and a '%': tasks log inside it, the front equals the local run's; a newline is refused",
          .long, .needs(.slurm))
    func slurmOutputPathWithSpaceAndQuote() throws {
        guard requireTools(.slurm) else { return }
        let dir = try cliTestFolder("axmul-search-slurm-path")
        defer { try? FileManager.default.removeItem(at: dir) }
        var args = try Self.prepare(dir)
        args[try #require(args.firstIndex(of: "--generations")) + 1] = "0"
        let local = dir.appendingPathComponent("local"), slurm = dir.appendingPathComponent("out it's 100% \"done\"")
        _ = try runAxmulOK(args + ["--shards", "2", "-o", local.path])
        _ = try runAxmulOK(args + ["--shards", "2", "--slurm", "--sbatch-option=--time=00:10:00", "-o", slurm.path])
        #expect(try Data(contentsOf: local.appendingPathComponent("front.json")) == Data(contentsOf: slurm.appendingPathComponent("front.json")))
        let set = slurm.appendingPathComponent("sets/sensitivity-validation")
        for log in ["logs/task-0.out", "logs/task-1.out", "logs/merge.out"] {
            #expect(FileManager.default.fileExists(atPath: set.appendingPathComponent(log).path), "no \(log) in \(set.path)")
        }
        let bad = dir.appendingPathComponent("bad\nname")
        let r = runAxmul(args + ["--slurm", "-o", bad.path])
        #expect(r.status == 2 && r.stderr.contains("control character"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: bad.path))
    }

    /// Resubmits the array of `set` without its shard files, requeues task 1 once it runs (Slurm kills and
    /// restarts it), deletes what the killed run may have written, and merges after the array.
    func requeuedTaskCompletes(_ set: URL, expected: Data) throws {
        for i in 0..<3 { try? FileManager.default.removeItem(at: set.appendingPathComponent("shard-\(i).json")) }
        try? FileManager.default.removeItem(at: set.appendingPathComponent("merged.json"))
        let submit = Self.shell(["sbatch", "--parsable", "--output=\(set.path)/logs/task-%a.out", set.appendingPathComponent("array.sbatch").path])
        try #require(submit.0 == 0, "sbatch: \(submit.1)")
        let job = submit.1.trimmingCharacters(in: .whitespacesAndNewlines)
        var requeued = false
        for _ in 0..<600 where !requeued {
            let state = Self.shell(["squeue", "-h", "-j", "\(job)_1", "-o", "%T"]).1.trimmingCharacters(in: .whitespacesAndNewlines)
            if state == "RUNNING" || state.isEmpty || FileManager.default.fileExists(atPath: set.appendingPathComponent("shard-1.json").path) {
                let r = Self.shell(["scontrol", "requeue", "\(job)_1"])
                try #require(r.0 == 0, "scontrol requeue: \(r.1)")
                requeued = true
            } else {
                Thread.sleep(forTimeInterval: 0.1)
            }
        }
        try #require(requeued)
        try? FileManager.default.removeItem(at: set.appendingPathComponent("shard-1.json"))
        let merge = Self.shell(["sbatch", "--parsable", "--wait", "--kill-on-invalid-dep=yes", "--dependency=afterok:\(job)",
                                "--output=\(set.path)/logs/merge.out",
                                set.appendingPathComponent("merge.sbatch").path])
        #expect(merge.0 == 0, "merge job: \(merge.1)")
        #expect(try Data(contentsOf: set.appendingPathComponent("merged.json")) == expected)
        let show = Self.shell(["scontrol", "show", "job", "\(job)_1"]).1
        #expect(show.contains("Restarts=1"), "task 1 was not restarted: \(show)")
    }

    @Test("shard merge refuses missing shards, naming them (exit 1)")
    func mergeNamesMissingShards() throws {
        let dir = try cliTestFolder("axmul-search-merge")
        defer { try? FileManager.default.removeItem(at: dir) }
        let args = try Self.prepare(dir)
        let out = dir.appendingPathComponent("run")
        _ = try runAxmulOK(args + ["--shards", "3", "--generations", "0", "-o", out.path])
        let set = out.appendingPathComponent("sets/sensitivity-validation")
        try FileManager.default.removeItem(at: set.appendingPathComponent("shard-1.json"))
        let r = runAxmul(["shard", "merge", set.path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("missing shard-1.json of 3 shards"), "stderr: \(r.stderr)")
        #expect(runAxmul(["shard", "run", set.path, "--index", "1"]).status == 0)
        #expect(runAxmul(["shard", "merge", set.path]).status == 0)
    }
}
