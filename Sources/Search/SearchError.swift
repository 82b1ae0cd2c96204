/// Errors of the search and its shard files: each names the file (and line, where there is one), the
/// rule and the bad value, and states what to do.
public struct SearchError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// Shard result files that a merge needs are absent (their file names).
        case missingShards([String])
        /// A manifest, shard or cache file that cannot be read, holds a value outside its range, or
        /// belongs to another run.
        case badFile
        /// An argument the search cannot use (library, filter, constraint, a path or option that
        /// cannot be written into a batch script).
        case invalidArgument
        /// The model or data named by a manifest no longer has the content it was written with.
        case changedInput
        /// `sbatch` or the Slurm job failed.
        case slurm
    }

    public var kind: Kind
    public var file: String?
    /// 1-based line in `file`, when the error is about one line.
    public var line: Int?
    public var message: String
    public var hint: String?

    public init(_ kind: Kind, file: String? = nil, line: Int? = nil, _ message: String, hint: String? = nil) {
        (self.kind, self.file, self.line, self.message, self.hint) = (kind, file, line, message, hint)
    }

    /// `file:line: message` (the CLI prints the hint on its own `hint:` line).
    public var description: String {
        (file.map { "\($0)" + (line.map { ":\($0)" } ?? "") + ": " } ?? "") + message
    }
}
