import Foundation

/// Runs the external Verilog tools on exported files: Icarus Verilog for simulation against yosys's
/// Xilinx simulation models, and yosys `synth_xilinx` for an independent LUT count.
public struct VerilogToolchain: Sendable {
    /// yosys's Xilinx primitive models (LUT6, LUT6_2, CARRY4, CARRY8), used by the simulation.
    public var cellModels: String
    /// The `synth_xilinx -family` value (xcup = UltraScale+, which has CARRY8).
    public var family: String

    public init(cellModels: String = "/usr/share/yosys/xilinx/cells_sim.v", family: String = "xcup") {
        self.cellModels = cellModels
        self.family = family
    }

    /// The outcome of running a testbench.
    public struct Simulation: Sendable, Hashable, Codable {
        /// True when the testbench printed `PASS <n>`.
        public var passed: Bool
        /// The number of pairs checked (from `PASS <n>`), 0 on failure.
        public var pairs: Int
        /// The testbench's last line (`PASS n` or the first mismatch).
        public var verdict: String
    }

    /// Cell counts from yosys `stat` after `synth_xilinx`.
    public struct Synthesis: Sendable, Hashable, Codable {
        /// All LUT cells (LUT1..LUT6 and LUT6_2).
        public var luts: Int
        public var carry4: Int
        public var carry8: Int
        /// Every cell type yosys reported, with its count.
        public var cells: [String: Int]
    }

    /// The names of the needed tools that are not on PATH (and the models file, if missing).
    public static func missingTools(cellModels: String = "/usr/share/yosys/xilinx/cells_sim.v") -> [String] {
        var missing = ["iverilog", "vvp", "yosys"].filter { findExecutable($0) == nil }
        if !FileManager.default.fileExists(atPath: cellModels) { missing.append(cellModels) }
        return missing
    }

    /// Compiles and runs `tb_<top>.v` + `<top>.v` in `directory` with the Xilinx models.
    public func simulate(directory: String, top: String) throws(VerilogError) -> Simulation {
        let directory = URL(fileURLWithPath: directory).standardizedFileURL.path
        let binary = "\(directory)/.\(top).vvp.\(ProcessInfo.processInfo.processIdentifier)"
        defer { try? FileManager.default.removeItem(atPath: binary) }
        _ = try run("iverilog", ["-g2005", "-o", binary, "-s", "tb_\(top)", "\(directory)/tb_\(top).v",
                                 "\(directory)/\(top).v", cellModels], in: directory)
        let output = try run("vvp", ["-n", binary], in: directory)
        let lines = output.split(separator: "\n").map(String.init)
        guard let verdict = lines.last(where: { $0.hasPrefix("PASS") || $0.hasPrefix("FAIL") }) else {
            throw .tool(name: "vvp", reason: "the testbench printed neither PASS nor FAIL: \(output.suffix(300))")
        }
        let parts = verdict.split(separator: " ")
        let pass = parts.first == "PASS"
        return Simulation(passed: pass, pairs: pass && parts.count > 1 ? Int(parts[1]) ?? 0 : 0, verdict: verdict)
    }

    /// Runs `synth_xilinx` on `file` with top module `top` and returns yosys's cell counts.
    public func synthesize(file: String, top: String) throws(VerilogError) -> Synthesis {
        let file = URL(fileURLWithPath: file).standardizedFileURL.path
        let json = "\(file).\(ProcessInfo.processInfo.processIdentifier).stat.json"
        defer { try? FileManager.default.removeItem(atPath: json) }
        let script = "read_verilog \(file); synth_xilinx -family \(family) -top \(top); tee -q -o \(json) stat -json"
        let directory = (file as NSString).deletingLastPathComponent
        _ = try run("yosys", ["-q", "-p", script], in: directory.isEmpty ? "." : directory)
        guard let data = FileManager.default.contents(atPath: json),
              let stat = try? JSONDecoder().decode(YosysStat.self, from: data),
              let counts = stat.design?.num_cells_by_type ?? stat.modules.values.first?.num_cells_by_type else {
            throw .tool(name: "yosys", reason: "could not read the statistics yosys wrote to \(json)")
        }
        let luts = counts.filter { $0.key.hasPrefix("LUT") }.map(\.value).reduce(0, +)
        return Synthesis(luts: luts, carry4: counts["CARRY4"] ?? 0, carry8: counts["CARRY8"] ?? 0, cells: counts)
    }

    private struct YosysStat: Decodable {
        struct Module: Decodable { var num_cells_by_type: [String: Int]? }
        var modules: [String: Module]
        var design: Module?
    }

    /// Runs a tool and returns its output (stdout and stderr together); a non-zero exit becomes `VerilogError.tool`.
    func run(_ tool: String, _ arguments: [String], in directory: String) throws(VerilogError) -> String {
        guard let path = Self.findExecutable(tool) else {
            throw .tool(name: tool, reason: "not found on PATH")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        // Output goes to a file, not a pipe: a pipe's write end can leak into a concurrently spawned
        // tool and delay end-of-file until that one exits.
        let log = "\(directory)/.\(tool).\(ProcessInfo.processInfo.processIdentifier).\(UInt64.random(in: 0...UInt64.max)).log"
        // A new file only (O_EXCL, no link followed): whatever already sits at the name is never written through.
        let fd = open(log, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw .tool(name: tool, reason: "cannot create the log file \(log) (\(String(cString: strerror(errno))))")
        }
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        defer { try? FileManager.default.removeItem(atPath: log) }
        process.standardOutput = handle
        process.standardError = handle
        do { try process.run() } catch {
            try? handle.close()
            throw .tool(name: tool, reason: "could not start: \(error)")
        }
        process.waitUntilExit()
        try? handle.close()
        let stdout = String(decoding: FileManager.default.contents(atPath: log) ?? Data(), as: UTF8.self)
        guard process.terminationStatus == 0 else {
            throw .tool(name: tool, reason: "exited with status \(process.terminationStatus): \(stdout.suffix(600))")
        }
        return stdout
    }

    public static func findExecutable(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let candidate = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
