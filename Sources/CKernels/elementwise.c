// Memory-bound element-wise loops of the training step, written so the C compiler vectorises
// them (branch-free selects), and the per-plane im2col / col2im bodies.
#include "ckernels.h"
#include <string.h>

void ck_relu(const float *x, long count, float *y) {
    for (long i = 0; i < count; i++) y[i] = x[i] > 0.0f ? x[i] : 0.0f;
}

// Both operands are loaded unconditionally so the select vectorises.
void ck_relu_mask(const float *y, const float *dy, long count, float *dx) {
    for (long i = 0; i < count; i++) {
        float d = dy[i];
        dx[i] = y[i] > 0.0f ? d : 0.0f;
    }
}

#define CK_IM2COL_BODY(T)                                                                          \
    for (int ky = 0; ky < kh; ky++) {                                                              \
        for (int kx = 0; kx < kw; kx++) {                                                          \
            T *row = dst + (long)(ky * kw + kx) * ncol;                                            \
            int lo = 0, hi = 0;                                                                    \
            ck_valid_range(kx * dil, w, ow, s, pl, &lo, &hi);                                      \
            for (int oy = 0; oy < oh; oy++) {                                                      \
                T *d = row + (long)oy * ow;                                                        \
                int iy = oy * s - pt + ky * dil;                                                   \
                if (iy < 0 || iy >= h || lo >= hi) { memset(d, 0, sizeof(T) * (size_t)ow); continue; } \
                const T *from = plane + (long)iy * w - pl + kx * dil;                              \
                if (lo > 0) memset(d, 0, sizeof(T) * (size_t)lo);                                  \
                if (s == 1) memcpy(d + lo, from + lo, sizeof(T) * (size_t)(hi - lo));              \
                else for (int ox = lo; ox < hi; ox++) d[ox] = from[(long)ox * s];                  \
                if (hi < ow) memset(d + hi, 0, sizeof(T) * (size_t)(ow - hi));                     \
            }                                                                                      \
        }                                                                                          \
    }

// Output columns [lo, hi) whose input column ox*s - pad + k lies inside [0, size) (k: the tap's
// offset, kx * dilation).
static inline void ck_valid_range(int k, int size, int out, int s, int pad, int *lo, int *hi) {
    int l = (pad - k + s - 1) / s;
    if (l < 0) l = 0;
    int last = size - 1 + pad - k;
    int h = last < 0 ? 0 : last / s + 1;
    if (h > out) h = out;
    *lo = l;
    *hi = h > l ? h : l;
}

void ck_im2col_plane_f32(const float *plane, int h, int w, int kh, int kw, int s, int dil, int pt, int pl,
                         int oh, int ow, float *dst, long ncol) {
    CK_IM2COL_BODY(float)
}

void ck_im2col_plane_i8(const int8_t *plane, int h, int w, int kh, int kw, int s, int dil, int pt, int pl,
                        int oh, int ow, int8_t *dst, long ncol) {
    CK_IM2COL_BODY(int8_t)
}

#if defined(__x86_64__)
#include <immintrin.h>
// Stride 1 and output rows of at most 64 pixels: one masked load (masked-off bytes are neither read
// nor faulted) and one masked store per output row, instead of up to three libc calls on rows of a
// few dozen bytes. The same bytes as ck_im2col_plane_i8; other geometries go to it.
__attribute__((target("avx512f,avx512bw")))
void ck_im2col_plane_i8_avx512(const int8_t *plane, int h, int w, int kh, int kw, int s, int dil, int pt, int pl,
                               int oh, int ow, int8_t *dst, long ncol) {
    if (s != 1 || ow > 64 || ow < 1) {
        ck_im2col_plane_i8(plane, h, w, kh, kw, s, dil, pt, pl, oh, ow, dst, ncol);
        return;
    }
    const __mmask64 all = ow == 64 ? ~(__mmask64)0 : (((__mmask64)1 << ow) - 1);
    for (int ky = 0; ky < kh; ky++) {
        for (int kx = 0; kx < kw; kx++) {
            int8_t *row = dst + (long)(ky * kw + kx) * ncol;
            int lo = 0, hi = 0;
            ck_valid_range(kx * dil, w, ow, s, pl, &lo, &hi);
            __mmask64 below_hi = hi >= 64 ? ~(__mmask64)0 : (((__mmask64)1 << hi) - 1);
            __mmask64 valid = hi > lo ? below_hi & ~(((__mmask64)1 << lo) - 1) : 0;
            for (int oy = 0; oy < oh; oy++) {
                int iy = oy - pt + ky * dil;
                __mmask64 m = iy < 0 || iy >= h ? 0 : valid;
                const int8_t *from = m ? plane + (long)iy * w - pl + kx * dil : plane;
                _mm512_mask_storeu_epi8(row + (long)oy * ow, all, _mm512_maskz_loadu_epi8(m, from));
            }
        }
    }
}
#else
void ck_im2col_plane_i8_avx512(const int8_t *plane, int h, int w, int kh, int kw, int s, int dil, int pt, int pl,
                               int oh, int ow, int8_t *dst, long ncol) {
    ck_im2col_plane_i8(plane, h, w, kh, kw, s, dil, pt, pl, oh, ow, dst, ncol);
}
#endif

void ck_col2im_plane_f32(const float *src, long ncol, int h, int w, int kh, int kw, int s, int dil, int pt, int pl,
                         int oh, int ow, float *plane) {
    for (int ky = 0; ky < kh; ky++) {
        for (int kx = 0; kx < kw; kx++) {
            const float *row = src + (long)(ky * kw + kx) * ncol;
            int lo = 0, hi = 0;
            ck_valid_range(kx * dil, w, ow, s, pl, &lo, &hi);
            for (int oy = 0; oy < oh; oy++) {
                int iy = oy * s - pt + ky * dil;
                if (iy < 0 || iy >= h || lo >= hi) continue;
                float *d = plane + (long)iy * w - pl + kx * dil;
                const float *b = row + (long)oy * ow;
                if (s == 1) for (int ox = lo; ox < hi; ox++) d[ox] += b[ox];
                else for (int ox = lo; ox < hi; ox++) d[(long)ox * s] += b[ox];
            }
        }
    }
}
