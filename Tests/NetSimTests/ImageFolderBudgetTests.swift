import Foundation
import Testing
@testable import NetSim

/// Image folders are budgeted from their headers before any pixel is decoded (issue 25: a class folder of
/// links to one 8192×8192 image used 9 GB before the shape check refused it). The PNGs here are a signature
/// and an IHDR chunk only: had any been decoded, the error would be "ends before its IEND chunk" instead.
@Suite struct ImageFolderBudgetTests {
    /// CRC-32 (the PNG/zlib polynomial), bit by bit.
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        for b in bytes {
            c ^= UInt32(b)
            for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        }
        return ~c
    }

    static func be32(_ v: UInt32) -> [UInt8] { [UInt8(v >> 24), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)] }

    /// The first 33 bytes of an 8-bit RGB PNG of the given size: signature and IHDR, nothing else.
    static func headerOnlyPNG(width: UInt32, height: UInt32) -> Data {
        let body = Array("IHDR".utf8) + be32(width) + be32(height) + [8, 2, 0, 0, 0]
        return Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + be32(13) + body + be32(crc32(body)))
    }

    @Test func headerIsReadWithoutDecoding() throws {
        let h = try PNGDecoder.header([UInt8](Self.headerOnlyPNG(width: 7, height: 5)), path: "x.png")
        #expect(h.width == 7 && h.height == 5 && h.channels == 3)
        var broken = [UInt8](Self.headerOnlyPNG(width: 7, height: 5))
        broken[20] ^= 1
        #expect(throws: DataError.self) { try PNGDecoder.header(broken, path: "x.png") }
    }

    @Test func linksToOneHugeImageAreRefusedBeforeDecoding() throws {
        let folder = try DataTestFolder()
        defer { folder.cleanUp() }
        let dir = folder.url.appendingPathComponent("a")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try Self.headerOnlyPNG(width: 8192, height: 8192).write(to: dir.appendingPathComponent("big.png"))
        for k in 0..<40 { try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("l\(k).png").path, withDestinationPath: "big.png") }
        try FileManager.default.createDirectory(at: folder.url.appendingPathComponent("b"), withIntermediateDirectories: true)
        do {
            _ = try ArrayFolderReader.readImages(folder.url)
            Issue.record("the folder was read")
        } catch let error as DataError {
            #expect(error.kind == .tooLarge && "\(error)".contains("201326592 values"), "\(error)")
        }
    }

    @Test func shapesAndTheTotalAreCheckedFromHeaders() throws {
        let folder = try DataTestFolder()
        defer { folder.cleanUp() }
        for (cls, size) in [("a", UInt32(8)), ("b", UInt32(4))] {
            let dir = folder.url.appendingPathComponent(cls)
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            try Self.headerOnlyPNG(width: size, height: size).write(to: dir.appendingPathComponent("0.png"))
        }
        do {
            _ = try ArrayFolderReader.readImages(folder.url)
            Issue.record("images of two shapes were read")
        } catch let error as DataError {
            #expect(error.kind == .countMismatch && "\(error)".contains("all must match"), "\(error)")
        }
        // The total: two 3×8×8 images are 384 values; a budget of 300 refuses the second, naming it.
        let same = try DataTestFolder()
        defer { same.cleanUp() }
        let dir = same.url.appendingPathComponent("a")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for k in 0..<2 { try Self.headerOnlyPNG(width: 8, height: 8).write(to: dir.appendingPathComponent("\(k).png")) }
        let classes = try #require(ArrayFolderReader.classFolders(same.url))
        #expect(try ArrayFolderReader.checkImageBudget(classes, root: same.url, budget: 384) == [3, 8, 8])
        do {
            _ = try ArrayFolderReader.checkImageBudget(classes, root: same.url, budget: 300)
            Issue.record("the budget was not enforced")
        } catch let error as DataError {
            #expect(error.kind == .tooLarge && "\(error)".contains("1.png"), "\(error)")
        }
    }
}
