// What glibc's malloc has handed out and not had back: the live heap, whatever the resident size says. Swift's
// Glibc module does not import malloc.h, so the benchmarks read it through this header: HostileServer as the
// MallocInUse target, Benchmarks/urlsession-heap.sh's program as its bridging header.
#ifndef MALLOC_IN_USE_H
#define MALLOC_IN_USE_H

#if defined(__linux__)
#include <features.h>  // defines __GLIBC__ and __GLIBC_MINOR__ under glibc
#endif

#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 33))
#include <malloc.h>

/// Bytes in allocated chunks (mallinfo2's uordblks) and in chunks malloc mapped on their own (hblkhd).
static inline long long konaplate_malloc_in_use(void) {
    struct mallinfo2 info = mallinfo2();
    return (long long)(info.uordblks + info.hblkhd);
}
#else
/// -1: the C library is not glibc 2.33 or later.
static inline long long konaplate_malloc_in_use(void) { return -1; }
#endif

#endif
