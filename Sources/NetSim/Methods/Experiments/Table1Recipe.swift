import Foundation
import Records

/// The `axtrain-table1` recipe: for each Table 1 app and seed, trains BP (γ = 0), AxTrain-act
/// (adaptive γ) and, from the act network, one AxTrain-pas fine-tune per hardware setting (each
/// approximate multiplier, each NTV level); then measures Fig. 6 (every network with the accurate
/// and each approximate multiplier) and Fig. 7 (NTV storage, `runs` fresh flip draws).
public struct Table1Recipe: Sendable {
    public var settings: Table1Settings
    public var apps: [Table1App]
    /// The accurate 8-bit multiplier (normalisation reference), e.g. exact8.
    public var accurate: MultiplierAssignment.Entry
    /// The approximate multipliers with their paper labels, e.g. ("K1", drum8-k1).
    public var approximate: [(label: String, entry: MultiplierAssignment.Entry)]
    /// App whose last-layer sensitivity maps are kept for Fig. 4 (falls back to the first app).
    public var sensitivityApp = "mnist_mlp"

    public init(settings: Table1Settings, apps: [Table1App], accurate: MultiplierAssignment.Entry,
                approximate: [(label: String, entry: MultiplierAssignment.Entry)]) {
        (self.settings, self.apps, self.accurate, self.approximate) = (settings, apps, accurate, approximate)
    }

    /// Callbacks for logs and progress: `epoch` gets (log file name, record) after every epoch,
    /// `network` each finished network, `progress` each batch.
    public struct Hooks {
        public var epoch: (String, EpochRecord) throws -> Void
        public var network: (Table1Network) -> Void
        public var progress: ((BatchProgress) -> Void)?
        public init(epoch: @escaping (String, EpochRecord) throws -> Void = { _, _ in },
                    network: @escaping (Table1Network) -> Void = { _ in },
                    progress: ((BatchProgress) -> Void)? = nil) {
            (self.epoch, self.network, self.progress) = (epoch, network, progress)
        }
    }

    /// Runs every app and seed and returns the whole result (figure rows aggregated over seeds).
    public func run(hooks: Hooks = Hooks()) throws -> Table1Result {
        let start = Date()
        var m = Table1Measurements()
        var networks: [Table1Network] = [], maps: [Table1SensitivityMap] = []
        let mapApp = apps.contains { $0.name == sensitivityApp } ? sensitivityApp : apps.first?.name
        for app in apps {
            for seed in 1...UInt64(max(1, settings.seeds)) {
                var run = Table1AppRun(recipe: self, app: app, seed: seed, hooks: hooks)
                try run.execute(into: &m, keepMaps: seed == 1 && app.name == mapApp)
                networks += run.networks
                maps += run.maps
            }
        }
        let mults = [Table1Multiplier(label: "accurate", design: accurate.name)]
            + approximate.map { Table1Multiplier(label: $0.label, design: $0.entry.name) }
        return Table1Result(settings: settings, apps: apps, multipliers: mults,
                            normalisation: Table1Result.normalisationText,
                            fig6: m.fig6Rows(apps: apps, multipliers: mults), fig7: m.fig7Rows(apps: apps),
                            networks: networks, sensitivityMaps: maps, seconds: Date().timeIntervalSince(start))
    }

    /// Evenly spaced samples of `data` (all if `limit` is nil or not smaller).
    public static func cap(_ data: LabeledData, _ limit: Int?) -> LabeledData {
        guard let limit, limit > 0, limit < data.count else { return data }
        return data.subset((0..<limit).map { $0 * data.count / limit })
    }

    /// The NTV levels of `app`: Table 1's (Agg, Con) or the override rates.
    func ntvLevels(_ app: Table1App) -> [(level: String, flipRate: Double)] {
        guard let rates = settings.flipRatesOverride else { return app.ntvLevels }
        return rates.map { ("p=\($0)", $0) }
    }
}
