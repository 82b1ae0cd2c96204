import Circuits
import Foundation
import Testing
@testable import Report

@Suite struct ReportContentTests {
    /// The whole document and every SVG in it parse as XML.
    @Test func documentAndEverySVGAreWellFormed() throws {
        let designs = try ["smapprox8x8-2222", "smapprox8x8-3330"].map { try DesignResolver.resolve($0) }
        let html = try Fixtures.report([Fixtures.tiny] + designs)
        let parsed = try #require(XMLText.parse(html))
        // Per design: 3 plots; plus the Pareto plot.
        #expect(parsed.elements["svg"] == 10)
        var svgs = 0
        var rest = Substring(html)
        while let start = rest.range(of: "<svg"), let end = rest.range(of: "</svg>", range: start.upperBound..<rest.endIndex) {
            let svg = String(rest[start.lowerBound..<end.upperBound])
            let inner = try #require(XMLText.parse(svg), "an SVG is not well-formed XML")
            #expect(inner.elements["title"] == 1)
            #expect(inner.elements["text", default: 0] >= 3, "every plot has a title and axis labels")
            svgs += 1
            rest = rest[end.upperBound...]
        }
        #expect(svgs == 10)
        #expect(!html.contains("<script"))
        #expect(!html.contains("http://") || !html.contains("src=\"http"))
    }

    /// The report's text for one design matches the golden file (re-record with AXMUL_RECORD_GOLDEN=1),
    /// and the golden's metrics agree with hand-computed values.
    @Test func goldenTextOfOneDesign() throws {
        let html = try Fixtures.report([Fixtures.tiny])
        let text = try #require(XMLText.parse(html)).lines.joined(separator: "\n") + "\n"
        let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/tiny3x3.txt")
        if ProcessInfo.processInfo.environment["AXMUL_RECORD_GOLDEN"] == "1" {
            try Data(text.utf8).write(to: golden)
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        #expect(text == expected)
        // Hand-computed (see Fixtures.tiny): metric rows are "key, unsigned, magnitude".
        let lines = expected.split(separator: "\n").map(String.init)
        func row(_ key: String) -> [String] {
            guard let i = lines.firstIndex(of: key), i + 2 < lines.count else { return [] }
            return [lines[i + 1], lines[i + 2]]
        }
        #expect(row("ep_pct") == ["1.562", "4.000"] || row("ep_pct") == ["1.563", "4.000"])
        #expect(row("mae") == ["0.01562", "0.04000"] || row("mae") == ["0.01563", "0.04000"])
        #expect(row("wce") == ["1.000", "1.000"])
        #expect(row("mre_pct") == ["0.2268", "0.6944"])
        // 100 · (1/9) over 49 non-zero unsigned pairs and over 16 non-zero magnitude pairs.
        #expect(row("mre_nonzero_pct") == ["0.2268", "0.6944"])
    }

    @Test func errorMapsMatchTheTable() throws {
        let maps = try ErrorMaps(design: Fixtures.tiny)
        #expect(maps.exhaustive && maps.aValues.count == 8 && maps.magA == [0, 1, 2, 3, 4])
        #expect(maps.errors.filter { $0 != 0 } == [-1])
        #expect(maps.errors[3 * 8 + 3] == -1)
        // Relative error at |a| = |b| = 3: −1/9.
        #expect(abs(maps.relative[3 * 5 + 3] - (-100.0 / 9)) < 1e-12)
        let bins = maps.histogram()
        try #require(bins.count == 2)
        let percents: [Double] = bins.map(\.percent)
        #expect(abs(percents[0] - 100.0 / 64) < 1e-12 && abs(percents[1] - 6300.0 / 64) < 1e-12)
    }

    @Test func wideOperandsAreSampledEvenly() {
        let s = ErrorMaps.samples(upTo: 65_535)
        #expect(s.count == 256 && s.first == 0 && s.last == 65_535 && s[1] == 257)
        #expect(ErrorMaps.samples(upTo: 128) == Array(0...128))
    }

    @Test func ticksAreNice() {
        #expect(niceTicks(0, 255) == [0, 50, 100, 150, 200, 250])
        #expect(niceTicks(-49, 0) == [-40, -30, -20, -10, 0])
        #expect(Markup.tick(200) == "200" && Markup.tick(2.5) == "2.5" && Markup.tick(-0.25) == "-0.25")
    }
}
