/// `--sbatch-option`: extra options for every job the Slurm driver submits. Only `--name=value`
/// with a name from `allowed` and a value free of control characters is accepted; the options are
/// passed to `sbatch` as arguments (no shell, no script text), so a value can never become a line of
/// a batch script. Options that would change what a job runs, where it writes or which job it
/// depends on (`--wrap`, `--chdir`, `--export`, `--output`, `--error`, `--array`, `--dependency`,
/// `--job-name`, …) are the driver's own and are refused.
public enum SbatchOptions {
    /// The sbatch options a user may add (docs/search.md lists them).
    public static let allowed = [
        "account", "comment", "constraint", "cpus-per-task", "exclude", "gpus", "gres", "licenses", "mail-type",
        "mail-user", "mem", "mem-per-cpu", "nice", "nodelist", "partition", "qos", "reservation", "time", "tmp", "wckey",
    ]

    /// Checks every option (`flag` names the CLI flag in errors); returns them unchanged.
    @discardableResult
    public static func check(_ options: [String], flag: String = "--sbatch-option") throws -> [String] {
        for option in options {
            try ShellQuote.check(option, what: "\(flag)")
            let usage = "use --NAME=VALUE with NAME one of \(allowed.joined(separator: ", "))"
            guard option.hasPrefix("--"), let eq = option.firstIndex(of: "=") else {
                throw SearchError(.invalidArgument, "\(flag) '\(option)' is not of the form --NAME=VALUE: \(usage)",
                                  hint: "e.g. \(flag)=--partition=cpu")
            }
            let name = String(option[option.index(option.startIndex, offsetBy: 2)..<eq]), value = option[option.index(after: eq)...]
            guard allowed.contains(name) else {
                throw SearchError(.invalidArgument, "\(flag) '\(option)': --\(name) is not an allowed sbatch option: \(usage)",
                                  hint: "the driver sets the job's script, output, array and dependencies itself")
            }
            guard !value.isEmpty else {
                throw SearchError(.invalidArgument, "\(flag) '\(option)' has an empty value: \(usage)")
            }
        }
        return options
    }
}
