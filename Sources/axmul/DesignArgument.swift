import ArgumentParser
import Circuits
import Foundation

/// Shared handling of a `<design>` argument: a built-in name or a path to a design file.
/// Errors propagate to `Main`, which prints `error: file:line:column: message` and exits 1.
enum DesignArgument {
    /// Resolves a built-in name (see `axmul list`) or a design-file path (contains "/" or ends in .axd).
    static func resolve(_ nameOrPath: String) throws -> Design {
        try DesignResolver.resolve(nameOrPath)
    }

    /// Runs `body`; a `UserFacingError` is printed to stderr in the CLI's format and becomes exit code 1.
    /// (Errors thrown straight out of `run()` get the same treatment from `Main`; this is for callers
    /// that want to stop at a specific step.)
    /// Generic over the error type so typed-throwing closures pass without a conversion thunk.
    static func reporting<T, E: Error>(_ body: () throws(E) -> T) throws -> T {
        do {
            return try body()
        } catch {
            if let error = error as? UserFacingError {
                reportRuntimeError(error)
                throw ExitCode(1)
            }
            throw error
        }
    }

    /// Pretty, key-sorted JSON for `--json` output, from the library's Codable structs.
    static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
