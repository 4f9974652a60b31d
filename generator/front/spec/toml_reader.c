/* The TOML reader: a recursive-descent parser over the flex lexer
 * (toml_lexer.l), building a document tree with TOML's rules for tables:
 *
 *   - [a.b] defines a table once; the tables on its path are created
 *     implicitly and may be defined later;
 *   - [[a.b]] appends a table to an array of tables, and a later header
 *     under it ([a.b.c]) refers to its last element;
 *   - dotted keys (a.b = 1) create tables that only further dotted keys of
 *     the same table may extend;
 *   - inline tables and arrays written as values are closed.
 *
 * Supported: everything but floating-point numbers and dates, which the
 * schema never uses and which are refused with a located error. A syntax
 * error skips to the next line, so one run reports every malformed line. */
#include <string.h>

#include "ascii.h"

#include "limits.h"
#include "spec_read.h"
#include "toml_lex.h"

/* How a table or array came to be (xi_dnode.flags). */
#define TF_DEFINED 1u   /* [header], or created by an inline table or [[header]] */
#define TF_IMPLICIT 2u  /* on the path of a header: may still be defined */
#define TF_DOTTED 4u    /* created by a dotted key */
#define TF_INLINE 8u    /* part of an inline table: closed once read */
#define TF_TABLES 16u   /* an array of tables ([[header]]) */
#define TF_VALUE 32u    /* an array written as a value: closed */

struct key_part {
	struct xi_dkey key;
	struct xi_loc loc;
};

struct tparser {
	struct xi_ctx *ctx;
	struct xi_diag *diag;
	struct toml_lexer lx;
	toml_scan_t scanner;
	int tok;
	struct xi_dnode *root;
	struct xi_dnode *current;   /* the table that key/value lines go to */
	unsigned depth;             /* nested inline tables and arrays */
	bool failed;
};

static int next(struct tparser *p, enum toml_mode mode)
{
	p->lx.mode = mode;
	p->tok = xi_toml_lex(p->scanner);
	if (p->tok == TOML_ERROR)
		p->failed = true;
	return p->tok;
}

static struct xi_loc tok_loc(const struct tparser *p)
{
	return p->lx.loc;
}

static const char *token_phrase(int tok)
{
	switch (tok) {
	case TOML_EOF: return "end of file";
	case TOML_NEWLINE: return "end of line";
	case TOML_BARE_KEY: return "a bare key";
	case TOML_STRING: return "a string";
	case TOML_INTEGER: return "an integer";
	case TOML_BOOL: return "a boolean";
	case TOML_FLOAT: return "a float";
	case TOML_DATETIME: return "a date";
	case TOML_BAD_VALUE: return "a bare word";
	case TOML_EQUALS: return "'='";
	case TOML_DOT: return "'.'";
	case TOML_COMMA: return "','";
	case TOML_LBRACKET: return "'['";
	case TOML_RBRACKET: return "']'";
	case TOML_LBRACKET2: return "'[['";
	case TOML_RBRACKET2: return "']]'";
	case TOML_LBRACE: return "'{'";
	case TOML_RBRACE: return "'}'";
	}
	return "an error";
}

/* "expected X before Y"; nothing more when the lexer already reported. */
static bool expected(struct tparser *p, const char *what)
{
	p->failed = true;
	if (p->tok == TOML_ERROR)
		return false;
	struct xi_loc loc = tok_loc(p);
	if (p->tok == TOML_EOF || p->tok == TOML_NEWLINE)
		loc.len = 1;
	xi_error(p->diag, loc, "invalid TOML: expected %s before %s", what, token_phrase(p->tok));
	return false;
}

/* The dotted path a.b.c of the first n parts, for messages. */
static const char *path_text(struct tparser *p, const struct key_part *parts, unsigned n)
{
	struct xi_strbuf sb = XI_STRBUF_INIT;
	for (unsigned i = 0; i < n; i++) {
		if (i)
			xi_sb_addc(&sb, '.');
		xi_sb_addn(&sb, parts[i].key.text, parts[i].key.len);
	}
	const char *r = xi_strdup(&p->ctx->arena, xi_sb_str(&sb));
	xi_sb_free(&sb);
	return r;
}

/* --- Keys ----------------------------------------------------------------- */

static bool is_key_token(int tok)
{
	return tok == TOML_BARE_KEY || tok == TOML_STRING;
}

/* A key (bare, quoted or dotted), starting at the current token; leaves
 * the token after it current. */
static bool parse_key(struct tparser *p, struct key_part *parts, unsigned *n)
{
	*n = 0;
	for (;;) {
		if (!is_key_token(p->tok))
			return expected(p, "a key");
		if (*n == XI_MAX_NESTING) {
			xi_error(p->diag, tok_loc(p), "invalid TOML: key has more than %u parts",
				 XI_MAX_NESTING);
			p->failed = true;
			return false;
		}
		struct key_part *k = &parts[(*n)++];
		if (p->tok == TOML_STRING) {
			if (memchr(p->lx.str_text, '\0', p->lx.str_len)) {
				xi_error(p->diag, tok_loc(p), "a NUL character is not allowed in a key");
				p->failed = true;
				return false;
			}
			k->key = xi_dkey(&p->ctx->arena, p->lx.str_text, p->lx.str_len);
		} else {
			k->key = xi_dkey(&p->ctx->arena, p->lx.tok_text, p->lx.tok_len);
		}
		k->loc = tok_loc(p);
		if (next(p, TOML_MODE_KEY) != TOML_DOT)
			return true;
		next(p, TOML_MODE_KEY);
	}
}

/* --- Tables --------------------------------------------------------------- */

static struct xi_dnode *new_table(struct tparser *p, struct xi_loc loc, unsigned flags)
{
	struct xi_dnode *t = xi_dnode_new(&p->ctx->arena, XI_DMAP, loc);
	t->flags = flags;
	return t;
}

static void already_fix(struct tparser *p, const struct key_part *parts, unsigned n,
			const struct xi_dentry *e, const char *what, const struct xi_fixit *fix,
			unsigned nfix)
{
	xi_error_fix(p->diag, parts[n - 1].loc, fix, nfix, "invalid TOML: '%s' %s",
		     path_text(p, parts, n), what);
	xi_note(p->diag, e->key_loc, "'%s' is first defined here", path_text(p, parts, n));
	p->failed = true;
}

static void already(struct tparser *p, const struct key_part *parts, unsigned n,
		    const struct xi_dentry *e, const char *what)
{
	already_fix(p, parts, n, e, what, NULL, 0);
}

/* Walk the tables on a header's path, creating those missing. Returns the
 * table holding the last part. */
static struct xi_dnode *header_path(struct tparser *p, const struct key_part *parts, unsigned n)
{
	struct xi_dnode *t = p->root;
	for (unsigned i = 0; i + 1 < n; i++) {
		struct xi_dentry *e = xi_dmap_find_key(t, &parts[i].key);
		if (!e) {
			struct xi_dnode *sub = new_table(p, parts[i].loc, TF_IMPLICIT);
			xi_dmap_add(&p->ctx->arena, t, &parts[i].key, parts[i].loc, sub);
			t = sub;
			continue;
		}
		struct xi_dnode *v = e->value;
		if (v->kind == XI_DMAP && !(v->flags & TF_INLINE)) {
			t = v;
		} else if (v->kind == XI_DSEQ && (v->flags & TF_TABLES)) {
			t = v->tail;
		} else {
			already(p, parts, i + 1, e,
				v->kind == XI_DMAP ? "is an inline table, which cannot be extended"
						   : "is already a value, not a table");
			return NULL;
		}
	}
	return t;
}

/* [a.b.c] or [[a.b.c]]: make the current table. */
static bool parse_header(struct tparser *p, bool array)
{
	struct xi_loc start = tok_loc(p);
	struct key_part parts[XI_MAX_NESTING];
	unsigned n;
	next(p, TOML_MODE_KEY);
	if (!parse_key(p, parts, &n))
		return false;
	if (p->tok != (array ? TOML_RBRACKET2 : TOML_RBRACKET))
		return expected(p, array ? "']]'" : "']'");
	if (tok_loc(p).line == start.line)
		start.len = (uint16_t)(tok_loc(p).col + tok_loc(p).len - start.col);
	struct xi_dnode *parent = header_path(p, parts, n);
	if (!parent)
		return false;
	const struct key_part *last = &parts[n - 1];
	struct xi_dentry *e = xi_dmap_find_key(parent, &last->key);
	if (array) {
		struct xi_dnode *seq;
		if (!e) {
			seq = xi_dnode_new(&p->ctx->arena, XI_DSEQ, start);
			seq->flags = TF_TABLES;
			xi_dmap_add(&p->ctx->arena, parent, &last->key, last->loc, seq);
		} else if (e->value->kind == XI_DSEQ && (e->value->flags & TF_TABLES)) {
			seq = e->value;
		} else {
			already(p, parts, n, e,
				e->value->kind == XI_DSEQ ? "is an array value, which cannot be extended"
							  : "is already defined, not as an array of tables");
			return false;
		}
		p->current = new_table(p, start, TF_DEFINED);
		xi_dseq_add(seq, p->current);
		return true;
	}
	if (!e) {
		p->current = new_table(p, start, TF_DEFINED);
		xi_dmap_add(&p->ctx->arena, parent, &last->key, last->loc, p->current);
		return true;
	}
	struct xi_dnode *v = e->value;
	if (v->kind == XI_DMAP && v->flags == TF_IMPLICIT) {
		v->flags = TF_DEFINED;
		v->loc = start;
		p->current = v;
		return true;
	}
	if (v->kind == XI_DSEQ && (v->flags & TF_TABLES)) {
		/* [a] to [[a]], when the header is on one line (start spans it). */
		struct xi_fixit fix[2];
		struct xi_loc close = start;
		close.col += start.len;
		fix[0] = xi_fixit_insert(start, "[");
		fix[1] = xi_fixit_insert(close, "]");
		already_fix(p, parts, n, e, "is an array of tables; write [[...]]", fix,
			    start.len > 1 ? 2 : 0);
		return false;
	}
	already(p, parts, n, e, "is already defined");
	return false;
}

/* --- Values --------------------------------------------------------------- */

static struct xi_dnode *parse_value(struct tparser *p);
static bool parse_keyval(struct tparser *p, struct xi_dnode *table, bool in_inline);

static bool enter(struct tparser *p)
{
	if (p->depth == XI_MAX_NESTING) {
		xi_error(p->diag, tok_loc(p), "invalid TOML: nesting is deeper than %u levels",
			 XI_MAX_NESTING);
		p->failed = true;
		return false;
	}
	p->depth++;
	return true;
}

/* The next token of an array, skipping line breaks and comments. */
static int next_in_array(struct tparser *p)
{
	while (next(p, TOML_MODE_VALUE) == TOML_NEWLINE)
		;
	return p->tok;
}

static struct xi_dnode *parse_array(struct tparser *p)
{
	if (!enter(p))
		return NULL;
	struct xi_dnode *seq = xi_dnode_new(&p->ctx->arena, XI_DSEQ, tok_loc(p));
	seq->flags = TF_VALUE;
	next_in_array(p);
	while (p->tok != TOML_RBRACKET) {
		struct xi_dnode *item = parse_value(p);
		if (!item)
			return NULL;
		xi_dseq_add(seq, item);
		next_in_array(p);
		if (p->tok == TOML_COMMA)
			next_in_array(p);
		else if (p->tok != TOML_RBRACKET)
			return expected(p, "',' or ']'"), NULL;
	}
	seq->end = tok_loc(p);
	p->depth--;
	return seq;
}

/* An inline table broken over lines: say so once, and skip to its end
 * rather than read its other lines as key/value lines. */
static struct xi_dnode *inline_newline(struct tparser *p)
{
	xi_error(p->diag, tok_loc(p), "invalid TOML: an inline table is written on one line");
	p->failed = true;
	p->lx.quiet = true;
	while (p->tok != TOML_RBRACE && p->tok != TOML_EOF)
		next(p, TOML_MODE_KEY);
	p->lx.quiet = false;
	if (p->tok == TOML_RBRACE)
		next(p, TOML_MODE_KEY);
	return NULL;
}

static struct xi_dnode *parse_inline_table(struct tparser *p)
{
	if (!enter(p))
		return NULL;
	struct xi_dnode *t = new_table(p, tok_loc(p), TF_DEFINED | TF_INLINE);
	if (next(p, TOML_MODE_KEY) != TOML_RBRACE) {
		for (;;) {
			if (p->tok == TOML_NEWLINE)
				return inline_newline(p);
			if (!parse_keyval(p, t, true))
				return NULL;
			if (next(p, TOML_MODE_KEY) == TOML_RBRACE)
				break;
			if (p->tok == TOML_NEWLINE)
				return inline_newline(p);
			if (p->tok != TOML_COMMA)
				return expected(p, "',' or '}'"), NULL;
			next(p, TOML_MODE_KEY);
		}
	}
	t->end = tok_loc(p);
	p->depth--;
	return t;
}

static struct xi_dnode *scalar(struct tparser *p, enum xi_dkind kind)
{
	struct xi_dnode *n = xi_dnode_new(&p->ctx->arena, kind, tok_loc(p));
	n->text = xi_strndup(&p->ctx->arena, p->lx.tok_text, p->lx.tok_len);
	n->len = p->lx.tok_len;
	return n;
}

/* A value, starting at the current token (which it leaves current). */
static struct xi_dnode *parse_value(struct tparser *p)
{
	switch (p->tok) {
	case TOML_STRING: {
		const char *s = p->lx.str_text;
		if (memchr(s, '\0', p->lx.str_len)) {
			xi_error(p->diag, tok_loc(p), "a NUL character is not allowed in a string");
			p->failed = true;
			return NULL;
		}
		struct xi_dnode *n = xi_dnode_new(&p->ctx->arena, XI_DSTR, tok_loc(p));
		n->text = xi_strndup(&p->ctx->arena, s, p->lx.str_len);
		n->len = p->lx.str_len;
		if (p->lx.str_verbatim) {
			n->verbatim = true;
			n->text_col = n->loc.col + 1;
		}
		return n;
	}
	case TOML_INTEGER: {
		struct xi_dnode *n = scalar(p, XI_DINT);
		n->ival = p->lx.ival;
		n->hex = p->lx.hex;
		return n;
	}
	case TOML_BOOL: {
		struct xi_dnode *n = scalar(p, XI_DBOOL);
		n->bval = p->lx.bval;
		return n;
	}
	case TOML_FLOAT:
		xi_error(p->diag, tok_loc(p), "floating-point values are not supported");
		break;
	case TOML_DATETIME:
		xi_error(p->diag, tok_loc(p), "dates and times are not supported");
		break;
	case TOML_BAD_VALUE: {
		/* A word (not a malformed number) is a string without its quotes;
		 * its characters need no escape. */
		char c = p->lx.tok_text[0];
		bool word = xi_is_ident_start(c);
		struct xi_loc at = tok_loc(p);
		struct xi_fixit fix = xi_fixit_replace(at, xi_aprintf(&p->ctx->arena, "\"%.*s\"",
								       (int)p->lx.tok_len,
								       p->lx.tok_text));
		xi_error_fix(p->diag, at, &fix, word && at.len == p->lx.tok_len,
			     "invalid TOML: '%.*s' is not a value (strings need quotes)",
			     (int)p->lx.tok_len, p->lx.tok_text);
		break;
	}
	case TOML_LBRACKET:
		return parse_array(p);
	case TOML_LBRACE:
		return parse_inline_table(p);
	default:
		expected(p, "a value");
		return NULL;
	}
	p->failed = true;
	return NULL;
}

/* key = value, into `table`; dotted keys create or extend sub-tables. */
static bool parse_keyval(struct tparser *p, struct xi_dnode *table, bool in_inline)
{
	struct key_part parts[XI_MAX_NESTING];
	unsigned n;
	if (!parse_key(p, parts, &n))
		return false;
	if (p->tok != TOML_EQUALS)
		return expected(p, "'='");
	next(p, TOML_MODE_VALUE);
	struct xi_dnode *t = table;
	for (unsigned i = 0; i + 1 < n; i++) {
		struct xi_dentry *e = xi_dmap_find_key(t, &parts[i].key);
		if (!e) {
			struct xi_dnode *sub = new_table(p, parts[i].loc,
							 TF_DOTTED | (in_inline ? TF_INLINE : 0));
			xi_dmap_add(&p->ctx->arena, t, &parts[i].key, parts[i].loc, sub);
			t = sub;
			continue;
		}
		struct xi_dnode *v = e->value;
		bool open = v->kind == XI_DMAP && (v->flags & TF_DOTTED) &&
			    (in_inline || !(v->flags & TF_INLINE));
		if (!open) {
			already(p, parts, i + 1, e,
				v->kind == XI_DMAP ? "is a table defined elsewhere; dotted keys cannot extend it"
						   : "is already a value, not a table");
			return false;
		}
		t = v;
	}
	struct xi_dnode *value = parse_value(p);
	if (!value)
		return false;
	const struct key_part *last = &parts[n - 1];
	struct xi_dentry *e = xi_dmap_find_key(t, &last->key);
	if (e) {
		xi_error(p->diag, last->loc, "invalid TOML: duplicate key '%s'", path_text(p, parts, n));
		xi_note(p->diag, e->key_loc, "'%s' is first defined here", path_text(p, parts, n));
		p->failed = true;
		return false;
	}
	xi_dmap_add(&p->ctx->arena, t, &last->key, last->loc, value);
	return true;
}

/* --- Documents ------------------------------------------------------------ */

/* The byte offset of the first byte that is not valid UTF-8 (or a NUL),
 * or len. */
static size_t utf8_check(const unsigned char *s, size_t len)
{
	const uint64_t ones = UINT64_C(0x0101010101010101), highs = UINT64_C(0x8080808080808080);
	size_t i = 0;
	while (i < len) {
		/* Eight bytes at a time while they are ASCII, none of them NUL
		 * (a byte b in 1..0x7F has the high bit clear in b and b-1). */
		uint64_t w;
		if (i + 8 <= len && (memcpy(&w, s + i, 8), !(((w - ones) | w) & highs))) {
			i += 8;
			continue;
		}
		unsigned char c = s[i];
		if (c == 0)
			return i;
		if (c < 0x80) {
			i++;
			continue;
		}
		/* Continuation bytes after a lead byte. */
		size_t n = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC2 ? 1 : 0;
		if (n == 0 || c > 0xF4 || n >= len - i)
			return i;
		uint32_t cp = c & (0x3Fu >> n);
		for (size_t k = 1; k <= n; k++) {
			if ((s[i + k] & 0xC0) != 0x80)
				return i;
			cp = (cp << 6) | (s[i + k] & 0x3Fu);
		}
		if ((n == 2 && cp < 0x800) || (n == 3 && (cp < 0x10000 || cp > 0x10FFFF)) ||
		    (cp >= 0xD800 && cp <= 0xDFFF))
			return i;
		i += n + 1;
	}
	return len;
}

/* Skip the rest of a malformed line. */
static void recover(struct tparser *p)
{
	p->lx.quiet = true;
	while (p->tok != TOML_NEWLINE && p->tok != TOML_EOF)
		next(p, TOML_MODE_KEY);
	p->lx.quiet = false;
}

struct xi_dnode *xi_toml_read(struct xi_ctx *ctx, struct xi_source *src)
{
	struct tparser p;
	memset(&p, 0, sizeof(p));
	p.ctx = ctx;
	p.diag = &ctx->diag;
	struct xi_loc start = { 1, 1, src->id, 1 };
	p.root = new_table(&p, start, TF_DEFINED);
	p.current = p.root;

	size_t bad = utf8_check((const unsigned char *)src->text, src->len);
	if (bad < src->len) {
		xi_error(p.diag, xi_source_loc_at(src, bad), "invalid TOML: %s",
			 src->text[bad] ? "the file is not valid UTF-8" : "a NUL byte in the file");
		return NULL;
	}
	size_t skip = src->len >= 3 && !memcmp(src->text, "\xEF\xBB\xBF", 3) ? 3 : 0;
	p.lx.ctx = ctx;
	p.lx.src = src;
	p.lx.line = 1;
	p.lx.col = 1 + (uint32_t)skip;
	if (xi_toml_lex_init_extra(&p.lx, &p.scanner) != 0)
		xi_oom();
	xi_toml__scan_bytes(src->text + skip, (int)(src->len - skip), p.scanner);

	while (!ctx->diag.capped) {
		next(&p, TOML_MODE_KEY);
		if (p.tok == TOML_EOF)
			break;
		if (p.tok == TOML_NEWLINE)
			continue;
		bool ok;
		if (p.tok == TOML_LBRACKET)
			ok = parse_header(&p, false);
		else if (p.tok == TOML_LBRACKET2)
			ok = parse_header(&p, true);
		else if (is_key_token(p.tok))
			ok = parse_keyval(&p, p.current, false);
		else
			ok = expected(&p, "a key or a [table] header");
		if (ok && next(&p, TOML_MODE_KEY) != TOML_NEWLINE && p.tok != TOML_EOF)
			ok = expected(&p, "the end of the line");
		if (!ok)
			recover(&p);
		if (p.tok == TOML_EOF)
			break;
	}
	xi_toml_lex_destroy(p.scanner);
	xi_sb_free(&p.lx.str);
	return p.failed ? NULL : p.root;
}
