import Foundation
import TableFormat
import NetSim

/// Runs a shard set as a Slurm job array plus a dependent merge job and waits for the merge. The
/// driver (the `axmul search --slurm` process, itself possibly a job) submits one array per candidate
/// set: the sensitivity table, each NSGA-II generation, the test pass. It polls the merge job's state
/// every `pollSeconds` with `scontrol show job` rather than `sbatch --wait`, whose doubling poll
/// interval cost 15-25 s per set on the local cluster (measured: docs/search.md).
public struct SlurmExecutor: ShardExecutor {
    public var scripts: SlurmScripts
    public var sbatch: String
    public var scontrol = "scontrol"
    public var pollSeconds = 1.0

    public init(scripts: SlurmScripts, sbatch: String = "sbatch") { (self.scripts, self.sbatch) = (scripts, sbatch) }

    public func run(_ set: ShardSet, in folder: URL) throws {
        let done = set.done(in: folder)
        guard done.count < set.shards else { return }
        let path = folder.standardizedFileURL.path, name = "axmul-" + folder.lastPathComponent
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("logs"), withIntermediateDirectories: true)
        let arrayURL = folder.appendingPathComponent("array.sbatch"), mergeURL = folder.appendingPathComponent("merge.sbatch")
        let array = try scripts.array(set, folder: path, name: name), merge = try scripts.merge(folder: path, name: name)
        try OutputFile.write(Data(array.script.utf8), to: arrayURL)
        try OutputFile.write(Data(merge.script.utf8), to: mergeURL)
        let id = try Self.jobID(try submit(["--parsable"] + array.arguments + [arrayURL.path]))
        let mergeID = try Self.jobID(try submit(["--parsable", "--kill-on-invalid-dep=yes", "--dependency=afterok:\(id)"]
                                                + merge.arguments + [mergeURL.path]))
        let end = try waitUntilEnded(mergeID)
        // A merge that did not complete: with shards missing, the caller's merge names them; with
        // every shard present, the failure is Slurm's or the merge's own.
        if end.state != "COMPLETED" && set.done(in: folder).count == set.shards {
            throw SearchError(.slurm, "merge job \(mergeID) of \(folder.lastPathComponent) ended \(end.state) (exit code \(end.exitCode))",
                              hint: "see \(folder.appendingPathComponent("logs/merge.out").path)")
        }
    }

    /// The final state and exit code of job `id`, polled every `pollSeconds`; a job slurmctld no
    /// longer knows (purged after MinJobAge) counts as ended with state "UNKNOWN".
    func waitUntilEnded(_ id: String) throws -> (state: String, exitCode: String) {
        let running: Set<String> = ["PENDING", "CONFIGURING", "RUNNING", "COMPLETING", "SUSPENDED", "REQUEUED", "REQUEUE_FED",
                                    "REQUEUE_HOLD", "RESIZING", "SIGNALING", "STAGE_OUT", "RESV_DEL_HOLD", "SPECIAL_EXIT"]
        while true {
            let (status, text) = try command(scontrol, ["show", "job", "-o", id])
            guard status == 0, let state = Self.field("JobState", in: text) else { return ("UNKNOWN", "?") }
            if !running.contains(state) { return (state, Self.field("ExitCode", in: text) ?? "?") }
            Thread.sleep(forTimeInterval: pollSeconds)
        }
    }

    /// The job id in `sbatch --parsable` output ("ID" or "ID;CLUSTER"): digits only, else an error, so
    /// nothing else ever reaches a `--dependency` or `scontrol` argument.
    static func jobID(_ output: String) throws -> String {
        let id = output.split(separator: ";", omittingEmptySubsequences: false).first.map(String.init) ?? ""
        guard !id.isEmpty, id.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }) else {
            throw SearchError(.slurm, "sbatch printed '\(ShellQuote.visible(output))' where a job id was expected",
                              hint: "check that `sbatch --parsable` works on this machine")
        }
        return id
    }

    /// The value of `key=value` in one line of `scontrol show -o` output.
    static func field(_ key: String, in text: String) -> String? {
        text.split(whereSeparator: \.isWhitespace).first { $0.hasPrefix(key + "=") }.map { String($0.dropFirst(key.count + 1)) }
    }

    /// Runs sbatch with `arguments`; its standard output, trimmed, or an error with its exit code and output.
    func submit(_ arguments: [String]) throws -> String {
        let (status, text, stderr) = try run(sbatch, arguments)
        guard status == 0 else {
            throw SearchError(.slurm, "\(sbatch) \(arguments.joined(separator: " ")) failed with exit code \(status): " + stderr,
                              hint: "see the task logs in the set's logs/ folder")
        }
        return text
    }

    /// Exit status and standard output (trimmed) of a Slurm client tool.
    func command(_ tool: String, _ arguments: [String]) throws -> (Int32, String) {
        let (status, text, _) = try run(tool, arguments)
        return (status, text)
    }

    private func run(_ tool: String, _ arguments: [String]) throws -> (Int32, String, String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = [tool] + arguments
        let out = Pipe(), err = Pipe()
        (p.standardOutput, p.standardError) = (out, err)
        do { try p.run() } catch {
            throw SearchError(.slurm, "cannot start \(tool) (through /usr/bin/env)", hint: "install Slurm's client tools or run without --slurm")
        }
        let stdout = out.fileHandleForReading.readDataToEndOfFile(), stderr = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        let trim = { (d: Data) in String(decoding: d, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) }
        return (p.terminationStatus, trim(stdout), trim(stderr))
    }
}
