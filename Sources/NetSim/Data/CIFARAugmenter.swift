/// Training-time augmentation for small images such as CIFAR-10: a random crop of the image
/// zero-padded by `padding` pixels on each side, then a horizontal flip with probability 1/2.
/// Call it once per batch; the generator makes it reproducible.
public struct CIFARAugmenter: Sendable, Equatable {
    /// Maximum shift in pixels (the zero padding of the crop).
    public var padding: Int
    /// Whether to mirror horizontally with probability 1/2.
    public var flip: Bool

    /// The standard CIFAR-10 setting: 4-pixel padding and flips.
    public init(padding: Int = 4, flip: Bool = true) {
        self.padding = padding
        self.flip = flip
    }

    /// Augments every `[C, H, W]` sample in `values` (a row-major batch) in place.
    public func augment<G: RandomNumberGenerator>(_ values: inout [Float], sampleShape: [Int], using rng: inout G) throws {
        guard sampleShape.count == 3, sampleShape.allSatisfy({ $0 > 0 }) else {
            throw DataError(.invalidArgument, file: "", "augmentation needs samples of shape [C, H, W], not \(sampleShape).")
        }
        let size = sampleShape.reduce(1, *)
        guard values.count % size == 0 else {
            throw DataError(.invalidArgument, file: "", "the batch has \(values.count) values, not a multiple of the sample size \(size).")
        }
        var scratch = [Float](repeating: 0, count: size)
        for sample in 0..<(values.count / size) {
            let dy = Int.random(in: -padding...padding, using: &rng)
            let dx = Int.random(in: -padding...padding, using: &rng)
            let mirror = flip && Bool.random(using: &rng)
            Self.cropAndFlip(&values, offset: sample * size, shape: sampleShape, dy: dy, dx: dx, mirror: mirror, scratch: &scratch)
        }
    }

    /// Moves one sample: output(y, x) = input(y + dy, x' + dx) with x' = W-1-x if mirrored, 0 outside.
    static func cropAndFlip(_ values: inout [Float], offset: Int, shape: [Int], dy: Int, dx: Int,
                            mirror: Bool, scratch: inout [Float]) {
        let (channels, height, width) = (shape[0], shape[1], shape[2])
        for c in 0..<channels {
            for y in 0..<height {
                for x in 0..<width {
                    let sx = (mirror ? width - 1 - x : x) + dx
                    let sy = y + dy
                    let inside = sy >= 0 && sy < height && sx >= 0 && sx < width
                    scratch[(c * height + y) * width + x] = inside ? values[offset + (c * height + sy) * width + sx] : 0
                }
            }
        }
        values.replaceSubrange(offset..<(offset + scratch.count), with: scratch)
    }
}
