import Foundation
import Testing

/// The CLI contract: 0 success, 1 runtime error, 2 usage error; help and version on stdout.
@Suite struct ExitCodeTests {
    @Test func helpAndVersionSucceed() {
        let help = runAxmul(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("OVERVIEW"))
        let sub = runAxmul(["list", "--help"])
        #expect(sub.status == 0)
        #expect(sub.stdout.contains("USAGE: axmul list"))
        let version = runAxmul(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "0.1.0")
    }

    @Test func usageErrorsExitTwo() {
        let bogus = runAxmul(["list", "--bogus"])
        #expect(bogus.status == 2)
        #expect(bogus.stderr.hasPrefix("error: Unknown option '--bogus'"))
        let unknown = runAxmul(["no-such-subcommand"])
        #expect(unknown.status == 2)
    }

    @Test func runtimeErrorsExitOneWithOneLineAndHint() {
        let missing = runAxmul(["table", "no-such-design", "-o", "/tmp/never-written.csv"])
        #expect(missing.status == 1)
        let lines = missing.stderr.split(separator: "\n")
        #expect(lines.first?.hasPrefix("error: unknown design 'no-such-design'") == true)
        #expect(lines.count == 2 && lines[1].hasPrefix("hint: "))
    }

    /// Every subcommand listed by `axmul --help` shows a worked example invoking itself.
    @Test func everySubcommandHelpHasAWorkedExample() {
        let top = runAxmul(["--help"]).stdout
        let listing: String = top.components(separatedBy: "SUBCOMMANDS:").last ?? ""
        let entries: [Substring] = listing.split(separator: "\n").filter { $0.hasPrefix("  ") && !$0.hasPrefix("   ") }
        let names: [String] = entries.compactMap { (line: Substring) -> String? in
            guard let word = line.split(separator: " ").first, word.first?.isLowercase == true else { return nil }
            return String(word)
        }
        #expect(names.count >= 15, "subcommands found: \(names)")
        for name in names {
            let help = runAxmul([name, "--help"])
            #expect(help.status == 0, "\(name)")
            #expect(help.stdout.contains("Example") && help.stdout.contains("axmul \(name)"), "\(name) --help lacks a worked example")
        }
    }
}
