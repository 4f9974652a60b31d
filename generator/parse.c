/* Driver of the xidl front end: runs the lexer and parser over a module's
 * source, and shapes doc comments. */
#include "parse.h"

#include <errno.h>
#include <setjmp.h>
#include <stdio.h>
#include <string.h>

#include "comments.h"
#include "parser.h"

/* Declared by flex for the reentrant scanner. */
typedef void *yyscan_t;
int xi_yylex_init_extra(struct xi_parser *extra, yyscan_t *scanner);
int xi_yylex_destroy(yyscan_t scanner);
void xi_yyset_in(FILE *in, yyscan_t scanner);
struct yy_buffer_state *xi_yy_scan_bytes(const char *bytes, int len, yyscan_t scanner);
int xi_yyparse(void *scanner, struct xi_parser *p);

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

/* Append one line of doc text, trimming the single space after the
 * comment marker and any trailing blanks. */
static void doc_append_line(struct xi_strbuf *sb, bool *have, const char *text, size_t len)
{
	if (len && text[0] == ' ')
		text++, len--;
	while (len && is_space(text[len - 1]))
		len--;
	if (*have)
		xi_sb_addc(sb, '\n');
	xi_sb_addn(sb, text, len);
	*have = true;
}

void xi_parser_add_doc_line(struct xi_parser *p, const char *text, size_t len)
{
	doc_append_line(&p->doc, &p->have_doc, text, len);
}

void xi_parser_add_file_doc(struct xi_parser *p, const char *text, size_t len)
{
	doc_append_line(&p->filedoc, &p->have_filedoc, text, len);
}

/* A block doc comment: drop the leading '*' column and the blank first and
 * last lines, as rustdoc and Doxygen do. */
void xi_parser_add_doc_block(struct xi_parser *p, const char *text, size_t len)
{
	const char *end = text + len;
	const char *line = text;
	bool first = true;
	while (line <= end) {
		const char *nl = memchr(line, '\n', (size_t)(end - line));
		const char *stop = nl ? nl : end;
		const char *s = line;
		if (!first) {
			while (s < stop && is_space(*s))
				s++;
			if (s < stop && *s == '*')
				s++;
		}
		size_t n = (size_t)(stop - s);
		bool blank = true;
		for (size_t i = 0; i < n; i++)
			if (!is_space(s[i]))
				blank = false;
		bool last = nl == NULL;
		if (!((first || last) && blank))
			doc_append_line(&p->doc, &p->have_doc, s, n);
		first = false;
		if (!nl)
			break;
		line = nl + 1;
	}
}

const char *xi_parser_take_doc(struct xi_parser *p, const struct xi_loc *at)
{
	if (!p->have_doc)
		return NULL;
	if (p->cm)
		xi_comments_doc_taken(p->cm, (struct xi_pos){ at->line, at->col });
	/* Interned: interfaces repeat doc lines ("Reserved, must be zero.")
	 * often enough for this to pay. */
	const char *doc = xi_intern(p->ctx, xi_sb_str(&p->doc), p->doc.len);
	xi_sb_reset(&p->doc);
	p->have_doc = false;
	return doc;
}

bool xi_parse_module(struct xi_ctx *ctx, struct xi_module *m)
{
	struct xi_parser p;
	memset(&p, 0, sizeof(p));
	p.ctx = ctx;
	p.module = m;
	p.src = m->src;
	p.cm = ctx->comments;
	p.line = 1;
	p.col = 1;
	unsigned errors_before = ctx->diag.errors;

	/* The lexer streams files: a large input is never held whole.
	 * Sources given from memory are scanned from a copy. */
	FILE *volatile in = NULL;
	if (!m->src->text) {
		in = fopen(m->path, "rb");
		if (!in) {
			xi_error_at_file(&ctx->diag, m->path, "cannot open: %s", strerror(errno));
			return false;
		}
	}
	yyscan_t scanner;
	if (xi_yylex_init_extra(&p, &scanner) != 0)
		xi_oom();
	p.scanner = scanner;
	if (in)
		xi_yyset_in(in, scanner);
	else
		xi_yy_scan_bytes(m->src->text, (int)m->src->len, scanner);
	int rc;
	/* flex's fatal errors (a read error) come back here, not to exit(). */
	if (setjmp(p.fatal_jump) == 0) {
		rc = xi_yyparse(scanner, &p);
	} else {
		xi_error_at_file(&ctx->diag, m->path, "cannot read: %s", p.fatal_message);
		rc = 1;
	}
	xi_yylex_destroy(scanner);
	if (in)
		fclose(in);

	if (rc == 2)
		xi_error_at_file(&ctx->diag, m->path, "parser stack exhausted");
	if (p.have_filedoc)
		m->doc = xi_strndup(&ctx->arena, xi_sb_str(&p.filedoc), p.filedoc.len);
	m->decls = p.decls;
	m->ndecls = p.ndecls;
	m->imports = p.imports;
	xi_sb_free(&p.doc);
	xi_sb_free(&p.filedoc);
	xi_sb_free(&p.text);
	m->parsed_ok = ctx->diag.errors - p.semantic_errors == errors_before && rc == 0;
	return m->parsed_ok;
}
