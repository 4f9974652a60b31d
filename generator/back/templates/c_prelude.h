/* Fixed-width integers: from <stdint.h>, except where the environment
 * provides them (the hypervisor, a kernel, or XENIDL_NO_STDINT), and not
 * for assembler sources. */
#if !defined(__XEN__) && !defined(__KERNEL__) && !defined(__ASSEMBLER__) && \
    !defined(XENIDL_NO_STDINT)
#include <stdint.h>
#endif
