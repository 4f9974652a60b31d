/* Unified diffs of two texts, for --check. */
#ifndef XENIDL_UDIFF_H
#define XENIDL_UDIFF_H

#include <stddef.h>
#include <stdio.h>

/* Print a unified diff (3 lines of context) turning text a into text b. */
void xi_udiff(FILE *out, const char *a_label, const char *a, size_t alen,
	      const char *b_label, const char *b, size_t blen);

#endif
