/// AxTrain-pas's numerical model of the accelerator: an optional approximate multiplier
/// (behavioural simulation, 8-bit operands) and optional NTV weight storage.
public struct HardwareModel: Sendable {
    /// Name and table of the multiplier (e.g. "drum8-k2"); nil = exact float multiplications.
    public var multiplier: MultiplierAssignment.Entry?
    public var storage: NTVStorage?
    /// Activation word width for the dynamic fixed-point activation format (no flips).
    public var activationBits: Int?
    public var clipGradients = true
    /// How the multiplier's operands are quantised; batch norm is never folded here (the float
    /// network is trained through the wrappers, see `QuantOptions.unfoldedDefaults`).
    public var quant: ApproxNetwork.QuantOptions

    public init(multiplier: MultiplierAssignment.Entry?, storage: NTVStorage?, activationBits: Int? = 16,
                quant: ApproxNetwork.QuantOptions = .unfoldedDefaults) {
        self.multiplier = multiplier
        self.storage = storage
        self.activationBits = activationBits
        self.quant = quant
        self.quant.foldBatchNorm = false
    }

    /// Wraps every Dense/Conv2D: first in an `ApproxLayer` (calibrated on `calibration`, computing
    /// through the multiplier) when a multiplier is set, then in a `PassiveLayer`.
    public func apply(to network: Network, calibration: LabeledData, seed: UInt64) -> Network {
        var net = Self.remove(from: network)
        if let multiplier {
            net = ApproxNetwork.wrap(net, MultiplierAssignment(default: multiplier), options: quant)
            ApproxNetwork.calibrate(&net, on: calibration, options: quant)
            ApproxNetwork.set(&net, compute: .approximate)
        }
        for i in net.nodes.indices {
            guard let layer = net.nodes[i].layer as? any WeightedLayer else { continue }
            var p = PassiveLayer(layer, storage: storage, activationBits: multiplier == nil ? activationBits : nil,
                                 seed: seed &+ UInt64(i) &* 0x9E37_79B9_7F4A_7C15)
            p.clipGradients = clipGradients
            net.nodes[i].layer = p
        }
        return net
    }

    /// The plain float network (wrappers removed), e.g. for checkpoints.
    public static func remove(from network: Network) -> Network {
        var net = network
        for i in net.nodes.indices {
            if let p = net.nodes[i].layer as? PassiveLayer { net.nodes[i].layer = p.inner }
        }
        return ApproxNetwork.unwrap(net)
    }

    /// Realised flip statistics summed over the wrapped layers.
    public static func tally(_ network: Network) -> NTVStorage.Tally {
        network.nodes.compactMap { ($0.layer as? PassiveLayer)?.tally }.reduce(into: NTVStorage.Tally()) {
            $0.bitsRead += $1.bitsRead
            $0.bitsFlipped += $1.bitsFlipped
        }
    }
}
