/* The YAML reader: libyaml's event parser, folded into a document tree.
 *
 * Plain scalars are typed by the YAML 1.2 core schema (null, true/false,
 * decimal, 0x and 0o integers); quoted scalars and those tagged !!str are
 * strings. One document per file. Aliases are refused rather than
 * expanded: a spec has no use for them, and expanding them is the classic
 * way to make a small file describe a huge tree. */
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "ascii.h"

#include "comments.h"
#include "limits.h"
#include "spec_read.h"

#define YAML_STR_TAG "tag:yaml.org,2002:str"
#define YAML_MAP_TAG "tag:yaml.org,2002:map"
#define YAML_SEQ_TAG "tag:yaml.org,2002:seq"

/* The line of the last location computed (see byte_column). */
struct column_cache {
	uint32_t line;
	const char *text;
	size_t len;
	size_t chars, bytes;
};

/* One open mapping or sequence, and for a mapping the key read last. */
struct frame {
	struct xi_dnode *node;
	bool flow;               /* in brackets */
	bool have_key;
	struct xi_dkey key;
	struct xi_loc key_loc;
};

struct yreader {
	struct xi_ctx *ctx;
	struct xi_source *src;
	bool marks_are_bytes;     /* see marks_are_bytes() */
	struct frame stack[XI_MAX_NESTING + 1];
	unsigned depth;
	struct xi_dnode *root;
	struct column_cache columns;
	bool failed;
};

/* Can libyaml's marks be used as they are? In a file of ASCII characters
 * whose line breaks are \n or \r\n, a character is a byte and libyaml's
 * lines are the source's lines, so a mark's column (in characters) is its
 * column in bytes and its index is its offset in the text. Other files
 * take byte_column(). */
static bool marks_are_bytes(const char *text, size_t len)
{
	uint64_t any = 0;
	size_t i = 0;
	for (; i + 8 <= len; i += 8) {
		uint64_t w;
		memcpy(&w, text + i, 8);
		any |= w;
	}
	for (; i < len; i++)
		any |= (unsigned char)text[i];
	if (any & UINT64_C(0x8080808080808080))
		return false;
	for (const char *cr = memchr(text, '\r', len); cr;
	     cr = memchr(cr + 1, '\r', len - (size_t)(cr + 1 - text)))
		if (cr + 1 == text + len || cr[1] != '\n')
			return false;
	return true;
}

/* libyaml counts lines from 0 and columns in characters; locations count
 * from 1, and columns in bytes. Events come in document order, so the
 * last conversion is remembered and the next one walks on from it. */
static uint32_t byte_column(struct xi_source *src, struct column_cache *cc, uint32_t line,
			    size_t chars)
{
	if (cc->line != line || chars < cc->chars) {
		cc->text = xi_source_line(src, line, &cc->len);
		cc->line = line;
		cc->chars = cc->bytes = 0;
	}
	if (!cc->text)
		return (uint32_t)chars + 1;
	size_t i = cc->bytes;
	for (size_t c = cc->chars; c < chars && i < cc->len; c++) {
		i++;
		while (i < cc->len && ((unsigned char)cc->text[i] & 0xC0) == 0x80)
			i++;
	}
	cc->chars = chars;
	cc->bytes = i;
	return (uint32_t)i + 1;
}

static uint32_t mark_column(struct yreader *r, uint32_t line, size_t chars)
{
	if (r->marks_are_bytes)
		return (uint32_t)chars + 1;
	return byte_column(r->src, &r->columns, line, chars);
}

static struct xi_loc mark_loc(struct yreader *r, yaml_mark_t m)
{
	struct xi_loc loc;
	loc.file = r->src->id;
	loc.line = (uint32_t)m.line + 1;
	loc.col = mark_column(r, loc.line, m.column);
	loc.len = 1;
	return loc;
}

/* A location spanning from start to end when both are on one line. */
static struct xi_loc span_loc(struct yreader *r, yaml_mark_t start, yaml_mark_t end)
{
	struct xi_loc loc = mark_loc(r, start);
	if (end.line == start.line && end.column > start.column) {
		uint32_t end_col = mark_column(r, loc.line, end.column);
		uint32_t n = end_col - loc.col;
		loc.len = (uint16_t)(n > UINT16_MAX ? UINT16_MAX : n);
	}
	return loc;
}

static void report_parser_error(struct yreader *r, yaml_parser_t *p)
{
	struct xi_diag *d = &r->ctx->diag;
	const char *problem = p->problem ? p->problem : "malformed document";
	if (p->error == YAML_READER_ERROR) {
		struct xi_loc loc = xi_source_loc_at(r->src, p->problem_offset);
		if (p->problem_value != -1)
			xi_error(d, loc, "invalid YAML: %s (byte 0x%02X)", problem,
				 (unsigned)p->problem_value & 0xFFu);
		else
			xi_error(d, loc, "invalid YAML: %s", problem);
		return;
	}
	if (p->error == YAML_MEMORY_ERROR)
		xi_oom();
	xi_error(d, mark_loc(r, p->problem_mark), "invalid YAML: %s", problem);
	if (p->context)
		xi_note(d, mark_loc(r, p->context_mark), "%s", p->context);
}

static bool is_digits(const char *s, size_t n, unsigned base)
{
	if (!n)
		return false;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		int v = xi_hex_value(c);
		if (v < 0 || (unsigned)v >= base)
			return false;
	}
	return true;
}

/* Parse digits known to be valid; false on overflow. */
static bool digits_value(const char *s, size_t n, unsigned base, uint64_t *out)
{
	uint64_t v = 0;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		uint64_t d = (uint64_t)xi_hex_value(c);
		if (v > (UINT64_MAX - d) / base)
			return false;
		v = v * base + d;
	}
	*out = v;
	return true;
}

enum xi_dkind xi_yaml_plain_kind(const char *s, size_t len)
{
	/* The core schema's null and boolean spellings (lengths 0 to 5). */
	static const struct {
		const char *text;
		enum xi_dkind kind;
	} words[] = {
		{ "~", XI_DNULL }, { "null", XI_DNULL }, { "Null", XI_DNULL }, { "NULL", XI_DNULL },
		{ "true", XI_DBOOL }, { "True", XI_DBOOL }, { "TRUE", XI_DBOOL },
		{ "false", XI_DBOOL }, { "False", XI_DBOOL }, { "FALSE", XI_DBOOL },
	};
	if (!len)
		return XI_DNULL;
	if (len <= 5 && strchr("~nNtTfF", s[0])) {
		for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
			if (words[i].text[0] == s[0] && !strncmp(words[i].text, s, len) &&
			    words[i].text[len] == '\0')
				return words[i].kind;
		return XI_DSTR;
	}
	if (!(xi_is_digit(s[0]) || s[0] == '-' || s[0] == '+'))
		return XI_DSTR;
	unsigned base = 10;
	size_t skip = 0;
	if (len > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'o')) {
		base = s[1] == 'x' ? 16 : 8;
		skip = 2;
	} else if (len > 1 && (s[0] == '-' || s[0] == '+')) {
		skip = 1;
	}
	return is_digits(s + skip, len - skip, base) ? XI_DINT : XI_DSTR;
}

/* Type a plain scalar by the YAML 1.2 core schema. */
static bool resolve_plain(struct yreader *r, struct xi_dnode *n)
{
	const char *s = n->text;
	size_t len = n->len;
	n->kind = xi_yaml_plain_kind(s, len);
	if (n->kind == XI_DBOOL)
		n->bval = s[0] == 't' || s[0] == 'T';
	if (n->kind != XI_DINT)
		return true;
	unsigned base = 10;
	size_t skip = 0;
	if (len > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'o')) {
		base = s[1] == 'x' ? 16 : 8;
		skip = 2;
	} else if (s[0] == '-' || s[0] == '+') {
		skip = 1;
	}
	uint64_t v;
	if (!digits_value(s + skip, len - skip, base, &v)) {
		xi_error(&r->ctx->diag, n->loc, "integer '%s' does not fit in 64 bits", s);
		return false;
	}
	n->ival.mag = v;
	n->ival.neg = s[0] == '-' && v != 0;
	n->hex = base == 16;
	return true;
}

/* Does the mark's line hold source text? (After a last line without a
 * line break, libyaml starts a line of its own.) */
static bool line_in_source(const struct yreader *r, yaml_mark_t m)
{
	size_t start = m.index - m.column;
	return start == 0 || (start <= r->src->len && r->src->text[start - 1] == '\n');
}

/* Is the scalar's value exactly its source text (after `skip` bytes of
 * quote)? Then a column inside the value maps to the source. */
static void mark_verbatim(struct yreader *r, struct xi_dnode *n, yaml_mark_t start,
			  yaml_mark_t end, size_t skip)
{
	if (start.line != end.line)
		return;
	if (r->marks_are_bytes) {
		/* A value that is its source text lies between the marks: a
		 * plain scalar is [start, end) and escapes never lengthen an
		 * ASCII value. */
		size_t at = start.index + skip;
		if (!line_in_source(r, start) || at + n->len > end.index ||
		    memcmp(r->src->text + at, n->text, n->len) != 0)
			return;
		n->verbatim = true;
		n->text_col = (uint32_t)(start.column + skip + 1);
		return;
	}
	if (r->columns.line != n->loc.line)
		return;
	size_t len = r->columns.len;
	const char *line = r->columns.text;
	size_t at = n->loc.col - 1 + skip;
	if (!line || at + n->len > len || memcmp(line + at, n->text, n->len) != 0)
		return;
	n->verbatim = true;
	n->text_col = (uint32_t)(at + 1);
}

/* A scalar's checks: no NUL, no tag but !!str. */
static bool scalar_ok(struct yreader *r, yaml_event_t *ev, struct xi_loc loc)
{
	struct xi_diag *d = &r->ctx->diag;
	const char *tag = (const char *)ev->data.scalar.tag;
	if (memchr(ev->data.scalar.value, '\0', ev->data.scalar.length)) {
		xi_error(d, loc, "a NUL character is not allowed in a string");
		return false;
	}
	if (tag && strcmp(tag, "!") != 0 && strcmp(tag, YAML_STR_TAG) != 0) {
		xi_error(d, loc, "unsupported YAML tag '%s' (only !!str is allowed)", tag);
		return false;
	}
	return true;
}

/* Is the next node a mapping's key? */
static struct frame *awaiting_key(struct yreader *r)
{
	struct frame *f = r->depth ? &r->stack[r->depth - 1] : NULL;
	return f && f->node->kind == XI_DMAP && !f->have_key ? f : NULL;
}

/* A key: compared as text, whatever its type. */
static bool scalar_key(struct yreader *r, struct frame *f, yaml_event_t *ev)
{
	struct xi_loc loc = span_loc(r, ev->start_mark, ev->end_mark);
	if (!scalar_ok(r, ev, loc))
		return false;
	f->have_key = true;
	f->key = xi_dkey(&r->ctx->arena, (const char *)ev->data.scalar.value,
			 ev->data.scalar.length);
	f->key_loc = loc;
	return true;
}

static struct xi_dnode *scalar_node(struct yreader *r, yaml_event_t *ev)
{
	struct xi_loc loc = span_loc(r, ev->start_mark, ev->end_mark);
	if (!scalar_ok(r, ev, loc))
		return NULL;
	const char *value = (const char *)ev->data.scalar.value;
	size_t len = ev->data.scalar.length;
	bool plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE && !ev->data.scalar.tag;
	struct xi_dnode *n = xi_dnode_new(&r->ctx->arena, XI_DSTR, loc);
	n->text = xi_strndup(&r->ctx->arena, value, len);
	n->len = len;
	yaml_scalar_style_t style = ev->data.scalar.style;
	if (style == YAML_PLAIN_SCALAR_STYLE)
		mark_verbatim(r, n, ev->start_mark, ev->end_mark, 0);
	else if (style == YAML_SINGLE_QUOTED_SCALAR_STYLE || style == YAML_DOUBLE_QUOTED_SCALAR_STYLE)
		mark_verbatim(r, n, ev->start_mark, ev->end_mark, 1);
	if (plain && !resolve_plain(r, n))
		return NULL;
	return n;
}

static bool check_collection_tag(struct yreader *r, const yaml_char_t *tag, const char *want,
				 struct xi_loc loc)
{
	if (!tag || !strcmp((const char *)tag, want) || !strcmp((const char *)tag, "!"))
		return true;
	xi_error(&r->ctx->diag, loc, "unsupported YAML tag '%s'", (const char *)tag);
	return false;
}

/* Put a finished node into its parent: an item of a sequence, or the
 * value of a mapping entry. */
static bool attach(struct yreader *r, struct xi_dnode *n)
{
	struct xi_diag *d = &r->ctx->diag;
	if (r->depth == 0) {
		r->root = n;
		return true;
	}
	struct frame *f = &r->stack[r->depth - 1];
	if (f->node->kind == XI_DSEQ) {
		xi_dseq_add(f->node, n);
		return true;
	}
	f->have_key = false;
	struct xi_dentry *old = xi_dmap_find_key(f->node, &f->key);
	if (old) {
		xi_error(d, f->key_loc, "duplicate key '%s'", f->key.text);
		xi_note(d, old->key_loc, "'%s' is first given here", f->key.text);
		return false;
	}
	xi_dmap_add(&r->ctx->arena, f->node, &f->key, f->key_loc, n);
	return true;
}

static bool open_collection(struct yreader *r, yaml_event_t *ev, enum xi_dkind kind)
{
	struct xi_diag *d = &r->ctx->diag;
	struct xi_loc loc = mark_loc(r, ev->start_mark);
	const yaml_char_t *tag = kind == XI_DMAP ? ev->data.mapping_start.tag
						 : ev->data.sequence_start.tag;
	if (!check_collection_tag(r, tag, kind == XI_DMAP ? YAML_MAP_TAG : YAML_SEQ_TAG, loc))
		return false;
	if (r->depth && r->stack[r->depth - 1].node->kind == XI_DMAP &&
	    !r->stack[r->depth - 1].have_key) {
		xi_error(d, loc, "a key must be a scalar, not %s", xi_dkind_phrase(kind, false));
		return false;
	}
	if (r->depth == XI_MAX_NESTING) {
		xi_error(d, loc, "nesting is deeper than %u levels", XI_MAX_NESTING);
		return false;
	}
	struct frame *f = &r->stack[r->depth++];
	memset(f, 0, sizeof(*f));
	f->node = xi_dnode_new(&r->ctx->arena, kind, loc);
	f->flow = kind == XI_DMAP ? ev->data.mapping_start.style == YAML_FLOW_MAPPING_STYLE
				  : ev->data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE;
	return true;
}

static bool handle_event(struct yreader *r, yaml_event_t *ev, unsigned *documents)
{
	struct xi_diag *d = &r->ctx->diag;
	switch (ev->type) {
	case YAML_STREAM_START_EVENT:
	case YAML_STREAM_END_EVENT:
	case YAML_DOCUMENT_END_EVENT:
	case YAML_NO_EVENT:
		return true;
	case YAML_DOCUMENT_START_EVENT:
		if (++*documents > 1) {
			xi_error(d, mark_loc(r, ev->start_mark),
				 "a spec file holds one YAML document, but here a second one starts");
			return false;
		}
		return true;
	case YAML_ALIAS_EVENT:
		xi_error(d, span_loc(r, ev->start_mark, ev->end_mark),
			 "YAML aliases are not supported; write the value out");
		return false;
	case YAML_SCALAR_EVENT: {
		struct frame *f = awaiting_key(r);
		if (f)
			return scalar_key(r, f, ev);
		struct xi_dnode *n = scalar_node(r, ev);
		return n && attach(r, n);
	}
	case YAML_MAPPING_START_EVENT:
		return open_collection(r, ev, XI_DMAP);
	case YAML_SEQUENCE_START_EVENT:
		return open_collection(r, ev, XI_DSEQ);
	case YAML_MAPPING_END_EVENT:
	case YAML_SEQUENCE_END_EVENT: {
		struct frame *f = &r->stack[--r->depth];
		if (f->flow)
			f->node->end = mark_loc(r, ev->start_mark);
		return attach(r, f->node);
	}
	}
	return true;
}

/* --- Comments (convert) ------------------------------------------------------ */

/* A token's extent in the source. */
struct tok_span {
	struct xi_pos start, end;
};

static struct xi_pos mark_pos(struct yreader *r, yaml_mark_t m)
{
	struct xi_loc loc = mark_loc(r, m);
	return (struct xi_pos){ loc.line, loc.col };
}

/* The tokens of the document that have a width, in order; NULL after an
 * error of libyaml (the document was read already: none is expected). */
static struct tok_span *scan_tokens(struct yreader *r, unsigned *count)
{
	yaml_parser_t parser;
	if (!yaml_parser_initialize(&parser))
		xi_oom();
	yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING);
	yaml_parser_set_input_string(&parser, (const unsigned char *)r->src->text, r->src->len);
	struct tok_span *v = NULL;
	unsigned n = 0, cap = 0;
	bool ok = true;
	for (;;) {
		yaml_token_t t;
		if (!yaml_parser_scan(&parser, &t)) {
			ok = false;
			break;
		}
		bool done = t.type == YAML_STREAM_END_TOKEN;
		if (t.end_mark.index > t.start_mark.index) {
			if (n == cap) {
				cap = cap ? cap * 2 : 64;
				v = xi_xrealloc(v, sizeof(*v) * cap);
			}
			v[n].start = mark_pos(r, t.start_mark);
			v[n].end = mark_pos(r, t.end_mark);
			n++;
		}
		yaml_token_delete(&t);
		if (done)
			break;
	}
	yaml_parser_delete(&parser);
	if (!ok) {
		free(v);
		return NULL;
	}
	*count = n;
	return v;
}

/* libyaml's parser does not report comments: they are the '#' that no
 * token covers, at the start of a line or after a blank, to the end of
 * their line. */
static void scan_comments(struct yreader *r, struct xi_comments *cm)
{
	unsigned ntok = 0;
	struct tok_span *toks = scan_tokens(r, &ntok);
	if (!toks && ntok)
		return;
	unsigned k = 0; /* the first token that ends after the place looked at */
	for (uint32_t line = 1;; line++) {
		size_t len;
		const char *text = xi_source_line(r->src, line, &len);
		if (!text)
			break;
		for (size_t i = 0; i < len; i++) {
			if (text[i] != '#' || (i && text[i - 1] != ' ' && text[i - 1] != '\t'))
				continue;
			struct xi_pos at = { line, (uint32_t)i + 1 };
			while (k < ntok && xi_pos_cmp(toks[k].end, at) <= 0)
				k++;
			if (k < ntok && xi_pos_cmp(toks[k].start, at) <= 0)
				continue; /* inside a token */
			struct xi_comment *c = xi_comments_add(cm, at, at, XI_DOC_NONE);
			if (k)
				c->prev_tok = toks[k - 1].start;
			break;
		}
	}
	free(toks);
}

struct xi_dnode *xi_yaml_read(struct xi_ctx *ctx, struct xi_source *src)
{
	struct yreader r;
	memset(&r, 0, sizeof(r));
	r.ctx = ctx;
	r.src = src;
	r.marks_are_bytes = marks_are_bytes(src->text, src->len);
	yaml_parser_t parser;
	if (!yaml_parser_initialize(&parser))
		xi_oom();
	yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING);
	yaml_parser_set_input_string(&parser, (const unsigned char *)src->text, src->len);
	unsigned documents = 0;
	bool ok = true;
	for (;;) {
		yaml_event_t ev;
		if (!yaml_parser_parse(&parser, &ev)) {
			report_parser_error(&r, &parser);
			ok = false;
			break;
		}
		bool done = ev.type == YAML_STREAM_END_EVENT;
		ok = handle_event(&r, &ev, &documents);
		yaml_event_delete(&ev);
		if (!ok || done)
			break;
	}
	yaml_parser_delete(&parser);
	if (!ok)
		return NULL;
	if (ctx->comments)
		scan_comments(&r, ctx->comments);
	if (!r.root || r.root->kind == XI_DNULL) {
		struct xi_loc start = { 1, 1, src->id, 1 };
		return xi_dnode_new(&ctx->arena, XI_DMAP, start);
	}
	return r.root;
}
