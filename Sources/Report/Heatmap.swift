import Foundation

/// A heatmap drawn as an inline PNG (`data:` URI) inside an SVG plot frame, with a colour legend.
struct Heatmap {
    var title: String
    var xLabel: String
    var yLabel: String
    var legendLabel: String
    var xValues: [UInt64]
    var yValues: [UInt64]
    /// Row-major values, rows follow `yValues`.
    var values: [Double]
    /// Symmetric colour limit; values beyond it take the end colours.
    var limit: Double

    func svg() -> String {
        var frame = PlotFrame(title: title, xLabel: xLabel, yLabel: yLabel,
                              xRange: (Double(xValues.first ?? 0), Double(xValues.last ?? 1)),
                              yRange: (Double(yValues.first ?? 0), Double(yValues.last ?? 1)))
        frame.width = 470
        frame.height = 400
        frame.right = 110
        let limit = self.limit > 0 ? self.limit : 1
        let (w, h) = (xValues.count, yValues.count)
        var pixels = [UInt8](repeating: 0, count: w * h)
        for row in 0..<h {
            let source = (h - 1 - row) * w  // PNG row 0 is the top: largest y operand
            for col in 0..<w { pixels[row * w + col] = ColorScale.divergingIndex(values[source + col], limit: limit) }
        }
        let png = PNGEncoder.encode(width: w, height: h, pixels: pixels, palette: ColorScale.divergingPalette)
        var s = frame.open()
        s += frame.image(png: png)
        s += legend(frame: frame, limit: limit)
        return s + "</svg>"
    }

    /// A vertical colour bar right of the plot with five labelled ticks.
    private func legend(frame: PlotFrame, limit: Double) -> String {
        let x = frame.left + frame.plotWidth + 14, steps = 40
        let barH = frame.plotHeight / Double(steps)
        var s = ""
        for i in 0..<steps {
            let t = 1 - 2 * (Double(i) + 0.5) / Double(steps)
            s += "<rect x=\"\(Markup.c(x))\" y=\"\(Markup.c(frame.top + Double(i) * barH))\" width=\"14\" height=\"\(Markup.c(barH + 0.5))\" fill=\"\(ColorScale.css(ColorScale.diverging(t)))\"/>"
        }
        s += "<rect x=\"\(Markup.c(x))\" y=\"\(Markup.c(frame.top))\" width=\"14\" height=\"\(Markup.c(frame.plotHeight))\" fill=\"none\" stroke=\"#000000\"/>"
        for k in 0...4 {
            let t = 1 - Double(k) / 2
            let y = frame.top + Double(k) / 4 * frame.plotHeight
            s += Markup.text(Markup.tick(t * limit), x: x + 18, y: y + 4, size: 10, anchor: "start")
        }
        s += Markup.text(legendLabel, x: x + 68, y: frame.top + frame.plotHeight / 2, size: 11, rotate: true)
        return s
    }
}
