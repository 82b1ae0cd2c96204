import Foundation
import Testing
import TestSupport
@testable import NetSim
@testable import ONNX

/// The fixtures made by Fixtures/make_models.py (onnx.helper models, onnxruntime outputs), built
/// once per test run into a temporary folder by the project's Python. The suites that use them carry
/// `.needs(.python)`: skipped with the reason without it, a failure under CI.
enum ONNXFixtures {
    struct Missing: Error, CustomStringConvertible { let description: String }

    static let folder: Result<URL, Missing> = make()

    static var script: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/make_models.py")
    }

    static func make() -> Result<URL, Missing> {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("axmul-onnx-\(getpid())")
        let status = Python.run([script.path, dir.path])
        guard status == 0 else {
            return .failure(Missing(description: "make_models.py exited with \(status.map(String.init) ?? "no start") under \(Python.interpreter.path): \(ExternalTool.python.missingNote)"))
        }
        return .success(dir)
    }

    /// The fixture folder; throws (a test failure) when make_models.py could not build it.
    static func dir() throws -> URL { try folder.get() }

    static func cases(kind: String) throws -> [String] {
        let d = try dir()
        let data = try Data(contentsOf: d.appendingPathComponent("manifest.json"))
        let json = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        let cases = json?["cases"] as? [[String: String]] ?? []
        return cases.filter { $0["kind"] == kind }.compactMap { $0["name"] }
    }

    /// A little-endian float32 C-order .npy file.
    static func npy(_ url: URL) throws -> Tensor {
        let b = [UInt8](try Data(contentsOf: url))
        let headerLen = Int(b[8]) | Int(b[9]) << 8
        let header = String(decoding: b[10..<(10 + headerLen)], as: UTF8.self)
        guard header.contains("'<f4'"), header.contains("'fortran_order': False"),
              let open = header.range(of: "'shape': ("), let close = header[open.upperBound...].firstIndex(of: ")") else {
            throw Missing(description: "\(url.path): not a float32 C-order npy")
        }
        let shape = header[open.upperBound..<close].split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        let body = Array(b[(10 + headerLen)...])
        let values = stride(from: 0, to: body.count, by: 4).map { i in
            Float(bitPattern: UInt32(body[i]) | UInt32(body[i + 1]) << 8 | UInt32(body[i + 2]) << 16 | UInt32(body[i + 3]) << 24)
        }
        return Tensor(shape: shape, data: values)
    }

    /// Runs the imported `name` on its input; returns (AxMul output, onnxruntime output).
    static func run(_ name: String, options: ONNXImporter.Options = .init(keepTrailingSoftmax: true)) throws -> (Tensor, Tensor) {
        let d = try dir()
        var net = try ONNXImporter.load(contentsOf: d.appendingPathComponent(name + ".onnx"), options: options).network
        let x = try npy(d.appendingPathComponent(name + ".input.npy"))
        let expected = try npy(d.appendingPathComponent(name + ".output.npy"))
        var ctx = ForwardContext(mode: .eval)
        let y = net.forward(x, context: &ctx)
        return (y.reshaped([y.batch, y.itemSize]), expected)
    }

    /// max |a − b| / max |b|: the error relative to the output's scale.
    static func relativeError(_ a: Tensor, _ b: Tensor) -> Float {
        guard a.count == b.count else { return .infinity }
        let scale = max(b.data.map(abs).max() ?? 0, 1e-30)
        return zip(a.data, b.data).map { abs($0 - $1) }.max().map { $0 / scale } ?? 0
    }
}
