import Foundation
import Testing
@testable import NetSim
#if canImport(Glibc)
import Glibc
#endif

/// Issue 16 end to end: every bad input ends in one `error:` line (plus an optional `hint:`), exit 1
/// for runtime errors and 2 for usage errors, no signal, and no new file in the output folder.
/// Every input is generated here.
@Suite struct HostileInputCLITests {
    /// A folder with a small separable CSV data set (`features` columns, 2 classes, 40 rows).
    static func folderWithData(features: Int = 4, rows: Int = 40, classes: Int = 2) throws -> (URL, String) {
        let folder = try KillResumeTests.scratchFolder()
        var rng = SplitMix64(seed: 3)
        var lines: [String] = []
        for r in 0..<rows {
            let label = r % classes
            let xs = (0..<features).map { _ in String(format: "%.3f", Double(label) + Double(rng.next() % 1000) / 2000) }
            lines.append((xs + ["\(label)"]).joined(separator: ","))
        }
        let path = folder.appendingPathComponent("d\(features).csv").path
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return (folder, path)
    }

    static func files(in folder: URL) -> Set<String> {
        Set((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
    }

    /// Runs axmul and checks the error contract: `status`, one `error:` line, at most one `hint:` line.
    @discardableResult
    static func refused(_ args: [String], status: Int32, contains: String? = nil,
                        sourceLocation: SourceLocation = #_sourceLocation) -> String {
        let run = runAxmul(args)
        #expect(run.status == status, "\(args): exit \(run.status), stderr \(run.stderr)", sourceLocation: sourceLocation)
        let lines = run.stderr.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("error: ") == true, "\(args): \(run.stderr)", sourceLocation: sourceLocation)
        #expect(lines.count == 1 || (lines.count == 2 && lines[1].hasPrefix("hint: ")), "\(args): \(run.stderr)",
                sourceLocation: sourceLocation)
        if let contains {
            #expect(run.stderr.contains(contains), "\(args): \(run.stderr)", sourceLocation: sourceLocation)
        }
        return run.stderr
    }

    static func train(_ data: String, _ out: URL, _ extra: [String] = []) -> [String] {
        ["train", "--model", "mlp", "--data", data, "--hidden", "8", "--epochs", "1", "--batch", "8", "-o", out.path] + extra
    }

    /// Trains one epoch on the generated set; returns the checkpoint.
    static func trainedCheckpoint(_ folder: URL, _ data: String) throws -> URL {
        let out = folder.appendingPathComponent("m.safetensors")
        let run = runAxmul(train(data, out))
        try #require(run.status == 0, "\(run.stderr)")
        return out
    }

    // MARK: class 2, allocation sized by metadata

    /// Writes a checkpoint whose metadata is `meta` patched over a real checkpoint's.
    static func patchedCheckpoint(_ source: URL, _ to: URL, _ patch: [String: String], nan: Bool = false) throws {
        var (tensors, meta) = try SafeTensors.read(from: source)
        for (k, v) in patch { meta[k] = v }
        var list = tensors.sorted { $0.key < $1.key }.map { (name: $0.key, shape: $0.value.shape, values: $0.value.values) }
        if nan { list[0].values[0] = .nan }
        try SafeTensors.write(list, metadata: meta, to: to)
    }

    @Test func checkpointMetadataClaimingHugeSizesIsRefusedWithTheSize() throws {
        let (folder, data) = try Self.folderWithData()
        defer { try? FileManager.default.removeItem(at: folder) }
        let good = try Self.trainedCheckpoint(folder, data)
        let classes = folder.appendingPathComponent("classes.safetensors")
        try Self.patchedCheckpoint(good, classes, ["class_count": "1000000000"])
        Self.refused(["eval", "--model", classes.path, "--data", data], status: 1, contains: "class_count 1000000000")
        let hidden = folder.appendingPathComponent("hidden.safetensors")
        try Self.patchedCheckpoint(good, hidden, ["hidden": "100000,100000"])
        Self.refused(["eval", "--model", hidden.path, "--data", data], status: 1, contains: "needs at least 10000")
    }

    @Test func trainWithAHugeHiddenWidthIsRefusedBeforeAllocating() throws {
        let (folder, data) = try Self.folderWithData()
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = Self.files(in: folder)
        let out = folder.appendingPathComponent("big.safetensors")
        Self.refused(["train", "--model", "mlp", "--data", data, "--hidden", "100000000", "-o", out.path], status: 2, contains: "--hidden")
        Self.refused(["train", "--model", "mlp", "--data", data, "--hidden", "1000000,1000000", "-o", out.path], status: 1,
                     contains: "over the memory budget")
        #expect(Self.files(in: folder) == before)
    }

    @Test func nanWeightsInACheckpointAreRefused() throws {
        let (folder, data) = try Self.folderWithData()
        defer { try? FileManager.default.removeItem(at: folder) }
        let good = try Self.trainedCheckpoint(folder, data)
        let bad = folder.appendingPathComponent("nan.safetensors")
        try Self.patchedCheckpoint(good, bad, [:], nan: true)
        Self.refused(["eval", "--model", bad.path, "--data", data], status: 1, contains: "holds nan at index 0")
    }

    // MARK: class 3, shape mismatches

    @Test func resumeOrEvaluateWithDataOfAnotherWidthIsRefused() throws {
        let (folder, data) = try Self.folderWithData()
        defer { try? FileManager.default.removeItem(at: folder) }
        let ckpt = try Self.trainedCheckpoint(folder, data)
        let (other, wide) = try Self.folderWithData(features: 6)
        defer { try? FileManager.default.removeItem(at: other) }
        Self.refused(["train", "--model", "mlp", "--data", wide, "--hidden", "8", "--epochs", "2", "--resume", "-o", ckpt.path],
                     status: 1, contains: "takes input [4]")
        Self.refused(["evaluate", "--model", ckpt.path, "--data", wide, "--multiplier", "smapprox8x8-0000"],
                     status: 1, contains: "takes input [4]")
        Self.refused(["eval", "--model", ckpt.path, "--data", wide], status: 1, contains: "takes input [4]")
    }

    @Test func resumeWithDifferentBatchLrOptimizerOrSeedIsRefused() throws {
        let (folder, data) = try Self.folderWithData()
        defer { try? FileManager.default.removeItem(at: folder) }
        let ckpt = try Self.trainedCheckpoint(folder, data)
        let base = ["train", "--model", "mlp", "--data", data, "--hidden", "8", "--epochs", "2", "--resume", "-o", ckpt.path]
        for flag in [["--batch", "16"], ["--lr", "0.5"], ["--optimizer", "adam"], ["--seed", "9"]] {
            Self.refused(base + flag, status: 2, contains: flag[0])
        }
        let same = runAxmul(base + ["--batch", "8", "--seed", "1"])
        #expect(same.status == 0, "\(same.stderr)")
    }

    // MARK: class 4, flag values

    @Test func flagValuesOutsideTheirRangeExitTwo() throws {
        let (folder, data) = try Self.folderWithData()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("x.safetensors").path
        let base = ["train", "--model", "mlp", "--data", data, "-o", out]
        let bad: [[String]] = [
            ["--model", "nosuch"], ["--optimizer", "nosuch"], ["--hidden", "0"], ["--schedule", "step:x"],
            ["--schedule", "step:1e30:0.5"], ["--hidden", "8,,8"], ["--epochs", "0"], ["--epochs", "-3"], ["--batch", "0"],
            ["--threads", "0"], ["--threads", "100000"], ["--lr", "nan"], ["--lr", "inf"], ["--lr", "-1"],
        ]
        let before = Self.files(in: folder)
        for flag in bad { Self.refused(base + flag, status: 2) }
        #expect(Self.files(in: folder) == before)
        Self.refused(["compile", "smapprox8x8-0000", "--encoding", "2", "-o", out], status: 2, contains: "sign-magnitude")
    }

    /// Property: any value outside a numeric flag's documented range exits 2, for every command that
    /// has the flag, with random values (seeded; the seed is in the failure message).
    @Test func randomOutOfRangeFlagValuesExitTwo() throws {
        var rng = SplitMix64(seed: 16)
        let commands: [(args: [String], flag: String, low: Int, high: Int)] = [
            (["train", "--model", "mlp", "--data", "x", "-o", "/tmp/never.safetensors"], "--epochs", 1, 100_000),
            (["train", "--model", "mlp", "--data", "x", "-o", "/tmp/never.safetensors"], "--batch", 1, 1 << 20),
            (["train", "--model", "mlp", "--data", "x", "-o", "/tmp/never.safetensors"], "--threads", 1, 256),
            (["eval", "--model", "/tmp/never.safetensors"], "--threads", 1, 256),
            (["characterize", "exact8"], "--threads", 1, 256),
            (["hybrid", "--data", "x"], "--epochs", 1, 100_000),
            (["axtrain", "--data", "x", "-o", "/tmp/never"], "--runs", 1, 100_000),
            (["evaluate", "--model", "m", "--data", "d", "--multiplier", "exact8"], "--calibration-batches", 1, 100_000),
        ]
        for (args, flag, low, high) in commands {
            for _ in 0..<2 {
                let below = low - 1 - Int(rng.next() % 1000), above = high + 1 + Int(rng.next() % 1_000_000)
                for value in [below, above] {
                    let run = runAxmul(args + [flag, "\(value)"])
                    #expect(run.status == 2, "\(args) \(flag) \(value): exit \(run.status) \(run.stderr)")
                }
            }
        }
    }

    // MARK: class 6, debris and the output helper

    @Test func directoryAsOutputIsRefusedBeforeTrainingAndLeavesNothing() throws {
        let (folder, data) = try Self.folderWithData()
        defer { try? FileManager.default.removeItem(at: folder) }
        let dir = folder.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let before = Self.files(in: folder)
        Self.refused(Self.train(data, dir), status: 1, contains: "is a folder")
        #expect(Self.files(in: folder) == before)
        #expect(Self.files(in: dir).isEmpty)
    }

    @Test func trainingStoppedBeforeItsFirstCheckpointLeavesNoLog() throws {
        let (folder, data) = try Self.folderWithData()
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = Self.files(in: folder)
        let out = folder.appendingPathComponent("nan.safetensors")
        Self.refused(Self.train(data, out, ["--lr", "1e30"]), status: 1, contains: "training stopped")
        #expect(Self.files(in: folder) == before)
    }

    @Test func secondTrainingOnTheSameOutputIsRefusedWhileTheFirstHoldsTheLock() throws {
        let (folder, data) = try Self.folderWithData()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("m.safetensors")
        let lock = try TableFormatLockHolder(for: out.path)
        Self.refused(Self.train(data, out), status: 1, contains: "another process is writing")
        #expect(!FileManager.default.fileExists(atPath: out.path))
        lock.release()
        #expect(runAxmul(Self.train(data, out)).status == 0)
        #expect(!Self.files(in: folder).contains { $0.hasSuffix(".lock") })
    }

    /// The same lock guards every training command's output: retrain's checkpoint, and the results
    /// folders of hybrid and axtrain.
    @Test func everyTrainingCommandRefusesAnOutputAnotherProcessIsWriting() throws {
        let (folder, data) = try Self.folderWithData()
        defer { try? FileManager.default.removeItem(at: folder) }
        let parent = folder.appendingPathComponent("p.safetensors")
        #expect(runAxmul(Self.train(data, parent)).status == 0)
        let retrained = folder.appendingPathComponent("r.safetensors")
        let hybrid = folder.appendingPathComponent("h"), axtrain = folder.appendingPathComponent("a")
        try FileManager.default.createDirectory(at: hybrid, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: axtrain, withIntermediateDirectories: true)
        let runs: [(lock: String, args: [String])] = [
            (retrained.path, ["retrain", "--model", parent.path, "--data", data, "--multiplier", "exact8", "--method", "behavioural",
                              "--epochs", "1", "-o", retrained.path]),
            (hybrid.appendingPathComponent("hybrid").path,
             ["hybrid", "--data", data, "--hidden", "8", "--epochs", "1", "--switch-epoch", "1", "-o", hybrid.path]),
            (axtrain.appendingPathComponent("axtrain").path,
             ["axtrain", "--data", data, "--hidden", "8", "--act-epochs", "1", "--pas-epochs", "0", "-o", axtrain.path]),
        ]
        for run in runs {
            let lock = try TableFormatLockHolder(for: run.lock)
            Self.refused(run.args, status: 1, contains: "another process is writing")
            lock.release()
            let ok = runAxmul(run.args)
            #expect(ok.status == 0, "\(run.args[0]): \(ok.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: retrained.path + ".lock"))
        for sub in [folder, hybrid, axtrain] { #expect(!Self.files(in: sub).contains { $0.hasSuffix(".lock") }) }
    }

    /// A write that fails part-way (file-size limit, as on a full disk) leaves no temporary file.
    @Test func failedWriteLeavesNoTemporaryFile() throws {
        let folder = try KillResumeTests.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        guard let binary = axmulBinaryURL() else { Issue.record("no binary"); return }
        for args in [["table", "smapprox8x8-0000", "-o", folder.appendingPathComponent("t.csv").path],
                     ["compile", "smapprox8x8-0000", "-o", folder.appendingPathComponent("t.axlut").path]] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            let quoted = args.map { "'\($0)'" }.joined(separator: " ")
            process.arguments = ["-c", "trap '' XFSZ; ulimit -f 2; exec '\(binary.path)' \(quoted) 2>&1"]
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 1, "\(args): \(output)")
            #expect(output.hasPrefix("error: "), "\(output)")
            #expect(Self.files(in: folder).isEmpty, "\(args) left \(Self.files(in: folder))")
        }
    }

    // MARK: class 5, file kinds

    @Test func deviceAsInputIsNamed() {
        Self.refused(["check", "/dev/zero"], status: 1, contains: "/dev/zero: the input is a character device")
        Self.refused(["eval", "--model", "/dev/zero", "--data", "breast_cancer_wdbc"], status: 1,
                     contains: "/dev/zero: the input is a character device")
    }

    // MARK: class 7, nonsense accepted

    @Test func layerMultiplierForAMissingLayerIsRefused() throws {
        let (folder, data) = try Self.folderWithData()
        defer { try? FileManager.default.removeItem(at: folder) }
        let ckpt = try Self.trainedCheckpoint(folder, data)
        Self.refused(["evaluate", "--model", ckpt.path, "--data", data, "--multiplier", "smapprox8x8-0000",
                      "--layer-multiplier", "fc9=smapprox8x8-0000"], status: 1, contains: "no multiplying layer 'fc9'")
    }

    @Test func dataWithOneClassOrAnEmptyTestSplitIsRefused() throws {
        let (folder, one) = try Self.folderWithData(classes: 1)
        defer { try? FileManager.default.removeItem(at: folder) }
        Self.refused(Self.train(one, folder.appendingPathComponent("a.safetensors")), status: 1, contains: "at least 2 classes")
        let (other, tiny) = try Self.folderWithData(rows: 4)
        defer { try? FileManager.default.removeItem(at: other) }
        Self.refused(Self.train(tiny, other.appendingPathComponent("b.safetensors")), status: 1, contains: "test split")
        #expect(Self.files(in: folder) == ["d4.csv"])
        #expect(Self.files(in: other) == ["d4.csv"])
    }

    static let mul2 = """
    design mul2
    inputs a[2] b[2]
    output p[4]
    view gates
      cell g0 AND a0 b0 -> p0
      cell g1 AND a1 b0 -> x
      cell g2 AND a0 b1 -> y
      cell h1 HA x y -> p1 c
      cell g3 AND a1 b1 -> z
      cell h2 HA z c -> p2 p3
    end
    view lut
      cell l0 LUT6_2 INIT=0000A0A000000000 I0=a0 I1=a1 I2=b0 I3=b1 I4=0 I5=1 O6=p0
      cell l1 LUT6_2 INIT=00006AC000000000 I0=a0 I1=a1 I2=b0 I3=b1 I4=0 I5=1 O6=p1
      cell l2 LUT6_2 INIT=00004C0000000000 I0=a0 I1=a1 I2=b0 I3=b1 I4=0 I5=1 O6=p2
      cell l3 LUT6_2 INIT=0000800000000000 I0=a0 I1=a1 I2=b0 I3=b1 I4=0 I5=1 O6=p3
    end

    """

    @Test func designWhoseViewsDisagreeIsRefusedByEveryCommandThatUsesIt() throws {
        let folder = try KillResumeTests.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let good = folder.appendingPathComponent("good.axd").path, bad = folder.appendingPathComponent("bad.axd").path
        try Self.mul2.write(toFile: good, atomically: true, encoding: .utf8)
        try Self.mul2.replacingOccurrences(of: "INIT=0000800000000000", with: "INIT=0000000000000000")
            .write(toFile: bad, atomically: true, encoding: .utf8)
        #expect(runAxmul(["table", good, "-o", folder.appendingPathComponent("ok.csv").path]).status == 0)
        let before = Self.files(in: folder)
        for args in [["table", bad, "-o", folder.appendingPathComponent("t.csv").path],
                     ["compile", bad, "-o", folder.appendingPathComponent("t.axlut").path],
                     ["characterize", bad], ["verilog", bad, "-o", folder.appendingPathComponent("v").path]] {
            Self.refused(args, status: 1, contains: "views disagree")
        }
        #expect(Self.files(in: folder) == before)
    }

    @Test func pairsOutsideTheDesignWidthAreRefusedWithTheLine() throws {
        let folder = try KillResumeTests.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pairs = folder.appendingPathComponent("pairs.txt").path
        try "1 2\n\n3 4\n20 1\n".write(toFile: pairs, atomically: true, encoding: .utf8)
        Self.refused(["characterize", "smapprox4x4-0", "--pairs", pairs], status: 1, contains: "\(pairs):4:")
    }

    @Test func importersNeverWriteADesignFileTheParserRefuses() throws {
        let folder = try KillResumeTests.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let wide = folder.appendingPathComponent("wide.v").path
        try "module w(input [39:0] a, input [39:0] b, output [79:0] p);\nassign p = {a, b};\nendmodule\n"
            .write(toFile: wide, atomically: true, encoding: .utf8)
        let small = folder.appendingPathComponent("small.v").path
        try "module s(input a, input b, output p);\nassign p = a & b;\nendmodule\n".write(toFile: small, atomically: true, encoding: .utf8)
        let before = Self.files(in: folder)
        Self.refused(["import-verilog", wide, "-o", folder.appendingPathComponent("w.axd").path], status: 1, contains: "would not read back")
        Self.refused(["import-verilog", small, "--name", "my design", "-o", folder.appendingPathComponent("s.axd").path],
                     status: 1, contains: "would not read back")
        #expect(Self.files(in: folder) == before)
        let ok = runAxmul(["import-verilog", small, "-o", folder.appendingPathComponent("s.axd").path])
        #expect(ok.status == 0, "\(ok.stderr)")
    }

    /// A table wider than a design file may hold (the issue's 4096×4096; here 512×512, 18 input bits,
    /// which meets the same rule at a size a debug build reads quickly) is refused, and nothing is written.
    @Test func importLutOfATableWiderThanADesignFileIsRefused() throws {
        let folder = try KillResumeTests.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let side = 512
        var header = "{'descr': '|u1', 'fortran_order': False, 'shape': (\(side), \(side)), }"
        while (10 + header.utf8.count + 1) % 64 != 0 { header += " " }
        header += "\n"
        var bytes: [UInt8] = [0x93] + Array("NUMPY".utf8) + [1, 0, UInt8(header.utf8.count & 0xFF), UInt8(header.utf8.count >> 8)]
        bytes += Array(header.utf8)
        bytes += (0..<side * side).map { UInt8(truncatingIfNeeded: ($0 / side) &* ($0 % side)) }
        let npy = folder.appendingPathComponent("wide.npy")
        try Data(bytes).write(to: npy)
        let before = Self.files(in: folder)
        let message = Self.refused(["import-lut", npy.path, "--format", "npy", "--name", "wide",
                                    "-o", folder.appendingPathComponent("wide.axd").path], status: 1)
        #expect(message.contains("would not read back") && message.contains("a 9x9 table in a design file (at most 16 input bits)"),
                "\(message)")
        #expect(Self.files(in: folder) == before)
    }

    /// Property: after any failing command, the output folder holds no new file (seeded choice of bad
    /// inputs: a ragged table, bad UTF-8, a device, an unknown design, a design name with spaces).
    @Test func failingCommandsLeaveTheOutputFolderUnchanged() throws {
        let folder = try KillResumeTests.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let inputs = try KillResumeTests.scratchFolder()
        defer { try? FileManager.default.removeItem(at: inputs) }
        let ragged = inputs.appendingPathComponent("ragged.txt").path
        try "0 0\n0 1 2\n".write(toFile: ragged, atomically: true, encoding: .utf8)
        let table = inputs.appendingPathComponent("ok.txt").path
        try "0 0\n0 1\n".write(toFile: table, atomically: true, encoding: .utf8)
        let badText = inputs.appendingPathComponent("bad.v").path
        try Data([0x6D, 0xFF, 0x0A]).write(to: URL(fileURLWithPath: badText))
        let out = { (name: String) in folder.appendingPathComponent(name).path }
        let failing: [[String]] = [
            ["import-lut", ragged, "--format", "text", "--name", "r", "-o", out("r.axd")],
            ["import-lut", table, "--format", "text", "--name", "two words", "-o", out("t.axd")],
            ["import-lut", "/dev/zero", "--format", "npy", "--name", "z", "-o", out("z.axd")],
            ["import-verilog", badText, "-o", out("v.axd")],
            ["table", "no-such-design", "-o", out("t.csv")],
            ["compile", "no-such-design", "-o", out("t.axlut")],
            ["export-lut", "no-such-design", "--format", "npy", "-o", out("t.npy")],
            ["verilog", "no-such-design", "-o", out("vdir")],
            ["train", "--model", "mlp", "--data", ragged, "--epochs", "1", "-o", out("m.safetensors")],
        ]
        var rng = SplitMix64(seed: 1616)
        for args in failing.shuffled(using: &rng) {
            let run = runAxmul(args)
            #expect(run.status == 1, "\(args): exit \(run.status) \(run.stderr)")
            #expect(!run.stderr.contains("permission"), "\(args): \(run.stderr)")
            #expect(Self.files(in: folder).isEmpty, "\(args) left \(Self.files(in: folder))")
        }
    }
}

/// Holds the lock `axmul train` takes on an output, as a second writer would.
final class TableFormatLockHolder {
    private var fd: Int32
    let path: String
    init(for output: String) throws {
        let url = URL(fileURLWithPath: output)
        path = url.deletingLastPathComponent().path + "/.\(url.lastPathComponent).lock"
        fd = open(path, O_RDWR | O_CREAT, 0o644)
        guard fd >= 0, flock(fd, LOCK_EX | LOCK_NB) == 0 else { throw CocoaError(.fileLocking) }
    }
    func release() {
        guard fd >= 0 else { return }
        unlink(path)
        close(fd)
        fd = -1
    }
    deinit { release() }
}
