import CZlib
import Foundation

/// A small PNG decoder for data sets: 8-bit gray, gray+alpha, RGB and RGBA, non-interlaced.
///
/// Chunks are CRC-checked; the image data is inflated through zlib into exactly the size the
/// header promises (a larger stream is rejected without allocating more). Errors are `DataError`s.
public enum PNGDecoder {
    /// A decoded image: `height × width × channels` bytes, row-major, channels interleaved.
    public struct Image: Sendable, Equatable {
        public var width: Int, height: Int, channels: Int
        public var pixels: [UInt8]
    }

    /// Largest accepted width × height (bounds the allocation for a hostile header).
    public static let maxPixels = 1 << 26

    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// Decodes a whole PNG file; `path` names it in errors.
    public static func decode(_ data: Data, path: String) throws -> Image {
        let b = [UInt8](data)
        guard b.count >= 8, Array(b[0..<8]) == signature else {
            throw DataError(.wrongMagic, file: path, "the file does not start with the PNG signature.")
        }
        var offset = 8
        var header: (width: Int, height: Int, channels: Int)?
        var idat: [UInt8] = []
        while true {
            guard b.count - offset >= 12 else { throw DataError(.truncated, file: path, "the PNG ends before its IEND chunk.") }
            let length = Int(be32(b, offset))
            guard length <= b.count - offset - 12 else {
                throw DataError(.truncated, file: path, "a PNG chunk claims \(length) bytes but the file ends first.")
            }
            let type = String(decoding: b[offset + 4..<offset + 8], as: UTF8.self)
            let body = Array(b[offset + 8..<offset + 8 + length])
            let crc = b[offset + 4..<offset + 8 + length].withContiguousStorageIfAvailable { p in
                UInt32(CZlib.crc32(0, p.baseAddress, uInt(p.count)))
            } ?? 0
            guard crc == be32(b, offset + 8 + length) else {
                throw DataError(.malformed, file: path, "the PNG chunk \(type) fails its CRC check.")
            }
            offset += 12 + length
            switch type {
            case "IHDR":
                header = try parseHeader(body, path: path)
            case "IDAT":
                guard header != nil else { throw DataError(.malformed, file: path, "the PNG has image data before its IHDR chunk.") }
                idat += body
            case "IEND":
                guard let h = header else { throw DataError(.malformed, file: path, "the PNG has no IHDR chunk.") }
                let stride = h.width * h.channels
                let raw = try inflate(idat, expected: h.height * (stride + 1), path: path)
                return Image(width: h.width, height: h.height, channels: h.channels,
                             pixels: try unfilter(raw, height: h.height, stride: stride, bpp: h.channels, path: path))
            default:
                guard let first = type.utf8.first, first & 0x20 != 0 else {   // upper-case first letter: critical
                    throw DataError(.unsupported, file: path, "the PNG has a critical chunk \(type) this decoder does not handle (palette images are not supported).",
                                    hint: "save the image as 8-bit gray, RGB or RGBA")
                }
            }
        }
    }

    /// Bytes a PNG needs for `header`: the signature and the IHDR chunk, which must come first.
    public static let headerBytes = 8 + 12 + 13

    /// Width, height and channels from the first `headerBytes` of a PNG, without decoding any pixel: the
    /// signature, then an IHDR chunk (the PNG standard puts it first) with a valid CRC.
    public static func header(_ prefix: [UInt8], path: String) throws -> (width: Int, height: Int, channels: Int) {
        guard prefix.count >= 8, Array(prefix[0..<8]) == signature else {
            throw DataError(.wrongMagic, file: path, "the file does not start with the PNG signature.")
        }
        guard prefix.count >= headerBytes, be32(prefix, 8) == 13, String(decoding: prefix[12..<16], as: UTF8.self) == "IHDR" else {
            throw DataError(.malformed, file: path, "the PNG does not start with its 13-byte IHDR chunk.")
        }
        let crc = prefix[12..<29].withContiguousStorageIfAvailable { p in UInt32(CZlib.crc32(0, p.baseAddress, uInt(p.count))) } ?? 0
        guard crc == be32(prefix, 29) else { throw DataError(.malformed, file: path, "the PNG chunk IHDR fails its CRC check.") }
        return try parseHeader(Array(prefix[16..<29]), path: path)
    }

    /// Reads and decodes the file at `url`.
    public static func read(_ url: URL) throws -> Image {
        try decode(Gzip.readFile(url), path: url.path)
    }

    private static func be32(_ b: [UInt8], _ o: Int) -> UInt32 {
        UInt32(b[o]) << 24 | UInt32(b[o + 1]) << 16 | UInt32(b[o + 2]) << 8 | UInt32(b[o + 3])
    }

    private static func parseHeader(_ h: [UInt8], path: String) throws -> (width: Int, height: Int, channels: Int) {
        guard h.count == 13 else { throw DataError(.malformed, file: path, "the PNG IHDR chunk has \(h.count) bytes; expected 13.") }
        let width = Int(be32(h, 0)), height = Int(be32(h, 4))
        guard width > 0, height > 0, width * height <= maxPixels else {
            throw DataError(.tooLarge, file: path, "the PNG is \(width)×\(height); expected a nonzero size of at most \(maxPixels) pixels.")
        }
        let channels: [UInt8: Int] = [0: 1, 4: 2, 2: 3, 6: 4]
        guard h[8] == 8, let c = channels[h[9]] else {
            throw DataError(.unsupported, file: path, "the PNG has bit depth \(h[8]) and colour type \(h[9]); expected 8-bit gray (0), gray+alpha (4), RGB (2) or RGBA (6).",
                            hint: "convert the image to 8-bit gray, RGB or RGBA")
        }
        guard h[10] == 0, h[11] == 0 else { throw DataError(.malformed, file: path, "the PNG has compression \(h[10]) and filter method \(h[11]); both must be 0.") }
        guard h[12] == 0 else {
            throw DataError(.unsupported, file: path, "the PNG is interlaced (Adam7); only non-interlaced images are supported.",
                            hint: "save it without interlacing")
        }
        return (width, height, c)
    }

    /// Inflates a zlib stream that must produce exactly `expected` bytes. Output grows in 64 KiB steps
    /// as zlib produces it, so a header promising a huge image costs nothing until the data is there.
    static func inflate(_ input: [UInt8], expected: Int, path: String) throws -> [UInt8] {
        var stream = z_stream()
        guard inflateInit_(&stream, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw DataError(.io, file: path, "zlib could not be initialised.")
        }
        defer { inflateEnd(&stream) }
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var input = input
        var code: Int32 = Z_OK
        try input.withUnsafeMutableBufferPointer { inp in
            stream.next_in = inp.baseAddress
            stream.avail_in = uInt(inp.count)
            repeat {
                code = chunk.withUnsafeMutableBufferPointer { outp in
                    stream.next_out = outp.baseAddress
                    stream.avail_out = uInt(outp.count)
                    return CZlib.inflate(&stream, Z_NO_FLUSH)
                }
                out.append(contentsOf: chunk[0..<(chunk.count - Int(stream.avail_out))])
                if code == Z_DATA_ERROR || code == Z_NEED_DICT || code == Z_MEM_ERROR {
                    throw DataError(.malformed, file: path, "the PNG image data is not a valid zlib stream (code \(code)).")
                }
            } while code == Z_OK && out.count <= expected && (stream.avail_in > 0 || stream.avail_out == 0)
        }
        guard code == Z_STREAM_END, out.count == expected else {
            let produced = out.count > expected ? "more than \(expected)" : "\(out.count)"
            throw DataError(code == Z_STREAM_END || out.count > expected ? .countMismatch : .truncated, file: path,
                            "the PNG image data inflates to \(produced) bytes; the header needs \(expected).")
        }
        return out
    }

    /// Undoes the per-row filters (None, Sub, Up, Average, Paeth).
    static func unfilter(_ raw: [UInt8], height: Int, stride: Int, bpp: Int, path: String) throws -> [UInt8] {
        var out = [UInt8](repeating: 0, count: height * stride)
        for y in 0..<height {
            let filter = raw[y * (stride + 1)], src = y * (stride + 1) + 1, dst = y * stride
            for x in 0..<stride {
                let a = x >= bpp ? Int(out[dst + x - bpp]) : 0
                let up = y > 0 ? Int(out[dst - stride + x]) : 0
                let c = x >= bpp && y > 0 ? Int(out[dst - stride + x - bpp]) : 0
                let predictor: Int
                switch filter {
                case 0: predictor = 0
                case 1: predictor = a
                case 2: predictor = up
                case 3: predictor = (a + up) / 2
                case 4:
                    let p = a + up - c, pa = abs(p - a), pb = abs(p - up), pc = abs(p - c)
                    predictor = pa <= pb && pa <= pc ? a : pb <= pc ? up : c
                default:
                    throw DataError(.malformed, file: path, "PNG row \(y) has filter type \(filter); expected 0–4.")
                }
                out[dst + x] = UInt8(truncatingIfNeeded: Int(raw[src + x]) + predictor)
            }
        }
        return out
    }
}
