// Fast standard-normal draws for the error model's Ξ, and the fused Ξ pass.
//
// Counter-based, so a draw depends only on (seed, index): block b of CK_NORMAL_BLOCK normals uses
// the pairs p = b*H + q (q < H = CK_NORMAL_BLOCK/2); h = SplitMix64-finaliser(seed + (p+1)*golden);
// u1 = (h>>40 + 1)*2^-24 in (0, 1], u2 = ((h>>16) & 0xFFFFFF)*2^-24 in [0, 1); Box-Muller gives
// z[q] = r cos(2 pi u2) and z[q + H] = r sin(2 pi u2), r = sqrt(-2 ln u1) (|z| <= 5.77).
// ln and sin/cos are polynomials (relative error about 1e-7) in branch-free code that the
// compiler vectorises; the AVX-512, AVX2 and portable builds are the same C body.
#include "ckernels.h"
#include <math.h>
#include <string.h>

#define CK_NORMAL_HALF (CK_NORMAL_BLOCK / 2)

static inline float ck_bits_f32(uint32_t b) { float f; memcpy(&f, &b, 4); return f; }
static inline uint32_t ck_f32_bits(float f) { uint32_t b; memcpy(&b, &f, 4); return b; }

// ln(u) for u in (0, 1]: u = m * 2^e with m in [sqrt(1/2), sqrt(2)), ln m = 2 atanh(t), t = (m-1)/(m+1).
static inline float ck_ln(float u) {
    uint32_t bits = ck_f32_bits(u);
    int e = (int)((bits >> 23) & 0xff) - 127;
    float m = ck_bits_f32((bits & 0x7fffffu) | 0x3f800000u);
    int big = m > 1.41421356f;
    m = big ? m * 0.5f : m;
    e += big;
    float t = (m - 1.0f) / (m + 1.0f), t2 = t * t;
    float s = 1.0f + t2 * (1.0f / 3 + t2 * (1.0f / 5 + t2 * (1.0f / 7 + t2 * (1.0f / 9))));
    return (float)e * 0.693147181f + 2.0f * t * s;
}

#define CK_NORMAL_BODY                                                                             \
    for (int q = 0; q < CK_NORMAL_HALF; q++) {                                                     \
        uint64_t h = seed + ((uint64_t)block * CK_NORMAL_HALF + (uint64_t)q + 1) * 0x9E3779B97F4A7C15ull; \
        h = (h ^ (h >> 30)) * 0xBF58476D1CE4E5B9ull;                                               \
        h = (h ^ (h >> 27)) * 0x94D049BB133111EBull;                                               \
        h ^= h >> 31;                                                                              \
        float u1 = (float)((uint32_t)(h >> 40) + 1u) * 5.9604645e-8f;                              \
        float u2 = (float)((uint32_t)(h >> 16) & 0xffffffu) * 5.9604645e-8f;                       \
        float r = sqrtf(-2.0f * ck_ln(u1));                                                        \
        /* theta = 2 pi u2 = pi + 2 phi, phi = pi (u2 - 1/2) in [-pi/2, pi/2) */                  \
        float f = 3.14159265f * (u2 - 0.5f), f2 = f * f;                                           \
        float sn = f * (1.0f + f2 * (-1.0f / 6 + f2 * (1.0f / 120 + f2 * (-1.0f / 5040              \
                   + f2 * (1.0f / 362880 + f2 * (-1.0f / 39916800 + f2 * (1.0f / 6227020800.0f)))))));     \
        float cs = 1.0f + f2 * (-0.5f + f2 * (1.0f / 24 + f2 * (-1.0f / 720 + f2 * (1.0f / 40320   \
                   + f2 * (-1.0f / 3628800 + f2 * (1.0f / 479001600.0f + f2 * (-1.0f / 87178291200.0f)))))));  \
        z[q] = r * (2.0f * sn * sn - 1.0f);            /* cos(pi + 2 phi) = -(1 - 2 sin^2 phi) */   \
        z[q + CK_NORMAL_HALF] = r * (-2.0f * sn * cs); /* sin(pi + 2 phi) = -2 sin phi cos phi */   \
    }

void ck_normal_block_scalar(uint64_t seed, long block, float *z) { CK_NORMAL_BODY }

#if defined(__x86_64__)
__attribute__((target("avx2")))
void ck_normal_block_avx2(uint64_t seed, long block, float *z) { CK_NORMAL_BODY }
// 16 lanes and native 64-bit multiplies (vpmullq): about 2.5x the AVX2 build. FMA contraction makes
// it differ from the others by a few ulps.
__attribute__((target("avx512f,avx512dq,avx512vl,evex512"), min_vector_width(512)))
void ck_normal_block_avx512(uint64_t seed, long block, float *z) { CK_NORMAL_BODY }
#else
void ck_normal_block_avx2(uint64_t seed, long block, float *z) { ck_normal_block_scalar(seed, block, z); }
void ck_normal_block_avx512(uint64_t seed, long block, float *z) { ck_normal_block_scalar(seed, block, z); }
#endif

// out[i] = (acc ? y[i] : 0) + a1[j] y[i] + off[j] + a2[j] z[base + i] over y [rows, n], j = i mod n,
// z[k] the k-th normal of `seed` (base: the counter of y[0], so a split of the rows draws the same z);
// out may be y.
#define CK_XI_BODY(GEN)                                                                            \
    float z[CK_NORMAL_BLOCK];                                                                      \
    long have = -1;                                                                                \
    for (long r = 0; r < rows; r++) {                                                              \
        long j = 0;                                                                                \
        while (j < n) {                                                                            \
            long li = r * n + j, gi = base + li, b = gi / CK_NORMAL_BLOCK, o = gi % CK_NORMAL_BLOCK;               \
            if (b != have) { GEN(seed, b, z); have = b; }                                          \
            long len = CK_NORMAL_BLOCK - o < n - j ? CK_NORMAL_BLOCK - o : n - j;                   \
            const float *yy = y + li, *c1 = a1 + j, *c2 = a2 + j, *c0 = off + j, *zz = z + o;      \
            float *dst = out + li;                                                                 \
            if (acc) for (long k = 0; k < len; k++) { float v = yy[k]; dst[k] = v + c1[k] * v + c0[k] + c2[k] * zz[k]; } \
            else for (long k = 0; k < len; k++) { float v = yy[k]; dst[k] = c1[k] * v + c0[k] + c2[k] * zz[k]; } \
            j += len;                                                                              \
        }                                                                                          \
    }

void ck_error_xi_scalar(const float *y, long rows, long n, const float *a1, const float *a2, const float *off,
                        uint64_t seed, long base, int acc, float *out) { CK_XI_BODY(ck_normal_block_scalar) }

#if defined(__x86_64__)
__attribute__((target("avx2")))
void ck_error_xi_avx2(const float *y, long rows, long n, const float *a1, const float *a2, const float *off,
                      uint64_t seed, long base, int acc, float *out) { CK_XI_BODY(ck_normal_block_avx2) }
__attribute__((target("avx512f,avx512dq,avx512vl,evex512"), min_vector_width(512)))
void ck_error_xi_avx512(const float *y, long rows, long n, const float *a1, const float *a2, const float *off,
                        uint64_t seed, long base, int acc, float *out) { CK_XI_BODY(ck_normal_block_avx512) }
#else
void ck_error_xi_avx512(const float *y, long rows, long n, const float *a1, const float *a2, const float *off,
                        uint64_t seed, long base, int acc, float *out) { ck_error_xi_scalar(y, rows, n, a1, a2, off, seed, base, acc, out); }
void ck_error_xi_avx2(const float *y, long rows, long n, const float *a1, const float *a2, const float *off,
                      uint64_t seed, long base, int acc, float *out) { ck_error_xi_scalar(y, rows, n, a1, a2, off, seed, base, acc, out); }
#endif
