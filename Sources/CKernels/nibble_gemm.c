// Nibble-lookup GEMM for multipliers whose product, for a fixed weight, splits additively over
// the activation magnitude's two nibbles: f_w(a) = g_w(a & 15) + h_w(a >> 4) (every 4-bit block
// composition does). Each weight code owns four 16-byte vpshufb tables: the low and high bytes
// of the int16 values g and h, sign of the weight folded in. f = g + h = T(|x|, |w|) is formed
// in int16 (|T| <= 32767 is checked); vpsignw applies the activation sign, vpmaddwd widens to 32 bits.
#include "ckernels.h"
#include <string.h>
#include <immintrin.h>

// Panel layout, per k step (128 bytes):
//   [0,32)   low nibble of |x| for rows 0..31
//   [32,64)  high nibble of |x| (0..8)
//   [64,128) two vectors of 16 int16 row signs (+1/-1) in the order the byte unpacks produce:
//            A = rows 0-7 | 16-23, B = rows 8-15 | 24-31.
// f = g + h sits in int16 vectors in the same A/B order; vpsignw applies the row signs, then
// vpmaddwd with (1, 0) / (0, 1) pairs widens the even / odd int16 lanes to int32. So accumulator
// v (0: A even, 1: A odd, 2: B even, 3: B odd), lane j, holds row ck_row(v, j).
static inline int ck_row(int v, int j) {
    int idx = 2 * j + (v & 1);
    return (v >= 2 ? 8 : 0) + (idx < 8 ? idx : 8 + idx);
}

/// Int16 slot of row r's sign among the 32 slots at byte 64 of a panel step.
static inline int ck_sign_slot(int r) { return (r & 8 ? 16 : 0) + (r >> 4) * 8 + (r & 7); }

// Row group g (rows 8g..8g+7) fills 8 bytes of each nibble vector and 16 bytes of sign vector
// A (g even) or B (g odd), half g >> 1. Whole 64-bit words are stored: 4 stores per 8 rows.
void ck_nib_pack_panel(const int8_t *x, int K, int m0, int rows, uint8_t *panel) {
    for (int k = 0; k < K; k++) {
        uint8_t *p = panel + (size_t)k * CK_NIB_PANEL_STEP;
        for (int g = 0; g < 4; g++) {
            uint64_t lo = 0, hi = 0, s[2] = {0, 0};
            for (int i = 0; i < 8; i++) {
                int r = 8 * g + i;
                int xv = r < rows ? x[(size_t)(m0 + r) * K + k] : 0;  // padding rows: x = 0
                int neg = -(xv < 0), mag = (xv ^ neg) - neg;           // branch-free: random signs
                lo |= (uint64_t)(mag & 15) << (8 * i);
                hi |= (uint64_t)(mag >> 4) << (8 * i);
                s[i >> 2] |= (uint64_t)(uint16_t)(int16_t)(1 | neg) << (16 * (i & 3));
            }
            memcpy(p + 8 * g, &lo, 8);
            memcpy(p + 32 + 8 * g, &hi, 8);
            memcpy(p + 64 + 2 * ck_sign_slot(8 * g), s, 16);
        }
    }
}

void ck_nib_pack_panel_t_scalar(const int8_t *xT, long ldx, int K, int m0, int rows, uint8_t *panel) {
    for (int k = 0; k < K; k++) {
        uint8_t *p = panel + (size_t)k * CK_NIB_PANEL_STEP;
        for (int r = 0; r < CK_NIB_ROWS; r++) {
            int xv = r < rows ? xT[k * ldx + m0 + r] : 0;
            int mag = xv < 0 ? -xv : xv;
            int16_t sign = xv < 0 ? -1 : 1;
            p[r] = (uint8_t)(mag & 15);
            p[32 + r] = (uint8_t)(mag >> 4);
            memcpy(p + 64 + 2 * ck_sign_slot(r), &sign, 2);
        }
    }
}

#if defined(__x86_64__)
// One k step: |x| by vpabsb (|-128| = 0x80 read unsigned), nibbles by mask and shift, and the
// int16 signs by unpacking (1 | neg) with neg, which puts rows 0-7 | 16-23 in A, 8-15 | 24-31 in B.
__attribute__((target("avx2")))
void ck_nib_pack_panel_t_avx2(const int8_t *xT, long ldx, int K, int m0, int rows, uint8_t *panel) {
    const __m256i low4 = _mm256_set1_epi8(15), one = _mm256_set1_epi8(1), zero = _mm256_setzero_si256();
    int8_t tmp[32];
    for (int k = 0; k < K; k++) {
        const int8_t *src = xT + k * ldx + m0;
        if (rows < 32) {
            memset(tmp, 0, sizeof tmp);
            memcpy(tmp, src, (size_t)rows);
            src = tmp;
        }
        __m256i x = _mm256_loadu_si256((const __m256i *)src);
        __m256i mag = _mm256_abs_epi8(x);
        __m256i neg = _mm256_cmpgt_epi8(zero, x);
        __m256i s = _mm256_or_si256(neg, one);
        uint8_t *p = panel + (size_t)k * CK_NIB_PANEL_STEP;
        _mm256_storeu_si256((__m256i *)p, _mm256_and_si256(mag, low4));
        _mm256_storeu_si256((__m256i *)(p + 32), _mm256_and_si256(_mm256_srli_epi16(mag, 4), low4));
        _mm256_storeu_si256((__m256i *)(p + 64), _mm256_unpacklo_epi8(s, neg));
        _mm256_storeu_si256((__m256i *)(p + 96), _mm256_unpackhi_epi8(s, neg));
    }
}
#else
void ck_nib_pack_panel_t_avx2(const int8_t *xT, long ldx, int K, int m0, int rows, uint8_t *panel) {
    ck_nib_pack_panel_t_scalar(xT, ldx, K, m0, rows, panel);
}
#endif

static inline int16_t ck_tab16(const uint8_t *lo, const uint8_t *hi, int i) {
    return (int16_t)(uint16_t)(lo[i] | (hi[i] << 8));
}

void ck_nib_gemm_scalar(const uint8_t *panel, int K, const uint8_t *wcode, int N,
                        const uint8_t *tables, int rows, int32_t *y, long rs, long cs) {
    for (int n = 0; n < N; n++) {
        int32_t acc[CK_NIB_ROWS] = {0};
        for (int k = 0; k < K; k++) {
            const uint8_t *p = panel + (size_t)k * CK_NIB_PANEL_STEP;
            const uint8_t *t = tables + 64 * (size_t)wcode[(size_t)k * N + n];
            for (int r = 0; r < CK_NIB_ROWS; r++) {
                int16_t sign;
                memcpy(&sign, p + 64 + 2 * ck_sign_slot(r), 2);
                int32_t g = ck_tab16(t, t + 16, p[r]);
                int32_t h = ck_tab16(t + 32, t + 48, p[32 + r] & 15);
                acc[r] += sign * (g + h);
            }
        }
        for (int r = 0; r < rows; r++) y[r * rs + n * cs] = acc[r];
    }
}

#if defined(__x86_64__)
__attribute__((target("avx2")))
static inline __m256i ck_bcast16(const uint8_t *t) {
    return _mm256_broadcastsi128_si256(_mm_loadu_si128((const __m128i *)t));
}

// Blocked so that one k-block of the panel (CK_KB steps x 128 bytes) and the weight tables stay
// in L1 while every column of a 64-column chunk streams over it; accumulators live in `acc`.
#define CK_KB 32
#define CK_NB 64

__attribute__((target("avx2")))
static inline void ck_nib_column(const uint8_t *panel, int k0, int k1, const uint8_t *wcol, int N,
                                 const uint8_t *tables, int32_t *acc) {
    __m256i a0 = _mm256_loadu_si256((const __m256i *)acc), a1 = _mm256_loadu_si256((const __m256i *)(acc + 8));
    __m256i a2 = _mm256_loadu_si256((const __m256i *)(acc + 16)), a3 = _mm256_loadu_si256((const __m256i *)(acc + 24));
    const __m256i even = _mm256_set1_epi32(1), odd = _mm256_set1_epi32(1 << 16);
    for (int k = k0; k < k1; k++) {
        const uint8_t *p = panel + (size_t)k * CK_NIB_PANEL_STEP;
        const uint8_t *t = tables + 64 * (size_t)wcol[(size_t)k * N];
        __m256i lo = _mm256_loadu_si256((const __m256i *)p);
        __m256i hi = _mm256_loadu_si256((const __m256i *)(p + 32));
        __m256i gl = _mm256_shuffle_epi8(ck_bcast16(t), lo);
        __m256i gh = _mm256_shuffle_epi8(ck_bcast16(t + 16), lo);
        __m256i hl = _mm256_shuffle_epi8(ck_bcast16(t + 32), hi);
        __m256i hh = _mm256_shuffle_epi8(ck_bcast16(t + 48), hi);
        __m256i fA = _mm256_add_epi16(_mm256_unpacklo_epi8(gl, gh), _mm256_unpacklo_epi8(hl, hh));
        __m256i fB = _mm256_add_epi16(_mm256_unpackhi_epi8(gl, gh), _mm256_unpackhi_epi8(hl, hh));
        fA = _mm256_sign_epi16(fA, _mm256_loadu_si256((const __m256i *)(p + 64)));
        fB = _mm256_sign_epi16(fB, _mm256_loadu_si256((const __m256i *)(p + 96)));
        a0 = _mm256_add_epi32(a0, _mm256_madd_epi16(fA, even));
        a1 = _mm256_add_epi32(a1, _mm256_madd_epi16(fA, odd));
        a2 = _mm256_add_epi32(a2, _mm256_madd_epi16(fB, even));
        a3 = _mm256_add_epi32(a3, _mm256_madd_epi16(fB, odd));
    }
    _mm256_storeu_si256((__m256i *)acc, a0);
    _mm256_storeu_si256((__m256i *)(acc + 8), a1);
    _mm256_storeu_si256((__m256i *)(acc + 16), a2);
    _mm256_storeu_si256((__m256i *)(acc + 24), a3);
}

__attribute__((target("avx2")))
void ck_nib_gemm_avx2(const uint8_t *panel, int K, const uint8_t *wcode, int N,
                      const uint8_t *tables, int rows, int32_t *y, long rs, long cs) {
    int32_t acc[CK_NB][32];
    for (int n0 = 0; n0 < N; n0 += CK_NB) {
        int nc = N - n0 < CK_NB ? N - n0 : CK_NB;
        memset(acc, 0, sizeof acc);
        for (int k0 = 0; k0 < K; k0 += CK_KB) {
            int k1 = K - k0 < CK_KB ? K : k0 + CK_KB;
            for (int j = 0; j < nc; j++) ck_nib_column(panel, k0, k1, wcode + n0 + j, N, tables, acc[j]);
        }
        for (int j = 0; j < nc; j++)
            for (int v = 0; v < 4; v++)
                for (int i = 0; i < 8; i++) {
                    int r = ck_row(v, i);
                    if (r < rows) y[r * rs + (n0 + j) * cs] = acc[j][v * 8 + i];
                }
    }
}
#else
void ck_nib_gemm_avx2(const uint8_t *panel, int K, const uint8_t *wcode, int N,
                      const uint8_t *tables, int rows, int32_t *y, long rs, long cs) {
    ck_nib_gemm_scalar(panel, K, wcode, N, tables, rows, y, rs, cs);
}
#endif
