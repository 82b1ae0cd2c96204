// Weight-stationary gather GEMM for arbitrary multiplier tables: each activation selects a
// 256-entry row of signed products, indexed by the weight codes of one row of W.
#include "ckernels.h"
#include <string.h>

static inline void ck_gather_body(const uint8_t *xcode, int K, const uint8_t *wcode, int N,
                                  const int32_t *P, int m0, int m1, int32_t *y) {
    for (int m = m0; m < m1; m++) {
        int32_t *acc = y + (size_t)m * N;
        memset(acc, 0, sizeof(int32_t) * (size_t)N);
        for (int k = 0; k < K; k++) {
            const int32_t *row = P + ((size_t)xcode[(size_t)m * K + k] << 8);
            const uint8_t *w = wcode + (size_t)k * N;
            for (int n = 0; n < N; n++) acc[n] += row[w[n]];
        }
    }
}

void ck_gather_gemm_scalar(const uint8_t *xcode, int K, const uint8_t *wcode, int N,
                           const int32_t *P, int m0, int m1, int32_t *y) {
    ck_gather_body(xcode, K, wcode, N, P, m0, m1, y);
}

#if defined(__x86_64__)
__attribute__((target("avx2")))
void ck_gather_gemm_avx2(const uint8_t *xcode, int K, const uint8_t *wcode, int N,
                         const int32_t *P, int m0, int m1, int32_t *y) {
    ck_gather_body(xcode, K, wcode, N, P, m0, m1, y);
}
#else
void ck_gather_gemm_avx2(const uint8_t *xcode, int K, const uint8_t *wcode, int N,
                         const int32_t *P, int m0, int m1, int32_t *y) {
    ck_gather_body(xcode, K, wcode, N, P, m0, m1, y);
}
#endif
