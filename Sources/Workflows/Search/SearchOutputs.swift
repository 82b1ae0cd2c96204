import Foundation
import NetSim
import Records
import Report
import Search
import TableFormat

/// Writes a search's files atomically: front.json, front.csv, sensitivity.json, sensitivity.csv and
/// report.html (the report section of the folder).
public enum SearchOutputs {
    public static func write(_ result: SearchResult, _ table: SensitivityTable, to folder: URL) throws {
        try OutputFile.write(try RecordJSON.encode(result), to: folder.appendingPathComponent("front.json"))
        try OutputFile.write(Data(result.csv.utf8), to: folder.appendingPathComponent("front.csv"))
        try OutputFile.write(try RecordJSON.encode(table), to: folder.appendingPathComponent("sensitivity.json"))
        try OutputFile.write(Data(table.csv.utf8), to: folder.appendingPathComponent("sensitivity.csv"))
        let html = Report.html(designs: [], folders: [try ResultsFolder(path: folder.path)], title: "AxMul search")
        try OutputFile.write(Data(html.utf8), to: folder.appendingPathComponent("report.html"))
    }

    /// The front as text, and the best point against the best uniform assignment within 1 point of loss.
    public static func summary(_ r: SearchResult) -> String {
        var lines = [String(format: "exact 8-bit: validation %.4f, test %.4f; %d candidates", r.exact8ValidationAccuracy, r.exact8TestAccuracy, r.candidates)]
        lines.append("front (energy_rel, validation, test, distinct, assignment):")
        for (i, p) in r.front.enumerated() {
            var line = String(format: "  %.4f  %.4f  %.4f  %d  ", p.energyRel, p.validationAccuracy, p.testAccuracy ?? .nan, p.distinct)
                + p.assignment.joined(separator: ",")
            if let q = r.refined?[i] { line += String(format: "  → %@ %.4f / %.4f", r.refine, q.validationAccuracy, q.testAccuracy ?? .nan) }
            lines.append(line)
        }
        let within = { (p: SearchResult.Point) in 100 * (r.exact8ValidationAccuracy - p.validationAccuracy) <= 1 }
        let best = r.front.filter(within).min { $0.energyRel < $1.energyRel }, uni = r.uniform.filter(within).min { $0.energyRel < $1.energyRel }
        lines.append("at ≤ 1 point validation loss: best front energy " + (best.map { String(format: "%.4f", $0.energyRel) } ?? "none")
                     + ", best uniform " + (uni.map { String(format: "%.4f (%@)", $0.energyRel, $0.assignment.first ?? "") } ?? "none"))
        return lines.joined(separator: "\n")
    }
}
