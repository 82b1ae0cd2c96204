// Nibble-lookup GEMM for multipliers whose product, for a fixed weight, splits additively over
// the activation magnitude's two nibbles: f_w(a) = g_w(a & 15) + h_w(a >> 4) (every 4-bit block
// composition does). Each weight code owns four 16-byte vpshufb tables: the low and high bytes
// of the int16 values g and h, sign of the weight folded in. The activation sign is applied by
// vpmaddwd, which also adds g + h and widens to 32 bits.
#include "ckernels.h"
#include <string.h>
#include <immintrin.h>

// Panel layout, per k step (192 bytes):
//   [0,32)   low nibble of |x| for rows 0..31
//   [32,64)  high nibble of |x| (0..8)
//   [64,192) four vectors of int16 sign pairs, in the lane order the AVX2 unpacks produce:
//            S0: rows 0-3 | 16-19, S1: 4-7 | 20-23, S2: 8-11 | 24-27, S3: 12-15 | 28-31,
//            each row's sign written twice (it multiplies g and h).
static const int ck_sign_row[4][8] = {
    {0, 1, 2, 3, 16, 17, 18, 19}, {4, 5, 6, 7, 20, 21, 22, 23},
    {8, 9, 10, 11, 24, 25, 26, 27}, {12, 13, 14, 15, 28, 29, 30, 31},
};

void ck_nib_pack_panel(const int8_t *x, int K, int m0, int rows, uint8_t *panel) {
    memset(panel, 0, (size_t)K * CK_NIB_PANEL_STEP);
    for (int k = 0; k < K; k++) {
        uint8_t *p = panel + (size_t)k * CK_NIB_PANEL_STEP;
        int16_t *s = (int16_t *)(p + 64);
        for (int v = 0; v < 4; v++) {
            for (int j = 0; j < 8; j++) {
                int r = ck_sign_row[v][j];
                int sign = 1;
                if (r < rows) {
                    int xv = x[(size_t)(m0 + r) * K + k];
                    int mag = xv < 0 ? -xv : xv;
                    p[r] = (uint8_t)(mag & 15);
                    p[32 + r] = (uint8_t)(mag >> 4);
                    sign = xv < 0 ? -1 : 1;
                }
                s[v * 16 + 2 * j] = (int16_t)sign;
                s[v * 16 + 2 * j + 1] = (int16_t)sign;
            }
        }
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
            const int16_t *s = (const int16_t *)(p + 64);
            const uint8_t *t = tables + 64 * (size_t)wcode[(size_t)k * N + n];
            for (int v = 0; v < 4; v++) {
                for (int j = 0; j < 8; j++) {
                    int r = ck_sign_row[v][j];
                    int32_t g = ck_tab16(t, t + 16, p[r]);
                    int32_t h = ck_tab16(t + 32, t + 48, p[32 + r] & 15);
                    acc[r] += s[v * 16 + 2 * j] * (g + h);
                }
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

__attribute__((target("avx2")))
void ck_nib_gemm_avx2(const uint8_t *panel, int K, const uint8_t *wcode, int N,
                      const uint8_t *tables, int rows, int32_t *y, int ldy) {
    for (int n = 0; n < N; n++) {
        __m256i a0 = _mm256_setzero_si256(), a1 = a0, a2 = a0, a3 = a0;
        for (int k = 0; k < K; k++) {
            const uint8_t *p = panel + (size_t)k * CK_NIB_PANEL_STEP;
            const uint8_t *t = tables + 64 * (size_t)wcode[(size_t)k * N + n];
            __m256i lo = _mm256_loadu_si256((const __m256i *)p);
            __m256i hi = _mm256_loadu_si256((const __m256i *)(p + 32));
            __m256i gl = _mm256_shuffle_epi8(ck_bcast16(t), lo);
            __m256i gh = _mm256_shuffle_epi8(ck_bcast16(t + 16), lo);
            __m256i hl = _mm256_shuffle_epi8(ck_bcast16(t + 32), hi);
            __m256i hh = _mm256_shuffle_epi8(ck_bcast16(t + 48), hi);
            __m256i gA = _mm256_unpacklo_epi8(gl, gh), gB = _mm256_unpackhi_epi8(gl, gh);
            __m256i hA = _mm256_unpacklo_epi8(hl, hh), hB = _mm256_unpackhi_epi8(hl, hh);
            const __m256i *s = (const __m256i *)(p + 64);
            a0 = _mm256_add_epi32(a0, _mm256_madd_epi16(_mm256_unpacklo_epi16(gA, hA), _mm256_loadu_si256(s)));
            a1 = _mm256_add_epi32(a1, _mm256_madd_epi16(_mm256_unpackhi_epi16(gA, hA), _mm256_loadu_si256(s + 1)));
            a2 = _mm256_add_epi32(a2, _mm256_madd_epi16(_mm256_unpacklo_epi16(gB, hB), _mm256_loadu_si256(s + 2)));
            a3 = _mm256_add_epi32(a3, _mm256_madd_epi16(_mm256_unpackhi_epi16(gB, hB), _mm256_loadu_si256(s + 3)));
        }
        int32_t out[32];
        _mm256_storeu_si256((__m256i *)out, a0);
        _mm256_storeu_si256((__m256i *)(out + 8), a1);
        _mm256_storeu_si256((__m256i *)(out + 16), a2);
        _mm256_storeu_si256((__m256i *)(out + 24), a3);
        for (int v = 0; v < 4; v++)
            for (int j = 0; j < 8; j++) {
                int r = ck_sign_row[v][j];
                if (r < rows) y[(size_t)r * ldy + n] = out[v * 8 + j];
            }
    }
}
#else
void ck_nib_gemm_avx2(const uint8_t *panel, int K, const uint8_t *wcode, int N,
                      const uint8_t *tables, int rows, int32_t *y, int ldy) {
    ck_nib_gemm_scalar(panel, K, wcode, N, tables, rows, y, ldy);
}
#endif
