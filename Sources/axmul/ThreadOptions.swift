import ArgumentParser
import Circuits
import NetSim

/// `--threads`, the one worker-count flag of every command that computes (an option group, so every
/// command spells and checks it the same way). `Main` applies it before the command runs.
struct ThreadOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Worker threads (default: \(Workers.environmentVariable), else every core this process may use, cgroup-aware). Results are bit-identical for any count.",
        valueName: "n"))
    var threads: Int?

    func validate() throws {
        if let threads { try FlagRules.threads(threads) }
        do { _ = try Workers.fromEnvironment() } catch let e as WorkersError { throw ValidationError(e.description) }
        do { _ = try KernelISA.fromEnvironment() } catch let e as KernelISAError { throw ValidationError(e.description) }
    }

    /// The worker count in force: the flag, else `AXMUL_THREADS`, else the available cores.
    var workers: Workers { threads.map(Workers.init) ?? Self.defaultWorkers }

    /// `AXMUL_THREADS`, else the available cores (commands without the option group run with it).
    static var defaultWorkers: Workers { (try? Workers.fromEnvironment()) ?? Workers.available }

    /// Runs `body` with NetSim's loops and the characterisation scans on `workers` threads and
    /// OpenBLAS on one thread (NetSim cuts its sgemm calls into fixed chunks itself).
    static func run<T>(workers: Workers, _ body: () throws -> T) throws -> T {
        Workers.use(workers)
        return try CharacterisationThreads.withWorkers(workers.count, body)
    }
}

/// A command whose `--threads` comes from its `ThreadOptions` group (others run with the default).
protocol UsesThreads {
    var threading: ThreadOptions { get }
}
