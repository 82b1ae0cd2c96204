import CKernels

/// The C kernels (nibble lookups, gathers), run over the workers on disjoint row blocks of Y.
enum NativeRoutes {
    /// Block-composed route: one 32-row activation panel per task, AVX2 vpshufb or portable C.
    static func nibble(x: [Int8], w: [Int8], m: Int, k: Int, n: Int, tables: [UInt8], avx2: Bool) -> [Int32] {
        eachNibblePanel(x: x, w: w, m: m, k: k, n: n, tables: tables) { xs, ws, ts, ys, panel, m0, rows in
            ck_nib_pack_panel(xs, Int32(k), Int32(m0), Int32(rows), panel)
            let out = ys + m0 * n
            if avx2 {
                ck_nib_gemm_avx2(panel, Int32(k), ws, Int32(n), ts, Int32(rows), out, n, 1)
            } else {
                ck_nib_gemm_scalar(panel, Int32(k), ws, Int32(n), ts, Int32(rows), out, n, 1)
            }
        }
    }

    /// One panel of the block-composed route: (x, w as bytes, tables, y, panel buffer, first row, rows).
    typealias NibblePanel = @Sendable (UnsafePointer<Int8>, UnsafePointer<UInt8>, UnsafePointer<UInt8>,
                                       UnsafeMutablePointer<Int32>, UnsafeMutablePointer<UInt8>, Int, Int) -> Void

    /// Runs `body` on every 32-row nibble panel of an M-row activation matrix (see `eachPanel`).
    static func eachNibblePanel(x: [Int8], w: [Int8], m: Int, k: Int, n: Int, tables: [UInt8],
                                _ body: NibblePanel) -> [Int32] {
        eachPanel(x: x, w: w, m: m, k: k, n: n, tables: tables, rowsPer: Int(CK_NIB_ROWS),
                  step: Int(CK_NIB_PANEL_STEP), body)
    }

    /// Runs `body` on every `rowsPer`-row panel of an M-row activation matrix, panels split over the
    /// workers; each task has its own packing buffer of k · `step` bytes and writes its own rows of Y.
    static func eachPanel(x: [Int8], w: [Int8], m: Int, k: Int, n: Int, tables: [UInt8], rowsPer: Int, step: Int,
                          _ body: NibblePanel) -> [Int32] {
        let panels = (m + rowsPer - 1) / rowsPer
        var y = [Int32].overwritten(count: m * n)   // every (row, column) is stored by its panel
        x.withUnsafeBufferPointer { xp in
            w.withUnsafeBufferPointer { wp in
                tables.withUnsafeBufferPointer { tp in
                    y.withUnsafeMutableBufferPointer { yp in
                        guard let xb = xp.baseAddress, let wb = wp.baseAddress, let tb = tp.baseAddress,
                              let yb = yp.baseAddress else { return }
                        let ctx = UnsafeSendable((xb, UnsafeRawPointer(wb).assumingMemoryBound(to: UInt8.self), tb, yb))
                        inParallel(panels, work: m * k * n) { lo, hi in
                            let (xs, ws, ts, ys) = ctx.value
                            let panel = UnsafeMutablePointer<UInt8>.allocate(capacity: k * step)
                            defer { panel.deallocate() }
                            for pi in lo..<hi {
                                body(xs, ws, ts, ys, panel, pi * rowsPer, min(rowsPer, m - pi * rowsPer))
                            }
                        }
                    }
                }
            }
        }
        return y
    }

    /// Gather route: each activation selects a row of the signed 256×256 product table.
    static func gather(x: [Int8], w: [Int8], m: Int, k: Int, n: Int, products: [Int32], avx2: Bool) -> [Int32] {
        var y = [Int32](repeating: 0, count: m * n)
        x.withUnsafeBufferPointer { xp in
            w.withUnsafeBufferPointer { wp in
                products.withUnsafeBufferPointer { pp in
                    y.withUnsafeMutableBufferPointer { yp in
                        guard let xb = xp.baseAddress, let wb = wp.baseAddress, let pb = pp.baseAddress,
                              let yb = yp.baseAddress else { return }
                        let ctx = UnsafeSendable((UnsafeRawPointer(xb).assumingMemoryBound(to: UInt8.self),
                                                  UnsafeRawPointer(wb).assumingMemoryBound(to: UInt8.self), pb, yb))
                        let blocks = (m + 15) / 16
                        inParallel(blocks, work: m * k * n) { lo, hi in
                            let (xs, ws, ps, ys) = ctx.value
                            let m0 = Int32(lo * 16), m1 = Int32(min(hi * 16, m))
                            if avx2 {
                                ck_gather_gemm_avx2(xs, Int32(k), ws, Int32(n), ps, m0, m1, ys)
                            } else {
                                ck_gather_gemm_scalar(xs, Int32(k), ws, Int32(n), ps, m0, m1, ys)
                            }
                        }
                    }
                }
            }
        }
        return y
    }

    /// Below this many multiply-accumulates a call runs on the calling thread: waking a second
    /// thread costs more than the work (measured on the M = 64 dense layers).
    static let serialWork = 1 << 18

    /// Cuts `count` items into at most `Parallel.maxChunks` contiguous ranges (a number fixed by the
    /// problem size) and runs `body(lo, hi)` on them over the workers. Each item writes disjoint
    /// rows of Y with exact integer sums, so the result does not depend on scheduling.
    static func inParallel(_ count: Int, work: Int = .max, _ body: @Sendable (Int, Int) -> Void) {
        guard count > 0 else { return }
        let parts = work < serialWork ? 1 : min(count, Parallel.maxChunks)
        Parallel.run(chunks: parts) { p in body(p * count / parts, (p + 1) * count / parts) }
    }
}
