import Foundation
import Testing

/// `axmul characterize --threads N`: the printed figures are the same text for 1 and 2 worker threads.
@Suite struct CharacterizeThreadsCLITests {
    @Test func oneAndTwoThreadsPrintIdenticalJSON() throws {
        let designs = ["smapprox8x8-1230", "drum8-k3"]
        let one = runAxmul(["characterize"] + designs + ["--threads", "1", "--json"])
        let two = runAxmul(["characterize"] + designs + ["--threads", "2", "--json"])
        #expect(one.status == 0 && two.status == 0, "\(one.stderr)\(two.stderr)")
        #expect(one.stdout.contains("\"mre_pct\""))
        #expect(one.stdout == two.stdout)
    }

    @Test func zeroThreadsIsAUsageError() {
        let result = runAxmul(["characterize", "exact4", "--threads", "0"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--threads"))
    }
}
