// Int8 -> float conversions feeding the float32 sgemm routes (exact and low-rank).
#include "ckernels.h"

void ck_i8_to_f32(const int8_t *x, long count, float *out) {
    for (long i = 0; i < count; i++) out[i] = (float)x[i];
}

void ck_i8_lut_f32(const int8_t *x, long count, const float *lut, float *out) {
    for (long i = 0; i < count; i++) out[i] = lut[(uint8_t)x[i]];
}

void ck_f32_add_i32(const float *c, long count, int32_t *y) {
    for (long i = 0; i < count; i++) y[i] += (int32_t)c[i];
}
