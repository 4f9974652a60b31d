/* Comments and blank lines put into the YAML libyaml's emitter wrote (see
 * yaml_comments.h). */
#include "yaml_comments.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "arena.h"
#include "strbuf.h"

/* Notes start with room for this many. */
#define YAML_NOTES_FIRST_CAP 32u

void xi_yaml_note(struct xi_yaml_notes *notes, unsigned event, enum xi_yaml_where where,
		  struct xi_yaml_col col, const char *text, bool blank)
{
	if (notes->n == notes->cap) {
		notes->cap = notes->cap ? notes->cap * 2 : YAML_NOTES_FIRST_CAP;
		notes->v = xi_xrealloc(notes->v, sizeof(*notes->v) * notes->cap);
	}
	notes->v[notes->n++] = (struct xi_yaml_note){ event, where, col, text, blank };
}

void xi_yaml_notes_free(struct xi_yaml_notes *notes)
{
	free(notes->v);
	memset(notes, 0, sizeof(*notes));
}

/* --- What YAML holds ----------------------------------------------------------- */

/* The character at s (its code point in *cp, its length in *n), or false
 * where s is not UTF-8. */
static bool utf8_char(const unsigned char *s, uint32_t *cp, unsigned *n)
{
	static const uint32_t least[] = { 0, 0x80, 0x800, 0x10000 };
	unsigned c = *s;
	*cp = c;
	*n = 1;
	if (c < 0x80)
		return true;
	unsigned more = c >= 0xF0 && c < 0xF5 ? 3 : c >= 0xE0 && c < 0xF0 ? 2
		      : c >= 0xC2 && c < 0xE0 ? 1 : 0;
	if (!more)
		return false;
	uint32_t v = c & (0x3Fu >> more);
	for (unsigned i = 1; i <= more; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return false;
		v = v << 6 | (s[i] & 0x3Fu);
	}
	*cp = v;
	*n = more + 1;
	return v >= least[more] && v <= 0x10FFFF && !(v >= 0xD800 && v <= 0xDFFF);
}

bool xi_utf8_valid(const char *text)
{
	const unsigned char *s = (const unsigned char *)text;
	uint32_t cp;
	unsigned n;
	for (; *s; s += n)
		if (!utf8_char(s, &cp, &n))
			return false;
	return true;
}

/* YAML's printable characters (YAML 1.1, 5.1), which libyaml's reader
 * insists on, in UTF-8. */
bool xi_yaml_comment_ok(const char *text, char *why, size_t size)
{
	const unsigned char *s = (const unsigned char *)text;
	while (*s) {
		uint32_t cp;
		unsigned n;
		if (!utf8_char(s, &cp, &n)) {
			snprintf(why, size, "it is not UTF-8 text");
			return false;
		}
		if ((cp < 0x20 && cp != '\t' && cp != '\n') || (cp >= 0x7F && cp <= 0x9F && cp != 0x85) ||
		    cp == 0xFFFE || cp == 0xFFFF) {
			snprintf(why, size, "it holds the control character U+%04X", (unsigned)cp);
			return false;
		}
		s += n;
	}
	return true;
}

/* --- Placing -------------------------------------------------------------------- */

struct mark {
	size_t line, col;
};

/* The place of every event of the text, in order. */
static struct mark *event_marks(const char *text, size_t len, unsigned *count)
{
	yaml_parser_t parser;
	if (!yaml_parser_initialize(&parser))
		xi_oom();
	yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
	struct mark *marks = NULL;
	unsigned n = 0, cap = 0;
	bool ok = true;
	for (;;) {
		yaml_event_t ev;
		if (!yaml_parser_parse(&parser, &ev)) {
			ok = false;
			break;
		}
		if (n == cap) {
			cap = cap ? cap * 2 : 256;
			marks = xi_xrealloc(marks, sizeof(*marks) * cap);
		}
		marks[n].line = ev.start_mark.line;
		marks[n].col = ev.start_mark.column;
		n++;
		bool done = ev.type == YAML_STREAM_END_EVENT;
		yaml_event_delete(&ev);
		if (done)
			break;
	}
	yaml_parser_delete(&parser);
	if (!ok) {
		free(marks);
		return NULL;
	}
	*count = n;
	return marks;
}

struct placed {
	const struct xi_yaml_note *note;
	size_t line;     /* the line it goes with (nlines: the end) */
	unsigned order;  /* order of the notes */
};

static int by_line(const void *pa, const void *pb)
{
	const struct placed *a = pa, *b = pb;
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	return a->order < b->order ? -1 : a->order > b->order;
}

struct placer {
	struct xi_out *o;
	const struct mark *marks;
	unsigned nmarks;
	const char **lines;
	size_t *lens;
	size_t nlines;
	bool wrote;       /* a line was written */
	bool last_blank;  /* and it was blank */
};

static size_t indentation(const struct placer *pl, size_t line)
{
	if (line >= pl->nlines)
		return 0;
	size_t i = 0;
	while (i < pl->lens[line] && pl->lines[line][i] == ' ')
		i++;
	return i;
}

static size_t column(const struct placer *pl, const struct xi_yaml_col *col, size_t line)
{
	switch (col->kind) {
	case XI_YAML_COL_EVENT:
		return col->a < pl->nmarks ? pl->marks[col->a].col + col->b : 0;
	case XI_YAML_COL_CLOSE: {
		size_t keys = col->a < pl->nmarks ? pl->marks[col->a].col : 0;
		size_t dash = col->b < pl->nmarks ? pl->marks[col->b].col : 0;
		return keys < dash || !keys ? keys : keys - 1;
	}
	case XI_YAML_COL_LINE:
		break;
	}
	return indentation(pl, line);
}

static void put_line_end(struct placer *pl)
{
	xi_out_putc(pl->o, '\n');
	pl->wrote = true;
}

static void put_blank(struct placer *pl)
{
	if (!pl->wrote || pl->last_blank)
		return;
	put_line_end(pl);
	pl->last_blank = true;
}

/* Each line of a comment as a '#' line at `col`. */
static void put_comment_lines(struct placer *pl, const char *text, size_t col)
{
	for (const char *s = text;;) {
		const char *nl = strchr(s, '\n');
		size_t n = nl ? (size_t)(nl - s) : strlen(s);
		xi_out_indent(pl->o, (unsigned)col);
		xi_out_putc(pl->o, '#');
		xi_out_write(pl->o, s, n);
		put_line_end(pl);
		pl->last_blank = false;
		if (!nl)
			break;
		s = nl + 1;
	}
}

/* A comment at the end of the line: its first line; the others follow on
 * lines of their own, which `rest` collects. */
static void put_comment_end(struct placer *pl, const char *text, const char **rest)
{
	const char *nl = strchr(text, '\n');
	size_t n = nl ? (size_t)(nl - text) : strlen(text);
	xi_out_puts(pl->o, " #");
	xi_out_write(pl->o, text, n);
	if (nl && !*rest)
		*rest = nl + 1;
}

/* Line `line` with the notes [from, to) that go with it. */
static void put_line(struct placer *pl, size_t line, const struct placed *v, unsigned from,
		     unsigned to)
{
	const struct xi_yaml_note *brackets = NULL;
	for (unsigned i = from; i < to; i++)
		if (v[i].note->where == XI_YAML_BRACKETS)
			brackets = v[i].note;
	const char *s = pl->lines[line];
	size_t len = pl->lens[line];
	const char *rest = NULL;
	size_t rest_col = indentation(pl, line);
	if (brackets) {
		/* fields: [  ->  fields: [ # ...
		 *                  # ...
		 *                  ]                   */
		size_t at = brackets->event < pl->nmarks ? pl->marks[brackets->event].col : 0;
		const char *open = at < len ? strstr(s + at, "[]") : NULL;
		if (!open)
			open = strstr(s, "[]");
		size_t head = open ? (size_t)(open - s) + 1 : len;
		size_t col = column(pl, &brackets->col, line);
		xi_out_write(pl->o, s, head);
		for (unsigned i = from; i < to; i++)
			if (v[i].note->where == XI_YAML_IN_BRACKETS)
				put_comment_end(pl, v[i].note->text, &rest);
		put_line_end(pl);
		if (rest) {
			put_comment_lines(pl, rest, col);
			rest = NULL;
		}
		for (unsigned i = from; i < to; i++) {
			const struct xi_yaml_note *nt = v[i].note;
			if (nt->where != XI_YAML_IN_BRACKETS_LINE)
				continue;
			if (nt->blank)
				put_blank(pl);
			put_comment_lines(pl, nt->text, column(pl, &nt->col, line));
		}
		xi_out_indent(pl->o, (unsigned)col);
		s += head;
		len -= head;
	}
	xi_out_write(pl->o, s, len);
	for (unsigned i = from; i < to; i++)
		if (v[i].note->where == XI_YAML_EOL)
			put_comment_end(pl, v[i].note->text, &rest);
	put_line_end(pl);
	pl->last_blank = len == 0 && !brackets;
	if (rest)
		put_comment_lines(pl, rest, rest_col);
}

bool xi_yaml_place_notes(const struct xi_yaml_notes *notes, const char *text, size_t len,
			 struct xi_out *o)
{
	unsigned nmarks = 0;
	struct mark *marks = event_marks(text, len, &nmarks);
	if (!marks)
		return false;
	struct placer pl = { o, marks, nmarks, NULL, NULL, 0, false, false };
	for (size_t i = 0; i < len; i++)
		pl.nlines += text[i] == '\n';
	if (len && text[len - 1] != '\n')
		pl.nlines++;
	pl.lines = xi_xmalloc(sizeof(*pl.lines) * (pl.nlines + 1));
	pl.lens = xi_xmalloc(sizeof(*pl.lens) * (pl.nlines + 1));
	for (size_t i = 0, k = 0; k < pl.nlines; k++) {
		const char *nl = memchr(text + i, '\n', len - i);
		size_t end = nl ? (size_t)(nl - text) : len;
		pl.lines[k] = text + i;
		pl.lens[k] = end - i;
		i = end + 1;
	}
	struct placed *v = xi_xmalloc(sizeof(*v) * (notes->n + 1));
	for (unsigned i = 0; i < notes->n; i++) {
		size_t line = notes->v[i].event < nmarks ? marks[notes->v[i].event].line : pl.nlines;
		v[i] = (struct placed){ &notes->v[i], line < pl.nlines ? line : pl.nlines, i };
	}
	qsort(v, notes->n, sizeof(*v), by_line);
	unsigned k = 0;
	for (size_t line = 0; line <= pl.nlines; line++) {
		unsigned from = k;
		for (; k < notes->n && v[k].line == line; k++) {
			const struct xi_yaml_note *nt = v[k].note;
			if (nt->where != XI_YAML_BEFORE)
				continue;
			if (nt->blank)
				put_blank(&pl);
			if (nt->text)
				put_comment_lines(&pl, nt->text, column(&pl, &nt->col, line));
		}
		if (line < pl.nlines)
			put_line(&pl, line, v, from, k);
	}
	free(v);
	free(pl.lines);
	free(pl.lens);
	free(marks);
	return true;
}
