// Nibble-lookup GEMM for multipliers whose product, for a fixed weight, splits additively over
// the activation magnitude's two nibbles: f_w(a) = g_w(a & 15) + h_w(a >> 4) (every 4-bit block
// composition does). Each weight code owns four 16-byte vpshufb tables: the low and high bytes
// of the int16 values g and h, sign of the weight folded in. f = g + h = T(|x|, |w|) is formed
// in int16 (|T| <= 32767 is checked); vpmaddwd applies the activation sign and widens to 32 bits.
#include "ckernels.h"
#include <string.h>
#include <immintrin.h>

// Panel layout, per k step (192 bytes):
//   [0,32)   low nibble of |x| for rows 0..31
//   [32,64)  high nibble of |x| (0..8)
//   [64,192) four vectors S0..S3 of 16 int16 each, the multipliers of vpmaddwd. After the byte
//            unpacks, f = g + h sits in two int16 vectors: A = rows 0-7 | 16-23, B = rows 8-15 |
//            24-31. vpmaddwd(A, S0) picks the even int16 lanes of A (odd lanes of S0 are 0),
//            vpmaddwd(A, S1) the odd ones; S2, S3 do the same for B. So accumulator v, 32-bit
//            lane j holds row ck_row(v, j), and its sign sits in S_v at int16 index ck_idx(v, j).
static inline int ck_idx(int v, int j) { return 2 * j + (v & 1); }
static inline int ck_row(int v, int j) {
    int idx = ck_idx(v, j);
    return (v >= 2 ? 8 : 0) + (idx < 8 ? idx : 8 + idx);
}

void ck_nib_pack_panel(const int8_t *x, int K, int m0, int rows, uint8_t *panel) {
    // Row r's sign goes to int16 slot sl[r] of the 64 sign slots; the other 32 slots stay 0.
    int sl[CK_NIB_ROWS];
    for (int v = 0; v < 4; v++)
        for (int j = 0; j < 8; j++) sl[ck_row(v, j)] = v * 16 + ck_idx(v, j);
    const int8_t *xr[CK_NIB_ROWS];
    static const int8_t zero_row[1] = {0};
    for (int r = 0; r < CK_NIB_ROWS; r++) xr[r] = r < rows ? x + (size_t)(m0 + r) * K : zero_row;
    int step = rows < CK_NIB_ROWS ? 0 : 1;  // padded rows read x = 0 for every k
    for (int k = 0; k < K; k++) {
        uint8_t *p = panel + (size_t)k * CK_NIB_PANEL_STEP;
        int16_t s[64] = {0};
        for (int r = 0; r < CK_NIB_ROWS; r++) {
            int xv = (r < rows || step) ? xr[r][k] : 0, mag = xv < 0 ? -xv : xv;
            p[r] = (uint8_t)(mag & 15);
            p[32 + r] = (uint8_t)(mag >> 4);
            s[sl[r]] = (int16_t)(xv < 0 ? -1 : 1);
        }
        memcpy(p + 64, s, sizeof s);
    }
}

static inline int16_t ck_tab16(const uint8_t *lo, const uint8_t *hi, int i) {
    return (int16_t)(uint16_t)(lo[i] | (hi[i] << 8));
}

void ck_nib_gemm_scalar(const uint8_t *panel, int K, const uint8_t *wcode, int N,
                        const uint8_t *tables, int rows, int32_t *y, int ldy) {
    for (int n = 0; n < N; n++) {
        int32_t acc[CK_NIB_ROWS] = {0};
        for (int k = 0; k < K; k++) {
            const uint8_t *p = panel + (size_t)k * CK_NIB_PANEL_STEP;
            const uint8_t *t = tables + 64 * (size_t)wcode[(size_t)k * N + n];
            for (int v = 0; v < 4; v++)
                for (int j = 0; j < 8; j++) {
                    int r = ck_row(v, j);
                    int16_t sign;
                    memcpy(&sign, p + 64 + 2 * (v * 16 + ck_idx(v, j)), 2);
                    int32_t g = ck_tab16(t, t + 16, p[r]);
                    int32_t h = ck_tab16(t + 32, t + 48, p[32 + r] & 15);
                    acc[r] += sign * (g + h);
                }
        }
        for (int r = 0; r < rows; r++) y[(size_t)r * ldy + n] = acc[r];
    }
}

#if defined(__x86_64__)
__attribute__((target("avx2")))
static inline __m256i ck_bcast16(const uint8_t *t) {
    return _mm256_broadcastsi128_si256(_mm_loadu_si128((const __m128i *)t));
}

// Blocked so that one k-block of the panel (CK_KB steps x 192 bytes) and the weight tables stay
// in L1 while every column of a 64-column chunk streams over it; accumulators live in `acc`.
#define CK_KB 32
#define CK_NB 64

__attribute__((target("avx2")))
static inline void ck_nib_column(const uint8_t *panel, int k0, int k1, const uint8_t *wcol, int N,
                                 const uint8_t *tables, int32_t *acc) {
    __m256i a0 = _mm256_loadu_si256((const __m256i *)acc), a1 = _mm256_loadu_si256((const __m256i *)(acc + 8));
    __m256i a2 = _mm256_loadu_si256((const __m256i *)(acc + 16)), a3 = _mm256_loadu_si256((const __m256i *)(acc + 24));
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
        const __m256i *s = (const __m256i *)(p + 64);
        a0 = _mm256_add_epi32(a0, _mm256_madd_epi16(fA, _mm256_loadu_si256(s)));
        a1 = _mm256_add_epi32(a1, _mm256_madd_epi16(fA, _mm256_loadu_si256(s + 1)));
        a2 = _mm256_add_epi32(a2, _mm256_madd_epi16(fB, _mm256_loadu_si256(s + 2)));
        a3 = _mm256_add_epi32(a3, _mm256_madd_epi16(fB, _mm256_loadu_si256(s + 3)));
    }
    _mm256_storeu_si256((__m256i *)acc, a0);
    _mm256_storeu_si256((__m256i *)(acc + 8), a1);
    _mm256_storeu_si256((__m256i *)(acc + 16), a2);
    _mm256_storeu_si256((__m256i *)(acc + 24), a3);
}

__attribute__((target("avx2")))
void ck_nib_gemm_avx2(const uint8_t *panel, int K, const uint8_t *wcode, int N,
                      const uint8_t *tables, int rows, int32_t *y, int ldy) {
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
                    if (r < rows) y[(size_t)r * ldy + n0 + j] = acc[j][v * 8 + i];
                }
    }
}
#else
void ck_nib_gemm_avx2(const uint8_t *panel, int K, const uint8_t *wcode, int N,
                      const uint8_t *tables, int rows, int32_t *y, int ldy) {
    ck_nib_gemm_scalar(panel, K, wcode, N, tables, rows, y, ldy);
}
#endif
