import Foundation

/// What a file-writing command produced, for `--json`: the file, its format and size, and the design
/// it holds. Optional fields are present only where they apply (e.g. `kernel_route` for `.axlut`).
public struct WrittenFile: Sendable, Codable, Equatable {
    public var path: String
    /// csv, npy, axlut, tfapprox, text or axd.
    public var format: String
    public var bytes: Int
    public var design: String
    public var widthA: Int
    public var widthB: Int
    /// Width of the product / output word, when known.
    public var outputWidth: Int?
    /// Operand encoding of an `.axlut` table (unsigned, sign-magnitude, twos-complement).
    public var encoding: String?
    /// FNV-1a 64 checksum stored in an `.axlut` header, as 0x and 16 hex digits.
    public var checksum: String?
    /// NetSim's exact LUT-GEMM route for an `.axlut` table, or nil when it cannot drive 8-bit layers.
    public var kernelRoute: String?
    /// The file a design was imported from, and the gate count of an imported netlist.
    public var source: String?
    public var gateCells: Int?

    enum CodingKeys: String, CodingKey {
        case path, format, bytes, design, encoding, checksum, source
        case widthA = "width_a", widthB = "width_b", outputWidth = "output_width"
        case kernelRoute = "kernel_route", gateCells = "gate_cells"
    }

    /// Describes `path` (already written) holding `design`; `bytes` is read from the file system.
    public init(path: String, format: String, design: String, widthA: Int, widthB: Int) {
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
        (self.path, self.format, self.bytes) = (path, format, size ?? 0)
        (self.design, self.widthA, self.widthB) = (design, widthA, widthB)
    }
}
