import Foundation
import NetSim
import TableFormat

extension ApproxCLI {
    /// `--logits PATH`: the network's outputs on `test`, in test order, as a float32 .npy [N, classes],
    /// written atomically.
    static func writeLogits(_ network: Network, on test: LabeledData, to path: String) throws {
        let logits = Trainer.logits(network, on: test)
        try OutputFile.write(NPYFile.float32(rows: logits.shape[0], columns: logits.shape[1], values: logits.data),
                             to: URL(fileURLWithPath: path))
    }
}
