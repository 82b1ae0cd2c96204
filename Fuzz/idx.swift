// Fuzz target `idx`: the IDX (MNIST) reader, plain and gzip-wrapped.
// Built by scripts/fuzz against the NetSim sources compiled as one module; any trap is a bug.
import Foundation
@testable import NetSim

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = [UInt8](UnsafeBufferPointer(start: data, count: size))
    _ = try? IDXReader.parse(Data(bytes), path: "fuzz.idx")
    if Gzip.isGzip(Data(bytes)), let plain = try? Gzip.decompress(Data(bytes), limit: 1 << 24, path: "fuzz.gz") {
        _ = try? IDXReader.parse(plain, path: "fuzz.idx")
    }
    return 0
}
