import Foundation
import Testing

/// The project's Python: `.venv/bin/python`, made by scripts/setup from requirements-test.lock (or
/// $AXMUL_PYTHON). Tests and fixture scripts run under it, never whatever `python3` is on the PATH, so a
/// fresh machine and a developer's machine use the same numpy, onnx and onnxruntime.
public enum Python {
    public static let interpreter: URL = {
        if let path = ProcessInfo.processInfo.environment["AXMUL_PYTHON"], !path.isEmpty { return URL(fileURLWithPath: path) }
        return TestEnvironment.repository.appendingPathComponent(".venv/bin/python")
    }()

    /// Runs the interpreter with `args`; its exit status, or nil when it cannot start. Standard error
    /// goes to the test log unless `quiet`.
    @discardableResult
    public static func run(_ args: [String], quiet: Bool = false) -> Int32? {
        let p = Process()
        p.executableURL = interpreter
        p.arguments = args
        p.standardOutput = FileHandle.nullDevice
        if quiet { p.standardError = FileHandle.nullDevice }
        do { try p.run() } catch { return nil }
        p.waitUntilExit()
        return p.terminationStatus
    }

    /// The full path of a fixture script under Tests/, e.g. "Fixtures/onnx/run_ort.py".
    public static func script(_ relative: String) -> String {
        TestEnvironment.repository.appendingPathComponent("Tests").appendingPathComponent(relative).path
    }

    /// Runs the interpreter with `args` and fails the test, naming the command, unless it exits 0.
    public static func require(_ args: [String], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let status = run(args)
        try #require(status == 0, "\(interpreter.path) \(args.joined(separator: " ")) exited with \(status.map(String.init) ?? "no start"); \(ExternalTool.python.remedy)",
                     sourceLocation: sourceLocation)
    }

    /// Runs `script` (a path under Tests/) with `args`, failing the test unless it exits 0.
    public static func require(_ script: String, _ args: [String], sourceLocation: SourceLocation = #_sourceLocation) throws {
        try require([Self.script(script)] + args, sourceLocation: sourceLocation)
    }
}
