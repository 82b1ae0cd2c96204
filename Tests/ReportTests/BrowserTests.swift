import Circuits
import Foundation
import Testing
import TestSupport
@testable import Report

/// Renders a report in headless Chromium (Debian package `chromium`, or $AXMUL_CHROMIUM). Skipped when no
/// browser is installed, except under CI, where a missing browser fails the test (TestSupport's `.needs`).
@Suite struct BrowserTests {
    @Test(.needs(.chromium), .timeLimit(.minutes(2)))
    func chromiumRendersTheReport() throws {
        let browser = try #require(Browser.path, "CI is set but chromium is missing: install the Debian package `chromium`")
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let design = try DesignResolver.resolve("truncated8-t4")
        let entry = try Report.DesignEntry(design: design)
        let report = dir.appendingPathComponent("report.html"), blank = dir.appendingPathComponent("blank.html")
        try Report.write(Report.html(designs: [entry], folders: []), to: report.path)
        try Report.write("<!DOCTYPE html><html><body></body></html>", to: blank.path)

        // Not blank: a page of plots compresses far worse than an empty white page of the same size.
        let shot = try screenshot(browser, report, dir.appendingPathComponent("report.png"))
        let empty = try screenshot(browser, blank, dir.appendingPathComponent("blank.png"))
        #expect(shot > 10 * empty, "report screenshot is \(shot) bytes, a blank page \(empty) bytes")

        let dom = try run(browser, ["--dump-dom", report.absoluteString])
        for title in ["Designs", "Design: truncated8-t4", "Error e = approx − exact", "Error histogram (unsigned domain)",
                      "Relative error, magnitude domain", "Pareto front: power vs. error"] {
            #expect(dom.contains(title), "the DOM lacks '\(title)'")
        }
        // Truncating partial products with i+j < 4 always under-estimates: wce = sum over i+j<4 of
        // 2^(i+j)·(number of (i,j)) = 1·1 + 2·2 + 4·3 + 8·4 = 49 (all bits one).
        #expect(entry.characterisation.unsigned.wce == 49)
        #expect(dom.contains("<td class=\"num\">49.00</td>"))
    }

    private func screenshot(_ browser: String, _ page: URL, _ png: URL) throws -> Int {
        _ = try run(browser, ["--screenshot=\(png.path)", "--window-size=1200,1600", "--hide-scrollbars", page.absoluteString])
        return try #require(try FileManager.default.attributesOfItem(atPath: png.path)[.size] as? Int)
    }

    /// Runs headless Chromium with `arguments`, returning standard output.
    private func run(_ browser: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: browser)
        process.arguments = ["--no-sandbox", "--headless", "--disable-gpu", "--no-first-run", "--user-data-dir=\(NSTemporaryDirectory())axmul-chromium-\(UUID().uuidString)"] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "chromium exited with \(process.terminationStatus)")
        return String(decoding: data, as: UTF8.self)
    }
}
