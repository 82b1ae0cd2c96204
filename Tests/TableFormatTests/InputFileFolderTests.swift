import Foundation
import Testing
import TestSupport
@testable import TableFormat
#if canImport(Glibc)
import Glibc
#endif

/// The `InputFile.Failure` `body` throws; nil when it succeeds.
func inputFailure(_ body: () throws -> Void) -> InputFile.Failure? { thrown(InputFile.Failure.self, body) }

@Suite("InputFile.resolve(_:inside:): files named relative to a folder")
struct InputFileFolderTests {
    /// A model folder `m/` holding `w.bin` and `sub/v.bin`, next to `outside.bin` and `m2/x.bin`.
    static func tree() throws -> ScratchFolder {
        let root = try ScratchFolder("inside")
        try FileManager.default.createDirectory(atPath: root.at("m/sub"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root.at("m2"), withIntermediateDirectories: true)
        try root.write("m/w.bin", "0123456789")
        try root.write("m/sub/v.bin", "abc")
        try root.write("outside.bin", "secret")
        try root.write("m2/x.bin", "other")
        return root
    }

    @Test func plainNamesAndLinksInsideResolve() throws {
        let root = try Self.tree()
        defer { root.cleanUp() }
        let folder = root.at("m")
        #expect(symlink("sub/v.bin", root.at("m/link.bin")) == 0)
        #expect(symlink("../w.bin", root.at("m/sub/up.bin")) == 0)
        #expect(try InputFile.bytes("w.bin", inside: folder, offset: 2, length: 3) == Array("234".utf8))
        #expect(try InputFile.bytes("link.bin", inside: folder) == Array("abc".utf8))
        #expect(try InputFile.bytes("sub/up.bin", inside: folder) == Array("0123456789".utf8))
        #expect(try InputFile.bytes("sub/../w.bin", inside: folder, offset: 10) == [])
    }

    /// Issue 25: a link to a file outside the model's folder was read.
    @Test func linksAndDotDotOutOfTheFolderAreRefused() throws {
        let root = try Self.tree()
        defer { root.cleanUp() }
        let folder = root.at("m")
        #expect(symlink(root.at("outside.bin"), root.at("m/abs.bin")) == 0)
        #expect(symlink("../outside.bin", root.at("m/rel.bin")) == 0)
        #expect(symlink("../m2", root.at("m/dirlink")) == 0)
        for name in ["abs.bin", "rel.bin", "dirlink/x.bin", "../outside.bin", "sub/../../outside.bin", "../m2/x.bin"] {
            let error = inputFailure { _ = try InputFile.bytes(name, inside: folder) }
            #expect(error?.reason.contains("outside the folder") == true, "\(name): \(String(describing: error))")
        }
        #expect(inputFailure { _ = try InputFile.resolve(root.at("outside.bin"), inside: folder) }?.reason.contains("absolute") == true)
    }

    /// Issue 25: a FIFO as external data blocked the reader for ever.
    @Test func fifosDevicesAndFoldersAreRefusedWithoutBlocking() throws {
        let root = try Self.tree()
        defer { root.cleanUp() }
        let folder = root.at("m")
        #expect(mkfifo(root.at("m/pipe"), 0o644) == 0)
        #expect(symlink("pipe", root.at("m/pipe-link")) == 0)
        for name in ["pipe", "pipe-link", "sub", "."] {
            let error = inputFailure { _ = try InputFile.bytes(name, inside: folder) }
            #expect(error?.reason.contains("not a regular file") == true, "\(name): \(String(describing: error))")
        }
    }

    @Test func negativeOrOverlongRangesAreRefused() throws {
        let root = try Self.tree()
        defer { root.cleanUp() }
        let folder = root.at("m")
        #expect(inputFailure { _ = try InputFile.bytes("w.bin", inside: folder, offset: -1) }?.reason.contains("negative") == true)
        #expect(inputFailure { _ = try InputFile.bytes("w.bin", inside: folder, length: -4) }?.reason.contains("negative") == true)
        #expect(inputFailure { _ = try InputFile.bytes("w.bin", inside: folder, offset: 8, length: 3) }?.reason.contains("past its end") == true)
        #expect(inputFailure { _ = try InputFile.bytes("w.bin", inside: folder, offset: 11) }?.reason.contains("past its end") == true)
    }

    /// Property: random links (relative, absolute, chains, `..`, links to folders) and random names
    /// never lead the reader out of the folder: a name either fails or resolves to a regular file
    /// inside it; and every plain file inside still resolves.
    @Test func randomLinksNeverLeadOutOfTheFolder() throws {
        let seed = UInt64(Date().timeIntervalSince1970 * 1000)
        var rng = SplitMix64(state: seed)
        let root = try Self.tree()
        defer { root.cleanUp() }
        let folder = root.at("m"), base = try #require(InputFile.realPath(folder))
        let targets = ["w.bin", "sub/v.bin", "sub", ".", "..", "../outside.bin", "../m2", "../m2/x.bin", "/", "/etc/hostname",
                       root.at("outside.bin"), root.at("m/w.bin"), "../m/w.bin", "missing"]
        var links: [String] = []
        for k in 0..<40 {
            let dir = rng.below(2) == 0 ? "" : "sub/"
            let name = "\(dir)l\(k)"
            var target = targets[rng.below(targets.count)]
            if !links.isEmpty, rng.below(3) == 0 {   // a chain: to an earlier link, relative or absolute
                let earlier = links[rng.below(links.count)]
                target = rng.below(2) == 0 ? root.at("m/" + earlier) : (dir.isEmpty ? earlier : "../" + earlier)
            }
            guard symlink(target, root.at("m/" + name)) == 0 else { continue }
            links.append(name)
        }
        var resolved = 0
        for trial in 0..<200 {
            var parts: [String] = []
            for _ in 0..<(1 + rng.below(3)) {
                let pick = rng.below(5)
                parts.append(pick == 0 ? ".." : pick == 1 ? "sub" : pick == 2 ? "w.bin" : links[rng.below(links.count)])
            }
            let name = parts.joined(separator: "/")
            do {
                let path = try InputFile.resolve(name, inside: folder)
                resolved += 1
                var info = stat()
                #expect(path == base || path.hasPrefix(base + "/"), "seed \(seed), trial \(trial): '\(name)' → \(path)")
                #expect(lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG, "seed \(seed), trial \(trial): '\(name)'")
                #expect(!path.hasSuffix("outside.bin") && !path.hasSuffix("x.bin") && !path.hasPrefix("/etc"), "seed \(seed): '\(name)' → \(path)")
            } catch {
                #expect(!String(describing: error).isEmpty)
            }
        }
        #expect(try InputFile.resolve("sub/v.bin", inside: folder) == base + "/sub/v.bin")
        _ = resolved
    }
}
