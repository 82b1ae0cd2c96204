import Circuits
import Foundation

extension DesignArgument {
    /// `resolve`, then for a design file whose LUT and gate views can both be simulated exhaustively
    /// (≤ 20 input bits), the proof `axmul check` runs: a design whose views disagree is refused by
    /// `table`, `characterize`, `compile` and `verilog` instead of being used with one view silently.
    static func resolveConsistent(_ spec: String) throws -> Design {
        let design = try resolve(spec)
        try checkViews(design, spec: spec)
        return design
    }

    /// Refuses a design file (`spec`) whose LUT and gate views disagree; built-in names and designs
    /// wider than 20 input bits are not checked.
    static func checkViews(_ design: Design, spec: String) throws {
        guard FileManager.default.fileExists(atPath: spec), design.widthA + design.widthB <= 20 else { return }
        let report = try reporting { try DesignCheck.check(design) }
        if let failing = firstFailure(report) {
            try reporting { () throws(DesignError) in
                throw DesignError.invalidValue(what: "design", value: failing.design,
                                               rule: "its LUT and gate views disagree (\(failing.note)); fix the file, or keep one view",
                                               location: SourceLocation(file: spec, line: 0, column: 0))
            }
        }
    }

    private static func firstFailure(_ report: CheckReport) -> CheckReport? {
        if !report.passed && report.blocks.allSatisfy(\.passed) { return report }
        return report.blocks.lazy.compactMap(firstFailure).first ?? (report.passed ? nil : report)
    }
}
