/// The `.axlut` lookup-table file format shared by Circuits (writer) and NetSim (reader).
///
/// The byte layout is documented in docs/table-format.md; `LookupTable` is the in-memory form.
public enum TableFormat {
    /// The eight magic bytes that open every `.axlut` file: "AXLUT", CR, LF, SUB (PNG-style).
    public static let magic: [UInt8] = [0x41, 0x58, 0x4C, 0x55, 0x54, 0x0D, 0x0A, 0x1A]
    /// The format version this code writes (2: the metadata may carry the design's cost, see `TableCost`).
    public static let version: UInt16 = 2
    /// The versions this code reads (version-1 files have no stored cost).
    public static let readableVersions: ClosedRange<Int> = 1...2
    /// Size of the fixed header in bytes.
    public static let headerSize = 48
    /// The largest widthA + widthB a file may declare (2^24 entries).
    public static let maxTotalWidth = 24
}

/// How the operand bits that index a table are to be read.
public enum OperandEncoding: UInt8, Sendable, Codable, CaseIterable {
    /// Indexes are the operand values 0..2^w−1.
    case unsigned = 0
    /// Indexes are magnitudes 0..2^w−1; values are products of magnitudes, the sign is applied by the user.
    case signMagnitude = 1
    /// Indexes are two's-complement bit patterns of w-bit operands; values are signed products.
    case twosComplement = 2

    public var name: String {
        switch self {
        case .unsigned: "unsigned"
        case .signMagnitude: "sign-magnitude"
        case .twosComplement: "twos-complement"
        }
    }
}

/// Which operand selects the row of the table (`values[row << columnWidth | column]`).
public enum RowOperand: UInt8, Sendable, Codable, CaseIterable {
    case first = 0
    case second = 1
}

/// The element type stored in the file's data section (always little-endian).
public enum OutputType: UInt8, Sendable, Codable, CaseIterable {
    case uint16 = 1, int16 = 2, uint32 = 3, int32 = 4, int64 = 5

    /// Bytes per stored value.
    public var byteCount: Int {
        switch self {
        case .uint16, .int16: 2
        case .uint32, .int32: 4
        case .int64: 8
        }
    }

    /// The representable range.
    public var range: ClosedRange<Int64> {
        switch self {
        case .uint16: 0...Int64(UInt16.max)
        case .int16: Int64(Int16.min)...Int64(Int16.max)
        case .uint32: 0...Int64(UInt32.max)
        case .int32: Int64(Int32.min)...Int64(Int32.max)
        case .int64: Int64.min...Int64.max
        }
    }

    public var name: String {
        switch self {
        case .uint16: "uint16"
        case .int16: "int16"
        case .uint32: "uint32"
        case .int32: "int32"
        case .int64: "int64"
        }
    }
}
