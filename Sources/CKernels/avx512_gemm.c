// AVX-512 LUT-GEMM kernels, compiled per function for avx512f/bw/vbmi/vnni and chosen at run time.
//
// Both kernels keep a pixel's partial sums in one int32 lane and let vpdpbusd add four u8 x s8
// products per lane, so there is no int16 stage to widen:
// - exact route (VNNI): the lane's four bytes are x + 128 (u8) of four k steps, the multiplier is
//   the four weights (s8); the sum is corrected by 128 * sum_k w. One vpdpbusd per 64 MACs.
// - byte-block route (VBMI): the lane's bytes are the indices (al_k, 16 + ah_k, 32 + al_k+1,
//   48 + ah_k+1) of two k steps; one vpermb with a 64-byte table of four 16-entry blocks
//   (LL, HL of weight k; LL, HL of weight k+1) looks all four up, and vpdpbusd with
//   (s_k, 16 s_k, s_k+1, 16 s_k+1) adds them; a second table (LH, HH) goes to a second
//   accumulator that is scaled by 16 at the end. 2 vpermb + 2 vpdpbusd per 32 MACs.
// - gather route (VBMI, activations >= 0): the lane's bytes are x of four k steps (the exact panel;
//   vpermi2b reads the low 7 bits of x + 128); for the four weight codes of the k group, four
//   merge-masked vpermi2b look byte j of every lane up in weight j's 128-entry table of the low
//   bytes of P(x, w) + 32768, four more in its high-byte table, and vpdpbusd with multiplier bytes 1
//   adds them into a low and a high accumulator: y = low + 256 high - 32768 K. 8 vpermi2b + 2
//   vpdpbusd per 64 MACs, 16 table loads (4 KB tables, 64 KB in all) per k group and column.
// Panels hold 64 pixels; within a panel the four accumulator vectors hold pixels in the order
// the 128-bit-lane unpacks produce, put back in order by ck_q_transpose_lanes.
#include "ckernels.h"
#include <string.h>

#if defined(__x86_64__)
#include <immintrin.h>
#define CK_Q_TARGET __attribute__((target("avx512f,avx512bw,avx512vbmi,avx512vnni")))

int ck_has_avx512vbmi(void) {
    return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("avx512vbmi");
}
int ck_has_avx512vnni(void) { return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512vnni"); }

// Interleaves four 64-byte rows into 4 vectors of (r0, r1, r2, r3) byte quads, one per pixel.
CK_Q_TARGET static inline void ck_q_interleave(__m512i r0, __m512i r1, __m512i r2, __m512i r3, uint8_t *out) {
    __m512i a = _mm512_unpacklo_epi8(r0, r1), b = _mm512_unpacklo_epi8(r2, r3);
    __m512i c = _mm512_unpackhi_epi8(r0, r1), d = _mm512_unpackhi_epi8(r2, r3);
    _mm512_storeu_si512(out, _mm512_unpacklo_epi16(a, b));
    _mm512_storeu_si512(out + 64, _mm512_unpackhi_epi16(a, b));
    _mm512_storeu_si512(out + 128, _mm512_unpacklo_epi16(c, d));
    _mm512_storeu_si512(out + 192, _mm512_unpackhi_epi16(c, d));
}

// 64 bytes of row k of xT from pixel m0 (zeros past `rows`, and all zeros past K).
CK_Q_TARGET static inline __m512i ck_q_row(const int8_t *xT, long ldx, int K, int k, int m0, int rows) {
    if (k >= K) return _mm512_setzero_si512();
    __mmask64 m = rows >= 64 ? ~(__mmask64)0 : (((__mmask64)1 << rows) - 1);
    return _mm512_maskz_loadu_epi8(m, xT + (long)k * ldx + m0);
}

CK_Q_TARGET void ck_q_pack_exact(const int8_t *xT, long ldx, int K, int m0, int rows, uint8_t *panel) {
    const __m512i flip = _mm512_set1_epi8((char)0x80);
    for (int g = 0; 4 * g < K; g++) {
        __m512i r[4];
        for (int t = 0; t < 4; t++) r[t] = _mm512_xor_si512(ck_q_row(xT, ldx, K, 4 * g + t, m0, rows), flip);
        ck_q_interleave(r[0], r[1], r[2], r[3], panel + (size_t)g * CK_Q_STEP);
    }
}

CK_Q_TARGET void ck_q_pack_blocks(const int8_t *xT, long ldx, int K, int m0, int rows, uint8_t *panel) {
    const __m512i low4 = _mm512_set1_epi8(15);
    for (int h = 0; 2 * h < K; h++) {
        __m512i a = ck_q_row(xT, ldx, K, 2 * h, m0, rows), b = ck_q_row(xT, ldx, K, 2 * h + 1, m0, rows);
        __m512i al = _mm512_and_si512(a, low4), ah = _mm512_and_si512(_mm512_srli_epi16(a, 4), low4);
        __m512i bl = _mm512_and_si512(b, low4), bh = _mm512_and_si512(_mm512_srli_epi16(b, 4), low4);
        ck_q_interleave(al, _mm512_or_si512(ah, _mm512_set1_epi8(16)), _mm512_or_si512(bl, _mm512_set1_epi8(32)),
                        _mm512_or_si512(bh, _mm512_set1_epi8(48)), panel + (size_t)h * CK_Q_STEP);
    }
}

// acc[v] lane L element e holds pixel 16L + 4v + e; out[L] gets pixels 16L ... 16L + 15 in order.
CK_Q_TARGET static inline void ck_q_transpose_lanes(const __m512i acc[4], __m512i out[4]) {
    __m512i t0 = _mm512_shuffle_i32x4(acc[0], acc[1], 0x44), t1 = _mm512_shuffle_i32x4(acc[2], acc[3], 0x44);
    __m512i t2 = _mm512_shuffle_i32x4(acc[0], acc[1], 0xEE), t3 = _mm512_shuffle_i32x4(acc[2], acc[3], 0xEE);
    out[0] = _mm512_shuffle_i32x4(t0, t1, 0x88);
    out[1] = _mm512_shuffle_i32x4(t0, t1, 0xDD);
    out[2] = _mm512_shuffle_i32x4(t2, t3, 0x88);
    out[3] = _mm512_shuffle_i32x4(t2, t3, 0xDD);
}

// Writes the 64 pixel sums of one column (minus `corr`) to y[p * rs] for p < rows.
CK_Q_TARGET static inline void ck_q_store(const __m512i acc[4], int32_t corr, int rows, int32_t *y, long rs) {
    __m512i o[4];
    ck_q_transpose_lanes(acc, o);
    const __m512i c = _mm512_set1_epi32(corr);
    for (int L = 0; L < 4; L++) {
        int left = rows - 16 * L;
        if (left <= 0) break;
        __m512i v = _mm512_sub_epi32(o[L], c);
        if (rs == 1) {
            _mm512_mask_storeu_epi32(y + 16 * L, left >= 16 ? (__mmask16)0xFFFF : (__mmask16)((1u << left) - 1), v);
        } else {
            int32_t tmp[16];
            _mm512_storeu_si512(tmp, v);
            for (int i = 0; i < 16 && i < left; i++) y[(long)(16 * L + i) * rs] = tmp[i];
        }
    }
}

CK_Q_TARGET void ck_q_gemm_exact(const uint8_t *panel, int K, const int32_t *wq, long ldw, const int32_t *corr, int N, int rows,
                                 int32_t *y, long rs, long cs) {
    int groups = (K + 3) / 4, n = 0;
    for (; n + 4 <= N; n += 4) {
        __m512i acc[4][4];
        for (int j = 0; j < 4; j++) for (int v = 0; v < 4; v++) acc[j][v] = _mm512_setzero_si512();
        for (int g = 0; g < groups; g++) {
            const uint8_t *p = panel + (size_t)g * CK_Q_STEP;
            __m512i x0 = _mm512_loadu_si512(p), x1 = _mm512_loadu_si512(p + 64);
            __m512i x2 = _mm512_loadu_si512(p + 128), x3 = _mm512_loadu_si512(p + 192);
            const int32_t *w = wq + (size_t)g * ldw + n;
            for (int j = 0; j < 4; j++) {
                __m512i m = _mm512_set1_epi32(w[j]);
                acc[j][0] = _mm512_dpbusd_epi32(acc[j][0], x0, m);
                acc[j][1] = _mm512_dpbusd_epi32(acc[j][1], x1, m);
                acc[j][2] = _mm512_dpbusd_epi32(acc[j][2], x2, m);
                acc[j][3] = _mm512_dpbusd_epi32(acc[j][3], x3, m);
            }
        }
        for (int j = 0; j < 4; j++) ck_q_store(acc[j], corr[n + j], rows, y + (long)(n + j) * cs, rs);
    }
    for (; n < N; n++) {
        __m512i acc[4] = {_mm512_setzero_si512(), _mm512_setzero_si512(), _mm512_setzero_si512(), _mm512_setzero_si512()};
        for (int g = 0; g < groups; g++) {
            const uint8_t *p = panel + (size_t)g * CK_Q_STEP;
            __m512i m = _mm512_set1_epi32(wq[(size_t)g * ldw + n]);
            for (int v = 0; v < 4; v++) acc[v] = _mm512_dpbusd_epi32(acc[v], _mm512_loadu_si512(p + 64 * v), m);
        }
        ck_q_store(acc, corr[n], rows, y + (long)n * cs, rs);
    }
}

// The (s, 16 s) multiplier bytes of weight code c, and its half of the 32-bit multiplier of a k pair.
static inline uint32_t ck_q_mul(int c) { return (int8_t)c < 0 ? 0xF0FFu : 0x1001u; }

// One column's sums over the panel for k pair (c0, c1) of weight codes: acc1 += dpbusd(vpermb(T1,
// idx), M), acc2 likewise with T2, the tables assembled from the two codes' 32-byte halves.
CK_Q_TARGET static inline void ck_q_blocks_step(const uint8_t *p, const uint8_t *ct, int c0, int c1, uint32_t mul,
                                                __m512i a1[4], __m512i a2[4]) {
    const uint8_t *t0 = ct + 64 * c0, *u0 = ct + 64 * c1;
    __m512i t1 = _mm512_inserti64x4(_mm512_castsi256_si512(_mm256_loadu_si256((const __m256i *)t0)),
                                    _mm256_loadu_si256((const __m256i *)u0), 1);
    __m512i t2 = _mm512_inserti64x4(_mm512_castsi256_si512(_mm256_loadu_si256((const __m256i *)(t0 + 32))),
                                    _mm256_loadu_si256((const __m256i *)(u0 + 32)), 1);
    __m512i m = _mm512_set1_epi32((int)mul);
    for (int v = 0; v < 4; v++) {
        __m512i idx = _mm512_loadu_si512(p + 64 * v);
        a1[v] = _mm512_dpbusd_epi32(a1[v], _mm512_permutexvar_epi8(idx, t1), m);
        a2[v] = _mm512_dpbusd_epi32(a2[v], _mm512_permutexvar_epi8(idx, t2), m);
    }
}

CK_Q_TARGET static inline void ck_q_blocks_finish(__m512i a1[4], __m512i a2[4], int rows, int32_t *y, long rs) {
    for (int v = 0; v < 4; v++) a1[v] = _mm512_add_epi32(a1[v], _mm512_slli_epi32(a2[v], 4));
    ck_q_store(a1, 0, rows, y, rs);
}

// Codes and multiplier of k pair h in column n (the second code's multiplier is 0 past K).
static inline void ck_q_pair(const uint8_t *w, long ldw, int K, int h, int n, int *c0, int *c1, uint32_t *mul) {
    *c0 = w[(size_t)(2 * h) * ldw + n];
    *c1 = 2 * h + 1 < K ? w[(size_t)(2 * h + 1) * ldw + n] : 0;
    *mul = ck_q_mul(*c0) | (2 * h + 1 < K ? ck_q_mul(*c1) << 16 : 0);
}

CK_Q_TARGET void ck_q_gemm_blocks(const uint8_t *panel, int K, const uint8_t *ct, const uint8_t *w, long ldw, int N,
                                  int rows, int32_t *y, long rs, long cs) {
    int pairs = (K + 1) / 2, n = 0;
    for (; n + 2 <= N; n += 2) {
        __m512i a1[4], a2[4], b1[4], b2[4];
        for (int v = 0; v < 4; v++) a1[v] = a2[v] = b1[v] = b2[v] = _mm512_setzero_si512();
        for (int h = 0; h < pairs; h++) {
            const uint8_t *p = panel + (size_t)h * CK_Q_STEP;
            int c0, c1, d0, d1;
            uint32_t m0, m1;
            ck_q_pair(w, ldw, K, h, n, &c0, &c1, &m0);
            ck_q_pair(w, ldw, K, h, n + 1, &d0, &d1, &m1);
            ck_q_blocks_step(p, ct, c0, c1, m0, a1, a2);
            ck_q_blocks_step(p, ct, d0, d1, m1, b1, b2);
        }
        ck_q_blocks_finish(a1, a2, rows, y + (long)n * cs, rs);
        ck_q_blocks_finish(b1, b2, rows, y + (long)(n + 1) * cs, rs);
    }
    for (; n < N; n++) {
        __m512i a1[4], a2[4];
        for (int v = 0; v < 4; v++) a1[v] = a2[v] = _mm512_setzero_si512();
        for (int h = 0; h < pairs; h++) {
            int c0, c1;
            uint32_t m0;
            ck_q_pair(w, ldw, K, h, n, &c0, &c1, &m0);
            ck_q_blocks_step(panel + (size_t)h * CK_Q_STEP, ct, c0, c1, m0, a1, a2);
        }
        ck_q_blocks_finish(a1, a2, rows, y + (long)n * cs, rs);
    }
}
// One column's gather sums over the panel: per k group, lane byte j looks up weight j's tables.
CK_Q_TARGET static void ck_q_gather_column(const uint8_t *panel, int K, const uint8_t *ct, const uint8_t *w, long ldw,
                                           int rows, int32_t *y, long rs) {
    const __mmask64 lane[4] = {0x1111111111111111ull, 0x2222222222222222ull, 0x4444444444444444ull, 0x8888888888888888ull};
    int groups = (K + 3) / 4;
    __m512i lo[4], hi[4];
    for (int v = 0; v < 4; v++) lo[v] = hi[v] = _mm512_setzero_si512();
    for (int g = 0; g < groups; g++) {
        const uint8_t *p = panel + (size_t)g * CK_Q_STEP;
        __m512i t[4][4];
        for (int j = 0; j < 4; j++) {
            int k = 4 * g + j;
            const uint8_t *tb = ct + 256 * (k < K ? w[(size_t)k * ldw] : 0);
            for (int q = 0; q < 4; q++) t[j][q] = _mm512_loadu_si512(tb + 64 * q);
        }
        // Multiplier bytes 1, and 0 for the k steps past K (their looked-up bytes are not zero).
        int valid = K - 4 * g < 4 ? K - 4 * g : 4;
        __m512i mul = _mm512_set1_epi32((int)(0x01010101u >> (8 * (4 - valid))));
        for (int v = 0; v < 4; v++) {
            __m512i idx = _mm512_loadu_si512(p + 64 * v), a = idx, b = idx;
            for (int j = 0; j < 4; j++) {
                a = _mm512_mask2_permutex2var_epi8(t[j][0], a, lane[j], t[j][1]);
                b = _mm512_mask2_permutex2var_epi8(t[j][2], b, lane[j], t[j][3]);
            }
            lo[v] = _mm512_dpbusd_epi32(lo[v], a, mul);
            hi[v] = _mm512_dpbusd_epi32(hi[v], b, mul);
        }
    }
    // Sums are taken mod 2^32: the true sum fits in int32 (K max|P| < 2^31), so the result is exact.
    for (int v = 0; v < 4; v++) lo[v] = _mm512_add_epi32(lo[v], _mm512_slli_epi32(hi[v], 8));
    ck_q_store(lo, (int32_t)(32768u * (uint32_t)K), rows, y, rs);
}

CK_Q_TARGET void ck_q_gemm_gather(const uint8_t *panel, int K, const uint8_t *ct, const uint8_t *w, long ldw, int N,
                                  int rows, int32_t *y, long rs, long cs) {
    for (int n = 0; n < N; n++) ck_q_gather_column(panel, K, ct, w + n, ldw, rows, y + (long)n * cs, rs);
}
#else
int ck_has_avx512vbmi(void) { return 0; }
int ck_has_avx512vnni(void) { return 0; }
void ck_q_pack_exact(const int8_t *xT, long ldx, int K, int m0, int rows, uint8_t *panel) {
    (void)xT; (void)ldx; (void)K; (void)m0; (void)rows; (void)panel;
}
void ck_q_pack_blocks(const int8_t *xT, long ldx, int K, int m0, int rows, uint8_t *panel) {
    (void)xT; (void)ldx; (void)K; (void)m0; (void)rows; (void)panel;
}
void ck_q_gemm_exact(const uint8_t *panel, int K, const int32_t *wq, long ldw, const int32_t *corr, int N, int rows,
                     int32_t *y, long rs, long cs) {
    (void)panel; (void)K; (void)wq; (void)ldw; (void)corr; (void)N; (void)rows; (void)y; (void)rs; (void)cs;
}
void ck_q_gemm_blocks(const uint8_t *panel, int K, const uint8_t *ct, const uint8_t *w, long ldw, int N, int rows,
                      int32_t *y, long rs, long cs) {
    (void)panel; (void)K; (void)ct; (void)w; (void)ldw; (void)N; (void)rows; (void)y; (void)rs; (void)cs;
}
void ck_q_gemm_gather(const uint8_t *panel, int K, const uint8_t *ct, const uint8_t *w, long ldw, int N, int rows,
                      int32_t *y, long rs, long cs) {
    (void)panel; (void)K; (void)ct; (void)w; (void)ldw; (void)N; (void)rows; (void)y; (void)rs; (void)cs;
}
#endif

// Weight packing (portable C, once per call).
void ck_q_pack_w_exact(const int8_t *w, int K, int N, int32_t *wq, int32_t *corr) {
    int groups = (K + 3) / 4;
    for (int n = 0; n < N; n++) {
        uint32_t sum = 0;
        for (int k = 0; k < K; k++) sum += (uint32_t)(int32_t)w[(size_t)k * N + n];
        corr[n] = (int32_t)(sum * 128u);
    }
    for (int g = 0; g < groups; g++)
        for (int n = 0; n < N; n++) {
            uint32_t v = 0;
            for (int t = 0; t < 4; t++) {
                int k = 4 * g + t;
                uint8_t b = k < K ? (uint8_t)w[(size_t)k * N + n] : 0;
                v |= (uint32_t)b << (8 * t);
            }
            wq[(size_t)g * N + n] = (int32_t)v;
        }
}

void ck_q_code_tables(const uint8_t *tables, uint8_t *ct) {
    for (int c = 0; c < 256; c++) {
        const uint8_t *a = tables + 32 * c, *b = tables + 32 * (256 + c);
        uint8_t *o = ct + 64 * c;
        memcpy(o, a, 16);            // LL(., bl)
        memcpy(o + 16, b, 16);       // HL(., bl)
        memcpy(o + 32, a + 16, 16);  // LH(., bh)
        memcpy(o + 48, b + 16, 16);  // HH(., bh)
    }
}

int ck_q_gather_tables(const int32_t *products, uint8_t *ct) {
    for (int c = 0; c < 256; c++)
        for (int x = 0; x < 128; x++) {
            int32_t p = products[x << 8 | c];
            if (p < -32768 || p > 32767) return 0;
            uint32_t v = (uint32_t)(p + 32768);
            ct[256 * c + x] = (uint8_t)(v & 255);
            ct[256 * c + 128 + x] = (uint8_t)(v >> 8);
        }
    return 1;
}
