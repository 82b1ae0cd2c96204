// Eq. (1) codes of a float buffer, bit-exact to Swift's Quantiser.code: q = x / delta (a true
// division, as in Swift), rounded half away from zero, clamped to [-128, 127], NaN -> 0.
#include "ckernels.h"
#include <math.h>
#include <string.h>
#include <immintrin.h>

static inline int8_t ck_code1(float x, float delta) {
    float r = roundf(x / delta);
    if (!(r > -128.0f)) return r != r ? 0 : -128;
    if (r >= 127.0f) return 127;
    return (int8_t)r;
}

// 1 when x is not bitwise (float)code * delta, i.e. not exactly on the quantiser's grid.
static inline long ck_off1(float x, int8_t code, float delta) {
    float v = (float)code * delta;
    uint32_t a, b;
    memcpy(&a, &x, 4);
    memcpy(&b, &v, 4);
    return a != b;
}

long ck_quantise_scalar(const float *x, long count, float delta, int8_t *out) {
    long off = 0;
    for (long i = 0; i < count; i++) {
        out[i] = ck_code1(x[i], delta);
        off += ck_off1(x[i], out[i], delta);
    }
    return off;
}

#if defined(__x86_64__)
// 8 codes as int32 lanes: t = trunc(q); t += sign(q) when |q - t| >= 0.5 (q - t is exact);
// min/max clamp (NaN compares false on both, then is zeroed by the ordered mask).
__attribute__((target("avx2")))
static inline __m256i ck_code8(__m256 x, __m256 d) {
    __m256 q = _mm256_div_ps(x, d);
    __m256 t = _mm256_round_ps(q, _MM_FROUND_TO_ZERO | _MM_FROUND_NO_EXC);
    __m256 frac = _mm256_sub_ps(q, t);
    __m256 absmask = _mm256_castsi256_ps(_mm256_set1_epi32(0x7fffffff));
    __m256 up = _mm256_cmp_ps(_mm256_and_ps(frac, absmask), _mm256_set1_ps(0.5f), _CMP_GE_OQ);
    __m256 one = _mm256_or_ps(_mm256_set1_ps(1.0f), _mm256_andnot_ps(absmask, q));   // copysign(1, q)
    t = _mm256_add_ps(t, _mm256_and_ps(up, one));
    t = _mm256_max_ps(_mm256_min_ps(t, _mm256_set1_ps(127.0f)), _mm256_set1_ps(-128.0f));
    t = _mm256_and_ps(t, _mm256_cmp_ps(q, q, _CMP_ORD_Q));
    return _mm256_cvttps_epi32(t);
}

// Codes of 8 floats, and the number of them off the grid (bitwise x != (float)code * delta).
__attribute__((target("avx2")))
static inline __m256i ck_code8_grid(const float *x, __m256 d, int *off) {
    __m256 v = _mm256_loadu_ps(x);
    __m256i c = ck_code8(v, d);
    __m256 back = _mm256_mul_ps(_mm256_cvtepi32_ps(c), d);
    __m256i same = _mm256_cmpeq_epi32(_mm256_castps_si256(v), _mm256_castps_si256(back));
    *off += 8 - __builtin_popcount((unsigned)_mm256_movemask_ps(_mm256_castsi256_ps(same)));
    return c;
}

__attribute__((target("avx2")))
long ck_quantise_avx2(const float *x, long count, float delta, int8_t *out) {
    const __m256 d = _mm256_set1_ps(delta);
    const __m256i perm = _mm256_setr_epi32(0, 4, 1, 5, 2, 6, 3, 7);
    long i = 0, off = 0;
    for (; i + 32 <= count; i += 32) {
        int o = 0;
        __m256i a = ck_code8_grid(x + i, d, &o), b = ck_code8_grid(x + i + 8, d, &o);
        __m256i c = ck_code8_grid(x + i + 16, d, &o), e = ck_code8_grid(x + i + 24, d, &o);
        __m256i ab = _mm256_packs_epi32(a, b), ce = _mm256_packs_epi32(c, e);
        __m256i bytes = _mm256_packs_epi16(ab, ce);
        _mm256_storeu_si256((__m256i *)(out + i), _mm256_permutevar8x32_epi32(bytes, perm));
        off += o;
    }
    for (; i < count; i++) {
        out[i] = ck_code1(x[i], delta);
        off += ck_off1(x[i], out[i], delta);
    }
    return off;
}
#else
long ck_quantise_avx2(const float *x, long count, float delta, int8_t *out) {
    return ck_quantise_scalar(x, count, delta, out);
}
#endif

// Eq. (1) codes and the straight-through mask in one pass: out[i] = code(x[i]) and
// in[i] = (lo <= x[i] <= hi), 1 or 0 (NaN -> 0). The float value of a code is (float)code * delta.
void ck_quantise_mask_scalar(const float *x, long count, float delta, float lo, float hi, int8_t *out, uint8_t *in) {
    for (long i = 0; i < count; i++) {
        out[i] = ck_code1(x[i], delta);
        in[i] = x[i] >= lo && x[i] <= hi;
    }
}

#if defined(__x86_64__)
__attribute__((target("avx2")))
void ck_quantise_mask_avx2(const float *x, long count, float delta, float lo, float hi, int8_t *out, uint8_t *in) {
    const __m256 d = _mm256_set1_ps(delta), vlo = _mm256_set1_ps(lo), vhi = _mm256_set1_ps(hi);
    long i = 0;
    for (; i + 8 <= count; i += 8) {
        __m256 v = _mm256_loadu_ps(x + i);
        int32_t codes[8];
        _mm256_storeu_si256((__m256i *)codes, ck_code8(v, d));
        __m256 ok = _mm256_and_ps(_mm256_cmp_ps(v, vlo, _CMP_GE_OQ), _mm256_cmp_ps(v, vhi, _CMP_LE_OQ));
        int bits = _mm256_movemask_ps(ok);
        for (int j = 0; j < 8; j++) {
            out[i + j] = (int8_t)codes[j];
            in[i + j] = (uint8_t)((bits >> j) & 1);
        }
    }
    for (; i < count; i++) {
        out[i] = ck_code1(x[i], delta);
        in[i] = x[i] >= lo && x[i] <= hi;
    }
}
#else
void ck_quantise_mask_avx2(const float *x, long count, float delta, float lo, float hi, int8_t *out, uint8_t *in) {
    ck_quantise_mask_scalar(x, count, delta, lo, hi, out, in);
}
#endif

// dx[i] = 0 where in[i] == 0 (the clipped straight-through estimator).
void ck_mask_zero(float *dx, long count, const uint8_t *in) {
    for (long i = 0; i < count; i++) {
        float d = dx[i];
        dx[i] = in[i] ? d : 0.0f;
    }
}

// out[i] = (float)codes[i] * delta: float columns of a fake-quantised input rebuilt from its codes.
void ck_codes_to_f32(const int8_t *codes, long count, float delta, float *out) {
    for (long i = 0; i < count; i++) out[i] = (float)codes[i] * delta;
}
