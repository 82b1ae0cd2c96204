/// The two sbatch scripts of a shard set: a job array (one task per shard, `--requeue`, per-task output
/// in the set's `logs/`) that runs `axmul shard run`, and the merge job, submitted with
/// `--dependency=afterok:<array>`. Only files and exit codes connect them: no extra services.
public struct SlurmScripts: Sendable, Equatable {
    /// The axmul binary every task runs (the driver's own, on the shared file system).
    public var binary: String
    /// Extra `#SBATCH` options, e.g. "--partition=cpu", "--account=proj42", "--time=00:30:00".
    public var options: [String]
    /// How often a task that exits non-zero requeues itself (Slurm's own requeue covers node failures).
    public var retries: Int

    public init(binary: String, options: [String] = [], retries: Int = 2) {
        (self.binary, self.options, self.retries) = (binary, options, retries)
    }

    /// The array script for `set` stored in `folder` (absolute).
    public func array(_ set: ShardSet, folder: String, name: String) -> String {
        header(name: name, extra: ["--array=0-\(set.shards - 1)", "--requeue", "--output=\(folder)/logs/task-%a.out"]) + """
        \(quote(binary)) shard run \(quote(folder)) --index "$SLURM_ARRAY_TASK_ID"
        rc=$?
        if [ "$rc" -ne 0 ] && [ "${SLURM_RESTART_COUNT:-0}" -lt \(retries) ]; then
            echo "task $SLURM_ARRAY_TASK_ID failed with exit code $rc: requeueing (restart ${SLURM_RESTART_COUNT:-0})" >&2
            scontrol requeue "${SLURM_ARRAY_JOB_ID}_${SLURM_ARRAY_TASK_ID}"
        fi
        exit "$rc"

        """
    }

    /// The merge script: refuses missing shards (exit 1, naming them), else writes merged.json.
    public func merge(folder: String, name: String) -> String {
        header(name: name + "-merge", extra: ["--output=\(folder)/logs/merge.out"]) + """
        exec \(quote(binary)) shard merge \(quote(folder))

        """
    }

    func header(name: String, extra: [String]) -> String {
        (["#!/bin/bash", "#SBATCH --job-name=\(name)", "#SBATCH --ntasks=1"] + (extra + options).map { "#SBATCH \($0)" })
            .joined(separator: "\n") + "\n"
    }

    func quote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }
}
