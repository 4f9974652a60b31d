/* Output files, written safely.
 *
 * A backend opens outputs by path relative to the output directory and
 * writes text into them. Nothing reaches its final name until the whole
 * run succeeded:
 *   - in write mode, each output goes to a temp file in the output
 *     directory; commit renames it into place, or deletes it when the
 *     file already holds the same bytes (so its mtime stays and make does
 *     not rebuild); abort deletes every temp file;
 *   - in check mode, outputs stay in memory and commit compares them with
 *     the files on disk, printing a unified diff for each difference. */
#ifndef XENIDL_OUTPUT_H
#define XENIDL_OUTPUT_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "diag.h"

enum xi_output_mode {
	XI_OUTPUT_WRITE,
	XI_OUTPUT_CHECK,
	XI_OUTPUT_MEMORY,  /* keep in memory only (tests, library users) */
};

struct xi_out;
struct xi_outset;

struct xi_outset *xi_outset_new(const char *dir, enum xi_output_mode mode, struct xi_diag *diag);
void xi_outset_free(struct xi_outset *set);

/* Open an output; NULL after a reported error. Opening the same path
 * twice is an error. */
struct xi_out *xi_out_open(struct xi_outset *set, const char *relpath);
void xi_out_write(struct xi_out *o, const char *s, size_t n);
void xi_out_puts(struct xi_out *o, const char *s);
void xi_out_putc(struct xi_out *o, char c);
void xi_out_printf(struct xi_out *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void xi_out_vprintf(struct xi_out *o, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));
/* Keep what is written from now on in memory, and give it back (malloc'd,
 * for the caller to free) and out of the output: a writer that must
 * rewrite its own text (indent it) writes it between the two. Returns the
 * mark xi_out_take needs. */
size_t xi_out_hold(struct xi_out *o);
char *xi_out_take(struct xi_out *o, size_t mark);
/* Write `n` spaces. */
void xi_out_indent(struct xi_out *o, unsigned n);
/* How xi_out_prefixed_lines writes lines: comment rows such as " * line"
 * (C), "/// line" (Rust) or "# line". */
struct xi_line_style {
	const char *prefix;
	bool trim;  /* leave out the blanks at the end of each line */
	/* Writes the text of a line that is not empty; NULL: as it is. */
	void (*put)(struct xi_out *o, const char *line, size_t n);
};

/* Write each line of `text` as `indent` spaces, the style's prefix, then a
 * space and the line unless it is empty. */
void xi_out_prefixed_lines(struct xi_out *o, unsigned indent, const struct xi_line_style *style,
			   const char *text);

/* Write a template (templates/templates.h), each '@name@' in it replaced
 * by the value that follows that name in `vars` (name, value, ...,
 * NULL). A marker not in `vars` is a bug in xenidl: it aborts. */
void xi_out_template(struct xi_out *o, const char *text, const char *const *vars);

/* An output's path (relative to its set's directory), and its set. */
const char *xi_out_path(const struct xi_out *o);
const struct xi_outset *xi_out_set(const struct xi_out *o);

/* Finish the run. Write mode: 0, or 1 after an I/O error (and then nothing
 * was renamed). Check mode: 0 when every file is up to date, 3 when some
 * are stale or missing (diffs go to `report`). */
int xi_outset_commit(struct xi_outset *set, FILE *report);
/* Drop everything written so far. */
void xi_outset_abort(struct xi_outset *set);

/* Paths of the outputs (relative), in the order they were opened. */
unsigned xi_outset_count(const struct xi_outset *set);
/* The output directory. */
const char *xi_outset_dir(const struct xi_outset *set);
const char *xi_outset_path(const struct xi_outset *set, unsigned i);
/* Memory and check modes: the bytes of output i. */
const char *xi_outset_data(const struct xi_outset *set, unsigned i, size_t *len);

/* Write a whole file through a temp file and rename, leaving it untouched
 * when it already holds these bytes. */
bool xi_write_file_atomic(struct xi_diag *diag, const char *path, const char *data, size_t len);

#endif
