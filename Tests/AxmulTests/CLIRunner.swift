import Foundation
import Testing

/// Runs the built `axmul` binary with `args` and returns its exit status and captured output.
///
/// The binary is found next to the test bundle in the build products folder (or at $AXMUL_BINARY).
/// Output goes through temporary files, so large outputs cannot dead-lock a pipe.
/// If the binary cannot be started, the status is -1 and stderr says why.
func runAxmul(_ args: [String], currentDirectory: URL? = nil,
              environment: [String: String] = [:]) -> (status: Int32, stdout: String, stderr: String) {
    guard let binary = axmulBinaryURL() else {
        return (-1, "", "axmul binary not found next to the test bundle (\(Bundle.main.bundleURL.path)); run `swift build` first or set AXMUL_BINARY")
    }
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("axmul-cli-\(UUID().uuidString)")
    do {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let outURL = folder.appendingPathComponent("stdout"), errURL = folder.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        let process = Process()
        process.executableURL = binary
        process.arguments = args
        if let currentDirectory { process.currentDirectoryURL = currentDirectory }
        process.environment = testEnvironment.merging(environment) { $1 }
        process.standardOutput = out
        process.standardError = err
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        let stdout = String(decoding: try Data(contentsOf: outURL), as: UTF8.self)
        let stderr = String(decoding: try Data(contentsOf: errURL), as: UTF8.self)
        return (process.terminationStatus, stdout, stderr)
    } catch {
        return (-1, "", "could not run \(binary.path): \(error)")
    }
}

/// The `axmul` executable in the products folder that holds the running test bundle.
func axmulBinaryURL() -> URL? {
    if let path = ProcessInfo.processInfo.environment["AXMUL_BINARY"] { return URL(fileURLWithPath: path) }
    var folders = [Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent()]
    if let executable = Bundle.main.executableURL { folders.append(executable.deletingLastPathComponent()) }
    if let argv0 = CommandLine.arguments.first { folders.append(URL(fileURLWithPath: argv0).deletingLastPathComponent()) }
    for bundle in Bundle.allBundles where bundle.bundleURL.pathExtension == "xctest" {
        folders.append(bundle.bundleURL.deletingLastPathComponent())
    }
    for folder in folders {
        let candidate = folder.appendingPathComponent("axmul")
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue,
           FileManager.default.isExecutableFile(atPath: candidate.path) {
            return candidate
        }
    }
    return nil
}

/// The environment of every CLI run: the caller's, with the synthesis cache in a temporary folder of this
/// test process (shared by its tests, so yosys runs once per design) unless AXMUL_CACHE is set.
let testEnvironment: [String: String] = {
    var env = ProcessInfo.processInfo.environment
    if env["AXMUL_CACHE"] == nil {
        env["AXMUL_CACHE"] = FileManager.default.temporaryDirectory.appendingPathComponent("axmul-test-cache-\(getpid())").path
    }
    return env
}()

/// A fresh folder under the temporary directory, named `<prefix>-<UUID>`, for one CLI test.
func cliTestFolder(_ prefix: String) throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
}

/// Runs a command that must succeed and returns its stdout (the test stops with stderr otherwise).
func runAxmulOK(_ args: [String]) throws -> String {
    let r = runAxmul(args)
    try #require(r.status == 0, "axmul \(args.joined(separator: " ")): \(r.stderr)")
    return r.stdout
}
