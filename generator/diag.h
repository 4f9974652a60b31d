/* Diagnostics in gcc's format:
 *
 *   file:line:col: error: message
 *       3 | struct foo {
 *         |        ^~~
 *   file:line:col: note: previous definition of 'foo' is here
 *
 * Errors are counted; past XI_MAX_ERRORS the engine says so once and
 * swallows the rest, and the phases stop at their next check. */
#ifndef XENIDL_DIAG_H
#define XENIDL_DIAG_H

#include <stdbool.h>
#include <stdio.h>

#include "source.h"

struct xi_diag {
	FILE *out;
	const char *progname;
	struct xi_source **sources;
	unsigned nsources;
	unsigned cap_sources;
	unsigned errors;
	unsigned warnings;
	unsigned max_errors;
	bool werror;       /* warnings count as errors */
	bool capped;       /* the error cap was reached */
	bool cap_reported; /* and an error past it was announced */
	bool muted;        /* the last error was swallowed: swallow its notes */
};

void xi_diag_init(struct xi_diag *d, FILE *out);
void xi_diag_free(struct xi_diag *d);

/* Register a source (the diag engine owns it from now on). */
struct xi_source *xi_diag_add_source(struct xi_diag *d, char *path, char *text, size_t len);
struct xi_source *xi_diag_source(const struct xi_diag *d, unsigned file);

#define XI_PRINTF(a, b) __attribute__((format(printf, a, b)))
void xi_error(struct xi_diag *d, struct xi_loc loc, const char *fmt, ...) XI_PRINTF(3, 4);
void xi_warning(struct xi_diag *d, struct xi_loc loc, const char *fmt, ...) XI_PRINTF(3, 4);
void xi_note(struct xi_diag *d, struct xi_loc loc, const char *fmt, ...) XI_PRINTF(3, 4);
/* Errors that have no place in a source: "xenidl: error: ..." */
void xi_error_at_file(struct xi_diag *d, const char *path, const char *fmt, ...) XI_PRINTF(3, 4);
/* The same for a warning (an error under -Werror). */
void xi_warning_at_file(struct xi_diag *d, const char *path, const char *fmt, ...) XI_PRINTF(3, 4);

/* End of a run: announce the cap if it was reached. */
void xi_diag_finish(struct xi_diag *d);

static inline bool xi_diag_failed(const struct xi_diag *d)
{
	return d->errors > 0;
}

#endif
