import Foundation
import TableFormat

extension OutputFile {
    /// The complete (newline-terminated) lines of a JSONL file (gzip or plain); a partial last line,
    /// left by a writer that was killed mid-append, is skipped.
    public static func completeLines(at url: URL) throws -> [String] {
        let data = try Gzip.readFile(url)
        guard let end = data.lastIndex(of: 0x0A) else { return [] }
        return String(decoding: data[data.startIndex..<end], as: UTF8.self)
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }
}
