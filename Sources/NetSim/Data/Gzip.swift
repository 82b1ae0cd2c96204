import CZlib
import Foundation
import TableFormat

/// gzip decompression through zlib, bounded so that a small file can never make us allocate
/// more than `limit` bytes (the gzip size trailer is never trusted).
public enum Gzip {
    /// True if `data` starts with the gzip magic bytes 1f 8b.
    public static func isGzip(_ data: Data) -> Bool {
        data.count >= 2 && data[data.startIndex] == 0x1f && data[data.startIndex + 1] == 0x8b
    }

    /// Inflates a (possibly multi-member) gzip stream. Stops and returns early once more than
    /// `limit` bytes are produced, so callers can detect oversized input by `count > limit`.
    public static func decompress(_ data: Data, limit: Int, path: String) throws -> Data {
        var stream = z_stream()
        let initCode = inflateInit2_(&stream, 15 + 16, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        guard initCode == Z_OK else {
            throw DataError(.io, file: path, "zlib could not be initialised (code \(initCode)).")
        }
        defer { inflateEnd(&stream) }
        var output = Data()
        let chunk = 1 << 16
        var buffer = [UInt8](repeating: 0, count: chunk)
        let input = [UInt8](data)
        try input.withUnsafeBufferPointer { inPtr in
            guard let base = inPtr.baseAddress else { return }
            stream.next_in = UnsafeMutablePointer(mutating: base)
            stream.avail_in = uInt(inPtr.count)
            while true {
                let code = buffer.withUnsafeMutableBufferPointer { outPtr -> Int32 in
                    stream.next_out = outPtr.baseAddress
                    stream.avail_out = uInt(chunk)
                    return inflate(&stream, Z_NO_FLUSH)
                }
                output.append(contentsOf: buffer[0..<(chunk - Int(stream.avail_out))])
                if output.count > limit { return }
                switch code {
                case Z_STREAM_END:
                    // Another gzip member may follow (as `cat a.gz b.gz` produces).
                    guard stream.avail_in > 0, stream.next_in.pointee == 0x1f else { return }
                    inflateReset(&stream)
                case Z_OK:
                    if stream.avail_in == 0 && stream.avail_out != 0 {
                        throw DataError(.truncated, file: path,
                                        "the gzip stream ends early (after \(output.count) bytes of output).",
                                        hint: "the file was probably cut short; download or copy it again")
                    }
                case Z_BUF_ERROR:
                    throw DataError(.truncated, file: path,
                                    "the gzip stream ends early (after \(output.count) bytes of output).",
                                    hint: "the file was probably cut short; download or copy it again")
                default:
                    throw DataError(.malformed, file: path, "the gzip data is corrupt (zlib code \(code)).")
                }
            }
        }
        return output
    }

    /// Reads a file, inflating it if it is gzip-compressed; never returns more than `limit` + 1 bytes
    /// of decompressed output, so callers can reject oversized content.
    static func readMaybeCompressed(_ url: URL, limit: Int) throws -> Data {
        let raw = try readFile(url)
        return isGzip(raw) ? try decompress(raw, limit: limit, path: url.path) : raw
    }

    /// Reads a whole file, mapping Foundation errors to `DataError`.
    static func readFile(_ url: URL) throws -> Data {
        do {
            try InputFile.checkReadable(url.path, limit: Int.max)
        } catch {
            throw DataError(.io, file: url.path, error.reason + ".", hint: "give the path of a data or checkpoint file")
        }
        // An empty file is returned as is: Foundation's reader leaks its buffer on one (LeakSanitizer, fuzz target
        // shardfiles), and mapping it gains nothing.
        if ((try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? nil) == 0 { return Data() }
        do {
            return try Data(contentsOf: url, options: .mappedIfSafe)
        } catch {
            throw DataError(.io, file: url.path, "the file cannot be read (\(error.localizedDescription)).",
                            hint: "check that the path exists and is readable")
        }
    }
}
