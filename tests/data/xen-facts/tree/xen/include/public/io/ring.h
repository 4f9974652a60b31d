/* A stand-in for a Xen tree, written for the tests of ci/xen-facts. */
#ifndef FIXTURE_IO_RING_H
#define FIXTURE_IO_RING_H

/* Needs size_t and memset, from <string.h>. */
static inline void ring_clear(void *p, size_t n)
{
    memset(p, 0, n);
}

struct ring_sizes {
    size_t bytes;
};

#endif
