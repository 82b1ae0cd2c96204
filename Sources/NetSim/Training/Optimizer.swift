import Foundation

/// First-order optimisers over a network's parameters, in `Network.namedParameters` order.
///
/// SGD follows PyTorch: g ← ∇ + λw; b ← μb + g; step = nesterov ? g + μb : b; w ← w − η·step.
/// Adam (Kingma & Ba) uses bias-corrected moments; its weight decay is the L2 term λw added to ∇.
public struct Optimizer: Sendable {
    public enum Kind: String, Sendable, Codable, CaseIterable { case sgd, adam }

    public var kind: Kind
    public var momentum: Float
    public var nesterov: Bool
    public var weightDecay: Float
    public var beta1: Float = 0.9
    public var beta2: Float = 0.999
    public var epsilon: Float = 1e-8
    /// Steps taken so far (Adam's bias correction; saved in checkpoints).
    public var step: Int = 0
    /// Per-parameter state: SGD momentum buffer, or Adam's first and second moments.
    public var first: [Tensor] = []
    public var second: [Tensor] = []

    public init(kind: Kind, momentum: Float = 0.9, nesterov: Bool = false, weightDecay: Float = 0) {
        self.kind = kind
        self.momentum = momentum
        self.nesterov = nesterov
        self.weightDecay = weightDecay
    }

    /// Applies one update with learning rate `lr` using the gradients stored in `network`.
    public mutating func update(_ network: inout Network, lr: Float) {
        step += 1
        var k = 0
        for i in network.nodes.indices {
            var params = network.nodes[i].layer.parameters
            guard !params.isEmpty else { continue }
            for p in params.indices {
                if first.count <= k {
                    first.append(params[p].value.zerosLike())
                    second.append(kind == .adam ? params[p].value.zerosLike() : Tensor(shape: [0]))
                }
                apply(&params[p], k, lr)
                k += 1
            }
            network.nodes[i].layer.parameters = params
        }
    }

    private mutating func apply(_ param: inout Parameter, _ k: Int, _ lr: Float) {
        let n = param.value.count
        let (mu, wd) = (momentum, weightDecay)
        switch kind {
        case .sgd:
            for j in 0..<n {
                let g = param.grad.data[j] + wd * param.value.data[j]
                var s = g
                if mu != 0 {
                    let b = mu * first[k].data[j] + g
                    first[k].data[j] = b
                    s = nesterov ? g + mu * b : b
                }
                param.value.data[j] -= lr * s
            }
        case .adam:
            let c1 = 1 - Float(Foundation.pow(Double(beta1), Double(step)))
            let c2 = 1 - Float(Foundation.pow(Double(beta2), Double(step)))
            for j in 0..<n {
                let g = param.grad.data[j] + wd * param.value.data[j]
                let m = beta1 * first[k].data[j] + (1 - beta1) * g
                let v = beta2 * second[k].data[j] + (1 - beta2) * g * g
                first[k].data[j] = m
                second[k].data[j] = v
                param.value.data[j] -= lr * (m / c1) / ((v / c2).squareRoot() + epsilon)
            }
        }
    }
}

/// Learning rate as a function of the (0-based) epoch.
public enum LRSchedule: Sendable, Equatable {
    case constant
    /// Multiply by `gamma` every `every` epochs.
    case step(every: Int, gamma: Float)
    /// Cosine annealing from the base rate to `minimum` over `epochs` epochs.
    case cosine(epochs: Int, minimum: Float)
    /// Multiply by `gamma` every epoch.
    case exponential(gamma: Float)

    /// The rate for `epoch` given the base rate.
    public func rate(base: Float, epoch: Int) -> Float {
        switch self {
        case .constant:
            return base
        case .step(let every, let gamma):
            return base * Float(Foundation.pow(Double(gamma), Double(epoch / max(every, 1))))
        case .cosine(let epochs, let minimum):
            let t = Double(min(epoch, epochs)) / Double(max(epochs, 1))
            return minimum + (base - minimum) * Float((1 + Foundation.cos(Double.pi * t)) / 2)
        case .exponential(let gamma):
            return base * Float(Foundation.pow(Double(gamma), Double(epoch)))
        }
    }

    /// Parses "constant", "step:EVERY:GAMMA", "cosine[:MIN]" or "exp:GAMMA"; `epochs` sizes cosine.
    public static func parse(_ text: String, epochs: Int) throws -> LRSchedule {
        let parts = text.split(separator: ":").map(String.init)
        let nums = parts.dropFirst().map { Float($0) }
        let bad = ModelError.invalidArgument(what: "schedule", value: text,
                                             rule: "use constant, step:EVERY:GAMMA, cosine[:MIN] or exp:GAMMA")
        switch parts.first {
        case "constant": return .constant
        case "step":
            guard nums.count == 2, let e = nums[0], let g = nums[1], e >= 1 else { throw bad }
            return .step(every: Int(e), gamma: g)
        case "cosine":
            guard nums.count <= 1 else { throw bad }
            return .cosine(epochs: epochs, minimum: nums.first.flatMap { $0 } ?? 0)
        case "exp", "exponential":
            guard nums.count == 1, let g = nums[0] else { throw bad }
            return .exponential(gamma: g)
        default: throw bad
        }
    }
}
