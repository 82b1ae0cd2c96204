import Foundation
import Testing

/// `--threads N` changes only how many workers run the fixed chunks: `evaluate`, `retrain` (one
/// epoch), `search` and `errormodel build` give byte-identical JSON and files for 1, 2, 3 and 8
/// workers (8 is more workers than this machine has cores: the many-worker split, simulated).
@Suite(.serialized) struct ThreadCountCLITests {
    static let counts = ["1", "2", "3", "8"]

    /// A ResNet-8 trained one epoch on 8×8 digits, batch 64 (so the float convolutions have 4,096
    /// columns: two column chunks), once per test process.
    static let resnet: Result<URL, Error> = Result {
        let dir = try cliTestFolder("axmul-threads-model")
        let url = dir.appendingPathComponent("resnet8.safetensors")
        _ = try runAxmulOK(["train", "--model", "resnet8", "--data", "digits_8x8", "--epochs", "1", "--batch", "64",
                            "--seed", "3", "-o", url.path])
        return url
    }

    /// Runs `args(n, folder)` for every worker count and returns (stdout, files written) per count.
    func runs(_ args: (String, URL) -> [String], files: [String]) throws -> [(String, [Data])] {
        let dir = try cliTestFolder("axmul-threads")
        defer { try? FileManager.default.removeItem(at: dir) }
        return try Self.counts.map { n in
            let folder = dir.appendingPathComponent("t\(n)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let out = try runAxmulOK(args(n, folder) + ["--threads", n])
            return (out, try files.map { try Data(contentsOf: folder.appendingPathComponent($0)) })
        }
    }

    /// A JSON object's text without its wall-time keys (`epoch_seconds`, …), keys sorted.
    static func withoutTimes(_ json: String) throws -> String {
        func strip(_ v: Any) -> Any {
            if let d = v as? [String: Any] { return d.filter { !$0.key.contains("second") }.mapValues(strip) }
            if let a = v as? [Any] { return a.map(strip) }
            return v
        }
        let object = strip(try JSONSerialization.jsonObject(with: Data(json.utf8)))
        return String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
    }

    func expectIdentical(_ results: [(String, [Data])], _ what: String) {
        for (n, r) in zip(Self.counts, results).dropFirst() {
            #expect(r.0 == results[0].0, "\(what): stdout with --threads \(n) differs from --threads 1")
            #expect(r.1 == results[0].1, "\(what): files written with --threads \(n) differ from --threads 1")
        }
    }

    @Test func evaluateIsIdenticalForAnyWorkerCount() throws {
        let model = try Self.resnet.get().path
        let results = try runs({ _, _ in
            ["evaluate", "--model", model, "--data", "digits_8x8", "--multiplier", "smapprox8x8-3330",
             "--calibration-samples", "64", "--limit", "300", "--json"]
        }, files: [])
        #expect(results[0].0.contains("\"approx_accuracy\""), "\(results[0].0)")
        expectIdentical(results, "evaluate")
    }

    @Test func retrainOneEpochIsIdenticalForAnyWorkerCount() throws {
        let model = try Self.resnet.get().path
        let results = try runs({ _, folder in
            ["retrain", "--model", model, "--data", "digits_8x8", "--multiplier", "smapprox8x8-2222", "--method", "behavioural",
             "--epochs", "1", "--batch", "64", "--lr", "0.01", "--train-limit", "256", "--limit", "100",
             "--calibration-samples", "64", "-o", folder.appendingPathComponent("r.safetensors").path, "--json"]
        }, files: ["r.safetensors"])
        expectIdentical(try results.map { (try Self.withoutTimes($0.0), $0.1) }, "retrain")
    }

    @Test func errorModelIsIdenticalForAnyWorkerCount() throws {
        let model = try Self.resnet.get().path
        let results = try runs({ _, folder in
            ["errormodel", "build", "--model", model, "--data", "digits_8x8", "--multiplier", "smapprox8x8-2222",
             "--samples", "128", "--calibration-samples", "64", "-o", folder.appendingPathComponent("e.axerr").path, "--json"]
        }, files: ["e.axerr"])
        expectIdentical(results, "errormodel build")
    }

    @Test func searchIsIdenticalForAnyWorkerCount() throws {
        let dir = try cliTestFolder("axmul-threads-search")
        defer { try? FileManager.default.removeItem(at: dir) }
        let args = try SearchSlurmTests.prepare(dir)
        let results = try runs({ _, folder in args + ["--shards", "2", "-o", folder.path] }, files: ["front.json"])
        expectIdentical(results.map { ("", $0.1) }, "search")   // stdout names the output folder
    }

    /// `AXMUL_ISA` caps the kernels (avx2: the pair kernel; portable: plain C) and `AXMUL_THREADS`
    /// sets the workers: the evaluate JSON stays the same bytes; bad values are usage errors.
    @Test func forcedFallbacksAndEnvironmentWorkersGiveIdenticalOutput() throws {
        let model = try Self.resnet.get().path
        let args = ["evaluate", "--model", model, "--data", "digits_8x8", "--multiplier", "smapprox8x8-3330",
                    "--calibration-samples", "64", "--limit", "300", "--json"]
        let reference = try runAxmulOK(args)
        for env in [["AXMUL_ISA": "avx2"], ["AXMUL_ISA": "portable"], ["AXMUL_THREADS": "3"], ["AXMUL_ISA": "portable", "AXMUL_THREADS": "1"]] {
            let r = runAxmul(args, environment: env)
            #expect(r.status == 0 && r.stdout == reference, "\(env): \(r.stderr)")
        }
        for env in [["AXMUL_ISA": "sse4"], ["AXMUL_THREADS": "0"], ["AXMUL_THREADS": "many"]] {
            let r = runAxmul(args, environment: env)
            #expect(r.status == 2 && r.stderr.contains(env.keys.first!), "\(env): \(r.status) \(r.stderr)")
        }
    }

    @Test func badCountsAreUsageErrors() {
        for bad in ["0", "257", "x"] {
            let r = runAxmul(["evaluate", "--model", "m", "--data", "d", "--multiplier", "exact8", "--threads", bad])
            #expect(r.status == 2 && r.stderr.contains("--threads"), "--threads \(bad): \(r.status) \(r.stderr)")
        }
    }
}
