import NetSim

/// The window geometry of Conv, MaxPool and AveragePool nodes: strides, dilations, explicit or
/// automatic (`auto_pad`) padding per side, and pooling's `ceil_mode` (as extra bottom/right
/// padding that no output reads as a value: MaxPool never picks it, AveragePool does not count it).
extension ONNXGraphBuilder {
    func squareStride(_ a: ONNXAttributes) throws -> Int {
        let s = a.ints("strides") ?? [1, 1]
        guard s.count == 2, s[0] == s[1], s[0] > 0, s[0] <= Self.maxExtent else { throw refuse("strides \(s) must be equal in both dimensions") }
        return s[0]
    }

    /// Equal dilations in both dimensions (1 when absent).
    func squareDilation(_ a: ONNXAttributes) throws -> Int {
        let d = a.ints("dilations") ?? [1, 1]
        guard d.count == 2, d[0] == d[1], d[0] > 0, d[0] <= Self.maxExtent else { throw refuse("dilations \(d) must be equal in both dimensions") }
        return d[0]
    }

    /// Padding per side from `pads` or `auto_pad` for a window spanning `span` input pixels (per axis)
    /// over an [C, H, W] input. SAME_UPPER puts the odd pixel at the end, SAME_LOWER at the start.
    func windowPads(_ a: ONNXAttributes, input: [Int], span: (height: Int, width: Int), stride: Int) throws -> Pads {
        guard input.count == 3 else { throw refuse("input \(input) must be [N, C, H, W]") }
        switch a.string("auto_pad") ?? "NOTSET" {
        case "NOTSET":
            let p = a.ints("pads") ?? [0, 0, 0, 0]
            guard p.count == 4, p.allSatisfy({ $0 >= 0 && $0 <= Self.maxExtent }) else {
                throw refuse("pads \(p) must be four values in 0...\(Self.maxExtent) (top, left, bottom, right)")
            }
            return Pads(top: p[0], left: p[1], bottom: p[2], right: p[3])
        case "VALID":
            return Pads(0)
        case let mode where mode == "SAME_UPPER" || mode == "SAME_LOWER":
            func split(_ size: Int, _ span: Int) -> (Int, Int) {
                let total = max(0, ((size + stride - 1) / stride - 1) * stride + span - size)
                let begin = mode == "SAME_UPPER" ? total / 2 : total - total / 2
                return (begin, total - begin)
            }
            let (h, w) = (split(input[1], span.height), split(input[2], span.width))
            return Pads(top: h.0, left: w.0, bottom: h.1, right: w.1)
        case let mode:
            throw refuse("auto_pad '\(mode)' is not one of NOTSET, VALID, SAME_UPPER, SAME_LOWER")
        }
    }

    /// `pads` grown at the bottom and right so that the floor output size equals ONNX's ceil_mode
    /// size (a last window must start inside the input or its top/left padding).
    func ceilModePads(_ pads: Pads, input: [Int], kernel: Int, stride: Int) -> Pads {
        func extra(_ size: Int, _ begin: Int, _ end: Int) -> Int {
            let padded = size + begin + end
            guard padded >= kernel else { return 0 }
            var out = (padded - kernel + stride - 1) / stride + 1
            if (out - 1) * stride >= size + begin { out -= 1 }
            return max(0, (out - 1) * stride + kernel - padded)
        }
        var p = pads
        p.bottom += extra(input[1], pads.top, pads.bottom)
        p.right += extra(input[2], pads.left, pads.right)
        return p
    }
}
