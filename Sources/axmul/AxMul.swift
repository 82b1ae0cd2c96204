import ArgumentParser
import Circuits
import Foundation
import ONNX
import TableFormat
import NetSim
import TableFormat
import Workflows

struct AxMul: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "axmul",
        abstract: "Design approximate multipliers and measure what they do to neural networks.",
        discussion: """
        Exit codes: 0 success, 1 runtime error, 2 usage error.

        Example:
          axmul list
          axmul characterize smapprox8x8-3330 --json
        """,
        version: "0.1.0",
        subcommands: AxMul.allSubcommands
    )
}

@main
enum Main {
    /// Parses, runs, and maps every failure to the documented exit codes and one-line error format.
    static func main() {
        HeapPolicy.keepFreedMemory()  // per-batch buffers reuse heap memory instead of page-faulting it in again
        var command: ParsableCommand
        do {
            command = try AxMul.parseAsRoot()
        } catch {
            exitForParserOutcome(error)
        }
        do {
            // --force (OutputFile.force) holds for the whole run of a command that writes files.
            let force = (command as? WritesFiles)?.writing.force ?? false
            let workers = (command as? UsesThreads)?.threading.workers ?? ThreadOptions.defaultWorkers
            try ThreadOptions.run(workers: workers) {
                try OutputFile.$force.withValue(force) {
                    try command.run()
                }
            }
        } catch let error as ExitCode {
            exit(error.rawValue)
        } catch let error as UserFacingError {
            reportRuntimeError(error)
            exit(1)
        } catch {
            // Help and version requests and late validation errors arrive here too.
            if AxMul.exitCode(for: error) == .failure {
                reportRuntimeError(error)
                exit(1)
            }
            exitForParserOutcome(error)
        }
    }

    /// Help and version print to stdout and exit 0; every other parser outcome is a usage error (2).
    private static func exitForParserOutcome(_ error: Error) -> Never {
        if AxMul.exitCode(for: error) == .success {
            print(AxMul.fullMessage(for: error))
            exit(0)
        }
        // One line: the parser's message; its "See 'axmul … --help'" pointer becomes the hint.
        let message = AxMul.message(for: error)
        printError(message.split(separator: "\n").first.map(String.init) ?? message)
        if let see = AxMul.fullMessage(for: error).split(separator: "\n").first(where: { $0.contains("See '") }) {
            writeStderr("hint: \(see.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "See", with: "see"))\n")
        }
        exit(2)
    }
}

/// Writes `error: <message>` (and `hint: …` where the error has one) to standard error.
func reportRuntimeError(_ error: Error) {
    if let error = error as? UserFacingError {
        printError(error.description)
        if let hint = error.hint { writeStderr("hint: \(hint)\n") }
    } else if let line = FoundationErrorText.line(error) {
        printError(line)  // Foundation's own text (NSCocoaErrorDomain, DecodingError) never reaches the user
    } else {
        printError(String(describing: error))
    }
}

func printError(_ message: String) {
    var body = Substring(message)
    for prefix in ["error: ", "Error: "] where body.hasPrefix(prefix) { body = body.dropFirst(prefix.count) }
    let text = "error: " + body
    writeStderr(text.hasSuffix("\n") ? text : text + "\n")
}

func writeStderr(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
}
