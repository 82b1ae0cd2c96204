import TableFormat
import Foundation

/// The LUT-level netlist of a design without a LUT mapping, made by yosys `synth_xilinx`
/// (docs/cost-model.md, "Synthesised cost"). The mapped netlist is cached by the design's content hash,
/// so a repeated `characterize` does not run yosys again; it is checked against the design's truth table.
public struct YosysCostSynthesis: Sendable, Equatable {
    /// Folder of cached mapped netlists (yosys JSON); nil: no cache.
    public var cacheFolder: String?
    /// The `synth_xilinx -family` value (xcup = UltraScale+, as the timing model).
    public var family = "xcup"

    public init(cacheFolder: String?) { self.cacheFolder = cacheFolder }

    /// The cache under `$AXMUL_CACHE`, else `$XDG_CACHE_HOME/axmul`, else `~/.cache/axmul`.
    public static func standard() -> YosysCostSynthesis {
        let env = ProcessInfo.processInfo.environment
        let folder = env["AXMUL_CACHE"] ?? ((env["XDG_CACHE_HOME"] ?? (NSHomeDirectory() + "/.cache")) + "/axmul")
        return YosysCostSynthesis(cacheFolder: folder)
    }

    /// The yosys script (after `read_verilog`); part of the cache key.
    func script(top: String) -> String {
        "synth_xilinx -family \(family) -flatten -nodsp -nowidelut -noiopad -noclkbuf -top \(top)"
    }

    /// Why yosys cannot run here, or nil when it is on PATH.
    public static var unavailableReason: String? {
        VerilogToolchain.findExecutable("yosys") == nil
            ? "yosys is not installed (not found on PATH), so no synthesised cost; install yosys (Debian package yosys)" : nil
    }

    /// The mapped netlist of `design`, or nil when the design has no circuit (an imported table).
    /// Throws when yosys fails, is missing, or its result does not compute the design's function.
    public func mappedNetlist(_ design: Design) throws(DesignError) -> Netlist? {
        let top = "axmul_synth"
        guard let verilog = try SynthesisSource.verilog(design, top: top) else { return nil }
        let key = FNV1a64.hex(design.contentHash) + "-" + FNV1a64.hex(FNV1a64.hash(Array((script(top: top) + verilog).utf8)))
        let cached = cacheFolder.map { "\($0)/synth-\(key).json" }
        var json = cached.flatMap { FileManager.default.contents(atPath: $0) }
        if json == nil {
            if let reason = Self.unavailableReason { throw .unsupported(what: "a synthesised cost: \(reason)", location: nil) }
            json = try run(verilog: verilog, top: top)
        }
        guard let json else { return nil }
        let netlist = try YosysNetlistReader.netlist(json, top: top, path: cached ?? "yosys output")
        try check(netlist, against: design)
        if let cached, !FileManager.default.fileExists(atPath: cached) {
            try? FileManager.default.createDirectory(atPath: (cached as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try? AtomicFileWriter.write(json, to: cached)   // a cache that cannot be written only costs time
        }
        return netlist
    }

    /// Fills the cache for the designs among `designs` that need synthesis (and the exact references of their
    /// widths), running yosys on all cores; failures are left for the cost pass, which reports them.
    public func prepare(_ designs: [Design]) {
        guard cacheFolder != nil, Self.unavailableReason == nil else { return }
        var jobs = designs.filter { d in
            if case .table = d.body { return false }
            return (try? LUTFlattener.flatten(d)).flatMap { $0 } == nil
        }
        for w in Set(jobs.filter { $0.widthA == $0.widthB }.map(\.widthA)).sorted() {
            jobs.append(Design(name: "exact\(w) (yosys)", body: .formula(.exact(width: w))))
        }
        let work = jobs
        DispatchQueue.concurrentPerform(iterations: work.count) { k in _ = try? mappedNetlist(work[k]) }
    }

    /// Runs yosys in a fresh temporary folder and returns its JSON netlist.
    private func run(verilog: String, top: String) throws(DesignError) -> Data {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("axmul-synth-\(getpid())-\(UInt32.random(in: 0...UInt32.max))").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        do {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            try OutputFile.write(Array(verilog.utf8), to: "\(dir)/design.v")
        } catch {
            throw .io(path: dir, reason: "cannot write the Verilog for yosys: \(error.localizedDescription)")
        }
        do {
            _ = try VerilogToolchain().run("yosys", ["-q", "-p", "read_verilog design.v; \(script(top: top)); write_json mapped.json"], in: dir)
        } catch {
            throw .unsupported(what: "a synthesised cost: \(error)", location: nil)
        }
        guard let data = FileManager.default.contents(atPath: "\(dir)/mapped.json") else {
            throw .io(path: "\(dir)/mapped.json", reason: "yosys wrote no netlist")
        }
        return data
    }

    /// Every operand pair (designs of up to 20 input bits; wider ones are not checked) against the design's table.
    private func check(_ netlist: Netlist, against design: Design) throws(DesignError) {
        guard design.widthA + design.widthB <= 20 else { return }
        let got = try netlist.truthTable(), want = try design.truthTable()
        if let d = got.firstDifference(from: want) {
            throw .invalidValue(what: "yosys netlist of '\(design.name)'", value: "product(\(d.a), \(d.b)) = \(d.mine)",
                                rule: "must equal the design's \(d.theirs); the synthesis source is wrong", location: nil)
        }
    }
}
