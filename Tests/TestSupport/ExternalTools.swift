import Foundation
import Testing

/// The one place that decides whether a test that needs an outside tool runs. Outside CI a missing tool
/// shows the test as skipped, with the reason and the command that installs the tool. Under CI (env `CI`
/// set and not "false"/"0") the test always runs, so a missing tool fails it: never a silent pass.
public enum TestEnvironment {
    public static let isCI: Bool = {
        guard let value = ProcessInfo.processInfo.environment["CI"] else { return false }
        return !["", "0", "false"].contains(value.lowercased())
    }()

    /// The repository's root folder (this file is Tests/TestSupport/ExternalTools.swift).
    public static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
}

/// An outside program some tests need, and how to tell that it works here.
public enum ExternalTool: CaseIterable, Sendable {
    /// The project's `.venv` interpreter with the locked numpy, onnx and onnxruntime.
    case python
    case yosys
    case iverilog
    case chromium
    /// sbatch and a running controller (scripts/slurm-local start).
    case slurm
    /// torch and torchvision in the project's `.venv` (requirements-torch.lock).
    case torch

    public var name: String {
        switch self {
        case .python: return "the project's Python (.venv with numpy, onnx, onnxruntime)"
        case .yosys: return "yosys"
        case .iverilog: return "iverilog"
        case .chromium: return "chromium"
        case .slurm: return "a running Slurm"
        case .torch: return "torch and torchvision in the project's .venv"
        }
    }

    /// What makes the tool available.
    public var remedy: String {
        switch self {
        case .python: return "run scripts/setup, which installs requirements-test.lock into .venv"
        case .yosys, .iverilog, .chromium: return "run scripts/setup, which installs the Debian package"
        case .slurm: return "run scripts/slurm-local start (scripts/test does)"
        case .torch: return "run scripts/setup --torch, which installs requirements-torch.lock into .venv (scripts/test --long does)"
        }
    }

    public var isAvailable: Bool { ToolProbe.available[self] ?? false }

    /// Why a test that needs this tool did not run, or fails under CI.
    public var missingNote: String { "\(name) is missing: \(remedy)" }
}

/// Probes each tool once per test process.
enum ToolProbe {
    static let available: [ExternalTool: Bool] = Dictionary(uniqueKeysWithValues: ExternalTool.allCases.map { ($0, probe($0)) })

    static func probe(_ tool: ExternalTool) -> Bool {
        switch tool {
        case .python: return Python.run(["-c", "import numpy, onnx, onnxruntime"], quiet: true) == 0
        // The Xilinx cell models come with Debian's yosys; the simulations and synth_xilinx need them.
        case .yosys: return executable("yosys") != nil && FileManager.default.fileExists(atPath: "/usr/share/yosys/xilinx/cells_sim.v")
        case .iverilog: return executable("iverilog") != nil && executable("vvp") != nil
        case .chromium: return Browser.path != nil
        case .slurm: return executable("sbatch") != nil && run("/usr/bin/env", ["scontrol", "ping"]) == 0
        case .torch: return Python.run(["-c", "import torch, torchvision, onnxscript"], quiet: true) == 0
        }
    }

    static func executable(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Exit status of a program run with no output, or nil if it cannot start.
    static func run(_ program: String, _ args: [String]) -> Int32? {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: program)
        p.arguments = args
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        do { try p.run() } catch { return nil }
        p.waitUntilExit()
        return p.terminationStatus
    }
}

/// The headless browser for report tests: $AXMUL_CHROMIUM, else the first Debian/Google binary present.
public enum Browser {
    public static let path: String? = ProcessInfo.processInfo.environment["AXMUL_CHROMIUM"]
        ?? ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].first { FileManager.default.isExecutableFile(atPath: $0) }
}

extension Trait where Self == ConditionTrait {
    /// Runs the test only where `tools` are available, or always under CI (where a missing tool fails).
    /// The tools are probed when the test is about to run, not when tests are listed.
    public static func needs(_ tools: ExternalTool...) -> Self {
        let note = tools.map { "\($0.name): \($0.remedy)" }.joined(separator: "; ")
        return .enabled(if: TestEnvironment.isCI || tools.allSatisfy(\.isAvailable), Comment(rawValue: "needs " + note))
    }
}

/// Records a failure naming each missing tool; true when all are available. For a test enabled under CI
/// by `.needs(...)`, this turns a missing tool into a clear failure before anything else runs.
@discardableResult
public func requireTools(_ tools: ExternalTool..., sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
    let missing = tools.filter { !$0.isAvailable }
    for tool in missing {
        Issue.record(Comment(rawValue: "CI is set but \(tool.missingNote)"), sourceLocation: sourceLocation)
    }
    return missing.isEmpty
}

/// Which tests this run includes: `scripts/test` runs the fast ones and reports the long end-to-end cases
/// as skipped; `scripts/test --long` (which CI runs) sets AXMUL_LONG_TESTS=1 and runs them too.
public enum TestRun {
    public static let includesLong = ProcessInfo.processInfo.environment["AXMUL_LONG_TESTS"] == "1"
}

extension Trait where Self == ConditionTrait {
    /// A slow end-to-end test, run by `scripts/test --long` (and CI), skipped with this note otherwise.
    public static var long: Self {
        .enabled(if: TestRun.includesLong, "a long end-to-end test: scripts/test --long runs it")
    }
}

/// The error of type `E` that `body` throws; nil when it succeeds (another error is recorded as an issue).
public func thrown<E: Error>(_ type: E.Type, _ body: () throws -> Void, sourceLocation: SourceLocation = #_sourceLocation) -> E? {
    do {
        try body()
        return nil
    } catch let error as E {
        return error
    } catch {
        Issue.record(Comment(rawValue: "not a \(E.self): \(error)"), sourceLocation: sourceLocation)
        return nil
    }
}
