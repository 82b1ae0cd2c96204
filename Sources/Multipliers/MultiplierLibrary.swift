import Circuits
import Foundation
import NetSim

/// A search library: `--library` arguments expanded (built-in names, design files, tables, folders
/// of them, or `builtin` for every built-in 8x8 design), loaded with their costs through
/// `MultiplierLoader`, optionally filtered by metric. The exact 8-bit multiplier is always member 0.
public enum MultiplierLibrary {
    /// Table and design file extensions a library folder is scanned for.
    public static let extensions = ["axd", "axlut", "npy", "bin"]
    /// The exact multiplier every library starts with (every layer may stay exact).
    public static let exact = "exact8"

    /// The specs named by `arguments` (comma-separated lists allowed), in order, without repeats.
    public static func expand(_ arguments: [String]) throws -> [String] {
        var out: [String] = [exact]
        for spec in arguments.flatMap({ $0.split(separator: ",").map(String.init) }) {
            var isFolder: ObjCBool = false
            if spec == "builtin" {
                out += BuiltinDesigns.catalog.filter { $0.width == 8 }.map(\.name)
            } else if FileManager.default.fileExists(atPath: spec, isDirectory: &isFolder), isFolder.boolValue {
                let names = try FileManager.default.contentsOfDirectory(atPath: spec).sorted()
                out += names.filter { extensions.contains(($0 as NSString).pathExtension.lowercased()) }
                    .map { (spec as NSString).appendingPathComponent($0) }
            } else {
                out.append(spec)
            }
        }
        var seen = Set<String>()
        return out.filter { seen.insert($0).inserted }
    }

    /// Loads `specs` with costs; designs without a known power or outside `filter` are dropped and
    /// reported in `skipped` (spec → reason). Design names must be unique.
    public static func load(_ specs: [String], filter: LibraryFilter?, costModel: CostModel = .withSynthesis())
        throws -> (specs: [String], multipliers: [LoadedMultiplier], skipped: [(String, String)]) {
        var kept: [String] = [], loaded: [LoadedMultiplier] = [], skipped: [(String, String)] = []
        for spec in specs {
            let m = try MultiplierLoader.load(spec, costModel: costModel)
            guard let power = m.cost.powerRel else { skipped.append((spec, "no power figure: \(m.cost.note ?? "no cost known")")); continue }
            if let filter, spec != exact {
                var metrics = try magnitudeMetrics(spec)
                metrics["power_rel"] = power
                guard filter.accepts(metrics) else { skipped.append((spec, "outside --library-filter \(filter)")); continue }
            }
            guard !loaded.contains(where: { $0.name == m.name }) else {
                throw ApproxError.unsupportedTable(reason: "two library members are named '\(m.name)' ('\(spec)'); rename one")
            }
            kept.append(spec)
            loaded.append(m)
        }
        return (kept, loaded, skipped)
    }

    /// The magnitude-domain error metrics of `spec` (as `axmul characterize` keys them).
    static func magnitudeMetrics(_ spec: String) throws -> [String: Double] {
        let c = try Characteriser(costModel: CostModel()).characterise(try MultiplierLoader.source(spec).design)
        return Dictionary(c.magnitude.keyed, uniquingKeysWith: { a, _ in a })
    }
}
