import ArgumentParser
import TableFormat

/// `--force`, the same on every command that writes files. Without it a read-only output is refused;
/// with it the file is replaced and keeps its mode. A device, FIFO, socket or folder (or a symbolic
/// link to one) is never replaced, with or without it (`OutputFile`, docs/reliability.md).
struct OutputOptions: ParsableArguments {
    @Flag(name: .customLong("force"), help: "Replace output files that are read-only (their mode is kept). Devices, FIFOs, sockets and folders are never replaced.")
    var force = false
}

/// A command that writes files: `Main` runs it with `OutputFile.force` set from its `--force`.
protocol WritesFiles {
    var writing: OutputOptions { get }
}
