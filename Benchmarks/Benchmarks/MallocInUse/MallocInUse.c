#include "MallocInUse.h"

#if defined(__linux__)
#include <features.h>  // defines __GLIBC__ and __GLIBC_MINOR__ under glibc
#endif

#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 33))
#include <malloc.h>

long long konaplate_malloc_in_use(void) {
    struct mallinfo2 info = mallinfo2();
    return (long long)(info.uordblks + info.hblkhd);
}
#else
long long konaplate_malloc_in_use(void) { return -1; }
#endif
