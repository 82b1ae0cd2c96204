import Foundation
import Testing
import TestSupport
@testable import NetSim
@testable import ONNX
#if canImport(Glibc)
import Glibc
#endif

/// Hostile ONNX files (issue 25), built in Swift with the generated protobuf types: external data
/// that leaves the model's folder or is a FIFO, negative offsets and lengths, raw data of the wrong
/// size, NaN/Inf weights, a tensor written twice; and the exporter refusing a network that would
/// write a name twice.
@Suite struct ONNXHostileInputTests {
    /// x [N, 4] → Gemm(W [2, 4], transB = 1, b [2]) → y [N, 2].
    static func model(weights: [Float] = (0..<8).map { Float($0) / 8 }, external: [String: String]? = nil,
                      rawExtra: Int = 0, nodes: [Onnx_NodeProto]? = nil) -> Onnx_ModelProto {
        var w = Onnx_TensorProto()
        w.name = "fc.weight"
        w.dims = [2, 4]
        w.dataType = Int32(Onnx_TensorProto.DataType.float.rawValue)
        if let external {
            w.dataLocation = .external
            w.externalData = external.sorted { $0.key < $1.key }.map { key, value in
                var e = Onnx_StringStringEntryProto()
                (e.key, e.value) = (key, value)
                return e
            }
        } else {
            w.rawData = Self.raw(weights) + Data(repeating: 0, count: rawExtra)
        }
        var b = Onnx_TensorProto()
        b.name = "fc.bias"
        b.dims = [2]
        b.dataType = w.dataType
        b.floatData = [0.5, -0.5]
        var gemm = Onnx_NodeProto()
        (gemm.opType, gemm.name, gemm.input, gemm.output) = ("Gemm", "fc", ["x", "fc.weight", "fc.bias"], ["y"])
        var transB = Onnx_AttributeProto()
        (transB.name, transB.type, transB.i) = ("transB", .int, 1)
        gemm.attribute = [transB]
        var graph = Onnx_GraphProto()
        graph.name = "g"
        graph.initializer = [w, b]
        graph.node = nodes ?? [gemm]
        graph.input = [ONNXGraphWriter.valueInfo("x", shape: [4])]
        graph.output = [ONNXGraphWriter.valueInfo((nodes?.last?.output.first) ?? "y", shape: [2])]
        var m = Onnx_ModelProto()
        m.irVersion = 7
        var opset = Onnx_OperatorSetIdProto()
        opset.version = 13
        m.opsetImport = [opset]
        m.graph = graph
        return m
    }

    static func raw(_ values: [Float]) -> Data {
        var d = Data()
        for v in values { withUnsafeBytes(of: v.bitPattern.littleEndian) { d.append(contentsOf: $0) } }
        return d
    }

    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("axmul-onnx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url.appendingPathComponent("model"), withIntermediateDirectories: true)
        return url
    }

    static func load(_ m: Onnx_ModelProto, in folder: URL) throws -> ONNXModel {
        try ONNXImporter.load(data: try m.serializedData(), file: "m.onnx", folder: folder.appendingPathComponent("model"))
    }

    static func onnxError(_ body: () throws -> Void) -> ONNXError? { thrown(ONNXError.self, body) }

    @Test func theBaseModelImports() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let model = try Self.load(Self.model(), in: dir)
        #expect(model.classCount == 2 && model.inputShape == [4])
        try Self.raw((0..<8).map { Float($0) / 8 }).write(to: dir.appendingPathComponent("model/w.bin"))
        _ = try Self.load(Self.model(external: ["location": "w.bin"]), in: dir)
        _ = try Self.load(Self.model(external: ["location": "w.bin", "offset": "0", "length": "32"]), in: dir)
    }

    /// Issue 25: external data that is a link to a file outside the model's folder was read.
    @Test func externalDataLinkedOutOfTheFolderIsRefused() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Self.raw((0..<8).map(Float.init)).write(to: dir.appendingPathComponent("secret.bin"))
        #expect(symlink(dir.appendingPathComponent("secret.bin").path, dir.appendingPathComponent("model/abs.bin").path) == 0)
        #expect(symlink("../secret.bin", dir.appendingPathComponent("model/rel.bin").path) == 0)
        for location in ["abs.bin", "rel.bin", "../secret.bin", dir.appendingPathComponent("secret.bin").path] {
            let error = Self.onnxError { _ = try Self.load(Self.model(external: ["location": location]), in: dir) }
            guard case .externalData(_, let tensor, _)? = error else { Issue.record("\(location): \(String(describing: error))"); continue }
            #expect(tensor == "fc.weight")
            #expect(error?.description.contains("\n") == false)
        }
    }

    /// Issue 25: a FIFO as external data blocked for ever.
    @Test func externalDataThatIsAFIFOIsRefusedAtOnce() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(mkfifo(dir.appendingPathComponent("model/pipe.bin").path, 0o644) == 0)
        let start = Date()
        let error = Self.onnxError { _ = try Self.load(Self.model(external: ["location": "pipe.bin"]), in: dir) }
        #expect(error?.message.contains("not a regular file") == true, "\(String(describing: error))")
        #expect(Date().timeIntervalSince(start) < 10)
    }

    @Test func negativeOffsetsAndLengthsAreNamed() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Self.raw((0..<8).map(Float.init)).write(to: dir.appendingPathComponent("model/w.bin"))
        for (key, value) in [("offset", "-4"), ("length", "-32")] {
            let error = Self.onnxError { _ = try Self.load(Self.model(external: ["location": "w.bin", key: value]), in: dir) }
            #expect(error?.message.contains("negative \(key) \(value)") == true, "\(String(describing: error))")
        }
        let error = Self.onnxError { _ = try Self.load(Self.model(external: ["location": "w.bin", "offset": "x"]), in: dir) }
        #expect(error?.message.contains("not an integer") == true)
    }

    /// Issue 25: raw data longer than its dims was accepted.
    @Test func rawDataMustMatchTheDimsExactly() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        for extra in [1, 3, 4, 32] {
            let error = Self.onnxError { _ = try Self.load(Self.model(rawExtra: extra), in: dir) }
            #expect(error?.message.contains("need exactly 32") == true, "extra \(extra): \(String(describing: error))")
        }
        try (Self.raw((0..<8).map(Float.init)) + Data([0])).write(to: dir.appendingPathComponent("model/long.bin"))
        let error = Self.onnxError { _ = try Self.load(Self.model(external: ["location": "long.bin"]), in: dir) }
        #expect(error?.message.contains("need exactly 32") == true)
    }

    /// Issue 25: NaN/Inf weights were accepted. Property: a random non-finite value at a random
    /// position of the weight, as raw data or in external data, is refused with the tensor and index.
    @Test func randomNonFiniteWeightsAreAlwaysRefused() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let seed = UInt64(Date().timeIntervalSince1970 * 1000)
        var state = seed
        func next() -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) >> 1)
        }
        let bad: [Float] = [.nan, -.nan, .infinity, -.infinity, Float(bitPattern: 0x7FC0_0001), Float(bitPattern: 0xFF80_0001)]
        for trial in 0..<40 {
            var w = (0..<8).map { _ in Float(next() % 2000 - 1000) / 100 }
            let k = next() % 8
            w[k] = bad[next() % bad.count]
            let useExternal = next() % 2 == 0
            if useExternal { try Self.raw(w).write(to: dir.appendingPathComponent("model/w.bin")) }
            let error = Self.onnxError { _ = try Self.load(useExternal ? Self.model(external: ["location": "w.bin"]) : Self.model(weights: w), in: dir) }
            guard case .nonFinite(_, let tensor, let index, _)? = error else {
                Issue.record("seed \(seed), trial \(trial): \(String(describing: error))")
                continue
            }
            #expect(tensor == "fc.weight" && index == k, "seed \(seed), trial \(trial)")
        }
    }

    /// A node writing a name already written (the graph input, an initialiser, an earlier node's output).
    @Test func aTensorWrittenTwiceIsRefused() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        func relu(_ name: String, _ input: String, _ output: String) -> Onnx_NodeProto {
            var n = Onnx_NodeProto()
            (n.opType, n.name, n.input, n.output) = ("Relu", name, [input], [output])
            return n
        }
        let cases: [([Onnx_NodeProto], String)] = [
            ([relu("self", "x", "x")], "node 'self' (Relu) writes 'x', which is also its own input, already written by the graph input"),
            ([relu("a", "x", "h"), relu("b", "h", "h")], "node 'b' (Relu) writes 'h', which is also its own input, already written by node 'a'"),
            ([relu("a", "x", "h"), relu("b", "x", "h")], "node 'b' (Relu) writes 'h', already written by node 'a'"),
            ([relu("a", "x", "fc.bias")], "node 'a' (Relu) writes 'fc.bias', already written by an initialiser"),
        ]
        for (nodes, expected) in cases {
            let error = Self.onnxError { _ = try Self.load(Self.model(nodes: nodes), in: dir) }
            #expect(error?.message.hasPrefix(expected) == true, "\(String(describing: error))")
        }
    }

    /// Issue 25: a network whose node writes its own input was exported without complaint.
    @Test func exportRefusesANetworkThatWouldWriteANameTwice() throws {
        var rng = SplitMix64(seed: 1)
        for names in [["input"], ["fc", "fc"], ["logits"]] {
            var net = Network(name: "n", inputShape: [4])
            var previous = -1
            for name in names { previous = net.add(Dense(name, inFeatures: 4, outFeatures: 4, rng: &rng), inputs: [previous]) }
            let error = Self.onnxError { _ = try ONNXExport.model(net) }
            guard case .invalidGraph(let file, let reason)? = error else { Issue.record("\(names): \(String(describing: error))"); continue }
            #expect(file == "network 'n'" && reason.contains("every tensor must be written once"), "\(reason)")
        }
        var ok = Network(name: "n", inputShape: [4])
        _ = ok.add(Dense("fc1", inFeatures: 4, outFeatures: 4, rng: &rng), inputs: [-1])
        _ = try ONNXExport.model(ok)
    }
}
