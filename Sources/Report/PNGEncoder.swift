import Foundation

/// A minimal PNG encoder for 8-bit palette images, so heatmaps can be inlined as `data:` URIs.
///
/// Uses stored (uncompressed) deflate blocks: no zlib dependency, and the files stay small enough
/// for 256x256 maps (about 66 kB each before base64).
public enum PNGEncoder {
    /// Encodes `pixels` (row-major palette indices, `width * height` of them) with `palette` (RGB triples).
    public static func encode(width: Int, height: Int, pixels: [UInt8], palette: [(UInt8, UInt8, UInt8)]) -> Data {
        precondition(pixels.count == width * height && !palette.isEmpty && palette.count <= 256, "bad PNG input")
        var png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        var header = Data()
        header.appendBigEndian(UInt32(width))
        header.appendBigEndian(UInt32(height))
        header.append(contentsOf: [8, 3, 0, 0, 0])  // bit depth 8, colour type 3 (palette), deflate, filter 0, no interlace
        png.appendChunk("IHDR", header)
        png.appendChunk("PLTE", Data(palette.flatMap { [$0.0, $0.1, $0.2] }))
        var raw = [UInt8]()
        raw.reserveCapacity(height * (width + 1))
        for row in 0..<height {
            raw.append(0)  // filter type None
            raw.append(contentsOf: pixels[row * width ..< (row + 1) * width])
        }
        png.appendChunk("IDAT", zlibStored(raw))
        png.appendChunk("IEND", Data())
        return png
    }

    /// A zlib stream of stored deflate blocks (RFC 1950/1951) around `bytes`.
    static func zlibStored(_ bytes: [UInt8]) -> Data {
        var out = Data([0x78, 0x01])
        var offset = 0
        repeat {
            let n = min(65_535, bytes.count - offset)
            let final: UInt8 = offset + n == bytes.count ? 1 : 0
            out.append(final)
            out.append(contentsOf: [UInt8(n & 0xFF), UInt8(n >> 8), UInt8(~n & 0xFF), UInt8((~n >> 8) & 0xFF)])
            out.append(contentsOf: bytes[offset ..< offset + n])
            offset += n
        } while offset < bytes.count
        out.appendBigEndian(adler32(bytes))
        return out
    }

    /// Adler-32 checksum (RFC 1950).
    static func adler32(_ bytes: [UInt8]) -> UInt32 {
        var a: UInt32 = 1, b: UInt32 = 0
        for byte in bytes {
            a = (a + UInt32(byte)) % 65_521
            b = (b + a) % 65_521
        }
        return b << 16 | a
    }

    /// CRC-32 (ISO 3309, as PNG uses it).
    static func crc32<S: Sequence>(_ bytes: S) -> UInt32 where S.Element == UInt8 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes { crc = crcTable[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return crc ^ 0xFFFF_FFFF
    }

    private static let crcTable: [UInt32] = (0..<256).map { n in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }
}

private extension Data {
    mutating func appendBigEndian(_ v: UInt32) {
        append(contentsOf: [UInt8(v >> 24), UInt8((v >> 16) & 0xFF), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)])
    }

    mutating func appendChunk(_ type: String, _ body: Data) {
        appendBigEndian(UInt32(body.count))
        let typed = Data(type.utf8) + body
        append(typed)
        appendBigEndian(PNGEncoder.crc32(typed))
    }
}
