#include "ckernels.h"
#if defined(__GLIBC__)
#include <malloc.h>
#include <limits.h>
#endif

int ck_keep_freed_memory(void) {
#if defined(__GLIBC__)
    return mallopt(M_MMAP_THRESHOLD, 32 << 20) == 1 && mallopt(M_TRIM_THRESHOLD, INT_MAX) == 1;
#else
    return 0;
#endif
}
