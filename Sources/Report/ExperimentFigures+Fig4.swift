import Foundation
import Records

extension ExperimentFigures {
    /// Fig. 4: the last layer's per-weight sensitivity |w|·Σk|∂Ok/∂w| of each method, stacked, on
    /// one shared colour scale (darker = more sensitive) with a colour bar.
    public static func fig4(_ e: Table1Result) -> String {
        let maps = e.sensitivityMaps
        let hi = max(maps.flatMap(\.map.values).filter(\.isFinite).max() ?? 0, 1e-300)
        let imageH = Double(max(60, min(160, (maps.first?.map.rows ?? 10) * 10)))
        let panelW = 680.0, panelH = imageH + 36 + 52, top = 50.0, barX = panelW + 30
        let width = barX + 110, height = top + panelH * Double(max(1, maps.count)) + 10
        let app = maps.first?.app ?? ""
        let title = "Fig. 4: per-weight sensitivity of the last layer (\(app), layer \(maps.first?.map.layer ?? "")), shared colour scale"
        var s = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(height))\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" font-family=\"Helvetica, Arial, sans-serif\">"
        s += "<title>\(Markup.escape(title))</title><rect x=\"0\" y=\"0\" width=\"\(Int(width))\" height=\"\(Int(height))\" fill=\"#ffffff\"/>"
        s += Markup.text(title, x: width / 2, y: 24, size: 15, weight: "bold")
        for (i, m) in maps.enumerated() {
            let f = PlotFrame(title: "\(m.method) (sum over the layer: \(Markup.number(m.map.values.reduce(0, +))))",
                              xLabel: "input of layer \(m.map.layer) (column of the weight matrix)", yLabel: "output (row)",
                              xRange: (0, Double(m.map.cols)), yRange: (0, Double(m.map.rows)), width: panelW, height: panelH)
            s += "<g transform=\"translate(0,\(Markup.c(top + Double(i) * panelH)))\">" + f.open() + m.map.image(in: f, hi: hi) + "</svg></g>"
        }
        return s + colourBar(x: barX, top: top + 36, height: panelH * Double(max(1, maps.count)) - 88, hi: hi) + "</svg>"
    }


    /// A vertical colour bar from 0 (bottom) to `hi` (top) with five value ticks and its quantity.
    static func colourBar(x: Double, top: Double, height: Double, hi: Double) -> String {
        let steps = 48, h = height / Double(steps)
        var s = ""
        for i in 0..<steps {
            let t = 1 - (Double(i) + 0.5) / Double(steps)
            s += "<rect x=\"\(Markup.c(x))\" y=\"\(Markup.c(top + Double(i) * h))\" width=\"16\" height=\"\(Markup.c(h + 0.5))\" fill=\"\(ColorScale.css(ColorScale.sequential(t)))\"/>"
        }
        s += "<rect x=\"\(Markup.c(x))\" y=\"\(Markup.c(top))\" width=\"16\" height=\"\(Markup.c(height))\" fill=\"none\" stroke=\"#000000\"/>"
        for k in 0...4 {
            s += Markup.text(Markup.number(hi * (1 - Double(k) / 4)), x: x + 20, y: top + Double(k) / 4 * height + 4, size: 10, anchor: "start")
        }
        return s + Markup.text("sensitivity |w|·Σk|∂Ok/∂w| (logit units)", x: x + 92, y: top + height / 2, size: 11, rotate: true)
    }
}
