/* Formatting for text generation: vsnprintf, made cheap for the formats
 * the backends use on every line. */
#ifndef XENIDL_FORMAT_H
#define XENIDL_FORMAT_H

#include <stdarg.h>
#include <stddef.h>

/* vsnprintf's contract exactly: writes at most cap - 1 bytes and a NUL
 * (nothing when cap is 0) and returns the length of the whole text.
 *
 * glibc's vsnprintf spends about a thousand instructions on a short line,
 * most of them setting up a string stream, and a run of every backend
 * over the corpus formats some 100,000 lines: with it, that run takes 17%
 * more CPU time (bench/corpus.sh; see doc/internals.md). Formats whose
 * conversions are all bare %s, %u, %d, %c or %% are formatted here; any
 * other goes to vsnprintf. */
int xi_vsnprintf(char *buf, size_t cap, const char *fmt, va_list ap)
	__attribute__((format(printf, 3, 0)));

#endif
