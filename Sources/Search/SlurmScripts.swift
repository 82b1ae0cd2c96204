import Foundation

/// The two sbatch jobs of a shard set: a job array (one task per shard, `--requeue`, per-task output in
/// the set's `logs/`) that runs `axmul shard run`, and the merge job, submitted with
/// `--dependency=afterok:<array>`. Only files and exit codes connect them: no extra services.
///
/// Nothing from a user or a file is written into an `#SBATCH` line: those hold fixed text only (sbatch
/// parses them with its own rules, which differ from the shell's). The log path and the user's
/// `--sbatch-option`s are sbatch *arguments* (`Job.arguments`, passed without a shell); the binary and
/// the set folder appear in the script body quoted by `ShellQuote.quote`, the one quoting function.
public struct SlurmScripts: Sendable, Equatable {
    /// A batch script and the sbatch arguments it is submitted with (before the script's path).
    public struct Job: Sendable, Equatable {
        public var script: String
        public var arguments: [String]
    }

    /// The axmul binary every task runs (the driver's own, on the shared file system).
    public var binary: String
    /// Extra sbatch options from `SbatchOptions.allowed`, e.g. "--partition=cpu", "--time=00:30:00".
    public var options: [String]
    /// How often a task that exits non-zero requeues itself (Slurm's own requeue covers node failures).
    public var retries: Int

    public init(binary: String, options: [String] = [], retries: Int = 2) {
        (self.binary, self.options, self.retries) = (binary, options, retries)
    }

    /// The array job for `set` stored in `folder` (absolute).
    public func array(_ set: ShardSet, folder: String, name: String) throws -> Job {
        let arguments = try self.arguments(folder: folder, log: "task-%a.out")
        let head = try header(name: name, fixed: ["--array=0-\(set.shards - 1)", "--requeue"], arguments: arguments)
        let (bin, dir) = (try quoteBinary(), try quoteFolder(folder))
        let script = head + """
        \(bin) shard run \(dir) --index "$SLURM_ARRAY_TASK_ID"
        rc=$?
        if [ "$rc" -ne 0 ] && [ "${SLURM_RESTART_COUNT:-0}" -lt \(retries) ]; then
            echo "task $SLURM_ARRAY_TASK_ID failed with exit code $rc: requeueing (restart ${SLURM_RESTART_COUNT:-0})" >&2
            scontrol requeue "${SLURM_ARRAY_JOB_ID}_${SLURM_ARRAY_TASK_ID}"
        fi
        exit "$rc"

        """
        return Job(script: script, arguments: arguments)
    }

    /// The merge job: refuses missing shards (exit 1, naming them), else writes merged.json.
    public func merge(folder: String, name: String) throws -> Job {
        let arguments = try self.arguments(folder: folder, log: "merge.out")
        let head = try header(name: name + "-merge", fixed: [], arguments: arguments)
        let (bin, dir) = (try quoteBinary(), try quoteFolder(folder))
        let script = head + """
        exec \(bin) shard merge \(dir)

        """
        return Job(script: script, arguments: arguments)
    }

    /// `--output=<folder>/logs/<log>` (the folder's `%` doubled: sbatch reads `%` as a file-name pattern)
    /// and the checked user options.
    func arguments(folder: String, log: String) throws -> [String] {
        try ShellQuote.check(folder, what: "the set folder")
        guard !folder.contains("\\") else {
            throw SearchError(.invalidArgument, "the set folder '\(folder)' contains a backslash, which Slurm's --output file pattern drops",
                              hint: "choose an output folder (-o) without a backslash")
        }
        let pattern = folder.replacingOccurrences(of: "%", with: "%%") + "/logs/" + log
        return ["--output=" + pattern] + (try SbatchOptions.check(options))
    }

    /// The shebang, fixed `#SBATCH` lines, and a comment with the arguments the job is submitted with.
    func header(name: String, fixed: [String], arguments: [String]) throws -> String {
        guard !name.isEmpty, name.allSatisfy(Self.nameCharacters.contains) else {
            throw SearchError(.invalidArgument, "job name '\(ShellQuote.visible(name))' must be ASCII letters, digits, '-', '_' or '.'")
        }
        let shown = try arguments.map { try ShellQuote.quote($0, what: "an sbatch argument") }.joined(separator: " ")
        return (["#!/bin/bash", "#SBATCH --job-name=\(name)", "#SBATCH --ntasks=1"] + fixed.map { "#SBATCH \($0)" }
                + ["# submitted by axmul as: sbatch --parsable \(shown) <this script>"])
            .joined(separator: "\n") + "\n"
    }

    static let nameCharacters = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.")

    func quoteBinary() throws -> String { try ShellQuote.quote(binary, what: "the axmul binary's path") }
    func quoteFolder(_ folder: String) throws -> String { try ShellQuote.quote(folder, what: "the set folder") }
}
