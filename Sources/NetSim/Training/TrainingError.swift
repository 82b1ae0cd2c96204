/// Why a training run stopped before finishing its epochs.
///
/// Shaped like `ModelError` (message + hint); the CLI adds the `UserFacingError` conformance.
public enum TrainingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A NaN or ±Inf appeared in a loss, an activation, a gradient or updated weights.
    case nonFinite(NumericFault)

    /// One sentence naming the value, the layer, the step and where the last good state is.
    public var message: String {
        switch self {
        case .nonFinite(let fault): return fault.message
        }
    }

    /// What usually cures it.
    public var hint: String? {
        switch self {
        case .nonFinite:
            return "lower the learning rate (--lr, --schedule), clip gradients with --max-grad-norm, "
                + "or check the data for NaN/Inf values; --resume continues from the last good checkpoint"
        }
    }

    public var description: String { message }
}

/// Where and when a non-finite value was found.
public struct NumericFault: Sendable, Equatable {
    /// The tensor that held the value.
    public enum Site: String, Sendable, Equatable {
        case loss, activation, gradient
        /// Weights right after an optimiser step.
        case parameter
        /// A forward pass of the end-of-epoch evaluation.
        case evaluation
    }

    public var site: Site
    /// Node index in `Network.nodes` (0-based), its kind in lower case (e.g. "dense") and name.
    public var layer: Int
    public var kind: String
    public var name: String
    /// The first offending value: NaN, +Inf or -Inf.
    public var value: Float
    /// 1-based epoch and batch; `batch` is nil for the evaluation after the epoch.
    public var epoch: Int
    public var batch: Int?
    public var batches: Int
    /// Where the last good state is; set by the caller that saves checkpoints.
    public var lastGood: LastGood = .unknown

    /// What the caller kept from before the fault.
    public enum LastGood: Sendable, Equatable {
        /// The caller does not checkpoint (library use): nothing is said.
        case unknown
        /// The fault came before the first checkpoint was written.
        case notWritten
        /// This file still holds the state after `epoch` epochs.
        case checkpoint(path: String, epoch: Int)
    }

    public init(site: Site, layer: Int, kind: String, name: String, value: Float, epoch: Int, batch: Int?, batches: Int) {
        (self.site, self.layer, self.kind, self.name, self.value) = (site, layer, kind, name, value)
        (self.epoch, self.batch, self.batches) = (epoch, batch, batches)
    }

    /// "layer 3 (dense 'fc2')".
    public var layerText: String { "layer \(layer) (\(kind) '\(name)')" }

    /// "epoch 2, batch 5 of 18" or "the evaluation after epoch 2".
    public var stepText: String {
        batch.map { "epoch \(epoch), batch \($0) of \(batches)" } ?? "the evaluation after epoch \(epoch)"
    }

    public var message: String {
        let what = value.isNaN ? "NaN" : (value > 0 ? "+Inf" : "-Inf")
        let place: String
        switch site {
        case .loss: place = "the loss computed from the output of \(layerText)"
        case .activation, .evaluation: place = "the output of \(layerText)"
        case .gradient: place = "the weight gradient of \(layerText)"
        case .parameter: place = "the weights of \(layerText) after the optimiser step"
        }
        var text = "\(what) in \(place) at \(stepText); training stopped"
        switch lastGood {
        case .unknown: break
        case .notWritten: text += " before any checkpoint was written"
        case .checkpoint(let path, let epoch): text += "; the last good state (epoch \(epoch)) is kept in \(path)"
        }
        return text
    }
}
