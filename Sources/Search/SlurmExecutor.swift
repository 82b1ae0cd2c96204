import Foundation
import NetSim

/// Runs a shard set as a Slurm job array plus a dependent merge job and waits for the merge
/// (`sbatch --wait`). The driver (the `axmul search --slurm` process, itself possibly a job) submits
/// one array per candidate set: the sensitivity table, each NSGA-II generation, the test pass.
public struct SlurmExecutor: ShardExecutor {
    public var scripts: SlurmScripts
    public var sbatch: String

    public init(scripts: SlurmScripts, sbatch: String = "sbatch") { (self.scripts, self.sbatch) = (scripts, sbatch) }

    public func run(_ set: ShardSet, in folder: URL) throws {
        let done = set.done(in: folder)
        guard done.count < set.shards else { return }
        let path = folder.standardizedFileURL.path, name = "axmul-" + folder.lastPathComponent
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("logs"), withIntermediateDirectories: true)
        let arrayURL = folder.appendingPathComponent("array.sbatch"), mergeURL = folder.appendingPathComponent("merge.sbatch")
        try AtomicFile.write(Data(scripts.array(set, folder: path, name: name).utf8), to: arrayURL)
        try AtomicFile.write(Data(scripts.merge(folder: path, name: name).utf8), to: mergeURL)
        let job = try submit(["--parsable", arrayURL.path])
        let id = job.split(separator: ";").first.map(String.init) ?? job
        _ = try submit(["--parsable", "--wait", "--kill-on-invalid-dep=yes", "--dependency=afterok:\(id)", mergeURL.path])
    }

    /// Runs sbatch with `arguments`; its standard output, trimmed, or an error with its exit code and output.
    func submit(_ arguments: [String]) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = [sbatch] + arguments
        let out = Pipe(), err = Pipe()
        (p.standardOutput, p.standardError) = (out, err)
        do { try p.run() } catch {
            throw SearchError(.slurm, "cannot run \(sbatch): \(error)", hint: "install Slurm's client tools or run without --slurm")
        }
        let stdout = out.fileHandleForReading.readDataToEndOfFile(), stderr = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        let text = String(decoding: stdout, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard p.terminationStatus == 0 else {
            throw SearchError(.slurm, "\(sbatch) \(arguments.joined(separator: " ")) failed with exit code \(p.terminationStatus): "
                              + String(decoding: stderr, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines),
                              hint: "see the task logs in the set's logs/ folder")
        }
        return text
    }
}
