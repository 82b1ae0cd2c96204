import ArgumentParser
import Circuits
import Foundation
import Multipliers
import Records

/// Shared handling of a `<design>` argument: a built-in name or a path to a design file.
/// Errors propagate to `Main`, which prints `error: file:line:column: message` and exits 1.
enum DesignArgument {
    /// Resolves a built-in name (see `axmul list`), a design file, or a table file (`.axlut`, `.npy`,
    /// TFApprox) as a table design; a file that exists is read by its content (`MultiplierArgument`).
    static func resolve(_ nameOrPath: String) throws -> Design {
        try MultiplierLoader.source(nameOrPath).design
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

    /// Pretty, key-sorted JSON for `--json` output, from the library's Codable structs: `RecordJSON`'s
    /// encoding without its final newline (untagged; a saved record prints through `RecordJSON.text`).
    static func json<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try RecordJSON.encode(value).dropLast(), as: UTF8.self)
    }
}
