#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "limits.h"

/* Source lines longer than this are shown cut, around the caret. */
#define DIAG_MAX_SNIPPET 160u

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

/* Show the line and a caret under the token. Control bytes become spaces
 * (tabs) or '?' so that the caret stays aligned and a binary file cannot
 * garble the terminal. */
static void print_snippet(struct xi_diag *d, struct xi_source *src, struct xi_loc loc)
{
	size_t len;
	const char *line = xi_source_line(src, loc.line, &len);
	if (!line)
		return;
	size_t col = loc.col ? loc.col - 1 : 0;
	if (col > len)
		col = len;
	size_t start = 0;
	if (len > DIAG_MAX_SNIPPET) {
		start = col > DIAG_MAX_SNIPPET / 2 ? col - DIAG_MAX_SNIPPET / 2 : 0;
		if (start + DIAG_MAX_SNIPPET > len)
			start = len - DIAG_MAX_SNIPPET;
		len = start + DIAG_MAX_SNIPPET;
	}
	fprintf(d->out, "%5u | ", (unsigned)loc.line);
	for (size_t i = start; i < len; i++) {
		unsigned char c = (unsigned char)line[i];
		fputc(c == '\t' ? ' ' : (c < 0x20 || c == 0x7f) ? '?' : c, d->out);
	}
	fputs("\n      | ", d->out);
	for (size_t i = start; i < col; i++)
		fputc(' ', d->out);
	fputc('^', d->out);
	size_t width = loc.len > 1 ? loc.len : 1;
	for (size_t i = 1; i < width && col + i < len; i++)
		fputc('~', d->out);
	fputc('\n', d->out);
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

__attribute__((format(printf, 4, 0)))
static void vreport(struct xi_diag *d, enum severity sev, struct xi_loc loc,
		    const char *fmt, va_list ap)
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
		fprintf(d->out, "%s: %s: ", d->progname, severity_name[sev]);
	vfprintf(d->out, fmt, ap);
	fputc('\n', d->out);
	if (src && loc.line)
		print_snippet(d, src, loc);

	if (sev == SEV_ERROR && d->errors >= d->max_errors)
		d->capped = true;
}

void xi_error(struct xi_diag *d, struct xi_loc loc, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vreport(d, SEV_ERROR, loc, fmt, ap);
	va_end(ap);
}

void xi_warning(struct xi_diag *d, struct xi_loc loc, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vreport(d, SEV_WARNING, loc, fmt, ap);
	va_end(ap);
}

void xi_note(struct xi_diag *d, struct xi_loc loc, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vreport(d, SEV_NOTE, loc, fmt, ap);
	va_end(ap);
}

/* "path: error: ..." or "xenidl: warning: ...": a diagnostic about a whole
 * file or the run, with no source line to show. */
__attribute__((format(printf, 4, 0)))
static void vreport_file(struct xi_diag *d, enum severity sev, const char *path, const char *fmt,
			 va_list ap)
{
	if (sev == SEV_WARNING && d->werror)
		sev = SEV_ERROR;
	if (sev == SEV_ERROR) {
		if (d->capped) {
			report_cap(d);
			d->muted = true;
			return;
		}
		d->errors++;
	} else {
		d->warnings++;
	}
	d->muted = false;
	fprintf(d->out, "%s: %s: ", path ? path : d->progname, severity_name[sev]);
	vfprintf(d->out, fmt, ap);
	fputc('\n', d->out);
	if (sev == SEV_ERROR && d->errors >= d->max_errors)
		d->capped = true;
}

void xi_error_at_file(struct xi_diag *d, const char *path, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vreport_file(d, SEV_ERROR, path, fmt, ap);
	va_end(ap);
}

void xi_warning_at_file(struct xi_diag *d, const char *path, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vreport_file(d, SEV_WARNING, path, fmt, ap);
	va_end(ap);
}
