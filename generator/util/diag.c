#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "limits.h"

/* Source lines longer than this are shown cut, around the caret. */
#define DIAG_MAX_SNIPPET 160u
/* Fix-its of one diagnostic shown in one line (more are only in the
 * parseable form). */
#define DIAG_MAX_FIXITS 8u

enum severity { SEV_ERROR, SEV_WARNING, SEV_NOTE };

static const char *const severity_name[] = { "error", "warning", "note" };

void xi_diag_init(struct xi_diag *d, FILE *out)
{
	memset(d, 0, sizeof(*d));
	d->out = out;
	d->progname = "xenidl";
	d->max_errors = XI_MAX_ERRORS;
}

void xi_diag_free(struct xi_diag *d)
{
	for (unsigned i = 0; i < d->nsources; i++) {
		free(d->sources[i]->path);
		free(d->sources[i]->text);
		free(d->sources[i]->line_starts);
		free(d->sources[i]);
	}
	free(d->sources);
	d->sources = NULL;
	d->nsources = 0;
}

struct xi_source *xi_diag_add_source(struct xi_diag *d, char *path, char *text, size_t len)
{
	if (d->nsources == d->cap_sources) {
		d->cap_sources = d->cap_sources ? d->cap_sources * 2 : 16;
		d->sources = xi_xrealloc(d->sources, sizeof(*d->sources) * d->cap_sources);
	}
	struct xi_source *s = xi_xmalloc(sizeof(*s));
	memset(s, 0, sizeof(*s));
	s->path = path;
	s->text = text;
	s->len = len;
	s->id = (uint16_t)(d->nsources + 1);
	d->sources[d->nsources++] = s;
	return s;
}

struct xi_source *xi_diag_source(const struct xi_diag *d, unsigned file)
{
	if (file == 0 || file > d->nsources)
		return NULL;
	return d->sources[file - 1];
}

/* The window of a line that is shown: all of it, or DIAG_MAX_SNIPPET
 * bytes around column col (0-based) of a long one. */
static void snippet_window(size_t len, size_t col, size_t *start, size_t *end)
{
	*start = 0;
	*end = len;
	if (len <= DIAG_MAX_SNIPPET)
		return;
	*start = col > DIAG_MAX_SNIPPET / 2 ? col - DIAG_MAX_SNIPPET / 2 : 0;
	if (*start + DIAG_MAX_SNIPPET > len)
		*start = len - DIAG_MAX_SNIPPET;
	*end = *start + DIAG_MAX_SNIPPET;
}

/* "   12 | text": control bytes become spaces (tabs) or '?', so that the
 * caret stays aligned and a binary file cannot garble the terminal. */
static void print_source_line(struct xi_diag *d, uint32_t lineno, const char *line, size_t start,
			      size_t end)
{
	fprintf(d->out, "%5u | ", (unsigned)lineno);
	for (size_t i = start; i < end; i++) {
		unsigned char c = (unsigned char)line[i];
		fputc(c == '\t' ? ' ' : (c < 0x20 || c == 0x7f) ? '?' : c, d->out);
	}
	fputc('\n', d->out);
}

/* The gutter of a line under a source line, and the blanks up to a
 * column of the shown window. */
static void print_margin(struct xi_diag *d, size_t start, size_t col)
{
	fputs("      | ", d->out);
	for (size_t i = start; i < col; i++)
		fputc(' ', d->out);
}

static bool fixit_is_lines(const struct xi_fixit *f)
{
	size_t n = strlen(f->text);
	return f->col == 1 && f->end_line == f->line && f->end_col == 1 && n &&
	       f->text[n - 1] == '\n';
}

/* Whole lines inserted before a line, gcc's way: "  +++ |+text". */
static void print_inserted_lines(struct xi_diag *d, const char *text)
{
	while (*text) {
		const char *nl = strchr(text, '\n');
		size_t n = nl ? (size_t)(nl - text) : strlen(text);
		fprintf(d->out, "  +++ |+%.*s\n", (int)n, text);
		text += n + (nl != NULL);
	}
}

/* The fix-its within a line, under it: one line underlining the ranges
 * they replace (those the caret does not already mark), then one with
 * their texts at their columns; a text that would run into the next one
 * goes on a line of its own. */
static void print_inline_fixes(struct xi_diag *d, struct xi_loc loc, uint32_t line, size_t caret,
			       size_t start, size_t end, const struct xi_fixit *fixes,
			       unsigned nfixes)
{
	/* In column order: fixes come so, and are few. */
	const struct xi_fixit *row[DIAG_MAX_FIXITS];
	unsigned n = 0;
	for (unsigned i = 0; i < nfixes && n < DIAG_MAX_FIXITS; i++) {
		const struct xi_fixit *f = &fixes[i];
		if (f->file != loc.file || f->line != line || fixit_is_lines(f) ||
		    f->col - 1 < start || f->col - 1 > end)
			continue; /* outside the window: the parseable form has it */
		unsigned k = n++;
		for (; k > 0 && row[k - 1]->col > f->col; k--)
			row[k] = row[k - 1];
		row[k] = f;
	}
	size_t pos = start;
	bool open = false;
	for (unsigned i = 0; i < n; i++) {
		const struct xi_fixit *f = row[i];
		size_t at = f->col - 1;
		/* A removal is its underline alone; a replacement at the caret
		 * is marked by the caret. */
		if (f->end_col <= f->col || (*f->text && line == loc.line && at == caret) || at < pos)
			continue;
		if (!open)
			fputs("      | ", d->out);
		open = true;
		for (; pos < at; pos++)
			fputc(' ', d->out);
		for (; pos < f->end_col - 1 && pos < end; pos++)
			fputc('~', d->out);
	}
	if (open)
		fputc('\n', d->out);
	pos = start;
	open = false;
	for (unsigned i = 0; i < n; i++) {
		const struct xi_fixit *f = row[i];
		size_t at = f->col - 1;
		if (!*f->text)
			continue;
		if (open && at < pos) {
			fputc('\n', d->out);
			open = false;
		}
		if (!open) {
			fputs("      | ", d->out);
			pos = start;
		}
		open = true;
		for (; pos < at; pos++)
			fputc(' ', d->out);
		fputs(f->text, d->out);
		pos += strlen(f->text);
	}
	if (open)
		fputc('\n', d->out);
}

/* Show the diagnostic's line with a caret under the token, and the lines
 * its fix-its change, in line order: inserted lines before the line they
 * go before, inline text under the line at its column. */
static void print_snippet(struct xi_diag *d, struct xi_source *src, struct xi_loc loc,
			  const struct xi_fixit *fixes, unsigned nfixes)
{
	size_t len;
	if (!xi_source_line(src, loc.line, &len))
		return;
	uint32_t shown = 0; /* the last line shown */
	for (;;) {
		/* The next line to show: the caret's, or a fix-it's. */
		uint32_t next = loc.line > shown ? loc.line : UINT32_MAX;
		for (unsigned i = 0; i < nfixes; i++)
			if (fixes[i].file == loc.file && fixes[i].line > shown && fixes[i].line < next)
				next = fixes[i].line;
		if (next == UINT32_MAX)
			break;
		shown = next;
		for (unsigned i = 0; i < nfixes; i++)
			if (fixes[i].file == loc.file && fixes[i].line == next && fixit_is_lines(&fixes[i]))
				print_inserted_lines(d, fixes[i].text);
		/* Lines inserted at the end of the file go before no line. */
		const char *line = xi_source_line(src, next, &len);
		if (!line || (next != loc.line && next == src->nlines && len == 0))
			continue;
		size_t col = next == loc.line && loc.col ? loc.col - 1 : 0;
		if (col > len)
			col = len;
		size_t start, end;
		snippet_window(len, col, &start, &end);
		print_source_line(d, next, line, start, end);
		if (next == loc.line) {
			print_margin(d, start, col);
			fputc('^', d->out);
			size_t width = loc.len > 1 ? loc.len : 1;
			for (size_t i = 1; i < width && col + i < end; i++)
				fputc('~', d->out);
			fputc('\n', d->out);
		}
		print_inline_fixes(d, loc, next, col, start, end, fixes, nfixes);
	}
}

/* A string of gcc's parseable fix-its: backslash, tab, newline and double
 * quote escaped, other control bytes in octal. */
static void print_escaped(struct xi_diag *d, const char *s)
{
	fputc('"', d->out);
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '\\' || c == '"')
			fprintf(d->out, "\\%c", c);
		else if (c == '\t')
			fputs("\\t", d->out);
		else if (c == '\n')
			fputs("\\n", d->out);
		else if (c < 0x20 || c == 0x7f)
			fprintf(d->out, "\\%03o", c);
		else
			fputc(c, d->out);
	}
	fputc('"', d->out);
}

static void print_parseable(struct xi_diag *d, const struct xi_fixit *fixes, unsigned nfixes)
{
	for (unsigned i = 0; i < nfixes; i++) {
		struct xi_source *src = xi_diag_source(d, fixes[i].file);
		if (!src)
			continue;
		fputs("fix-it:", d->out);
		print_escaped(d, src->path);
		fprintf(d->out, ":{%u:%u-%u:%u}:", (unsigned)fixes[i].line, (unsigned)fixes[i].col,
			(unsigned)fixes[i].end_line, (unsigned)fixes[i].end_col);
		print_escaped(d, fixes[i].text);
		fputc('\n', d->out);
	}
}

struct xi_fixit xi_fixit_insert(struct xi_loc at, const char *text)
{
	struct xi_fixit f = { at.file, at.line, at.col, at.line, at.col, text };
	return f;
}

struct xi_fixit xi_fixit_insert_lines(uint16_t file, uint32_t line, const char *text)
{
	struct xi_fixit f = { file, line, 1, line, 1, text };
	return f;
}

struct xi_fixit xi_fixit_replace(struct xi_loc loc, const char *text)
{
	struct xi_fixit f = { loc.file, loc.line, loc.col, loc.line, loc.col + loc.len, text };
	return f;
}

/* Said once, after the notes of the last error shown: when the first error
 * past the cap arrives, or when the run ends (a phase stops at the cap). */
static void report_cap(struct xi_diag *d)
{
	if (d->cap_reported)
		return;
	d->cap_reported = true;
	fprintf(d->out, "%s: fatal error: stopping after %u errors\n", d->progname,
		d->max_errors);
}

void xi_diag_finish(struct xi_diag *d)
{
	if (d->capped)
		report_cap(d);
}

/* One diagnostic: at loc, with its source line and fix-its; with no
 * source (loc.file 0), headed by `path` (a diagnostic about a whole file)
 * or, when that is NULL too, by the program's name. */
__attribute__((format(printf, 7, 0)))
static void vreport(struct xi_diag *d, enum severity sev, struct xi_loc loc, const char *path,
		    const struct xi_fixit *fixes, unsigned nfixes, const char *fmt, va_list ap)
{
	if (sev == SEV_NOTE && d->muted)
		return;
	if (sev == SEV_WARNING && d->werror)
		sev = SEV_ERROR;
	if (sev == SEV_ERROR) {
		if (d->capped) {
			report_cap(d);
			d->muted = true;
			return;
		}
		d->errors++;
	} else if (sev == SEV_WARNING) {
		d->warnings++;
	}
	d->muted = false;

	struct xi_source *src = xi_diag_source(d, loc.file);
	if (src)
		fprintf(d->out, "%s:%u:%u: %s: ", src->path, (unsigned)loc.line,
			(unsigned)loc.col, severity_name[sev]);
	else
		fprintf(d->out, "%s: %s: ", path ? path : d->progname, severity_name[sev]);
	vfprintf(d->out, fmt, ap);
	fputc('\n', d->out);
	if (src && loc.line)
		print_snippet(d, src, loc, fixes, nfixes);
	if (d->parseable_fixits)
		print_parseable(d, fixes, nfixes);

	if (sev == SEV_ERROR && d->errors >= d->max_errors)
		d->capped = true;
}

void xi_error(struct xi_diag *d, struct xi_loc loc, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vreport(d, SEV_ERROR, loc, NULL, NULL, 0, fmt, ap);
	va_end(ap);
}

void xi_error_fix(struct xi_diag *d, struct xi_loc loc, const struct xi_fixit *fixes,
		  unsigned nfixes, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vreport(d, SEV_ERROR, loc, NULL, fixes, nfixes, fmt, ap);
	va_end(ap);
}

void xi_warning(struct xi_diag *d, struct xi_loc loc, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vreport(d, SEV_WARNING, loc, NULL, NULL, 0, fmt, ap);
	va_end(ap);
}

void xi_note(struct xi_diag *d, struct xi_loc loc, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vreport(d, SEV_NOTE, loc, NULL, NULL, 0, fmt, ap);
	va_end(ap);
}

/* "path: error: ..." or "xenidl: warning: ...": a diagnostic about a whole
 * file or the run, with no source line to show. */
static const struct xi_loc no_loc;

void xi_error_at_file(struct xi_diag *d, const char *path, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vreport(d, SEV_ERROR, no_loc, path, NULL, 0, fmt, ap);
	va_end(ap);
}

void xi_warning_at_file(struct xi_diag *d, const char *path, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vreport(d, SEV_WARNING, no_loc, path, NULL, 0, fmt, ap);
	va_end(ap);
}
