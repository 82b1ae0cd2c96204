import Foundation

/// Builders for networks that are not in the zoo, chosen by the `model` string (e.g. a path
/// ending in `.onnx`). `ModelZoo.build` and `TrainCheckpoint.load` ask here first, so every
/// command that takes `--model` (a zoo name or a checkpoint) also takes such a file. The CLI
/// registers the ONNX importer at start-up (NetSim does not depend on the ONNX target).
public enum ExternalModels {
    /// Builds the network for a `model` string; `metadata` is the checkpoint's (empty otherwise).
    public typealias Builder = @Sendable (_ model: String, _ metadata: [String: String]) throws -> Network

    private struct Entry { let matches: @Sendable (String) -> Bool; let build: Builder }
    private static let lock = NSLock()
    nonisolated(unsafe) private static var entries: [Entry] = []

    public static func register(matching matches: @escaping @Sendable (String) -> Bool, _ build: @escaping Builder) {
        lock.lock(); defer { lock.unlock() }
        entries.append(Entry(matches: matches, build: build))
    }

    /// The builder for `model`, if one is registered.
    public static func builder(for model: String) -> Builder? {
        lock.lock(); defer { lock.unlock() }
        return entries.first { $0.matches(model) }?.build
    }
}
