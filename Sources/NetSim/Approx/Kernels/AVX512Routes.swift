import CKernels

/// The AVX-512 kernels (`avx512_gemm.c`) on the convolution layout xT (K × M): the VNNI exact
/// kernel (any activations), the VBMI byte-block and gather kernels (activations ≥ 0). Work goes to the
/// workers by 64-pixel panels and, when there are fewer than 4 panels, also by column ranges;
/// every sum is an exact integer, so the split never changes a result.
extension NativeRoutes {
    /// Y = x·w with T(a, b) = a·b, as Yᵀ (N × M) or Y (M × N, `rowMajorY`).
    static func vnniExact(xT: [Int8], w: [Int8], m: Int, k: Int, n: Int, rowMajorY: Bool) -> [Int32] {
        let groups = (k + 3) / 4
        var wq = [Int32].overwritten(count: groups * n), corr = [Int32].overwritten(count: n)
        w.withUnsafeBufferPointer { wp in
            wq.withUnsafeMutableBufferPointer { q in
                corr.withUnsafeMutableBufferPointer { c in ck_q_pack_w_exact(wp.baseAddress!, Int32(k), Int32(n), q.baseAddress!, c.baseAddress!) }
            }
        }
        return wq.withUnsafeBufferPointer { q in
            corr.withUnsafeBufferPointer { c in
                let ctx = UnsafeSendable((q.baseAddress!, c.baseAddress!))
                return eachQPanel(xT: xT, m: m, k: k, n: n, steps: groups, rowMajorY: rowMajorY) { xs, panel, m0, rows, c0, c1, out, rs, cs in
                    let (wqs, corrs) = ctx.value
                    ck_q_pack_exact(xs, m, Int32(k), Int32(m0), Int32(rows), panel)
                    ck_q_gemm_exact(panel, Int32(k), wqs + c0, n, corrs + c0, Int32(c1 - c0), Int32(rows), out, rs, cs)
                }
            }
        }
    }

    /// The byte-block products of `plan` (activations ≥ 0), as Yᵀ or Y.
    static func vbmiBlocks(xT: [Int8], w: [Int8], m: Int, k: Int, n: Int, plan: KernelPlan, rowMajorY: Bool) -> [Int32] {
        var codeTables = [UInt8](repeating: 0, count: Int(CK_Q_CODE_TABLE_BYTES))
        plan.pairTables.withUnsafeBufferPointer { t in
            codeTables.withUnsafeMutableBufferPointer { ct in ck_q_code_tables(t.baseAddress!, ct.baseAddress!) }
        }
        return tablePanels(xT: xT, w: w, m: m, k: k, n: n, tables: codeTables, steps: (k + 1) / 2, rowMajorY: rowMajorY,
                           pack: ck_q_pack_blocks, gemm: ck_q_gemm_blocks)
    }

    /// The gather route's products of `plan` (activations ≥ 0, every product in Int16), as Yᵀ or Y.
    static func vbmiGather(xT: [Int8], w: [Int8], m: Int, k: Int, n: Int, plan: KernelPlan, rowMajorY: Bool) -> [Int32] {
        tablePanels(xT: xT, w: w, m: m, k: k, n: n, tables: plan.gatherCodeTables, steps: (k + 3) / 4, rowMajorY: rowMajorY,
                    pack: ck_q_pack_exact, gemm: ck_q_gemm_gather)
    }

    /// A panel packer and a table kernel of `avx512_gemm.c` (`ck_q_pack_*`, `ck_q_gemm_blocks` / `_gather`).
    typealias QPack = @convention(c) (UnsafePointer<Int8>?, Int, Int32, Int32, Int32, UnsafeMutablePointer<UInt8>?) -> Void
    typealias QTableGemm = @convention(c) (UnsafePointer<UInt8>?, Int32, UnsafePointer<UInt8>?, UnsafePointer<UInt8>?, Int,
                                           Int32, Int32, UnsafeMutablePointer<Int32>?, Int, Int) -> Void

    /// Runs `pack` and `gemm` with the per-code `tables` and the weight codes on every panel (`eachQPanel`).
    static func tablePanels(xT: [Int8], w: [Int8], m: Int, k: Int, n: Int, tables: [UInt8], steps: Int, rowMajorY: Bool,
                            pack: QPack, gemm: QTableGemm) -> [Int32] {
        tables.withUnsafeBufferPointer { ct in
            w.withUnsafeBufferPointer { wp in
                let ctx = UnsafeSendable((ct.baseAddress!, UnsafeRawPointer(wp.baseAddress!).assumingMemoryBound(to: UInt8.self), pack, gemm))
                return eachQPanel(xT: xT, m: m, k: k, n: n, steps: steps, rowMajorY: rowMajorY) { xs, panel, m0, rows, c0, c1, out, rs, cs in
                    let (cts, ws, pack, gemm) = ctx.value
                    pack(xs, m, Int32(k), Int32(m0), Int32(rows), panel)
                    gemm(panel, Int32(k), cts, ws + c0, n, Int32(c1 - c0), Int32(rows), out, rs, cs)
                }
            }
        }
    }

    /// One unit of work: (xT, panel buffer, first pixel, pixels, first column, end column, output
    /// of (pixel 0, column c0), pixel stride, column stride).
    typealias QPanel = @Sendable (UnsafePointer<Int8>, UnsafeMutablePointer<UInt8>, Int, Int, Int, Int,
                                  UnsafeMutablePointer<Int32>, Int, Int) -> Void

    /// Runs `body` on every 64-pixel panel (× column range) of an M-pixel product over the workers;
    /// each task packs into its own buffer of `steps` · `CK_Q_STEP` bytes and writes its own part of Y.
    static func eachQPanel(xT: [Int8], m: Int, k: Int, n: Int, steps: Int, rowMajorY: Bool, _ body: QPanel) -> [Int32] {
        let rowsPer = Int(CK_Q_ROWS), panels = (m + rowsPer - 1) / rowsPer
        let columnParts = panels < 4 ? max(1, min(n / 8, 8)) : 1
        var y = [Int32].overwritten(count: m * n)   // every (pixel, column) is stored by its unit
        xT.withUnsafeBufferPointer { xp in
            y.withUnsafeMutableBufferPointer { yp in
                guard let xb = xp.baseAddress, let yb = yp.baseAddress else { return }
                let ctx = UnsafeSendable((xb, yb))
                inParallel(panels * columnParts, work: m * k * n) { lo, hi in
                    let (xs, ys) = ctx.value
                    let panel = UnsafeMutablePointer<UInt8>.allocate(capacity: max(steps, 1) * Int(CK_Q_STEP))
                    defer { panel.deallocate() }
                    for unit in lo..<hi {
                        let m0 = unit / columnParts * rowsPer, rows = min(rowsPer, m - m0)
                        let part = unit % columnParts, c0 = part * n / columnParts, c1 = (part + 1) * n / columnParts
                        let (rs, cs) = rowMajorY ? (n, 1) : (1, m)
                        body(xs, panel, m0, rows, c0, c1, ys + m0 * rs + c0 * cs, rs, cs)
                    }
                }
            }
        }
        return y
    }
}
