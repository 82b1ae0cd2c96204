import Foundation
import NetSim
import Workflows

extension ExecutionContext {
    /// The CLI's context: messages to stderr, training batches and the library's loops drawn as one bar
    /// on stderr when it is a terminal (never under CI), the worker count `--threads` set.
    static var terminal: ExecutionContext {
        let bar = TerminalProgress.ifTerminal()
        return ExecutionContext(say: { writeStderr($0 + "\n") }, progress: { bar?.epoch($0) }, finishProgress: { bar?.finish() },
                                report: bar?.sink ?? .silent)
    }
}
