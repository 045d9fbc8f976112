// What glibc's malloc has handed out and not had back: the live heap, whatever the resident size says. Swift's
// Glibc module does not import malloc.h, so the hostile-server benchmark reads it through this shim.
#ifndef MALLOC_IN_USE_H
#define MALLOC_IN_USE_H

#include <stddef.h>

/// Bytes in allocated chunks (mallinfo2's uordblks) and in chunks malloc mapped on their own (hblkhd); -1 when
/// the C library is not glibc 2.33 or later.
long long konaplate_malloc_in_use(void);

#endif
