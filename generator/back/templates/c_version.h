/* The interface version the program gets: the newest for the hypervisor
 * and the toolstack, which are built with matching headers; for others the
 * one they define, or 0 (the oldest names). */
#if defined(__XEN__) || defined(__XEN_TOOLS__)
#define __XEN_INTERFACE_VERSION__ __XEN_LATEST_INTERFACE_VERSION__
#elif !defined(__XEN_INTERFACE_VERSION__)
#define __XEN_INTERFACE_VERSION__ 0x00000000
#endif

#if __XEN_INTERFACE_VERSION__ > __XEN_LATEST_INTERFACE_VERSION__
#error "The interface version asked for is newer than these headers."
#endif

/* A compat header's flexible array dimension. */
#define COMPAT_FLEX_ARRAY_DIM XEN_FLEX_ARRAY_DIM
