/// The published figures in an EvoApproxLib Verilog file's header comment (`// PDK45_PWR = 0.391 mW`,
/// `// PDK45_AREA = 709.6 um2`, `// PDK45_DELAY = 1.43 ns`, `// MRE% = 0.00 %`): the library's own
/// synthesis results for the 45 nm PDK, which `bench cost-model` checks the cost models against.
public struct EvoApproxHeader: Sendable, Equatable, Codable {
    public var powerMw: Double
    public var areaUm2: Double
    public var delayNs: Double?
    public var mrePct: Double?

    enum CodingKeys: String, CodingKey { case powerMw = "pdk45_power_mw", areaUm2 = "pdk45_area_um2", delayNs = "pdk45_delay_ns", mrePct = "mre_pct" }

    public init(powerMw: Double, areaUm2: Double, delayNs: Double? = nil, mrePct: Double? = nil) {
        (self.powerMw, self.areaUm2, self.delayNs, self.mrePct) = (powerMw, areaUm2, delayNs, mrePct)
    }

    /// The header of `text` (read from `file`), from the `// KEY = value unit` lines before `module`;
    /// a file without PDK45 power and area is refused with the line it stopped at.
    public static func read(text: String, file: String) throws(VerilogError) -> EvoApproxHeader {
        var values: [String: Double] = [:]
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let t = line.trimmingCharacters(in: .whitespaces)
            if t.hasPrefix("module ") { break }
            guard t.hasPrefix("//"), let eq = t.firstIndex(of: "=") else { continue }
            let key = t[t.index(t.startIndex, offsetBy: 2)..<eq].trimmingCharacters(in: .whitespaces)
            let number = t[t.index(after: eq)...].split(separator: " ").first.flatMap { Double($0) }
            if let number { values[key] = number }
        }
        guard let power = values["PDK45_PWR"], let area = values["PDK45_AREA"] else {
            throw .badInterface(reason: "no '// PDK45_PWR = … mW' and '// PDK45_AREA = … um2' lines before the module (an EvoApproxLib header)",
                                location: SourceLocation(file: file, line: lineNumber, column: 1))
        }
        return EvoApproxHeader(powerMw: power, areaUm2: area, delayNs: values["PDK45_DELAY"], mrePct: values["MRE%"])
    }
}
