/// Errors of the search and its shard files: each names the file or folder and states what to do.
public struct SearchError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// Shard result files that a merge needs are absent (their file names).
        case missingShards([String])
        /// A manifest, shard or cache file that cannot be read, or that belongs to another run.
        case badFile
        /// An argument the search cannot use (library, filter, constraint).
        case invalidArgument
        /// `sbatch` or the Slurm job failed.
        case slurm
    }

    public var kind: Kind
    public var file: String?
    public var message: String
    public var hint: String?

    public init(_ kind: Kind, file: String? = nil, _ message: String, hint: String? = nil) {
        (self.kind, self.file, self.message, self.hint) = (kind, file, message, hint)
    }

    public var description: String {
        (file.map { "\($0): " } ?? "") + message + (hint.map { " (\($0))" } ?? "")
    }
}
