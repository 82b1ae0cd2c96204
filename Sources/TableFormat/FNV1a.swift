/// FNV-1a 64-bit hash, the checksum of `.axlut` files (offset basis 0xcbf29ce484222325, prime 0x100000001b3).
public struct FNV1a64: Sendable {
    public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    /// Folds `bytes` into the hash.
    public mutating func update<C: Collection>(_ bytes: C) where C.Element == UInt8 {
        if let done: Void = bytes.withContiguousStorageIfAvailable({ update(buffer: $0) }) { return done }
        var h = value
        for byte in bytes {
            h ^= UInt64(byte)
            h &*= 0x0000_0100_0000_01B3
        }
        value = h
    }

    /// Folds raw bytes into the hash (the fast path).
    public mutating func update(buffer: UnsafeBufferPointer<UInt8>) {
        var h = value
        for byte in buffer {
            h ^= UInt64(byte)
            h &*= 0x0000_0100_0000_01B3
        }
        value = h
    }

    /// A hash as `0x` and 16 hex digits, the way error messages and `--json` show checksums.
    public static func hex(_ v: UInt64) -> String {
        let s = String(v, radix: 16)
        return "0x" + String(repeating: "0", count: 16 - s.count) + s
    }

    /// The hash of one byte sequence.
    public static func hash<C: Collection>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
        var h = FNV1a64()
        h.update(bytes)
        return h.value
    }
}
