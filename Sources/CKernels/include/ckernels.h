#ifndef CKERNELS_H
#define CKERNELS_H
#include <stdint.h>
/// Returns 1 when the running CPU supports AVX2.
int ck_has_avx2(void);
/// Returns 1 when the running CPU supports AVX-512 F, DQ and VL.
int ck_has_avx512(void);
/// CPUs this process may run on (sched_getaffinity), or 0 when unknown (not Linux, or the call failed).
int ck_affinity_cpus(void);
/// Atomically adds `value` to `*counter` and returns the previous value (work queues of `Parallel.run`).
long ck_fetch_add(long *counter, long value);

/// AVX-512 kernels (avx512_gemm.c), each compiled for avx512f/bw/vbmi/vnni and called only when
/// the CPU has them. 1 when the CPU has AVX-512 F, BW and VBMI (vpermb) / F and VNNI (vpdpbusd).
int ck_has_avx512vbmi(void);
int ck_has_avx512vnni(void);
/// Pixels per AVX-512 panel, and bytes per panel step (4 k steps for exact, 2 for byte blocks).
#define CK_Q_ROWS 64
#define CK_Q_STEP 256
/// Exact-route panel of pixels [m0, m0+rows) of xT (K x M, stride ldx): per 4 k steps, x + 128 of
/// each pixel as 4 bytes; ceil(K/4) steps. Byte-block panel (activations >= 0): per 2 k steps,
/// (al, 16 + ah, 32 + al', 48 + ah') per pixel; ceil(K/2) steps. Missing pixels / k steps are zeros.
void ck_q_pack_exact(const int8_t *xT, long ldx, int K, int m0, int rows, uint8_t *panel);
void ck_q_pack_blocks(const int8_t *xT, long ldx, int K, int m0, int rows, uint8_t *panel);
/// Exact-route weights: wq[g * N + n] = the bytes w[4g..4g+3, n] (zeros past K), corr[n] = 128 sum_k w[k, n].
void ck_q_pack_w_exact(const int8_t *w, int K, int N, int32_t *wq, int32_t *corr);
/// Byte-block code tables (CK_Q_CODE_TABLE_BYTES) from the pair tables (CK_PAIR_TABLE_BYTES): for weight
/// code c, 64 bytes at 64c: LL(., bl), HL(., bl), LH(., bh), HH(., bh) (16 entries each).
#define CK_Q_CODE_TABLE_BYTES 16384
void ck_q_code_tables(const uint8_t *tables, uint8_t *ct);
/// y[p * rs + n * cs] for p < rows, n < N: the exact products (VNNI; packed weights wq with row
/// stride ldw, wq and corr from the first column) and the byte-block products (VBMI + VNNI; weight
/// codes w with row stride ldw from the first column, code tables ct) of one panel.
void ck_q_gemm_exact(const uint8_t *panel, int K, const int32_t *wq, long ldw, const int32_t *corr, int N, int rows,
                     int32_t *y, long rs, long cs);
void ck_q_gemm_blocks(const uint8_t *panel, int K, const uint8_t *ct, const uint8_t *w, long ldw, int N, int rows,
                      int32_t *y, long rs, long cs);
/// Gather route on activations >= 0 (VBMI + VNNI), for any table whose products P(x, w), x in
/// 0...127, fit in int16: `ck_q_gather_tables` writes, per weight code c, 256 bytes at 256c: the low
/// then the high bytes of P(x, c) + 32768 for x = 0...127 (CK_Q_GATHER_TABLE_BYTES in all), from the
/// signed products P[xcode << 8 | wcode]; it returns 0 (and the tables are unusable) when some
/// product is outside int16. `ck_q_gemm_gather` takes the exact route's panel (`ck_q_pack_exact`:
/// vpermi2b reads the low 7 bits of x + 128, which are x) and writes y like the kernels above.
#define CK_Q_GATHER_TABLE_BYTES 65536
int ck_q_gather_tables(const int32_t *products, uint8_t *ct);
void ck_q_gemm_gather(const uint8_t *panel, int K, const uint8_t *ct, const uint8_t *w, long ldw, int N, int rows,
                      int32_t *y, long rs, long cs);

/// Rows of activations per panel in the nibble-lookup (block-composed) kernel.
#define CK_NIB_ROWS 32
/// Bytes per k step of one activation panel: 32 low nibbles, 32 high nibbles, 32 int16 signs.
#define CK_NIB_PANEL_STEP 128

/// Packs rows [m0, m0+rows) of x (M x K, row-major Int8) into one nibble panel of K steps.
/// Missing rows (rows < 32) are padded with zeros. `panel` holds K * CK_NIB_PANEL_STEP bytes.
void ck_nib_pack_panel(const int8_t *x, int K, int m0, int rows, uint8_t *panel);

/// Packs the same panel from transposed activations xT (K x M, row stride ldx): rows m0.. are
/// 32 contiguous bytes of each row of xT, so no transpose is needed. AVX2 and portable builds.
void ck_nib_pack_panel_t_avx2(const int8_t *xT, long ldx, int K, int m0, int rows, uint8_t *panel);
void ck_nib_pack_panel_t_scalar(const int8_t *xT, long ldx, int K, int m0, int rows, uint8_t *panel);

/// Panel row r, column n: y[r * rs + n * cs] = sum_k f_w[k,n](x[m0 + r, k]) with per-weight nibble
/// tables (64 bytes per weight code: g low bytes, g high bytes, h low bytes, h high bytes), AVX2.
/// (rs, cs) = (ldy, 1) writes row-major Y, (1, M) writes Y transposed.
void ck_nib_gemm_avx2(const uint8_t *panel, int K, const uint8_t *wcode, int N,
                      const uint8_t *tables, int rows, int32_t *y, long rs, long cs);
/// The same computation in portable C: the scalar fallback and the AVX2 kernel's test oracle.
void ck_nib_gemm_scalar(const uint8_t *panel, int K, const uint8_t *wcode, int N,
                        const uint8_t *tables, int rows, int32_t *y, long rs, long cs);

/// Pixels per panel of the byte-block pair kernel (pair_gemm.c), and bytes per k step of a panel:
/// the (low nibble, high nibble) byte pairs of |x| for 64 pixels.
#define CK_PAIR_ROWS 64
#define CK_PAIR_PANEL_STEP 128
/// Pair tables: for weight code c, A0 (weight's low nibble) and A1 (high nibble) at 32c, B0 and
/// B1 at 32(256 + c), 16 bytes each (the A half is all most modes touch: 8 KB, L1-friendly).
#define CK_PAIR_TABLE_BYTES 16384
/// How the byte pair of one weight nibble is formed: A for both nibbles of |x| (same block design),
/// A for the low nibble and the raw high nibble (exact high block), or A and B (any blocks).
#define CK_PAIR_SAME 0
#define CK_PAIR_HIRAW 1
#define CK_PAIR_GENERAL 2

/// Packs pixels [m0, m0+rows) of xT (K x M, row stride ldx, all >= 0) into one pair panel of K
/// steps; missing pixels are zeros. AVX2 and portable builds.
void ck_pair_pack_t_avx2(const int8_t *xT, long ldx, int K, int m0, int rows, uint8_t *panel);
void ck_pair_pack_t_scalar(const int8_t *xT, long ldx, int K, int m0, int rows, uint8_t *panel);
/// y[p * rs + n * cs] = sum_k T(x[m0 + p, k], w[k, n]) for one pair panel, non-negative activations,
/// columns n < N of weight codes with row stride ldw.
/// mulbank + 32 * mulidx[2c + j]: the 32 vpmaddubsw multiplier bytes of weight code c, nibble j.
/// int16 sums are widened every `wsteps` k steps (the caller bounds them below 2^15).
void ck_pair_gemm_avx2(const uint8_t *panel, int K, const uint8_t *wcode, int N, long ldw, const uint8_t *tables,
                       const int8_t *mulbank, const uint8_t *mulidx, int mode0, int mode1, int wsteps, int rows,
                       int32_t *y, long rs, long cs);
/// The same sums in portable C from the tables and modes alone: fallback and the AVX2 test oracle.
void ck_pair_gemm_scalar(const uint8_t *panel, int K, const uint8_t *wcode, int N, long ldw, const uint8_t *tables,
                         int mode0, int mode1, int wsteps, int rows, int32_t *y, long rs, long cs);
/// 1 when any x[i] < 0.
/// xT[c * rows + r] = x[r * cols + c] for a rows x cols byte matrix, in 32 x 32 tiles.
void ck_transpose_i8(const int8_t *x, int rows, int cols, int8_t *xT);
int ck_any_negative_i8(const int8_t *x, long count);

/// Y[m, n] = sum_k P[xcode[m,k] * 256 + wcode[k,n]] for rows [m0, m1): weight-stationary gathers
/// from a signed 256 x 256 product table (any multiplier). AVX2 build of the same C loop.
void ck_gather_gemm_avx2(const uint8_t *xcode, int K, const uint8_t *wcode, int N,
                         const int32_t *P, int m0, int m1, int32_t *y);
/// Portable build of `ck_gather_gemm_avx2`.
void ck_gather_gemm_scalar(const uint8_t *xcode, int K, const uint8_t *wcode, int N,
                           const int32_t *P, int m0, int m1, int32_t *y);
/// Eq. (1) codes, bit-exact to Quantiser.code (true division, round half away, clamp, NaN -> 0).
/// Returns how many x[i] are off the grid: bitwise different from (float)code * delta.
long ck_quantise_avx2(const float *x, long count, float delta, int8_t *out);
long ck_quantise_scalar(const float *x, long count, float delta, int8_t *out);
/// out[i] = code(x[i]) and in[i] = (lo <= x[i] <= hi): eq. (1) codes and their STE mask in one pass.
void ck_quantise_mask_avx2(const float *x, long count, float delta, float lo, float hi, int8_t *out, uint8_t *in);
void ck_quantise_mask_scalar(const float *x, long count, float delta, float lo, float hi, int8_t *out, uint8_t *in);
/// dx[i] = 0 where in[i] == 0.
void ck_mask_zero(float *dx, long count, const uint8_t *in);
/// y = max(x, 0) with NaN -> 0 (x > 0 ? x : 0), and dx = y > 0 ? dy : 0.
void ck_relu(const float *x, long count, float *y);
void ck_relu_mask(const float *y, const float *dy, long count, float *dx);
/// im2col of one (image, channel) plane h x w into kh*kw rows of the column matrix (row stride
/// ncol, each row's oh*ow block starting at dst); padding taps are written as zeros. Tap (ky, kx)
/// of output (oy, ox) reads input (oy*s - pt + ky*dil, ox*s - pl + kx*dil); bottom and right
/// padding are implied by oh and ow.
void ck_im2col_plane_f32(const float *plane, int h, int w, int kh, int kw, int s, int dil, int pt, int pl,
                         int oh, int ow, float *dst, long ncol);
void ck_im2col_plane_i8(const int8_t *plane, int h, int w, int kh, int kw, int s, int dil, int pt, int pl,
                        int oh, int ow, int8_t *dst, long ncol);
/// The same bytes with AVX-512 BW masked loads and stores for stride 1 and output rows of at most
/// 64 pixels (other geometries fall back to `ck_im2col_plane_i8`); call only when the CPU has AVX-512 BW.
void ck_im2col_plane_i8_avx512(const int8_t *plane, int h, int w, int kh, int kw, int s, int dil, int pt, int pl,
                               int oh, int ow, int8_t *dst, long ncol);
/// The adjoint: adds the kh*kw rows (stride ncol, from src) back into one plane.
void ck_col2im_plane_f32(const float *src, long ncol, int h, int w, int kh, int kw, int s, int dil, int pt, int pl,
                         int oh, int ow, float *plane);
/// out[i] = (float)codes[i] * delta.
void ck_codes_to_f32(const int8_t *codes, long count, float delta, float *out);
/// out[i] = (float)x[i].
void ck_i8_to_f32(const int8_t *x, long count, float *out);
/// out[i] = lut[(uint8_t)x[i]]: a 256-entry map from the Int8 bit pattern.
void ck_i8_lut_f32(const int8_t *x, long count, const float *lut, float *out);
/// y[i] += (int32_t)c[i] (c holds exact integers).
void ck_f32_add_i32(const float *c, long count, int32_t *y);
/// glibc heap: blocks up to 32 MiB from the heap and no trimming of freed memory (see HeapPolicy.swift).
/// Returns 1 when both settings were applied, 0 otherwise (other C libraries: nothing is done).
int ck_keep_freed_memory(void);


/// Normals per counter block of the fast normal generator (normal.c).
#define CK_NORMAL_BLOCK 512
/// Block `block` of the standard normals of `seed` (CK_NORMAL_BLOCK values into z): counter-based
/// SplitMix64 bits, Box-Muller with polynomial ln/sin/cos. AVX2 and portable builds of one C body.
void ck_normal_block_avx512(uint64_t seed, long block, float *z);
void ck_normal_block_avx2(uint64_t seed, long block, float *z);
void ck_normal_block_scalar(uint64_t seed, long block, float *z);
/// The error model's fused pass over y [rows, n]: out[i] = (acc ? y[i] : 0) + a1[j] y[i] + off[j]
/// + a2[j] z[base + i], j = i mod n, z[k] the k-th normal of `seed` (out may alias y).
void ck_error_xi_avx512(const float *y, long rows, long n, const float *a1, const float *a2, const float *off,
                        uint64_t seed, long base, int acc, float *out);
void ck_error_xi_avx2(const float *y, long rows, long n, const float *a1, const float *a2, const float *off,
                      uint64_t seed, long base, int acc, float *out);
void ck_error_xi_scalar(const float *y, long rows, long n, const float *a1, const float *a2, const float *off,
                        uint64_t seed, long base, int acc, float *out);
#endif
