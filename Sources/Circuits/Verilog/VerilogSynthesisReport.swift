import Foundation

/// What `axmul verilog` wrote and, with `--synth-report`, what yosys made of it; `--json` prints this.
public struct VerilogReport: Sendable, Hashable, Codable {
    /// One exported view: its top module, files and our cell counts.
    public struct Export: Sendable, Hashable, Codable {
        public var top: String
        public var view: VerilogView
        public var files: [String]
        public var luts: Int
        public var carry4: Int
        public var carry8: Int
    }

    /// Our counts beside yosys `synth_xilinx` counts for one exported file.
    public struct Synthesis: Sendable, Hashable, Codable {
        public var top: String
        public var view: VerilogView
        public var family: String
        /// Our LUT count for the file (for a gate view: the design's LUT-mapped count, if it has one).
        public var ourLuts: Int?
        public var yosysLuts: Int
        public var yosysCarry4: Int
        public var yosysCarry8: Int

        enum CodingKeys: String, CodingKey {
            case top, view, family, ourLuts = "our_luts", yosysLuts = "yosys_luts"
            case yosysCarry4 = "yosys_carry4", yosysCarry8 = "yosys_carry8"
        }
    }

    public var design: String
    public var directory: String
    public var exports: [Export]
    public var synthesis: [Synthesis]?

    public init(design: String, directory: String, exports: [VerilogExport]) {
        self.design = design
        self.directory = directory
        self.exports = exports.map {
            Export(top: $0.top, view: $0.view, files: $0.files.map(\.name), luts: $0.luts, carry4: $0.carry4, carry8: $0.carry8)
        }
    }

    /// Synthesises every written file with yosys (two at a time) and records the counts beside ours.
    public mutating func synthesise(with tools: VerilogToolchain) throws(VerilogError) {
        let lutCount = exports.first { $0.view == .lut }?.luts
        let jobs = exports
        let results = ResultBox()
        let directory = self.directory
        DispatchQueue.concurrentPerform(iterations: jobs.count) { k in
            let r = Result { () throws(VerilogError) in
                try tools.synthesize(file: "\(directory)/\(jobs[k].top).v", top: jobs[k].top)
            }
            results.set(k, r)
        }
        var rows: [Synthesis] = []
        for (k, job) in jobs.enumerated() {
            guard let r = results.get(k) else { continue }
            let s = try r.get()
            rows.append(Synthesis(top: job.top, view: job.view, family: tools.family,
                                  ourLuts: job.view == .lut ? job.luts : lutCount,
                                  yosysLuts: s.luts, yosysCarry4: s.carry4, yosysCarry8: s.carry8))
        }
        synthesis = rows
    }
}

/// Results written by concurrent synthesis jobs, guarded by a lock.
private final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [Int: Result<VerilogToolchain.Synthesis, VerilogError>] = [:]
    func set(_ k: Int, _ r: Result<VerilogToolchain.Synthesis, VerilogError>) { lock.withLock { results[k] = r } }
    func get(_ k: Int) -> Result<VerilogToolchain.Synthesis, VerilogError>? { lock.withLock { results[k] } }
}
