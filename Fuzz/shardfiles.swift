// Fuzz target `shardfiles`: what a shard set reads back from a shared folder, which other tasks (or anyone
// with write access) may have written: the manifest, a shard result being merged, and the evaluation cache.
// The first input byte picks the file (0: manifest.json, 1: shard-0.json, 2: cache.jsonl); the rest is its
// content. Any trap is a bug, and so is a merge that returns an accuracy outside [0, 1].
import Foundation
@testable import Search

let folder: URL = {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("axmul-fuzz-shardfiles-\(getpid())")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}()
/// A valid one-shard set of two items, whose shard file the input replaces.
let validSet = ShardSet(context: SearchContext(model: "/m.safetensors", modelHash: "h", data: "d", dataHash: "dh",
                                                library: ["exact8"], designs: ["exact8"], designHashes: ["x"],
                                                validationSamples: 10, seed: 1),
                        split: "validation", items: [["exact8"], ["exact8"]], shards: 1)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size >= 1 else { return 0 }
    let body = Data(UnsafeBufferPointer(start: data + 1, count: size - 1))
    for file in ["manifest.json", "shard-0.json", "merged.json", "cache.jsonl"] {
        try? FileManager.default.removeItem(at: folder.appendingPathComponent(file))
    }
    switch data[0] % 3 {
    case 0:
        try? body.write(to: ShardSet.manifestURL(folder))
        _ = try? ShardSet.read(folder)
    case 1:
        try? validSet.write(to: folder)
        try? body.write(to: ShardSet.shardURL(folder, 0))
        if let merged = try? validSet.merge(in: folder), merged.contains(where: { !($0.isFinite && (0...1).contains($0)) }) {
            fatalError("merge returned an accuracy outside [0, 1]: \(merged)")
        }
    default:
        let url = folder.appendingPathComponent("cache.jsonl")
        try? body.write(to: url)
        if let cache = try? EvaluationCache(file: url), cache.values.values.contains(where: { !($0.isFinite && (0...1).contains($0)) }) {
            fatalError("the cache holds an accuracy outside [0, 1]")
        }
    }
    return 0
}
