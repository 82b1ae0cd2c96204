#ifndef CKERNELS_H
#define CKERNELS_H
#include <stdint.h>
/// Returns 1 when the running CPU supports AVX2.
int ck_has_avx2(void);
#endif
