/* The TOML lexer's interface to its parser (toml_reader.c).
 *
 * TOML's tokens depend on where they are: `true`, `1979-05-27` and `0x10`
 * are values after '=' but bare keys before it. The parser says which it
 * expects before asking for each token. */
#ifndef XENIDL_TOML_LEX_H
#define XENIDL_TOML_LEX_H

#include <stdbool.h>

#include "ctx.h"
#include "strbuf.h"

enum toml_token {
	TOML_EOF = 0,
	TOML_NEWLINE,
	TOML_BARE_KEY,
	TOML_STRING,
	TOML_INTEGER,
	TOML_BOOL,
	TOML_FLOAT,      /* read, then refused: the schema has no use for it */
	TOML_DATETIME,   /* likewise */
	TOML_BAD_VALUE,  /* a word that is no TOML value (an unquoted string) */
	TOML_EQUALS,
	TOML_DOT,
	TOML_COMMA,
	TOML_LBRACKET,
	TOML_RBRACKET,
	TOML_LBRACKET2,  /* [[ of an array-of-tables header */
	TOML_RBRACKET2,
	TOML_LBRACE,
	TOML_RBRACE,
	TOML_ERROR,      /* the lexer reported an error */
};

enum toml_mode {
	TOML_MODE_KEY,
	TOML_MODE_VALUE,
};

struct toml_lexer {
	struct xi_ctx *ctx;
	struct xi_source *src;
	enum toml_mode mode;
	uint32_t line, col;        /* position of the next byte */
	/* The token just read */
	struct xi_loc loc;
	const char *tok_text;      /* its source text (not NUL-terminated) */
	size_t tok_len;
	/* TOML_STRING: the value (not NUL-terminated), which is either its
	 * source text or, decoded, in str */
	const char *str_text;
	size_t str_len;
	struct xi_strbuf str;
	bool str_verbatim;         /* the value is the source text inside the quotes */
	bool str_multiline;
	struct xi_int ival;        /* TOML_INTEGER */
	bool hex;
	bool bval;                 /* TOML_BOOL */
	/* Multi-line strings */
	struct xi_loc str_start;
	bool trim_newline;         /* just after an opening """ or ''' */
	bool quiet;                /* skipping a malformed line: report nothing */
};

typedef void *toml_scan_t;

int xi_toml_lex_init_extra(struct toml_lexer *lx, toml_scan_t *scanner);
int xi_toml_lex_destroy(toml_scan_t scanner);
struct yy_buffer_state *xi_toml__scan_bytes(const char *bytes, int len, toml_scan_t scanner);
int xi_toml_lex(toml_scan_t scanner);

#endif
