/* Diagnostics in gcc's format:
 *
 *   file:line:col: error: message
 *       3 | struct foo {
 *         |        ^~~
 *   file:line:col: note: previous definition of 'foo' is here
 *
 * An error may carry fix-its: exact edits of the source that remove it.
 * They are shown as gcc shows them, under the line they change (inline
 * text at its column) or as "+++ |+" lines for whole lines inserted
 * before a line; with parseable_fixits, also as gcc's
 * -fdiagnostics-parseable-fixits lines, for tools (and the test that
 * applies every fix-it the error tests print):
 *
 *   fix-it:"a.xidl":{3:1-3:1}:"    @reserved pad0: u8[2];\n"
 *
 * (a half-open range of 1-based lines and byte columns, replaced by the
 * string; an empty range inserts).
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
	bool parseable_fixits; /* also print fix-its in gcc's parseable form */
};

/* Replace the bytes from (line, col) up to (end_line, end_col), excluded,
 * with text. Two shapes only, which both forms can show: text without a
 * newline on one line (end_line == line), or whole lines (each ending in
 * '\n') inserted at column 1 of a line (an empty range; line may be one
 * past the last, for the end of the file). */
struct xi_fixit {
	uint16_t file;
	uint32_t line, col;
	uint32_t end_line, end_col;
	const char *text;
};

/* Insert text at a place (its file, line and column). */
struct xi_fixit xi_fixit_insert(struct xi_loc at, const char *text);
/* Insert whole lines (text ends with '\n') before a line of a file. */
struct xi_fixit xi_fixit_insert_lines(uint16_t file, uint32_t line, const char *text);
/* Replace the loc.len bytes at loc with text. */
struct xi_fixit xi_fixit_replace(struct xi_loc loc, const char *text);

void xi_diag_init(struct xi_diag *d, FILE *out);
void xi_diag_free(struct xi_diag *d);

/* Register a source (the diag engine owns it from now on). */
struct xi_source *xi_diag_add_source(struct xi_diag *d, char *path, char *text, size_t len);
struct xi_source *xi_diag_source(const struct xi_diag *d, unsigned file);

#define XI_PRINTF(a, b) __attribute__((format(printf, a, b)))
void xi_error(struct xi_diag *d, struct xi_loc loc, const char *fmt, ...) XI_PRINTF(3, 4);
void xi_warning(struct xi_diag *d, struct xi_loc loc, const char *fmt, ...) XI_PRINTF(3, 4);
void xi_note(struct xi_diag *d, struct xi_loc loc, const char *fmt, ...) XI_PRINTF(3, 4);
/* An error with fix-its (nfixes of them, applied together). */
void xi_error_fix(struct xi_diag *d, struct xi_loc loc, const struct xi_fixit *fixes,
		  unsigned nfixes, const char *fmt, ...) XI_PRINTF(5, 6);
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
