/// Zero padding on the four sides of a 2-D window, in ONNX `pads` order (top, left, bottom, right).
public struct Pads: Sendable, Hashable, CustomStringConvertible {
    public var top: Int, left: Int, bottom: Int, right: Int

    public init(top: Int, left: Int, bottom: Int, right: Int) {
        (self.top, self.left, self.bottom, self.right) = (top, left, bottom, right)
    }

    /// The same padding on every side.
    public init(_ all: Int) { self.init(top: all, left: all, bottom: all, right: all) }

    /// ONNX order: [top, left, bottom, right] (x1_begin, x2_begin, x1_end, x2_end).
    public var onnx: [Int] { [top, left, bottom, right] }

    public var isSymmetric: Bool { top == left && top == bottom && top == right }

    public var description: String { isSymmetric ? "\(top)" : "\(onnx)" }
}
