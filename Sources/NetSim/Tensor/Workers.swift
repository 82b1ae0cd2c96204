import CKernels
import Foundation

/// How many threads NetSim's parallel loops use: the one home of the worker count.
///
/// Work is cut into chunks fixed by the problem size (`Parallel.chunkCount`), and the chunks run on
/// `count` threads, so results are bit-identical for every worker count. The count in force is the
/// calling thread's `Workers.with` scope, else the process-wide `Workers.process`, which starts as
/// `AXMUL_THREADS` or the machine's available cores and is set by the CLI's `--threads`.
public struct Workers: Sendable, Equatable, CustomStringConvertible {
    public let count: Int

    /// At least one worker.
    public init(_ count: Int) { self.count = max(1, count) }

    public var description: String { "\(count)" }

    /// The CPUs this process may use: its affinity mask, capped by a cgroup CPU quota (`cpu.max`
    /// of cgroup v2, `cpu.cfs_quota_us` / `cpu.cfs_period_us` of v1), rounded up.
    public static let available: Workers = {
        let affinity = Int(ck_affinity_cpus())
        var cores = affinity > 0 ? affinity : ProcessInfo.processInfo.activeProcessorCount
        if let quota = cgroupQuota() { cores = min(cores, quota) }
        return Workers(cores)
    }()

    /// The name of the environment variable that sets the default worker count.
    public static let environmentVariable = "AXMUL_THREADS"

    /// `AXMUL_THREADS` parsed: nil when unset or empty; throws when it is not a whole number ≥ 1.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Workers? {
        guard let raw = environment[environmentVariable]?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else { return nil }
        guard let n = Int(raw), n >= 1 else { throw WorkersError(value: raw) }
        return Workers(n)
    }

    /// The process-wide default: `AXMUL_THREADS` when valid, else `available`.
    nonisolated(unsafe) private static var processSetting: Workers = (try? fromEnvironment()) ?? available
    private static let lock = NSLock()

    /// The process-wide worker count (threads without a `with` scope use it).
    public static var process: Workers {
        get { lock.lock(); defer { lock.unlock() }; return processSetting }
        set { lock.lock(); processSetting = newValue; lock.unlock() }
    }

    /// The worker count for loops started on the calling thread.
    public static var current: Workers {
        if let raw = pthread_getspecific(scopeKey) { return Workers(Int(bitPattern: raw)) }
        return process
    }

    /// Runs `body` with loops started on the calling thread using `workers` threads.
    public static func with<T>(_ workers: Workers, _ body: () throws -> T) rethrows -> T {
        let previous = pthread_getspecific(scopeKey)
        pthread_setspecific(scopeKey, UnsafeRawPointer(bitPattern: workers.count))
        defer { pthread_setspecific(scopeKey, previous) }
        return try body()
    }

    /// Makes `workers` the process-wide count and fixes OpenBLAS at one thread: NetSim splits its
    /// sgemm calls into fixed chunks itself, so OpenBLAS threads would only oversubscribe the cores
    /// (and OpenBLAS's sums depend on its thread count).
    public static func use(_ workers: Workers) {
        process = workers
        BLAS.setThreads(1)
    }

    /// The CPU quota of this process's cgroup in whole CPUs (rounded up), or nil when unlimited or unknown.
    static func cgroupQuota() -> Int? {
        let own = (try? String(contentsOfFile: "/proc/self/cgroup", encoding: .utf8)).flatMap(cgroupV2Path)
        let v2 = [own.map { "/sys/fs/cgroup\($0)/cpu.max" }, "/sys/fs/cgroup/cpu.max"].compactMap { $0 }
        for path in v2 {
            if let text = try? String(contentsOfFile: path, encoding: .utf8) { return quota(cpuMax: text) }
        }
        if let q = try? String(contentsOfFile: "/sys/fs/cgroup/cpu/cpu.cfs_quota_us", encoding: .utf8),
           let p = try? String(contentsOfFile: "/sys/fs/cgroup/cpu/cpu.cfs_period_us", encoding: .utf8) {
            return quota(cpuMax: q.trimmingCharacters(in: .whitespacesAndNewlines) + " " + p)
        }
        return nil
    }

    /// Whole CPUs of a cgroup v2 `cpu.max` text ("QUOTA PERIOD" in microseconds, or "max PERIOD"),
    /// rounded up; nil when unlimited or malformed (v1's quota −1 counts as unlimited).
    static func quota(cpuMax: String) -> Int? {
        let fields = cpuMax.split(whereSeparator: { $0 == " " || $0 == "\n" })
        guard fields.count >= 2, let quota = Int(fields[0]), let period = Int(fields[1]), quota > 0, period > 0 else { return nil }
        return max(1, (quota + period - 1) / period)
    }

    /// The cgroup v2 path of this process from a `/proc/self/cgroup` text (its "0::PATH" line).
    static func cgroupV2Path(_ text: String) -> String? {
        text.split(separator: "\n").first { $0.hasPrefix("0::") }.map { String($0.dropFirst(3)) }.flatMap { $0 == "/" ? nil : $0 }
    }
}

/// `AXMUL_THREADS` holds something other than a whole number ≥ 1.
public struct WorkersError: Error, CustomStringConvertible {
    public let value: String
    public var description: String { "AXMUL_THREADS '\(value)' is invalid: set it to a whole number of worker threads ≥ 1, or unset it to use every available core" }
}

/// The thread-specific worker count behind `Workers.with`.
private let scopeKey: pthread_key_t = {
    var key = pthread_key_t()
    precondition(pthread_key_create(&key, nil) == 0, "Workers: pthread_key_create failed")
    return key
}()
