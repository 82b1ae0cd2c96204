import Foundation
import NetSim
import Testing

/// Issue 25 through the built CLI: path flags with control characters and `--sbatch-option`s outside the
/// allow-list are usage errors (exit 2) naming the flag, before anything is written; a resume with another
/// seed or with other data at the same path measures again (fronts equal a fresh run's); a forged shard
/// file is named with its line; a `--library-filter` that keeps nothing is an error.
struct SearchIntegrityCLITests {
    static let controls = ["\n", "\r", "\t", "\u{1B}", "\u{7F}", "\u{85}", "\u{01}"]

    /// `text` with a random control character inserted at a random place.
    static func poisoned(_ text: String, _ rng: inout SplitMix64) -> String {
        var scalars = Array(text.unicodeScalars)
        let c = controls[Int(rng.next() % UInt64(controls.count))].unicodeScalars.first ?? "\n"
        scalars.insert(c, at: Int(rng.next() % UInt64(scalars.count + 1)))
        var s = String.UnicodeScalarView()
        s.append(contentsOf: scalars)
        return String(s)
    }

    @Test("a control character in any path flag of search or sweep is refused (exit 2, the flag named) before anything is written; seeded")
    func controlCharactersInPathFlagsExitTwo() throws {
        let dir = try cliTestFolder("axmul-path-flags")
        defer { try? FileManager.default.removeItem(at: dir) }
        let seed: UInt64 = 2525
        var rng = SplitMix64(seed: seed)
        let out = dir.appendingPathComponent("out it's").path
        let search = ["search", "--model", "m.safetensors", "--data", "digits_8x8", "--library", "smapprox8x8-2222", "-o", out, "--slurm"]
        let sweep = ["sweep", "--model", "m.safetensors", "--data", "digits_8x8", "--multiplier", "smapprox8x8-2222", "-o", out, "--slurm"]
        let cases: [([String], Int, String)] = [(search, 2, "--model"), (search, 4, "--data"), (search, 6, "--library"), (search, 8, "-o/--output"),
                                                (sweep, 2, "--model"), (sweep, 4, "--data"), (sweep, 6, "--multiplier"), (sweep, 8, "-o/--output")]
        for (args, index, flag) in cases {
            for _ in 0..<2 {
                var a = args
                a[index] = Self.poisoned(a[index], &rng)
                let r = runAxmul(a)
                #expect(r.status == 2 && r.stderr.hasPrefix("error: \(flag) '") && r.stderr.contains("control character"),
                        "seed \(seed), \(a[0]) \(flag) \(a[index].debugDescription): \(r.status) \(r.stderr)")
                #expect(!FileManager.default.fileExists(atPath: out), "\(a[0]) \(flag): the output folder was created")
            }
        }
    }

    @Test("--sbatch-option outside the allow-list or with a newline, and a backslash in -o with --slurm, exit 2 naming the flag")
    func sbatchOptionsOutsideTheAllowListExitTwo() throws {
        let dir = try cliTestFolder("axmul-sbatch-option")
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out").path
        let base = ["search", "--model", "m.safetensors", "--data", "digits_8x8", "--library", "smapprox8x8-2222", "--slurm"]
        for option in ["--wrap=touch /tmp/axmul-pwned", "-p cpu", "--partition=cpu\n#SBATCH --wrap=id", "--output=/etc/passwd", "--chdir=/"] {
            for command in [base, ["sweep", "--model", "m.safetensors", "--data", "digits_8x8", "--multiplier", "smapprox8x8-2222", "--slurm"]] {
                let r = runAxmul(command + ["-o", out, "--sbatch-option=" + option])
                #expect(r.status == 2 && r.stderr.hasPrefix("error: --sbatch-option"), "\(option.debugDescription): \(r.stderr)")
            }
        }
        let r = runAxmul(base + ["-o", dir.appendingPathComponent("a\\b").path])
        #expect(r.status == 2 && r.stderr.contains("backslash"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test("a --library-filter that keeps no design is an error (exit 1), not a front of exact8")
    func libraryFilterKeepingNothingIsAnError() throws {
        let dir = try cliTestFolder("axmul-filter-empty")
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out")
        let r = runAxmul(["search", "--model", "m.safetensors", "--data", "digits_8x8", "--library", "smapprox8x8-2222",
                          "--library-filter", "mre<0", "-o", out.path])
        #expect(r.status == 1 && r.stderr.contains("--library-filter 'mre<0' keeps no design"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("front.json").path))
    }

    /// The search arguments (generation 0 only) without -o.
    static func searchArgs() throws -> [String] {
        var args = try SearchSlurmTests.prepare(URL(fileURLWithPath: "/"))
        args[try #require(args.firstIndex(of: "--generations")) + 1] = "0"
        return args
    }

    @Test("a run resumed with another --seed reuses only what is the same: its front equals a fresh run's; a forged shard is named by file and line")
    func otherSeedResumesToAFreshRunsFront() throws {
        let dir = try cliTestFolder("axmul-search-seed")
        defer { try? FileManager.default.removeItem(at: dir) }
        let args = try Self.searchArgs()
        let resumed = dir.appendingPathComponent("resumed"), fresh = dir.appendingPathComponent("fresh")
        _ = try runAxmulOK(args + ["--seed", "1", "-o", resumed.path])
        let front1 = try Data(contentsOf: resumed.appendingPathComponent("front.json"))
        _ = try runAxmulOK(args + ["--seed", "2", "-o", resumed.path])
        _ = try runAxmulOK(args + ["--seed", "2", "-o", fresh.path])
        let front2 = try Data(contentsOf: resumed.appendingPathComponent("front.json"))
        #expect(front2 == (try Data(contentsOf: fresh.appendingPathComponent("front.json"))), "the resumed run reused accuracies of seed 1")
        #expect(front1 != front2, "seeds 1 and 2 draw other validation splits")
        // A forged shard file: the merge names it and the line of the bad value.
        let set = fresh.appendingPathComponent("sets/front-test")
        let shard = set.appendingPathComponent("shard-0.json")
        let text = try String(contentsOf: shard, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let valueLine = try #require(lines.firstIndex { $0.contains("\"accuracies\"") }) + 1
        var forged = lines.map(String.init)
        forged[valueLine] = "    7.5" + (forged[valueLine].hasSuffix(",") ? "," : "")
        try forged.joined(separator: "\n").write(to: shard, atomically: true, encoding: .utf8)
        let merge = runAxmul(["shard", "merge", set.path])
        #expect(merge.status == 1 && merge.stderr.hasPrefix("error: \(shard.path):\(valueLine + 1): accuracy 7.5"), "\(merge.stderr)")
    }

    @Test("a search whose --data path now holds other labels measures again: its front equals a fresh run's on the new data")
    func changedDataAtTheSamePathIsMeasuredAgain() throws {
        let dir = try cliTestFolder("axmul-search-data")
        defer { try? FileManager.default.removeItem(at: dir) }
        let csv = dir.appendingPathComponent("digits.csv"), copy = dir.appendingPathComponent("digits-copy.csv")
        let original = try String(contentsOf: try #require(Self.digitsCSV()), encoding: .utf8)
        try original.write(to: csv, atomically: true, encoding: .utf8)
        var args = try Self.searchArgs()
        let d = try #require(args.firstIndex(of: "--data")) + 1
        args[d] = csv.path
        let resumed = dir.appendingPathComponent("resumed"), fresh = dir.appendingPathComponent("fresh")
        _ = try runAxmulOK(args + ["-o", resumed.path])
        let before = try Data(contentsOf: resumed.appendingPathComponent("front.json"))
        // Every label moves to the next class; the path stays the same.
        let relabelled = original.split(separator: "\n").enumerated().map { i, line -> String in
            guard i > 0, let comma = line.lastIndex(of: ","), let label = Int(line[line.index(after: comma)...]) else { return String(line) }
            return String(line[...comma]) + String((label + 1) % 10)
        }.joined(separator: "\n") + "\n"
        try relabelled.write(to: csv, atomically: true, encoding: .utf8)
        // A shard task of the old run checks the data against its manifest before measuring.
        let task = runAxmul(["shard", "run", resumed.appendingPathComponent("sets/sensitivity-validation").path, "--index", "0"])
        #expect(task.status == 1 && task.stderr.hasPrefix("error: \(csv.path): the data changed since this run's manifest was written"), "\(task.stderr)")
        let again = try runAxmulOK(args + ["-o", resumed.path])
        #expect(!again.contains("generation 0: 0 candidates measured"), "nothing was measured again: \(again)")
        try relabelled.write(to: copy, atomically: true, encoding: .utf8)
        args[d] = copy.path
        _ = try runAxmulOK(args + ["-o", fresh.path])
        let after = try Data(contentsOf: resumed.appendingPathComponent("front.json"))
        #expect(after != before)
        #expect(after == (try Data(contentsOf: fresh.appendingPathComponent("front.json"))), "same content under another path gives the same front")
    }

    @Test("a sweep whose multiplier file now holds another design (same path) measures that cell again; its shard task refuses a changed design or model")
    func changedDesignFileIsMeasuredAgain() throws {
        let dir = try cliTestFolder("axmul-sweep-design")
        defer { try? FileManager.default.removeItem(at: dir) }
        let model = dir.appendingPathComponent("m.safetensors").path
        try FileManager.default.copyItem(atPath: try SearchSlurmTests.model.get(), toPath: model)
        let table = dir.appendingPathComponent("lib.axlut"), out = dir.appendingPathComponent("out")
        let sweep = ["sweep", "--data", "digits_8x8", "--model", model, "--multiplier", table.path, "--limit", "200", "-o", out.path]
        _ = try runAxmulOK(["compile", "smapprox8x8-2222", "-o", table.path])
        #expect(try runAxmulOK(sweep).contains("(1 cells measured"))
        try FileManager.default.removeItem(at: table)
        _ = try runAxmulOK(["compile", "smapprox8x8-1221", "-o", table.path])
        let again = try runAxmulOK(sweep)
        #expect(again.contains("(1 cells measured"), "the cell of the old table was reused: \(again)")
        let set = out.appendingPathComponent("sets/grid-test").path
        try FileManager.default.removeItem(at: table)
        _ = try runAxmulOK(["compile", "smapprox8x8-2222", "-o", table.path])
        let swapped = runAxmul(["shard", "run", set, "--index", "0"])
        #expect(swapped.status == 1 && swapped.stderr.contains("the design changed since this run's manifest was written"), "\(swapped.stderr)")
        try FileManager.default.removeItem(at: table)
        _ = try runAxmulOK(["compile", "smapprox8x8-1221", "-o", table.path])
        try FileManager.default.removeItem(atPath: model)
        _ = try runAxmulOK(["train", "--model", "mlp", "--data", "digits_8x8", "--epochs", "1", "--hidden", "16,16", "-o", model])
        let task = runAxmul(["shard", "run", set, "--index", "0"])
        #expect(task.status == 1 && task.stderr.contains("the model changed since this run's manifest was written"), "\(task.stderr)")
    }

    /// datasets/digits_8x8.csv of this checkout.
    static func digitsCSV() -> URL? {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        let csv = url.appendingPathComponent("datasets/digits_8x8.csv")
        return FileManager.default.fileExists(atPath: csv.path) ? csv : nil
    }
}
