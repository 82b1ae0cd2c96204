/// The optimiser state of a retraining run with batch norm folded, kept in its checkpoint.
///
/// Such a run trains the folded network (`BatchNormFolding.fold`), but its checkpoint holds the
/// unfolded, loadable architecture (`BatchNormFolding.unfold`: the folded weights with identity
/// BatchNorms), whose parameters are not the ones the optimiser's moments belong to. The moments are
/// therefore saved as method state (`TrainCheckpoint.Info.state`) under the folded network's
/// parameter names, `folded.first.<param>` and `folded.second.<param>`. A resumed run folds the
/// checkpoint again, which gives back the trained weights bit for bit (unfold's identity BatchNorms
/// fold to scale 1 and shift 0), and takes the moments from the state: it continues exactly as an
/// uninterrupted run.
public enum FoldedTrainingState {
    static let firstPrefix = "folded.first.", secondPrefix = "folded.second."

    /// The optimiser moments of `trainer` (its network folded, possibly wrapped) by parameter name.
    public static func state(of trainer: Trainer) -> [String: Tensor] {
        var out: [String: Tensor] = [:]
        let params = ApproxNetwork.unwrap(trainer.network).namedParameters
        for (k, p) in params.enumerated() {
            if k < trainer.optimizer.first.count { out[firstPrefix + p.name] = trainer.optimizer.first[k] }
            if k < trainer.optimizer.second.count, trainer.optimizer.second[k].count == p.value.count {
                out[secondPrefix + p.name] = trainer.optimizer.second[k]   // SGD keeps an empty placeholder: not saved
            }
        }
        return out
    }

    /// `saved` (a checkpoint's unfolded trainer) folded again, with the optimiser moments of
    /// `state`: parameters and moments in the folded network's order, ready for
    /// `TrainCheckpoint.adopt` into a trainer prepared with folding. Throws when the state holds
    /// moments for some parameters only.
    public static func refolded(_ saved: Trainer, state: [String: Tensor], path: String) throws -> Trainer {
        var t = saved
        t.network = BatchNormFolding.fold(saved.network)
        let params = t.network.namedParameters
        let first = params.compactMap { state[firstPrefix + $0.name] }
        (t.optimizer.first, t.optimizer.second) = ([], [])
        guard !first.isEmpty else { return t }   // saved before the first step
        guard first.count == params.count else {
            throw ModelError.checkpoint(path: path, reason: "it holds folded optimiser moments for \(first.count) of \(params.count) "
                + "parameters of the folded network; rerun without --resume")
        }
        t.optimizer.first = first
        t.optimizer.second = params.map { state[secondPrefix + $0.name] ?? Tensor(shape: [0]) }
        return t
    }
}
