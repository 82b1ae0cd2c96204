import Foundation
import TableFormat

/// The neuron-wise error model of a whole network for one multiplier, as written by
/// `axmul errormodel build` and read back for retraining.
public struct ErrorModel: Sendable, Equatable {
    /// One approximated layer's statistics, keyed by the layer's name.
    public struct Layer: Sendable, Equatable {
        public var name: String
        /// Per-sample output shape of the layer (e.g. [C, H, W] or [F]).
        public var shape: [Int]
        public var stats: NeuronErrorStats
        public init(name: String, shape: [Int], stats: NeuronErrorStats) {
            self.name = name
            self.shape = shape
            self.stats = stats
        }
    }

    /// Name of the multiplier the statistics were measured with.
    public var multiplier: String
    public var layers: [Layer]

    public init(multiplier: String, layers: [Layer]) {
        self.multiplier = multiplier
        self.layers = layers
    }

    /// The statistics of layer `name`, if modelled.
    public func layer(named name: String) -> Layer? { layers.first { $0.name == name } }
}

/// Binary file format of an `ErrorModel`:
/// magic "AXERRMDL" | u32 version | u32 header length | JSON header | per layer 5 × neurons f32
/// (μ_y, σ_y, μ_ε, σ_ε, ρ) | u64 FNV-1a of every preceding byte. All integers little-endian.
public enum ErrorModelFile {
    static let magic = Array("AXERRMDL".utf8)
    static let version: UInt32 = 1

    struct Header: Codable {
        struct LayerEntry: Codable { var name: String; var shape: [Int]; var neurons: Int; var samples: Int }
        var multiplier: String
        var layers: [LayerEntry]
    }

    /// The file's bytes.
    public static func serialize(_ model: ErrorModel) -> [UInt8] {
        let header = Header(multiplier: model.multiplier, layers: model.layers.map {
            .init(name: $0.name, shape: $0.shape, neurons: $0.stats.neurons, samples: $0.stats.samples)
        })
        // Sorted keys: JSONEncoder's default key order changes from process to process (hash seeding),
        // which made two builds of the same statistics differ in their header bytes.
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = (try? encoder.encode(header)).map { [UInt8]($0) } ?? []
        var out = magic
        append(version, to: &out)
        append(UInt32(json.count), to: &out)
        out += json
        for l in model.layers {
            for array in [l.stats.muY, l.stats.sigmaY, l.stats.muE, l.stats.sigmaE, l.stats.rho] {
                for v in array { append(v.bitPattern, to: &out) }
            }
        }
        append(FNV1a64.hash(out), to: &out)
        return out
    }

    /// Writes atomically (temporary file in the same directory, then rename).
    public static func write(_ model: ErrorModel, to path: String) throws(ApproxError) {
        do {
            try OutputFile.write(serialize(model), to: path)
        } catch {
            throw .io(file: path, reason: "cannot write error-model statistics: \(error.reason)")
        }
    }

    /// Reads and validates a file.
    public static func read(_ path: String) throws(ApproxError) -> ErrorModel {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .io(file: path, reason: "cannot read error-model statistics file")
        }
        return try parse([UInt8](data), path: path)
    }

    /// Parses bytes; any truncation, bad magic/version, checksum or count mismatch is rejected.
    public static func parse(_ b: [UInt8], path: String) throws(ApproxError) -> ErrorModel {
        func bad(_ r: String) -> ApproxError { .corruptStatistics(file: path, reason: r) }
        guard b.count >= 24 else { throw bad("file is \(b.count) bytes, shorter than the 24-byte minimum") }
        guard Array(b[0..<8]) == magic else { throw bad("magic is not AXERRMDL") }
        let stored = readUInt64(b, at: b.count - 8), actual = FNV1a64.hash(b[0..<(b.count - 8)])
        guard stored == actual else {
            throw bad("checksum mismatch (stored \(hex(stored)), computed \(hex(actual)))")
        }
        let ver = UInt32(truncatingIfNeeded: readUInt64(b, at: 8) & 0xFFFF_FFFF)
        guard ver == version else { throw bad("version \(ver) is not supported (expected \(version))") }
        let jsonLength = Int(readUInt64(b, at: 12) & 0xFFFF_FFFF)
        guard 16 + jsonLength <= b.count - 8 else { throw bad("header length \(jsonLength) exceeds the file") }
        guard let header = try? JSONDecoder().decode(Header.self, from: Data(b[16..<(16 + jsonLength)])) else {
            throw bad("header is not valid JSON")
        }
        let floats = header.layers.reduce(0) { $0 + 5 * $1.neurons }
        guard header.layers.allSatisfy({ $0.neurons >= 0 && $0.shape.reduce(1, *) == $0.neurons }),
              16 + jsonLength + 4 * floats == b.count - 8 else {
            throw bad("payload size does not match the \(header.layers.count) layers in the header")
        }
        var offset = 16 + jsonLength
        var layers: [ErrorModel.Layer] = []
        for e in header.layers {
            var s = NeuronErrorStats(neurons: e.neurons, samples: e.samples)
            var arrays = [[Float]]()
            for _ in 0..<5 {
                arrays.append((0..<e.neurons).map { i in
                    Float(bitPattern: UInt32(truncatingIfNeeded: readUInt64(b, at: offset + 4 * i, bytes: 4)))
                })
                offset += 4 * e.neurons
            }
            (s.muY, s.sigmaY, s.muE, s.sigmaE, s.rho) = (arrays[0], arrays[1], arrays[2], arrays[3], arrays[4])
            guard arrays.allSatisfy({ $0.allSatisfy(\.isFinite) }), s.sigmaY.allSatisfy({ $0 >= 0 }),
                  s.sigmaE.allSatisfy({ $0 >= 0 }), s.rho.allSatisfy({ abs($0) <= 1 }) else {
                throw bad("layer '\(e.name)' has non-finite values, a negative σ or |ρ| > 1")
            }
            layers.append(.init(name: e.name, shape: e.shape, stats: s))
        }
        return ErrorModel(multiplier: header.multiplier, layers: layers)
    }

    static func append<T: FixedWidthInteger>(_ v: T, to out: inout [UInt8]) {
        var x = v.littleEndian
        withUnsafeBytes(of: &x) { out += $0 }
    }

    static func readUInt64(_ b: [UInt8], at o: Int, bytes: Int = 8) -> UInt64 {
        var v: UInt64 = 0
        for k in 0..<bytes where o + k < b.count { v |= UInt64(b[o + k]) << UInt64(8 * k) }
        return v
    }

    static func hex(_ v: UInt64) -> String { "0x" + String(v, radix: 16) }
}
