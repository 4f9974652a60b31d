/* What convert writes of what the author wrote: a comment's text in each
 * form, and an integer literal as it was spelled.
 *
 * A comment goes from xidl to YAML and back unchanged: a line comment
 * "// text" is "# text" (the '#' stands for the "//"); a block comment
 * keeps its markers, one '#' line for each of its lines ("#/" "* text"
 * and so on). Any '#' comment of YAML or TOML becomes "//" and its text,
 * or, when its lines make xidl block comments, those comments. */
#include "comments.h"

#include <string.h>

#include "ascii.h"

/* What an xidl comment's text would be read as: 1, the doc of the next
 * item (three slashes, or a block opened by a slash and two stars); 2, the
 * doc of the file (two slashes and '!'); 0, a plain comment. As lexer.l
 * says, four slashes, an empty block of two stars and a block opened by
 * three stars are plain. */
static int doc_marker(const char *t)
{
	if (!strncmp(t, "//!", 3))
		return 2;
	if (!strncmp(t, "///", 3) && t[3] != '/')
		return 1;
	if (!strncmp(t, "/**", 3) && t[3] != '*' && t[3] != '/')
		return 1;
	return 0;
}

const char *xi_comment_xidl(struct xi_arena *a, const struct xi_comment *c, bool may_be_doc)
{
	const char *t = c->text;
	if (c->origin == XI_COMMENT_HASH && !(!strncmp(t, "/*", 2) && xi_text_is_comments(t)))
		t = xi_aprintf(a, "//%s", t);
	int doc = doc_marker(t);
	if (doc == 2 || (doc == 1 && !may_be_doc))
		t = xi_aprintf(a, "%.2s %s", t, t + 2);
	return t;
}

const char *xi_comment_hash(struct xi_arena *a, const struct xi_comment *c)
{
	(void)a;
	if (c->origin == XI_COMMENT_XIDL && !strncmp(c->text, "//", 2) && !strchr(c->text, '\n'))
		return c->text + 2;
	return c->text;
}

/* --- Integer literals ------------------------------------------------------ */

/* An xidl integer literal of value v (with a C suffix or not)? */
static bool is_literal_of(const char *s, size_t n, uint64_t v)
{
	uint64_t got;
	unsigned base;
	size_t bad;
	enum xi_lit_suffix suffix;
	n -= xi_int_literal_suffix(s, n, &suffix);  /* `0xffu`: kept as written */
	return n && xi_is_digit(s[0]) &&
	       xi_int_parse_literal(s, n, &got, &base, &bad) == XI_LIT_OK && got == v;
}

const char *xi_int_spelling(struct xi_ctx *ctx, const struct xi_expr *e, size_t *len)
{
	if (e->kind != XI_EXPR_INT || e->lit.neg || !e->loc.file || !e->loc.col)
		return NULL;
	struct xi_source *src = xi_diag_source(&ctx->diag, e->loc.file);
	if (!src || !src->text)
		return NULL;
	size_t n;
	const char *line = xi_source_line(src, e->loc.line, &n);
	size_t at = e->loc.col - 1;
	if (!line || at + e->loc.len > n || !is_literal_of(line + at, e->loc.len, e->lit.mag))
		return NULL;
	*len = e->loc.len;
	return line + at;
}
