/* The xidl front end: the state shared by the flex lexer, the bison parser
 * and their driver. */
#ifndef XENIDL_PARSE_H
#define XENIDL_PARSE_H

#include <setjmp.h>
#include <stdbool.h>

#include "ctx.h"
#include "ir.h"
#include "limits.h"
#include "strbuf.h"

/* Bison location type: where a symbol starts, and the doc comment that
 * preceded its first token (NULL if none). */
typedef struct xi_yyltype {
	struct xi_loc loc;
	uint32_t end_line, end_col; /* one past the last byte */
	const char *doc;
} XI_YYLTYPE;
#define XI_YYLTYPE_IS_DECLARED 1

/* Where a token is: its location, and one past its last byte. */
struct xi_tok_place {
	struct xi_loc loc;          /* file 0: no such token yet */
	uint32_t end_line, end_col;
};

struct xi_parser {
	struct xi_ctx *ctx;
	struct xi_module *module;
	struct xi_source *src;
	struct xi_comments *cm;    /* convert: keep comments and spans here */
	void *scanner;
	/* Lexer state */
	uint32_t line, col;        /* position of the next byte */
	unsigned depth;            /* open braces, brackets and parentheses */
	struct xi_loc open_at[XI_MAX_NESTING]; /* where each of them is */
	struct xi_tok_place last;        /* the token last read (the lookahead) */
	struct xi_tok_place before_last; /* and the one before it */
	bool fatal;                /* stop: a limit was hit */
	bool have_doc;
	struct xi_strbuf doc;      /* doc comment waiting for its declaration */
	bool have_filedoc;
	struct xi_strbuf filedoc;  /* //! lines */
	struct xi_strbuf text;     /* string literal being read */
	struct xi_loc text_loc;
	const char *cond_attr; /* the attribute of a condition without its ")": if, c_typedef_if, c_alias_if */
	/* The condition of the @if groups being read, or NULL. */
	const struct xi_cond *group_cond;
	/* Reading the body of a parameterised constant: calls and literal
	 * suffixes are allowed. */
	bool in_fn_body;
	/* Results */
	struct xi_decl *decls, *decls_tail;
	unsigned ndecls;
	struct xi_import *imports, *imports_tail;
	unsigned syntax_errors;
	jmp_buf fatal_jump;         /* flex's fatal errors land here */
	const char *fatal_message;
};

/* Parse one module's source; false if it had errors. */
bool xi_parse_module(struct xi_ctx *ctx, struct xi_module *m);

/* Used by the lexer. */
/* The doc comment waiting, taken by the token at `at`. */
const char *xi_parser_take_doc(struct xi_parser *p, const struct xi_loc *at);
void xi_parser_add_doc_line(struct xi_parser *p, const char *text, size_t len);
void xi_parser_add_file_doc(struct xi_parser *p, const char *text, size_t len);
void xi_parser_add_doc_block(struct xi_parser *p, const char *text, size_t len);

/* Token helpers for the grammar. */
struct xi_num_tok {
	struct xi_int v;
	bool hex;
	enum xi_lit_suffix suffix;  /* a C suffix (`0xffu`), or none */
};

#endif
