import Foundation
import Testing
@testable import Search

/// How the Slurm driver reads a job's state from `scontrol show job -o` (one line of key=value pairs).
@Suite struct SlurmExecutorTests {
    /// A line as Slurm 22.05 prints it for a finished merge job (abridged, same layout).
    static let line = "JobId=264 JobName=axmul-gen-001-validation UserId=root(0) GroupId=root(0) Priority=4294901658 "
        + "JobState=COMPLETED Reason=None Dependency=(null) Requeue=1 Restarts=0 ExitCode=0:0 "
        + "Command=/tmp/scale/out-4/sets/gen-001-validation/merge.sbatch"

    @Test func readsStateAndExitCode() {
        #expect(SlurmExecutor.field("JobState", in: Self.line) == "COMPLETED")
        #expect(SlurmExecutor.field("ExitCode", in: Self.line) == "0:0")
        #expect(SlurmExecutor.field("Restarts", in: Self.line) == "0")
        // A key that is only the suffix of another (JobId vs ArrayJobId) or absent is not matched.
        #expect(SlurmExecutor.field("State", in: Self.line) == nil)
        #expect(SlurmExecutor.field("ArrayJobId", in: Self.line) == nil)
    }
}
