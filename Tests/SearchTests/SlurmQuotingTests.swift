import Foundation
import NetSim
import Testing
@testable import Search

/// Issue 25, class 1 (generated scripts): every value in a batch script goes through `ShellQuote.quote`,
/// which bash reads back as the same word; a control character never reaches a script; `#SBATCH` lines
/// hold fixed text only; `--sbatch-option` takes only allow-listed `--name=value`. Random strings are
/// seeded (SplitMix64) and the seed and the string are printed when a case fails.
@Suite struct SlurmQuotingTests {
    static let seed: UInt64 = 25

    /// Pieces of hostile text: shell and sbatch metacharacters, quotes, a command substitution, a
    /// would-be comment, Slurm's file-name pattern character and its `hetjob` keyword, non-ASCII text.
    static let pieces = ["a", "Z", "0", " ", "  ", "'", "\"", "\\", "$", "`", "!", "#", "%", "%a", "*", "?", "[", "]", "{", "}",
                         "(", ")", ";", "&", "|", "<", ">", "~", "=", ",", "-", "--", "é", "→", "日本", "\u{200B}", "\u{2028}",
                         "$(touch /tmp/axmul-pwned)", "'; touch /tmp/axmul-pwned #", "`id`", "${HOME}", "hetjob", "\\'", "'\\''"]
    /// Control characters (Unicode Cc), NUL aside: it cannot be passed in a process argument.
    static let controls = ["\n", "\r", "\t", "\u{1B}", "\u{7F}", "\u{85}", "\u{0B}", "\u{0C}", "\u{01}", "\u{9F}"]

    static func random(_ rng: inout SplitMix64, length: Int = 8, control: Bool = false, without: Set<String> = []) -> String {
        let alphabet = pieces.filter { piece in !without.contains(where: { piece.contains($0) }) }
        var parts = (0..<Int(rng.next() % UInt64(length) + 1)).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }
        if control { parts.insert(controls[Int(rng.next() % UInt64(controls.count))], at: Int(rng.next() % UInt64(parts.count + 1))) }
        return parts.joined()
    }

    /// Runs `/bin/bash` with `arguments`; (status, stdout, stderr).
    static func bash(_ arguments: [String], environment: [String: String] = [:]) throws -> (Int32, Data, String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/bash")
        p.arguments = arguments
        p.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        let out = Pipe(), err = Pipe()
        (p.standardOutput, p.standardError) = (out, err)
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, o, String(decoding: e, as: UTF8.self))
    }

    /// The words of NUL-separated `printf '%s\0'` output.
    static func words(_ data: Data) -> [String] {
        Array(data.split(separator: 0, omittingEmptySubsequences: false).dropLast().map { String(decoding: $0, as: UTF8.self) })
    }

    @Test("300 random strings of metacharacters round-trip through ShellQuote.quote and bash unchanged")
    func quotedWordsRoundTripThroughBash() throws {
        var rng = SplitMix64(seed: Self.seed)
        let texts = [""] + (0..<300).map { _ in Self.random(&rng, length: 12) }
        let script = "printf '%s\\0' " + (try texts.map { try ShellQuote.quote($0, what: "test") }).joined(separator: " ")
        let (status, out, err) = try Self.bash(["-c", script])
        #expect(status == 0, "bash: \(err)")
        let back = Self.words(out)
        #expect(back.count == texts.count)
        for (a, b) in zip(texts, back) where a != b { Issue.record("seed \(Self.seed): \(a.debugDescription) came back as \(b.debugDescription)") }
        #expect(!FileManager.default.fileExists(atPath: "/tmp/axmul-pwned"))
    }

    @Test("a control character anywhere in a binary path, set folder or sbatch option never reaches a script: it is refused, named and shown escaped")
    func controlCharactersAreRefusedEverywhere() throws {
        var rng = SplitMix64(seed: Self.seed + 1)
        let set = ShardSet(context: ShardCacheTests.context, split: "validation", items: [["a"], ["b"]], shards: 2)
        for _ in 0..<200 {
            let text = Self.random(&rng, control: true)
            var failures: [String] = []
            let attempts: [(String, () throws -> Any)] = [
                ("quote", { try ShellQuote.quote(text, what: "x") }),
                ("binary", { try SlurmScripts(binary: text).array(set, folder: "/shared/set", name: "n") }),
                ("folder", { try SlurmScripts(binary: "/bin/axmul").array(set, folder: "/shared/" + text, name: "n") }),
                ("merge folder", { try SlurmScripts(binary: "/bin/axmul").merge(folder: "/shared/" + text, name: "n") }),
                ("sbatch option", { try SlurmScripts(binary: "/bin/axmul", options: ["--partition=" + text]).array(set, folder: "/s", name: "n") }),
            ]
            for (what, attempt) in attempts {
                do {
                    _ = try attempt()
                    failures.append("\(what) accepted it")
                } catch let e as SearchError {
                    if e.kind != .invalidArgument || e.description.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
                        failures.append("\(what): \(e.description.debugDescription)")
                    }
                }
            }
            #expect(failures.isEmpty, "seed \(Self.seed + 1), text \(text.debugDescription): \(failures)")
        }
    }

    @Test("generated scripts with random binary paths and set folders parse (bash -n) and run exactly `axmul shard run|merge FOLDER`; #SBATCH lines stay fixed")
    func generatedScriptsRunTheQuotedCommandExactly() throws {
        var rng = SplitMix64(seed: Self.seed + 2)
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("axmul-quoting-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let set = ShardSet(context: ShardCacheTests.context, split: "validation", items: (0..<3).map { ["d\($0)"] }, shards: 3)
        let plain = try SlurmScripts(binary: "/b/axmul").array(set, folder: "/f", name: "axmul-set")
        let fixed = { (s: String) in s.split(separator: "\n").filter { $0.hasPrefix("#SBATCH") || $0.hasPrefix("#!") } }
        for n in 0..<16 {
            // A directory named by a random string (no "/"), holding a stand-in binary that records its arguments.
            var name = Self.random(&rng, length: 6)
            if name == "." || name == ".." { name += "x" }
            let dir = root.appendingPathComponent("\(n)").appendingPathComponent(name)
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            let binary = dir.appendingPathComponent("axmul")
            try "#!/bin/bash\nprintf '%s\\0' \"$@\" > \"$AXMUL_ARGS_OUT\"\n".write(to: binary, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: binary.path)
            let folder = "/shared/" + Self.random(&rng, length: 10, without: ["\\"]) + "/sets/gen-001-validation"
            let scripts = SlurmScripts(binary: binary.path, options: ["--partition=" + Self.random(&rng, length: 4)])
            let jobs = try [("array", scripts.array(set, folder: folder, name: "axmul-set"), ["shard", "run", folder, "--index", "2"]),
                            ("merge", scripts.merge(folder: folder, name: "axmul-set"), ["shard", "merge", folder])]
            for (kind, job, expected) in jobs {
                let context = "seed \(Self.seed + 2), case \(n), \(kind), binary \(binary.path.debugDescription), folder \(folder.debugDescription)"
                let file = root.appendingPathComponent("\(n)-\(kind).sbatch"), out = root.appendingPathComponent("\(n)-\(kind).args")
                try job.script.write(to: file, atomically: true, encoding: .utf8)
                #expect(try Self.bash(["-n", file.path]).0 == 0, "bash -n refused the script: \(context)")
                let run = try Self.bash([file.path], environment: ["SLURM_ARRAY_TASK_ID": "2", "AXMUL_ARGS_OUT": out.path])
                #expect(run.0 == 0, "\(context): \(run.2)")
                #expect(Self.words((try? Data(contentsOf: out)) ?? Data()) == expected, "\(context)")
                // The comment shows the sbatch arguments quoted: bash reads them back as job.arguments.
                let lines = job.script.split(separator: "\n")
                let comment = try #require(lines.first(where: { $0.hasPrefix("# submitted by axmul as: sbatch --parsable ") }))
                let shown = comment.dropFirst("# submitted by axmul as: sbatch --parsable ".count).dropLast(" <this script>".count)
                #expect(Self.words(try Self.bash(["-c", "printf '%s\\0' " + shown]).1) == job.arguments, "\(context)")
                if kind == "array" { #expect(fixed(job.script) == fixed(plain.script), "\(context)") }
            }
        }
        #expect(!FileManager.default.fileExists(atPath: "/tmp/axmul-pwned"))
    }

    @Test("the --output pattern doubles '%' (sbatch's pattern character) and refuses a backslash (sbatch drops it)")
    func outputPatternIsEscaped() throws {
        let set = ShardSet(context: ShardCacheTests.context, split: "validation", items: [["a"]], shards: 1)
        let job = try SlurmScripts(binary: "/b").array(set, folder: "/runs/100% it's done", name: "n")
        #expect(job.arguments == ["--output=/runs/100%% it's done/logs/task-%a.out"])
        #expect(job.script.contains("'/b' shard run '/runs/100% it'\\''s done' --index"))
        #expect(throws: SearchError.self) { try SlurmScripts(binary: "/b").array(set, folder: "/runs/a\\b", name: "n") }
        #expect(throws: SearchError.self) { try SlurmScripts(binary: "/b").array(set, folder: "/runs", name: "n\nid") }
    }

    @Test("--sbatch-option accepts allow-listed --name=value only; the error names the flag and the allow-list")
    func sbatchOptionsAllowList() throws {
        for ok in ["--partition=cpu", "--account=proj 42", "--time=00:30:00", "--mem=4G", "--gres=gpu:1", "--constraint=a&b", "--comment=it's $fine"] {
            #expect(try SbatchOptions.check([ok]) == [ok])
        }
        for bad in ["-p cpu", "--partition", "--partition=", "partition=cpu", "--wrap=id", "--output=/etc/x", "--chdir=/", "--export=ALL",
                    "--dependency=afterok:1", "--array=0-99", "--job-name=x", "--PARTITION=cpu", "--partition=cpu\n#SBATCH --wrap=id",
                    "--partition=cpu\rid", "--=x"] {
            do {
                try SbatchOptions.check([bad])
                Issue.record("accepted \(bad.debugDescription)")
            } catch let e as SearchError {
                #expect(e.message.hasPrefix("--sbatch-option"), "\(e.message)")
                if !bad.contains("\n") && !bad.contains("\r") && bad != "--partition=" { #expect(e.message.contains("partition, qos"), "\(e.message)") }
            }
        }
    }

    @Test("only digits from sbatch --parsable become a job id")
    func jobIDIsDigitsOnly() throws {
        #expect(try SlurmExecutor.jobID("264") == "264")
        #expect(try SlurmExecutor.jobID("264;cluster") == "264")
        for bad in ["", "abc", "26 4", "264\nid", "-1", ";264", "$(id)"] {
            #expect(throws: SearchError.self, "\(bad.debugDescription)") { try SlurmExecutor.jobID(bad) }
        }
    }
}
