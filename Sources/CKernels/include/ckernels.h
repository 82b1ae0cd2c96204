#ifndef CKERNELS_H
#define CKERNELS_H
#include <stdint.h>
/// Returns 1 when the running CPU supports AVX2.
int ck_has_avx2(void);

/// Rows of activations per panel in the nibble-lookup (block-composed) kernel.
#define CK_NIB_ROWS 32
/// Bytes per k step of one activation panel: 32 low nibbles, 32 high nibbles, 32 int16 signs.
#define CK_NIB_PANEL_STEP 128

/// Packs rows [m0, m0+rows) of x (M x K, row-major Int8) into one nibble panel of K steps.
/// Missing rows (rows < 32) are padded with zeros. `panel` holds K * CK_NIB_PANEL_STEP bytes.
void ck_nib_pack_panel(const int8_t *x, int K, int m0, int rows, uint8_t *panel);

/// Y[m0 .. m0+rows, 0..N) = sum_k f_w[k,n](x[m,k]) with per-weight nibble tables
/// (64 bytes per weight code: g low bytes, g high bytes, h low bytes, h high bytes), AVX2.
void ck_nib_gemm_avx2(const uint8_t *panel, int K, const uint8_t *wcode, int N,
                      const uint8_t *tables, int rows, int32_t *y, int ldy);
/// The same computation in portable C: the scalar fallback and the AVX2 kernel's test oracle.
void ck_nib_gemm_scalar(const uint8_t *panel, int K, const uint8_t *wcode, int N,
                        const uint8_t *tables, int rows, int32_t *y, int ldy);

/// Y[m, n] = sum_k P[xcode[m,k] * 256 + wcode[k,n]] for rows [m0, m1): weight-stationary gathers
/// from a signed 256 x 256 product table (any multiplier). AVX2 build of the same C loop.
void ck_gather_gemm_avx2(const uint8_t *xcode, int K, const uint8_t *wcode, int N,
                         const int32_t *P, int m0, int m1, int32_t *y);
/// Portable build of `ck_gather_gemm_avx2`.
void ck_gather_gemm_scalar(const uint8_t *xcode, int K, const uint8_t *wcode, int N,
                           const int32_t *P, int m0, int m1, int32_t *y);
/// out[i] = (float)x[i].
void ck_i8_to_f32(const int8_t *x, long count, float *out);
/// out[i] = lut[(uint8_t)x[i]]: a 256-entry map from the Int8 bit pattern.
void ck_i8_lut_f32(const int8_t *x, long count, const float *lut, float *out);
/// y[i] += (int32_t)c[i] (c holds exact integers).
void ck_f32_add_i32(const float *c, long count, int32_t *y);
#endif
