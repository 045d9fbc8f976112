// The function is in the header (static inline), so that a program built with swiftc alone can use it too; a C
// target needs one source file.
#include "MallocInUse.h"
