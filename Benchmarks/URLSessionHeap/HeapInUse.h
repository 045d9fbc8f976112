// malloc's live heap and malloc_trim for urlsession-heap.sh's program (Swift's Glibc module lacks malloc.h).
#include <stddef.h>
#include <features.h>
#include <malloc.h>
static inline long long heap_in_use(void) { struct mallinfo2 i = mallinfo2(); return (long long)(i.uordblks + i.hblkhd); }
static inline void trim(void) { malloc_trim(0); }
