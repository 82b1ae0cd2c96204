import Foundation
import Testing
@testable import Report

@Suite struct PNGEncoderTests {
    /// Published check values: CRC-32("123456789") = 0xCBF43926; Adler-32("Wikipedia") = 0x11E60398.
    @Test func checksumsMatchPublishedValues() {
        #expect(PNGEncoder.crc32(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(PNGEncoder.adler32(Array("Wikipedia".utf8)) == 0x11E6_0398)
    }

    @Test func storedBlocksSplitAt65535Bytes() {
        let bytes = [UInt8](repeating: 7, count: 70_000)
        let z = [UInt8](PNGEncoder.zlibStored(bytes))
        // 2 header + (5 + 65535) + (5 + 4465) + 4 Adler-32.
        #expect(z.count == 2 + 5 + 65_535 + 5 + 4_465 + 4)
        #expect(z[2] == 0 && z[3] == 0xFF && z[4] == 0xFF)  // first block: not final, LEN = 65535
        #expect(z[2 + 5 + 65_535] == 1)  // second block is final
    }

    @Test func layoutOfASmallImage() {
        let png = [UInt8](PNGEncoder.encode(width: 2, height: 1, pixels: [0, 1], palette: [(0, 0, 0), (255, 255, 255)]))
        #expect(png.prefix(8) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        #expect(Array(png[12..<16]) == Array("IHDR".utf8))
        #expect(Array(png[16..<24]) == [0, 0, 0, 2, 0, 0, 0, 1])  // width 2, height 1
        #expect(png[24] == 8 && png[25] == 3)  // 8-bit palette
        #expect(Array(png.suffix(8).prefix(4)) == Array("IEND".utf8))
    }
}
