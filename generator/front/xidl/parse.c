/* Driver of the xidl front end: runs the lexer and parser over a module's
 * source (the lexer's doc comments are shaped by doc_comments.c). */
#include "parse.h"

#include <errno.h>
#include <setjmp.h>
#include <stdio.h>
#include <string.h>

#include "parser.h"

/* Declared by flex for the reentrant scanner. */
typedef void *yyscan_t;
int xi_yylex_init_extra(struct xi_parser *extra, yyscan_t *scanner);
int xi_yylex_destroy(yyscan_t scanner);
void xi_yyset_in(FILE *in, yyscan_t scanner);
struct yy_buffer_state *xi_yy_scan_bytes(const char *bytes, int len, yyscan_t scanner);
int xi_yyparse(void *scanner, struct xi_parser *p);

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
	unsigned errors_before = ctx->diag.errors - xi_attrs_errors(ctx);

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
	m->parsed_ok = ctx->diag.errors - xi_attrs_errors(ctx) == errors_before && rc == 0;
	return m->parsed_ok;
}
