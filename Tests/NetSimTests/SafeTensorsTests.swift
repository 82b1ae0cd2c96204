import Foundation
import Testing
@testable import NetSim

@Suite("safetensors checkpoints")
struct SafeTensorsTests {
    @Test func headerBytesMatchHandLayout() throws {
        let bytes = [UInt8](try SafeTensors.encode([("w", [2], [1.0, -2.0])], metadata: [:]))
        // JSON below is 54 characters, padded with 2 spaces to 56 so the data starts at byte 64.
        let json = #"{"w":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}"#
        let expected: [UInt8] = [56, 0, 0, 0, 0, 0, 0, 0] + Array(json.utf8) + [0x20, 0x20]
            + [0x00, 0x00, 0x80, 0x3F]  // 1.0 = 0x3F800000, little-endian
            + [0x00, 0x00, 0x00, 0xC0]  // -2.0 = 0xC0000000
        #expect(bytes == expected)
    }

    @Test func roundTripKeepsBitsShapesAndMetadata() throws {
        let folder = try DataTestFolder()
        defer { folder.cleanUp() }
        let url = folder.url.appendingPathComponent("model.safetensors")
        let odd: [Float] = [0, -0.0, .infinity, -.leastNonzeroMagnitude, .greatestFiniteMagnitude, .nan, 3.25]
        let tensors: [SafeTensors.Tensor] = [
            ("layer.0.weight", [2, 3, 1], [1, 2, 3, 4, 5, 6]), ("bias \"q\" é", [7], odd),
            ("scalar", [], [42]), ("empty", [0, 5], []),
        ]
        let metadata = ["step": "1200", "note": "line\nbreak \"quoted\" \\ ü", "format": "pt"]
        try SafeTensors.write(tensors, metadata: metadata, to: url)
        let back = try SafeTensors.read(from: url)
        #expect(back.metadata == metadata)
        #expect(back.tensors.count == 4)
        for tensor in tensors {
            #expect(back.tensors[tensor.name]?.shape == tensor.shape)
            #expect(back.tensors[tensor.name]?.values.map(\.bitPattern) == tensor.values.map(\.bitPattern))
        }
        let size = try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int ?? 0
        let headerLength = try [UInt8](Data(contentsOf: url))[0..<8].reversed().reduce(0) { $0 << 8 | Int($1) }
        #expect(headerLength % 8 == 0)
        #expect(size == 8 + headerLength + 4 * (6 + 7 + 1))
    }

    @Test func writerRejectsInconsistentTensors() {
        #expect(dataError { _ = try SafeTensors.encode([("a", [2, 2], [1, 2, 3])], metadata: [:]) }?.kind == .invalidArgument)
        #expect(dataError { _ = try SafeTensors.encode([("a", [1], [1]), ("a", [1], [2])], metadata: [:]) }?.kind == .invalidArgument)
        #expect(dataError { _ = try SafeTensors.encode([("a", [-1], [])], metadata: [:]) }?.kind == .malformed)
    }

    /// A file with the given header JSON (padded) and `data` bytes.
    private func file(_ json: String, data: Int, lengthField: UInt64? = nil) -> Data {
        var header = Array(json.utf8)
        header += [UInt8](repeating: 0x20, count: (8 - header.count % 8) % 8)
        let length = lengthField ?? UInt64(header.count)
        return Data((0..<8).map { UInt8(length >> (8 * $0) & 0xFF) } + header + [UInt8](repeating: 0, count: data))
    }

    private func kind(_ data: Data) -> DataError.Kind? {
        dataError { _ = try SafeTensors.decode(data, path: "m.safetensors") }?.kind
    }

    @Test func corruptFilesAreRejected() {
        let ok = #"{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}"#
        #expect(kind(file(ok, data: 8)) == nil)
        #expect(kind(Data([1, 2, 3])) == .truncated)
        #expect(kind(file(ok, data: 8, lengthField: 1 << 40)) == .truncated)
        #expect(kind(file(ok, data: 8, lengthField: UInt64.max)) == .truncated)
        #expect(kind(file(ok, data: 4)) == .malformed)   // offsets beyond the data
        #expect(kind(file(ok, data: 12)) == .malformed)  // 4 bytes not covered
        #expect(kind(file("{\"a\":", data: 0)) == .malformed)
        #expect(kind(file(#"{"a":{"dtype":"F32","shape":[3],"data_offsets":[0,8]}}"#, data: 8)) == .malformed)
        #expect(kind(file(#"{"a":{"dtype":"F32","shape":[2],"data_offsets":[8,0]}}"#, data: 8)) == .malformed)
        #expect(kind(file(#"{"a":{"dtype":"F32","shape":[2.5],"data_offsets":[0,8]}}"#, data: 8)) == .malformed)
        #expect(kind(file(#"{"a":{"dtype":"F16","shape":[4],"data_offsets":[0,8]}}"#, data: 8)) == .unsupported)
        #expect(kind(file(#"{"__metadata__":{"k":1}}"#, data: 0)) == .malformed)
        let overlap = #"{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[2],"data_offsets":[4,12]}}"#
        let error = dataError { _ = try SafeTensors.decode(file(overlap, data: 12), path: "m.safetensors") }
        #expect(error?.description.hasPrefix("m.safetensors: the safetensors header is invalid: tensor 'b' overlaps another.") == true)
    }
}
