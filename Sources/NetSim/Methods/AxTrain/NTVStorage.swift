import Foundation

/// Near-threshold-voltage SRAM weight storage (He et al. §3.2, after Minerva): weights are kept in
/// dynamic fixed point and every stored bit flips independently with probability `flipRate` on
/// each read (paper: 10% at 400 mV, 1% at 660 mV, 0.1% at 850 mV).
public struct NTVStorage: Sendable, Codable, Equatable {
    /// Word width of the stored weights.
    public var bits: Int
    public var flipRate: Double

    public init(bits: Int = 8, flipRate: Double) {
        self.bits = bits
        self.flipRate = flipRate
    }

    /// Bits read and bits flipped, to check the realised flip rate.
    public struct Tally: Sendable, Equatable {
        public var bitsRead = 0
        public var bitsFlipped = 0
        public var rate: Double { bitsRead == 0 ? 0 : Double(bitsFlipped) / Double(bitsRead) }
    }

    /// One read of `values`: quantise in the tensor's dynamic format, flip each bit with
    /// probability `flipRate` (geometric skipping, so cost follows the number of flips), decode.
    public func read(_ values: [Float], rng: inout SplitMix64, tally: inout Tally) -> [Float] {
        let format = FixedPointFormat.dynamic(for: values, bits: bits)
        var codes = values.map(format.encode)
        let total = codes.count * bits
        tally.bitsRead += total
        if flipRate > 0 {
            var pos = nextGap(&rng)
            while pos < total {
                codes[pos / bits] ^= Int64(1) << (pos % bits)
                tally.bitsFlipped += 1
                pos += 1 + nextGap(&rng)
            }
        }
        return codes.map(format.decode)
    }

    /// Number of unflipped bits before the next flip: geometric with success probability p.
    func nextGap(_ rng: inout SplitMix64) -> Int {
        if flipRate >= 1 { return 0 }
        let u = max(Double(rng.next() >> 11) * 0x1p-53, 0x1p-60)
        let g = (Foundation.log(u) / Foundation.log(1 - flipRate)).rounded(.down)
        return g > 1e15 ? Int(1e15) : Int(g)
    }
}
