// Fuzz target `onnx`: the ONNX importer (protobuf decoding, graph checks, conversion to NetSim layers).
// Built by scripts/fuzz against SwiftProtobuf, NetSim and ONNX compiled as modules; any trap is a bug.
import Foundation
@testable import ONNX

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(UnsafeBufferPointer(start: data, count: size))
    // External data locations resolve under a folder that does not exist: they fail to open, never escape.
    _ = try? ONNXImporter.load(data: bytes, file: "fuzz.onnx", folder: URL(fileURLWithPath: "/nonexistent-axmul-fuzz"))
    return 0
}
