/// Cheap NaN/Inf detection: one read-only pass over a tensor. Readers use it on what they load (weights,
/// data arrays); training uses it on each tensor a step touches (NumericGuard+Training.swift). It lives with
/// the data readers so that they, and their fuzz targets, need nothing of the layers.
public enum NumericGuard {
    /// The index of the first NaN or ±Inf in `values`, or nil when all are finite.
    ///
    /// The fast path ORs `(bits & exponent) + 1 ulp of exponent` over the bit patterns: the sign bit
    /// of the sum is set exactly when some exponent is all ones (NaN or Inf). It vectorises.
    public static func firstNonFinite(_ values: [Float]) -> Int? {
        let clean = values.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: UInt32.self) { bits -> Bool in
                var acc: UInt32 = 0
                for i in 0..<bits.count { acc |= (bits[i] & 0x7F80_0000) &+ 0x0080_0000 }
                return acc & 0x8000_0000 == 0
            }
        }
        return clean ? nil : values.firstIndex { !$0.isFinite }
    }
}
