import Foundation

/// What makes a checkpoint the one of a given run: the command and every setting that shapes its
/// result except the epoch count, stored in the checkpoint (`run_identity`) and compared whole when the
/// run resumes. One check for every resumable workflow (retrain, axtrain, hybrid), naming each setting
/// that differs, instead of one hand-written comparison per command.
public struct RunIdentity: Codable, Equatable, Sendable {
    /// The workflow that wrote the checkpoint: "retrain", "axtrain" or "hybrid".
    public var command: String
    /// Setting (its flag, e.g. "--seed") → value as this run was started.
    public var settings: [String: String]

    public init(command: String, settings: [String: String]) { (self.command, self.settings) = (command, settings) }

    /// Checkpoint metadata key.
    public static let metadataKey = "run_identity"

    /// Refuses to continue `path` unless it was written by this run: same command, same settings.
    public func checkResume(saved: RunIdentity?, path: String) throws(ModelError) {
        let noun = command == "retrain" ? "retraining" : command
        guard let saved else {
            throw .checkpoint(path: path, reason: "it records no run identity (it was written by an older axmul or by another command), "
                + "so it cannot be told to be this \(noun) run's; rerun without --resume")
        }
        guard saved.command == command else {
            throw .checkpoint(path: path, reason: "it was written by `axmul \(saved.command)`, not by this \(noun) run; rerun without --resume")
        }
        let differing = Set(saved.settings.keys).union(settings.keys).sorted().filter { saved.settings[$0] != settings[$0] }
        guard differing.isEmpty else {
            let list = differing.map { "\($0) \(saved.settings[$0] ?? "unset") in the checkpoint, \(settings[$0] ?? "unset") now" }
            throw .checkpoint(path: path, reason: "it was not written by this \(noun) run (\(list.joined(separator: "; "))); "
                + "resume with the checkpoint's settings, or rerun without --resume")
        }
    }
}
