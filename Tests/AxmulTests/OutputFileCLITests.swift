import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The CLI side of the one writer (issue 25): `-o` onto a device, FIFO or folder (or a link to one) is
/// one `error:` line and exit 1, the target untouched; a read-only file needs `--force` and keeps its mode.
@Suite struct OutputFileCLITests {
    func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("axmul-out-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    static func identity(_ path: String) -> [UInt64]? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return [UInt64(info.st_mode), UInt64(info.st_ino), UInt64(info.st_size)]
    }

    static func mode(_ path: String) -> mode_t {
        var info = stat()
        return stat(path, &info) == 0 ? info.st_mode & 0o7777 : 0
    }

    @Test func nonRegularOutputsAreRefusedAndLeftAlone() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let link = folder.appendingPathComponent("null.csv").path, fifo = folder.appendingPathComponent("fifo.csv").path
        #expect(symlink("/dev/null", link) == 0)
        #expect(mkfifo(fifo, 0o644) == 0)
        for (target, what) in [(link, "character device"), (fifo, "FIFO"), (folder.path, "folder")] {
            let before = Self.identity(target)
            for force in [[], ["--force"]] {
                let run = runAxmul(["table", "smapprox4x4-1", "-o", target] + force)
                #expect(run.status == 1, "\(target): \(run.stderr)")
                let lines = run.stderr.split(separator: "\n")
                #expect(lines.first?.hasPrefix("error: \(target): ") == true && lines.count <= 2, "\(run.stderr)")
                #expect(run.stderr.contains(what) && !run.stderr.contains("NSCocoaErrorDomain"), "\(run.stderr)")
            }
            #expect(Self.identity(target) == before, "\(target) changed")
        }
        #expect(!(try FileManager.default.contentsOfDirectory(atPath: folder.path)).contains { $0.contains(".tmp-") })
    }

    @Test func aReadOnlyOutputNeedsForceAndKeepsItsMode() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("t.csv").path
        try Data("old".utf8).write(to: URL(fileURLWithPath: file))
        chmod(file, 0o444)
        let refused = runAxmul(["table", "smapprox4x4-1", "-o", file])
        #expect(refused.status == 1 && refused.stderr.contains("read-only") && refused.stderr.contains("give --force"), "\(refused.stderr)")
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "old")
        let forced = runAxmul(["table", "smapprox4x4-1", "-o", file, "--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n").count == 16)
        #expect(Self.mode(file) == 0o444)
    }

    /// Issue 25: temporaries of a killed search or shard were never removed. Each resume path removes
    /// them first (here the command then stops at a missing model, library or manifest); a temporary of
    /// a live writer stays.
    @Test func searchSweepAndShardRemoveStaleTemporariesWhenTheyResume() throws {
        let runs: [(String) -> [String]] = [
            { ["search", "--model", $0 + "/missing.safetensors", "--data", "digits", "--library", "no-such-design", "-o", $0] },
            { ["sweep", "--model", $0 + "/missing.safetensors", "--data", "digits", "--multiplier", "smapprox8x8-2222", "-o", $0] },
            { ["shard", "run", $0, "--index", "0"] },
        ]
        for make in runs {
            let folder = try temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let fm = FileManager.default
            try fm.createDirectory(at: folder.appendingPathComponent("sets/gen-001"), withIntermediateDirectories: true)
            let args = make(folder.path)
            let dead = [".front.json.tmp-\(Int32.max)-1"] + (args[0] == "shard" ? [] : ["sets/gen-001/.shard-0.json.tmp-\(Int32.max)-2"])
            let live = [".cache.jsonl.tmp-\(getpid())-3"]
            for name in dead + live { try Data([1]).write(to: folder.appendingPathComponent(name)) }
            let run = runAxmul(args)
            #expect(run.status != 0 && run.stderr.hasPrefix("error: "), "\(args[0]): \(run.stderr)")
            for name in dead { #expect(!fm.fileExists(atPath: folder.appendingPathComponent(name).path), "\(args[0]): \(name) left") }
            for name in live { #expect(fm.fileExists(atPath: folder.appendingPathComponent(name).path), "\(args[0]): \(name) removed") }
        }
    }
}
