import Foundation
import Testing
import TestSupport
@testable import TableFormat
#if canImport(Glibc)
import Glibc
#endif

/// A scratch folder removed by `cleanUp()`.
struct ScratchFolder {
    let path: String
    init(_ tag: String = "out") throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("axmul-\(tag)-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    func at(_ name: String) -> String { path + "/" + name }
    func write(_ name: String, _ text: String, mode: mode_t = 0o644) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: at(name)))
        chmod(at(name), mode)
    }
    func names() -> [String] { ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted() }
    func cleanUp() { try? FileManager.default.removeItem(atPath: path) }
}

/// SplitMix64, so property tests are seeded and their seed is printed on failure.
struct SplitMix64 {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}

/// lstat's view of a path: kind, inode and mode, to show a target was left alone.
func identity(_ path: String) -> [UInt64]? {
    var info = stat()
    guard lstat(path, &info) == 0 else { return nil }
    return [UInt64(info.st_mode), UInt64(info.st_ino), UInt64(info.st_dev), UInt64(info.st_size)]
}

func mode(_ path: String) -> mode_t {
    var info = stat()
    return stat(path, &info) == 0 ? info.st_mode & 0o7777 : 0
}

/// A Unix-domain socket bound at `path` (its descriptor is closed; the socket file stays).
func makeSocket(_ path: String) -> Bool {
    let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { return false }
    defer { close(fd) }
    var address = sockaddr_un()
    address.sun_family = sa_family_t(AF_UNIX)
    let bytes = Array(path.utf8)
    guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else { return false }
    withUnsafeMutableBytes(of: &address.sun_path) { raw in
        for (i, b) in bytes.enumerated() { raw[i] = b }
    }
    return withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) == 0 }
    }
}

/// The `OutputFile.Failure` `body` throws; nil when it succeeds.
func failure(_ body: () throws -> Void) -> OutputFile.Failure? { thrown(OutputFile.Failure.self, body) }

@Suite("OutputFile: the one writer")
struct OutputFileTests {
    @Test func writeReplacesContentAndLeavesNoTemporaryFiles() throws {
        let folder = try ScratchFolder()
        defer { folder.cleanUp() }
        try OutputFile.write(Array("first".utf8), to: folder.at("out.json"))
        try OutputFile.write(Data("second, longer".utf8), to: URL(fileURLWithPath: folder.at("out.json")))
        #expect(try String(contentsOfFile: folder.at("out.json"), encoding: .utf8) == "second, longer")
        #expect(folder.names() == ["out.json"])
    }

    @Test func writeIntoMissingFolderIsRefused() throws {
        let folder = try ScratchFolder()
        defer { folder.cleanUp() }
        let error = failure { try OutputFile.write([1], to: folder.at("missing/out.json")) }
        #expect(error?.kind == .folder && error?.path == folder.at("missing/out.json"))
    }

    /// Issue 25: `-o /dev/null` as root replaced /dev/null. Only the check runs here, never a write.
    @Test func devNullIsNeverATarget() {
        let error = failure { try OutputFile.checkTarget("/dev/null", force: true) }
        #expect(error?.kind == .notRegular && error?.reason.contains("character device") == true)
    }

    @Test func devicesFifosSocketsAndFoldersAreRefusedAndLeftAlone() throws {
        let folder = try ScratchFolder()
        defer { folder.cleanUp() }
        #expect(mkfifo(folder.at("fifo"), 0o644) == 0)
        try FileManager.default.createDirectory(atPath: folder.at("dir"), withIntermediateDirectories: false)
        #expect(symlink("/dev/null", folder.at("null-link")) == 0)
        #expect(symlink(folder.at("dir"), folder.at("dir-link")) == 0)
        #expect(symlink(folder.at("fifo"), folder.at("fifo-link")) == 0)
        #expect(symlink(folder.at("nowhere"), folder.at("dangling")) == 0)
        var names = ["fifo", "dir", "null-link", "dir-link", "fifo-link", "dangling"]
        if makeSocket(folder.at("sock")) { names.append("sock") }
        for name in names {
            let before = identity(folder.at(name))
            for force in [false, true] {
                let error = failure { try OutputFile.$force.withValue(force) { try OutputFile.write(Array("x".utf8), to: folder.at(name)) } }
                #expect(error?.kind == .notRegular, "\(name): \(String(describing: error))")
                #expect(error.map { !$0.description.contains("\n") } == true)
                #expect(failure { try OutputFile.append(line: "x", to: folder.at(name)) }?.kind == .notRegular, "\(name)")
            }
            #expect(identity(folder.at(name)) == before, "\(name) was changed")
        }
        #expect(!folder.names().contains { $0.contains(".tmp-") })
    }

    /// Issue 25: `-o` onto a read-only file replaced it with a mode-644 file.
    @Test func readOnlyFilesNeedForceAndKeepTheirMode() throws {
        let folder = try ScratchFolder()
        defer { folder.cleanUp() }
        try folder.write("ro.csv", "old", mode: 0o444)
        let error = failure { try OutputFile.write(Array("new".utf8), to: folder.at("ro.csv")) }
        #expect(error?.kind == .readOnly && error?.reason.contains("give --force") == true)
        #expect(try String(contentsOfFile: folder.at("ro.csv"), encoding: .utf8) == "old")
        #expect(failure { try OutputFile.append(line: "x", to: folder.at("ro.csv")) }?.kind == .readOnly)
        try OutputFile.$force.withValue(true) { try OutputFile.write(Array("new".utf8), to: folder.at("ro.csv")) }
        #expect(try String(contentsOfFile: folder.at("ro.csv"), encoding: .utf8) == "new")
        #expect(mode(folder.at("ro.csv")) == 0o444)
        for m: mode_t in [0o600, 0o640, 0o755] {
            try folder.write("m.bin", "old", mode: m)
            try OutputFile.write([1, 2, 3], to: folder.at("m.bin"))
            #expect(mode(folder.at("m.bin")) == m)
        }
    }

    @Test func aLinkToARegularFileIsWrittenThroughAndStaysALink() throws {
        let folder = try ScratchFolder()
        defer { folder.cleanUp() }
        try FileManager.default.createDirectory(atPath: folder.at("real"), withIntermediateDirectories: false)
        try folder.write("real/t.csv", "old", mode: 0o600)
        #expect(symlink("real/t.csv", folder.at("link.csv")) == 0)
        try OutputFile.write(Array("new".utf8), to: folder.at("link.csv"))
        var info = stat()
        #expect(lstat(folder.at("link.csv"), &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK)
        #expect(try String(contentsOfFile: folder.at("real/t.csv"), encoding: .utf8) == "new")
        #expect(mode(folder.at("real/t.csv")) == 0o600)
    }

    @Test func appendAddsWholeLinesAndRepairsAPartialLastLine() throws {
        let folder = try ScratchFolder()
        defer { folder.cleanUp() }
        let path = folder.at("log.jsonl")
        try OutputFile.append(line: #"{"epoch":1}"#, to: path)
        try OutputFile.append(line: #"{"epoch":2}"#, to: path)
        let handle = try #require(FileHandle(forWritingAtPath: path))
        handle.seekToEndOfFile()
        handle.write(Data(#"{"epo"#.utf8))   // a crash in the middle of a third record
        try handle.close()
        try OutputFile.append(line: #"{"epoch":3}"#, to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "{\"epoch\":1}\n{\"epoch\":2}\n{\"epoch\":3}\n")
        #expect(failure { try OutputFile.append(line: "a\nb", to: path) }?.kind == .invalidArgument)
        try folder.write("partial.jsonl", String(repeating: "x", count: 5000))
        try OutputFile.append(line: "ok", to: folder.at("partial.jsonl"))
        #expect(try String(contentsOfFile: folder.at("partial.jsonl"), encoding: .utf8) == "ok\n")
    }

    @Test func staleTemporariesOfDeadWritersAreRemovedOthersKept() throws {
        let folder = try ScratchFolder()
        defer { folder.cleanUp() }
        try FileManager.default.createDirectory(atPath: folder.at("sets/gen-1"), withIntermediateDirectories: true)
        let host = OutputFile.hostName
        let dead = [".m.safetensors.tmp-\(Int32.max)-17", ".cache.jsonl.tmp-\(Int32.max)@\(host)-3", "sets/gen-1/.shard-0.json.tmp-\(Int32.max)@\(host)-9",
                    ".front.json.tmp-\(getpid())@other_host-5"]
        let kept = [".m.safetensors.tmp-\(getpid())-18", ".x.tmp-\(getpid())@\(host)-1", ".y.tmp-\(Int32.max)@other_host-2",
                    "front.json", ".tmp-notes", "z.tmp-\(Int32.max)-1"]
        for name in dead + kept { try folder.write(name, "t") }
        // A temporary from another host counts as stale only once it is older than `foreignAge`.
        let old = Date(timeIntervalSinceNow: -2 * OutputFile.foreignAge)
        try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: folder.at(dead[3]))
        #expect(OutputFile.removeStaleTemporaries(inFolder: URL(fileURLWithPath: folder.path)) == 3)
        #expect(OutputFile.removeStaleTemporaries(inFolder: URL(fileURLWithPath: folder.path), depth: 2) == 1)
        for name in dead { #expect(!FileManager.default.fileExists(atPath: folder.at(name)), "\(name)") }
        for name in kept { #expect(FileManager.default.fileExists(atPath: folder.at(name)), "\(name)") }
        try folder.write(".n.bin.tmp-\(Int32.max)-4", "t")
        #expect(OutputFile.removeStaleTemporaries(for: URL(fileURLWithPath: folder.at("m.safetensors"))) == 0)
        #expect(OutputFile.removeStaleTemporaries(for: URL(fileURLWithPath: folder.at("n.bin"))) == 1)
    }

    @Test func theLockRefusesASecondWriter() throws {
        let folder = try ScratchFolder()
        defer { folder.cleanUp() }
        let lock = try OutputFile.Lock(for: folder.at("m.safetensors"))
        #expect(failure { _ = try OutputFile.Lock(for: folder.at("m.safetensors")) }?.kind == .locked)
        lock.release()
        _ = try OutputFile.Lock(for: folder.at("m.safetensors"))
    }

    /// Property: whatever non-regular thing sits at the target (FIFO, folder, socket, a link or a chain
    /// of links to one of them or to /dev/null), no write or append, forced or not, replaces it or
    /// leaves a temporary file behind.
    @Test func randomNonRegularTargetsAreNeverReplaced() throws {
        let seed = UInt64(Date().timeIntervalSince1970 * 1000)
        var rng = SplitMix64(state: seed)
        let folder = try ScratchFolder()
        defer { folder.cleanUp() }
        for trial in 0..<60 {
            let name = "t\(trial)"
            let path = folder.at(name)
            var made = true
            switch rng.below(6) {
            case 0: made = mkfifo(path, mode_t(0o600 + rng.below(0o100))) == 0
            case 1: made = mkdir(path, 0o755) == 0
            case 2: made = makeSocket(path)
            case 3: made = symlink("/dev/null", path) == 0
            case 4: made = mkdir(path + ".d", 0o755) == 0 && symlink(rng.below(2) == 0 ? path + ".d" : name + ".d", path) == 0
            default:   // a chain of 1-3 links ending at a FIFO
                made = mkfifo(path + ".end", 0o644) == 0
                var next = name + ".end"
                for k in 0..<(1 + rng.below(3)) {
                    made = made && symlink(next, path + ".l\(k)") == 0
                    next = name + ".l\(k)"
                }
                made = made && symlink(next, path) == 0
            }
            guard made else { continue }
            let before = identity(path)
            let force = rng.below(2) == 0, append = rng.below(2) == 0, bytes = [UInt8](repeating: 7, count: rng.below(64))
            let error = failure {
                try OutputFile.$force.withValue(force) {
                    if append { try OutputFile.append(line: "r", to: path) } else { try OutputFile.write(bytes, to: path) }
                }
            }
            #expect(error?.kind == .notRegular, "seed \(seed), trial \(trial): \(String(describing: error))")
            #expect(identity(path) == before, "seed \(seed), trial \(trial): the target changed")
        }
        #expect(!folder.names().contains { $0.contains(".tmp-") }, "seed \(seed): a temporary was left")
    }
}
