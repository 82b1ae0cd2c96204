import Foundation

/// Finds the folder of shipped datasets at run time, so the CLI works from any directory:
/// (1) `$AXMUL_DATA`, (2) a `datasets/` folder holding the file, in the executable's folder
/// or any parent, then in the current directory or any parent, (3) `/usr/share/axmul/datasets`.
public enum DatasetLocator {
    /// Environment variable naming the shipped-datasets folder.
    public static let environmentVariable = "AXMUL_DATA"
    /// Environment variable naming the Fashion-MNIST folder.
    public static let fashionMNISTVariable = "AXMUL_FASHION_MNIST"
    /// Where the Debian package `dataset-fashion-mnist` installs its IDX files.
    public static let fashionMNISTDefault = "/usr/share/datasets/fashion-mnist"
    /// Where an installed copy of the shipped datasets lives.
    public static let systemFolder = "/usr/share/axmul/datasets"

    /// The folders searched, in order (the environment may be overridden for tests).
    public static func candidates(environment: [String: String] = ProcessInfo.processInfo.environment) -> [URL] {
        var result = [URL]()
        if let value = environment[environmentVariable], !value.isEmpty {
            result.append(URL(fileURLWithPath: value, isDirectory: true))
        }
        let executable = executableURL()
        let starts = [executable.deletingLastPathComponent(),
                      URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)]
        for start in starts {
            var folder = start.standardizedFileURL
            while true {
                result.append(folder.appendingPathComponent("datasets", isDirectory: true))
                let parent = folder.deletingLastPathComponent()
                if parent.path == folder.path { break }
                folder = parent
            }
        }
        result.append(URL(fileURLWithPath: systemFolder, isDirectory: true))
        return result
    }

    /// `file` in the first candidate folder that holds it.
    public static func locate(_ file: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> URL {
        let folders = candidates(environment: environment)
        for folder in folders {
            let url = folder.appendingPathComponent(file)
            if FileManager.default.fileExists(atPath: url.path) { return url }
        }
        throw DataError(.io, file: file,
                        "the shipped dataset file is in none of $\(environmentVariable), a datasets/ folder above the executable or the current directory, or \(systemFolder).",
                        hint: "set \(environmentVariable) to the repository's datasets/ folder")
    }

    /// The running executable: /proc/self/exe on Linux (works when started through $PATH),
    /// else the first command-line argument.
    static func executableURL() -> URL {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return URL(fileURLWithPath: path)
        }
        return URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
    }

    /// The Fashion-MNIST folder: `$AXMUL_FASHION_MNIST` or the Debian package's folder.
    public static func fashionMNISTFolder(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        let path = environment[fashionMNISTVariable].flatMap { $0.isEmpty ? nil : $0 } ?? fashionMNISTDefault
        return URL(fileURLWithPath: path, isDirectory: true)
    }
}
