import ArgumentParser
import Foundation
import TableFormat
import Search
import Workflows

/// `axmul shard run|merge`: what one Slurm array task (or one local shard) and the merge job run.
struct ShardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shard", abstract: "Evaluate one shard of a candidate set, or merge the shard files (Slurm tasks).",
        discussion: """
        `axmul search` and `axmul sweep` write the candidate sets; their Slurm job arrays run these (docs/search.md).
        Example: axmul shard run out/search/sets/gen-001-validation --index 0
                 axmul shard merge out/search/sets/gen-001-validation
        """,
        subcommands: [Run.self, Merge.self])

    struct Run: ParsableCommand, UsesThreads {
        static let configuration = CommandConfiguration(abstract: "Evaluate shard --index of the set in FOLDER; writes FOLDER/shard-<i>.json atomically.")
        @OptionGroup var threading: ThreadOptions
        @Argument(help: "The candidate set folder (holds manifest.json).") var folder: String
        @Option(help: "Shard index (the array task id).") var index: Int

        func run() throws {
            let url = URL(fileURLWithPath: folder)
            OutputFile.removeStaleTemporaries(inFolder: url)   // a requeued task: temporaries of its killed predecessor
            let set = try DesignArgument.reporting { try ShardSet.read(url) }
            let accuracy = try ShardItems.accuracyFunction(set.context)
            try DesignArgument.reporting { try set.run(shard: index, in: url) { try accuracy(set.split, $0) } }
            print("shard \(index): \(set.range(shard: index).count) items written to \(ShardSet.shardURL(url, index).path)")
        }
    }

    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Merge the shard files of FOLDER into merged.json; refuses missing shards, naming them.")
        @Argument(help: "The candidate set folder.") var folder: String

        func run() throws {
            let url = URL(fileURLWithPath: folder)
            let merged = try DesignArgument.reporting { () throws -> [Double] in
                let set = try ShardSet.read(url)
                return try set.merge(in: url)
            }
            print("merged \(merged.count) results into \(ShardSet.mergedURL(url).path)")
        }
    }
}
