import Circuits
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import Report

/// Shared inputs and helpers for the report tests.
enum Fixtures {
    /// A 3x3-bit table design, exact except 3·3 = 8 (e = −1 at one pair). Hand-computed metrics:
    /// unsigned (64 pairs): ep 1/64 = 1.5625 %, mae 1/64, mre 100·(1/9)/49 = 0.22676 %;
    /// magnitude (operands 0…4, 25 pairs): ep 4 %, mae 0.04, mre 100·(1/9)/16 = 0.69444 %.
    static let tiny: Design = {
        let table = TruthTable(widthA: 3, widthB: 3, outputWidth: 6) { a, b in a == 3 && b == 3 ? 8 : a * b }
        return Design(name: "tiny3x3", summary: "exact except 3*3 = 8", body: .table(table))
    }()

    static func report(_ designs: [Design], folders: [ResultsFolder] = []) throws -> String {
        Report.html(designs: try designs.map { try Report.DesignEntry(design: $0) }, folders: folders, title: "Test report")
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("axmul-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// Parses XML and collects its character data (outside <style>), one trimmed non-empty run per line.
final class XMLText: NSObject, XMLParserDelegate {
    private(set) var lines: [String] = []
    private(set) var elements: [String: Int] = [:]
    private var current = ""
    private var inStyle = false

    /// The text lines of `xml`, or nil with the parser's error if it is not well-formed.
    static func parse(_ xml: String) -> (lines: [String], elements: [String: Int])? {
        let delegate = XMLText()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = delegate
        guard parser.parse() else { return nil }
        return (delegate.lines, delegate.elements)
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        flush()
        elements[name, default: 0] += 1
        inStyle = name == "style"
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if !inStyle { flush() }
        current = ""
        inStyle = false
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { if !inStyle { current += string } }

    private func flush() {
        let t = current.trimmingCharacters(in: .whitespacesAndNewlines)
        if !t.isEmpty { lines.append(t) }
        current = ""
    }
}
