import Foundation
import Testing
@testable import NetSim

/// The run identity a checkpoint records: saved and loaded with it, and compared whole on resume.
struct RunIdentityTests {
    static let identity = RunIdentity(command: "hybrid", settings: ["--seed": "5", "--lr": "0.01", "--model": "mlp"])

    @Test func roundTripsThroughTheCheckpoint() throws {
        let net = try ModelZoo.build("mlp", inputShape: [4], classCount: 2, seed: 1, options: .init(hidden: [3]))
        var info = TrainCheckpoint.Info(model: "mlp", inputShape: [4], classCount: 2, hidden: [3], data: "d")
        info.identity = Self.identity
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("axmul-identity-\(UUID().uuidString).safetensors")
        defer { try? FileManager.default.removeItem(at: url) }
        try TrainCheckpoint.save(Trainer(network: net, config: TrainConfig()), info: info, to: url)
        let loaded = try TrainCheckpoint.load(from: url).info
        #expect(loaded.identity == Self.identity)
        #expect(loaded.extra[RunIdentity.metadataKey] == nil, "the identity is typed, not an extra key")
    }

    @Test func resumeIsRefusedNamingEverySettingThatDiffers() throws {
        try Self.identity.checkResume(saved: Self.identity, path: "c.safetensors")
        var other = Self.identity
        other.settings["--lr"] = "0.02"
        other.settings.removeValue(forKey: "--seed")
        let e = try #require(throws: ModelError.self) { try other.checkResume(saved: Self.identity, path: "c.safetensors") }
        let text = "\(e)"
        #expect(text.contains("--lr 0.01 in the checkpoint, 0.02 now") && text.contains("--seed 5 in the checkpoint, unset now"), "\(text)")
        #expect(!text.contains("--model"), "equal settings are not listed: \(text)")
        #expect(throws: ModelError.self) { try Self.identity.checkResume(saved: nil, path: "c.safetensors") }
        var retrain = Self.identity
        retrain.command = "retrain"
        let wrong = try #require(throws: ModelError.self) { try retrain.checkResume(saved: Self.identity, path: "c.safetensors") }
        #expect("\(wrong)".contains("written by `axmul hybrid`"), "\(wrong)")
    }
}
