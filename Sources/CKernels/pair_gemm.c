// Byte-block pair GEMM for 4-bit block compositions with non-negative activations:
//   T(a, b) = LL(al, bl) + 16·(HL(ah, bl) + LH(al, bh)) + 256·HH(ah, bh)
// with byte-valued blocks. For weight nibble j (bl or bh), the activation's two nibbles (al, ah)
// sit side by side in the panel, so one vpshufb of weight table j yields the byte pair
// (B0j(al, y), B1j(ah, y)) and one vpmaddubsw with (s, 16s) turns it into s·(B0j + 16·B1j) in
// int16: 2 shuffles + 2 multiply-adds per 16 MACs, against 4 + 4 (plus sign and widening) in
// nibble_gemm.c. The int16 sums are widened every `wsteps` k steps (chosen so they cannot wrap).
#include "ckernels.h"
#include <string.h>
#include <immintrin.h>

// Panel step (128 bytes) = 4 vectors; vector r holds the (al, ah) byte pairs of 16 pixels in the
// order vpunpck{l,h}bw produces from 32 contiguous pixels: see ck_pair_byte below.
static inline int ck_pair_byte(int p) {
    int h = p >> 5, q = p & 31, lane = q >> 4, e = q & 15;
    return 32 * (2 * h + (e >= 8)) + 16 * lane + 2 * (e & 7);
}

// Pixel of int32 accumulator slot (vector r, unpack half hi, element i) after widening.
static inline int ck_pair_pixel(int r, int hi, int i) {
    int j = (i < 4 ? i : 8 + (i - 4)) + (hi ? 4 : 0);
    return 32 * (r >> 1) + 16 * (j >> 3) + ((r & 1) ? 8 : 0) + (j & 7);
}

void ck_pair_pack_t_scalar(const int8_t *xT, long ldx, int K, int m0, int rows, uint8_t *panel) {
    for (int k = 0; k < K; k++) {
        uint8_t *s = panel + (size_t)k * CK_PAIR_PANEL_STEP;
        for (int p = 0; p < CK_PAIR_ROWS; p++) {
            int v = p < rows ? xT[k * ldx + m0 + p] : 0;
            int mag = v < 0 ? -v : v;
            s[ck_pair_byte(p)] = (uint8_t)(mag & 15);
            s[ck_pair_byte(p) + 1] = (uint8_t)(mag >> 4);
        }
    }
}

// One (al, ah) pair of table set `t` for weight nibble j, as the AVX2 kernel forms it.
static inline int ck_pair_value(const uint8_t *tables, int c, int j, int mode, int al, int ah, int y, int s) {
    const uint8_t *a = tables + 32 * c + 16 * j, *b = tables + 32 * (256 + c) + 16 * j;
    switch (mode) {
    case CK_PAIR_SAME: return s * (a[al] + 16 * a[ah]);
    case CK_PAIR_HIRAW: return s * (a[al] + 16 * y * ah);
    default: return s * (a[al] + 16 * b[ah]);
    }
}

void ck_pair_gemm_scalar(const uint8_t *panel, int K, const uint8_t *wcode, int N, long ldw, const uint8_t *tables,
                         int mode0, int mode1, int wsteps, int rows, int32_t *y, long rs, long cs) {
    (void)wsteps;
    for (int n = 0; n < N; n++)
        for (int p = 0; p < rows; p++) {
            int32_t acc = 0;
            for (int k = 0; k < K; k++) {
                const uint8_t *s = panel + (size_t)k * CK_PAIR_PANEL_STEP + ck_pair_byte(p);
                int c = wcode[(size_t)k * ldw + n], w = (int8_t)c, mag = w < 0 ? -w : w, sg = w < 0 ? -1 : 1;
                acc += ck_pair_value(tables, c, 0, mode0, s[0], s[1], mag & 15, sg)
                     + 16 * ck_pair_value(tables, c, 1, mode1, s[0], s[1], mag >> 4, sg);
            }
            y[p * rs + n * cs] = acc;
        }
}

#if defined(__x86_64__)
__attribute__((target("avx2")))
void ck_pair_pack_t_avx2(const int8_t *xT, long ldx, int K, int m0, int rows, uint8_t *panel) {
    const __m256i low4 = _mm256_set1_epi8(15);
    int8_t tmp[CK_PAIR_ROWS];
    for (int k = 0; k < K; k++) {
        const int8_t *src = xT + k * ldx + m0;
        if (rows < CK_PAIR_ROWS) {
            memset(tmp, 0, sizeof tmp);
            memcpy(tmp, src, (size_t)rows);
            src = tmp;
        }
        uint8_t *s = panel + (size_t)k * CK_PAIR_PANEL_STEP;
        for (int h = 0; h < CK_PAIR_ROWS / 32; h++) {
            __m256i mag = _mm256_abs_epi8(_mm256_loadu_si256((const __m256i *)(src + 32 * h)));
            __m256i al = _mm256_and_si256(mag, low4), ah = _mm256_and_si256(_mm256_srli_epi16(mag, 4), low4);
            _mm256_storeu_si256((__m256i *)(s + 64 * h), _mm256_unpacklo_epi8(al, ah));
            _mm256_storeu_si256((__m256i *)(s + 64 * h + 32), _mm256_unpackhi_epi8(al, ah));
        }
    }
}

__attribute__((target("avx2")))
static inline __m256i ck_bcast(const uint8_t *t) {
    return _mm256_broadcastsi128_si256(_mm_loadu_si128((const __m128i *)t));
}

// The byte pair of weight nibble j for one vector of 16 pixels, per mode (a compile-time constant
// in every instantiation below, so the switch folds away).
__attribute__((target("avx2")))
static inline __m256i ck_pair_bytes(int mode, __m256i a, __m256i b, __m256i idx, __m256i lo, __m256i hi80,
                                    __m256i lo80) {
    switch (mode) {
    case CK_PAIR_SAME: return _mm256_shuffle_epi8(a, idx);
    case CK_PAIR_HIRAW: return _mm256_blendv_epi8(idx, _mm256_shuffle_epi8(a, idx), lo);
    default:
        return _mm256_or_si256(_mm256_shuffle_epi8(a, _mm256_or_si256(idx, hi80)),
                               _mm256_shuffle_epi8(b, _mm256_or_si256(idx, lo80)));
    }
}

#define CK_PAIR_KB 32
#define CK_PAIR_NB 64
#define CK_PAIR_VECS (CK_PAIR_ROWS / 16)

// Columns [0, nc) of wcol over k in [k0, k1): int16 sums for `wsteps` steps, then widened as
// a0 + 16·a1 into the int32 accumulators acc[column][64].
__attribute__((target("avx2")))
static inline void ck_pair_block(int mode0, int mode1, const uint8_t *panel, int k0, int k1, const uint8_t *wcol,
                                 long ldw, int nc, const uint8_t *tables, const int8_t *mulbank, const uint8_t *mulidx, int wsteps,
                                 int32_t (*acc)[CK_PAIR_ROWS]) {
    const __m256i m116 = _mm256_set1_epi32(1 | (16 << 16)), lo = _mm256_set1_epi16(0x00FF),
                  hi80 = _mm256_set1_epi16((short)0x8000), lo80 = _mm256_set1_epi16(0x0080);
    for (int j = 0; j < nc; j++) {
        for (int kk = k0; kk < k1; kk += wsteps) {
            int ke = kk + wsteps < k1 ? kk + wsteps : k1;
            __m256i a0[CK_PAIR_VECS], a1[CK_PAIR_VECS];
            for (int r = 0; r < CK_PAIR_VECS; r++) a0[r] = a1[r] = _mm256_setzero_si256();
            for (int k = kk; k < ke; k++) {
                const uint8_t *p = panel + (size_t)k * CK_PAIR_PANEL_STEP;
                int c = wcol[(size_t)k * ldw + j];
                const uint8_t *ta = tables + 32 * (size_t)c, *tb = tables + 32 * (256 + (size_t)c);
                __m256i A0 = ck_bcast(ta), A1 = ck_bcast(ta + 16), B0 = ck_bcast(tb), B1 = ck_bcast(tb + 16);
                __m256i M0 = _mm256_loadu_si256((const __m256i *)(mulbank + 32 * mulidx[2 * c]));
                __m256i M1 = _mm256_loadu_si256((const __m256i *)(mulbank + 32 * mulidx[2 * c + 1]));
                for (int r = 0; r < CK_PAIR_VECS; r++) {
                    __m256i idx = _mm256_loadu_si256((const __m256i *)(p + 32 * r));
                    a0[r] = _mm256_add_epi16(a0[r], _mm256_maddubs_epi16(ck_pair_bytes(mode0, A0, B0, idx, lo, hi80, lo80), M0));
                    a1[r] = _mm256_add_epi16(a1[r], _mm256_maddubs_epi16(ck_pair_bytes(mode1, A1, B1, idx, lo, hi80, lo80), M1));
                }
            }
            for (int r = 0; r < CK_PAIR_VECS; r++) {
                __m256i *d = (__m256i *)(acc[j] + 16 * r);
                _mm256_storeu_si256(d, _mm256_add_epi32(_mm256_loadu_si256(d),
                                       _mm256_madd_epi16(_mm256_unpacklo_epi16(a0[r], a1[r]), m116)));
                _mm256_storeu_si256(d + 1, _mm256_add_epi32(_mm256_loadu_si256(d + 1),
                                           _mm256_madd_epi16(_mm256_unpackhi_epi16(a0[r], a1[r]), m116)));
            }
        }
    }
}

#define CK_PAIR_CASE(m0, m1) \
    case (m0) * 3 + (m1): ck_pair_block(m0, m1, panel, k0, k1, wcol, ldw, nc, tables, mulbank, mulidx, wsteps, acc); break;

__attribute__((target("avx2")))
void ck_pair_gemm_avx2(const uint8_t *panel, int K, const uint8_t *wcode, int N, long ldw, const uint8_t *tables,
                       const int8_t *mulbank, const uint8_t *mulidx, int mode0, int mode1, int wsteps, int rows,
                       int32_t *y, long rs, long cs) {
    int32_t acc[CK_PAIR_NB][CK_PAIR_ROWS];
    for (int n0 = 0; n0 < N; n0 += CK_PAIR_NB) {
        int nc = N - n0 < CK_PAIR_NB ? N - n0 : CK_PAIR_NB;
        const uint8_t *wcol = wcode + n0;
        memset(acc, 0, sizeof acc);
        for (int k0 = 0; k0 < K; k0 += CK_PAIR_KB) {
            int k1 = K - k0 < CK_PAIR_KB ? K : k0 + CK_PAIR_KB;
            switch (mode0 * 3 + mode1) {
                CK_PAIR_CASE(CK_PAIR_SAME, CK_PAIR_SAME)
                CK_PAIR_CASE(CK_PAIR_SAME, CK_PAIR_HIRAW)
                CK_PAIR_CASE(CK_PAIR_SAME, CK_PAIR_GENERAL)
                CK_PAIR_CASE(CK_PAIR_GENERAL, CK_PAIR_SAME)
                CK_PAIR_CASE(CK_PAIR_GENERAL, CK_PAIR_HIRAW)
                default: ck_pair_block(CK_PAIR_GENERAL, CK_PAIR_GENERAL, panel, k0, k1, wcol, ldw, nc, tables, mulbank,
                                       mulidx, wsteps, acc);
            }
        }
        for (int j = 0; j < nc; j++)
            for (int r = 0; r < CK_PAIR_VECS; r++)
                for (int h = 0; h < 2; h++)
                    for (int i = 0; i < 8; i++) {
                        int p = ck_pair_pixel(r, h, i);
                        if (p < rows) y[p * rs + (n0 + j) * cs] = acc[j][16 * r + 8 * h + i];
                    }
    }
}
#else
void ck_pair_pack_t_avx2(const int8_t *xT, long ldx, int K, int m0, int rows, uint8_t *panel) {
    ck_pair_pack_t_scalar(xT, ldx, K, m0, rows, panel);
}
void ck_pair_gemm_avx2(const uint8_t *panel, int K, const uint8_t *wcode, int N, long ldw, const uint8_t *tables,
                       const int8_t *mulbank, const uint8_t *mulidx, int mode0, int mode1, int wsteps, int rows,
                       int32_t *y, long rs, long cs) {
    (void)mulbank;
    (void)mulidx;
    ck_pair_gemm_scalar(panel, K, wcode, N, ldw, tables, mode0, mode1, wsteps, rows, y, rs, cs);
}
#endif

int ck_any_negative_i8(const int8_t *x, long count) {
    int8_t m = 0;
    for (long i = 0; i < count; i++) m |= x[i];
    return m < 0;
}

void ck_transpose_i8(const int8_t *x, int rows, int cols, int8_t *xT) {
    for (int r0 = 0; r0 < rows; r0 += 32)
        for (int c0 = 0; c0 < cols; c0 += 32) {
            int r1 = r0 + 32 < rows ? r0 + 32 : rows, c1 = c0 + 32 < cols ? c0 + 32 : cols;
            for (int c = c0; c < c1; c++)
                for (int r = r0; r < r1; r++) xT[(size_t)c * rows + r] = x[(size_t)r * cols + c];
        }
}
