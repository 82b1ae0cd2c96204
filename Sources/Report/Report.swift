import Circuits
import Foundation
import TableFormat

/// Self-contained HTML reports (inline SVG, no network, no JavaScript) of designs and NetSim results.
///
/// The document is well-formed XHTML (every SVG parses as XML), printable on white paper.
public enum Report {
    /// What `axmul report --json` prints: where the report went and what is in it.
    public struct Summary: Sendable, Codable, Equatable {
        public var path: String
        public var bytes: Int
        public var designs: [String]
        public var folders: [String]
        public var skippedFiles: [String]

        enum CodingKeys: String, CodingKey { case path, bytes, designs, folders, skippedFiles = "skipped_files" }

        public init(path: String, bytes: Int, designs: [String], folders: [String], skippedFiles: [String]) {
            (self.path, self.bytes, self.designs, self.folders, self.skippedFiles) = (path, bytes, designs, folders, skippedFiles)
        }
    }

    /// A characterised design with its error maps, ready to render.
    public struct DesignEntry: Sendable {
        public var design: Design
        public var characterisation: Characterisation
        public var maps: ErrorMaps

        /// Characterises `design` (against its exact reference for power_rel) and evaluates its error maps.
        public init(design: Design, characteriser: Characteriser = Characteriser()) throws(DesignError) {
            self.design = design
            characterisation = try characteriser.characterise(design, reference: design.exactReference())
            maps = try ErrorMaps(design: design)
        }
    }

    /// The full HTML document.
    public static func html(designs: [DesignEntry], folders: [ResultsFolder], title: String = "AxMul report") -> String {
        var s = "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\"><head><meta charset=\"utf-8\"/>"
        s += "<title>\(Markup.escape(title))</title><style>\(css)</style></head><body>"
        s += "<h1>\(Markup.escape(title))</h1>"
        s += "<p class=\"note\">Self-contained: every plot is inline SVG. e = approx − exact. Metric definitions: docs/cost-model.md; plots: docs/report.md.</p>"
        if !designs.isEmpty {
            s += "<section><h2>Designs</h2>" + overview(designs.map(\.characterisation))
            for d in designs { s += DesignSection(design: d.design, characterisation: d.characterisation, maps: d.maps).html() }
            s += "</section>" + ParetoPlot(results: designs.map(\.characterisation)).html()
        }
        for f in folders { s += ResultsSection(folder: f).html() }
        return s + "</body></html>\n"
    }

    /// Writes `html` to `path` atomically (temporary file in the same directory, then rename).
    public static func write(_ html: String, to path: String) throws(ReportError) {
        do {
            try OutputFile.write(Array(html.utf8), to: path)
        } catch {
            throw .io(path: path, reason: error.reason)
        }
    }

    /// One summary line per design: the numbers people compare first.
    static func overview(_ results: [Characterisation]) -> String {
        let flags = ParetoFront.flags(results, cost: .powerRel)   // among designs of the same width
        var s = "<table><caption>Overview (magnitude domain; * = Pareto-optimal in power_rel and MRE)</caption><thead><tr>"
        s += ["design", "bits", "MRE (%)", "EP (%)", "MAE", "WCE", "bias", "LUTs", "delay (ns)", "power_rel", "Pareto"].map { "<th>\($0)</th>" }.joined()
        s += "</tr></thead><tbody>"
        for (c, p) in zip(results, flags) {
            let m = c.magnitude
            let cells = [Markup.number(m.mrePct), Markup.number(m.epPct), Markup.number(m.mae), Markup.number(m.wce),
                         Markup.number(m.bias), c.cost.luts.map(String.init) ?? "-", Markup.number(c.cost.delayNs),
                         Markup.number(c.cost.powerRel), p ? "*" : ""]
            s += "<tr><td>\(Markup.escape(c.name))</td><td class=\"num\">\(c.width)</td>" + cells.map { "<td class=\"num\">\($0)</td>" }.joined() + "</tr>"
        }
        return s + "</tbody></table>"
    }

    static let css = """
    body{font-family:Helvetica,Arial,sans-serif;background:#fff;color:#000;margin:24px;max-width:1500px}
    h1{font-size:22px}h2{font-size:18px;border-bottom:1px solid #999;margin-top:32px}h3{font-size:15px}
    table{border-collapse:collapse;margin:8px 16px 16px 0;display:inline-table;vertical-align:top;font-size:12px}
    caption{font-weight:bold;text-align:left;padding-bottom:4px}
    th,td{border:1px solid #bbb;padding:2px 8px}td.num{text-align:right;font-variant-numeric:tabular-nums}
    .plots svg{margin:0 12px 12px 0;vertical-align:top}.note{color:#444;font-size:12px}
    @media print{body{margin:0;max-width:none}section.design,.plots svg{break-inside:avoid}h2{break-after:avoid}}
    """
}
