import Foundation
import Testing
@testable import NetSim

/// `axmul retrain` is crash-safe like `train` (SIGKILL at seeded points, `--resume`, bit-equal end
/// state), and its checkpoint carries the Δx it was evaluated with, so `eval` and `crosseval`
/// reproduce its "after" figure exactly; its result JSON lands next to the checkpoint for `report`.
@Suite(.serialized) struct RetrainResumeTests {
    static let epochs = 6
    static let data = "breast_cancer_wdbc", multiplier = "smapprox8x8-2222"

    static func retrainArgs(parent: URL) -> [String] {
        ["retrain", "--model", parent.path, "--data", data, "--multiplier", multiplier, "--method", "errormodel",
         "--epochs", "\(epochs)", "--batch", "8", "--lr", "0.002", "--samples", "64", "--seed", "3"]
    }

    /// A parent trained for 2 epochs (seeded).
    static func parent(in folder: URL) throws -> URL {
        let url = folder.appendingPathComponent("parent.safetensors")
        let run = runAxmul(["train", "--model", "mlp", "--data", data, "--hidden", "16", "--epochs", "2", "--threads", "1",
                            "--seed", "7", "--batch", "8", "-o", url.path])
        #expect(run.status == 0, "parent training failed: \(run.stderr)")
        return url
    }

    static func json(_ text: String) throws -> [String: Any] {
        let line = try #require(text.split(separator: "\n").map(String.init).last { $0.hasPrefix("{") } ?? (text.isEmpty ? nil : text))
        return try #require(try JSONSerialization.jsonObject(with: Data((text.hasPrefix("{") ? text : line).utf8)) as? [String: Any])
    }

    @Test func evalAndCrossevalReproduceTheAfterFigureAndReportShowsIt() throws {
        let folder = try KillResumeTests.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let parent = try Self.parent(in: folder)
        let out = folder.appendingPathComponent("m-2222.safetensors")
        let run = runAxmul(Self.retrainArgs(parent: parent) + ["-o", out.path, "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        let report = try Self.json(run.stdout)
        let after = try #require(report["approx_accuracy_after"] as? Double)

        let eval = runAxmul(["eval", "--model", out.path, "--json"])
        #expect(eval.status == 0, "\(eval.stderr)")
        let e = try Self.json(eval.stdout)
        #expect(e["approx_accuracy"] as? Double == after, "eval \(e), retrain after \(after)")
        #expect(e["multiplier"] as? String == Self.multiplier)

        let cross = runAxmul(["crosseval", "--data", Self.data, "--model", out.path, "--multiplier", Self.multiplier, "--json"])
        #expect(cross.status == 0, "\(cross.stderr)")
        let table = try Self.json(cross.stdout)
        #expect((table["accuracy"] as? [[Double]])?.first?.first == after, "crosseval \(table)")
        #expect(table["schema"] as? String == "axmul.crosseval/1")

        let info = try TrainCheckpoint.load(from: out).info
        let provenance = try #require(info.provenance)
        #expect(provenance.method == "errormodel" && provenance.epochs == Self.epochs && provenance.lr == 0.002)
        #expect(provenance.multiplier.name == Self.multiplier && provenance.multiplier.tableHash.hasPrefix("fnv1a64:0x"))
        #expect(provenance.parentHash == (try CheckpointProvenance.fileHash(parent)))
        #expect(try #require(info.quantisation).inputDeltas.keys.sorted() == ["fc1", "fc2"])

        let saved = folder.appendingPathComponent("m-2222.retrain.json")
        let savedJSON = try Self.json(String(decoding: try Data(contentsOf: saved), as: UTF8.self))
        #expect(savedJSON["approx_accuracy_after"] as? Double == after && savedJSON["schema"] as? String == "axmul.retrain/1")
        let html = folder.appendingPathComponent("report.html")
        let rendered = runAxmul(["report", folder.path, "-o", html.path])
        #expect(rendered.status == 0, "\(rendered.stderr)")
        let page = String(decoding: try Data(contentsOf: html), as: UTF8.self)
        #expect(page.contains("Accuracy per multiplier and method"))
        #expect(!page.contains("No NetSim result files were recognised"))
    }

    @Test func sigkillAtRandomPointsThenResumeEqualsUninterruptedRetrain() throws {
        let binary = try #require(axmulBinaryURL(), "axmul binary not found; run swift build first")
        let folder = try KillResumeTests.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let parent = try Self.parent(in: folder)
        let args = Self.retrainArgs(parent: parent)
        let reference = folder.appendingPathComponent("reference.safetensors")
        let started = Date()
        let straight = runAxmul(args + ["-o", reference.path])
        #expect(straight.status == 0, "uninterrupted retrain failed: \(straight.stderr)")
        let runSeconds = Date().timeIntervalSince(started)

        let output = folder.appendingPathComponent("killed.safetensors"), log = URL(fileURLWithPath: output.path + ".log.jsonl")
        let outcomes = try KillResumeTests.killRepeatedly(binary, args: args, output: output, log: log, epochs: Self.epochs,
                                                          seed: 2027, runSeconds: runSeconds)
        let finish = runAxmul(args + ["-o", output.path] + (FileManager.default.fileExists(atPath: output.path) ? ["--resume"] : []))
        #expect(finish.status == 0, "final resume failed: \(finish.stderr)")

        let interrupted = outcomes.filter(\.killed).count
        print("retrain kill/resume: \(outcomes.count) kills, \(interrupted) interrupted a run;",
              outcomes.map(\.detail).joined(separator: "; "))
        #expect(interrupted >= 2, "only \(interrupted) of \(outcomes.count) kills interrupted a run")
        #expect(try TrainCheckpoint.load(from: output).trainer.epoch == Self.epochs)
        #expect(try TrainingLog.records(at: log).map(\.epoch) == Array(1...Self.epochs))
        try KillResumeTests.expectSameTensors(output, reference)
        #expect(try Data(contentsOf: output) == Data(contentsOf: reference), "checkpoint files differ byte-wise")
    }

    /// `--baseline-fixed` draws each layer's Err at the first step; the checkpoint keeps it
    /// (`optimizer.state.baseline_err.<layer>`), so stopping after 2 of 4 epochs and resuming
    /// ends with the same file as a straight run.
    @Test func baselineFixedErrSurvivesResume() throws {
        let folder = try KillResumeTests.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let parent = try Self.parent(in: folder)
        func args(_ epochs: Int) -> [String] {
            ["retrain", "--model", parent.path, "--data", Self.data, "--multiplier", Self.multiplier, "--method", "baseline",
             "--baseline-fixed", "--epochs", "\(epochs)", "--batch", "16", "--lr", "0.002"]
        }
        let straight = folder.appendingPathComponent("straight.safetensors"), split = folder.appendingPathComponent("split.safetensors")
        #expect(runAxmul(args(4) + ["-o", straight.path]).status == 0)
        #expect(runAxmul(args(2) + ["-o", split.path]).status == 0)
        let resumed = runAxmul(args(4) + ["-o", split.path, "--resume"])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(try SafeTensors.read(from: split).tensors.keys.contains("optimizer.state.baseline_err.fc1"))
        #expect(try Data(contentsOf: straight) == Data(contentsOf: split), "checkpoints differ")
    }

    /// A one-epoch retrain run with `first` appended to the arguments, then `--resume` of its checkpoint
    /// with `edit` applied to them: the resumed run's result (expected to be refused).
    static func resumeAfterOneEpoch(first: [String] = [], edit: (inout [String]) -> Void) throws -> (status: Int32, stderr: String) {
        let folder = try KillResumeTests.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("m.safetensors")
        var args = Self.retrainArgs(parent: try Self.parent(in: folder))
        args[args.firstIndex(of: "--epochs")! + 1] = "1"
        #expect(runAxmul(args + first + ["-o", out.path]).status == 0)
        edit(&args)
        let run = runAxmul(args + ["-o", out.path, "--resume"])
        return (run.status, run.stderr)
    }

    /// `--resume` refuses a checkpoint written by another retraining run.
    @Test func resumeRefusesAnotherRunsCheckpoint() throws {
        let run = try Self.resumeAfterOneEpoch { $0[$0.firstIndex(of: "errormodel")!] = "behavioural" }
        #expect(run.status == 1)
        #expect(run.stderr.contains("not written by this retraining run"), "\(run.stderr)")
    }

    /// `--resume` compares every quantisation setting (`QuantSpec`), including the calibration batches
    /// that the resume check once left out; the message gives both sets of flags.
    @Test func resumeRefusesOtherCalibrationBatches() throws {
        let run = try Self.resumeAfterOneEpoch(first: ["--calibration-batches", "2"]) { _ in }
        #expect(run.status == 1)
        #expect(run.stderr.contains("--calibration-batches 2") && run.stderr.contains("--calibration-batches 4"), "\(run.stderr)")
    }
}
