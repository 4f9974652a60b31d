/* Constant expressions written as strings in YAML and TOML specs
 * ("XEN_PAGE_SIZE - 1", "1 << 12"): xidl's expression syntax and operator
 * precedence, parsed by recursive descent into the parser's IR. */
#include <string.h>

#include "ascii.h"

#include "limits.h"
#include "spec_map.h"

/* Recursion of this parser per level of parentheses or unary operator:
 * bounds the stack whatever the input. */
#define EXPR_MAX_RECURSION (XI_MAX_NESTING * 8u)

struct eparser {
	struct xi_ctx *ctx;
	const struct xi_dnode *node;
	const char *s;
	size_t len, pos;
	unsigned recursion;
	bool failed;
	bool fn_body;  /* a parameterised constant's body: calls and C suffixes */
};

/* The location of bytes [at, at+n) of the string: exact when the string is
 * its source text, else the whole scalar. */
static struct xi_loc loc_at(const struct eparser *p, size_t at, size_t n)
{
	struct xi_loc loc = p->node->loc;
	if (p->node->verbatim) {
		loc.col = p->node->text_col + (uint32_t)at;
		loc.len = (uint16_t)(n ? n : 1);
	}
	return loc;
}

static void fail(struct eparser *p, size_t at, size_t n, const char *msg)
{
	if (!p->failed)
		xi_error(&p->ctx->diag, loc_at(p, at, n), "%s", msg);
	p->failed = true;
}

static void skip_space(struct eparser *p)
{
	while (p->pos < p->len && (p->s[p->pos] == ' ' || p->s[p->pos] == '\t'))
		p->pos++;
}

static struct xi_expr *new_expr(struct eparser *p, enum xi_expr_kind kind, struct xi_loc loc)
{
	struct xi_expr *e = XI_NEW(&p->ctx->arena, struct xi_expr);
	e->kind = kind;
	e->loc = loc;
	e->depth = 1;
	return e;
}

/* An integer literal as in xidl: decimal, 0x, 0o or 0b, '_' separators. */
static struct xi_expr *number(struct eparser *p)
{
	size_t start = p->pos;
	while (p->pos < p->len && xi_is_ident(p->s[p->pos]))
		p->pos++;
	size_t n = p->pos - start;
	uint64_t v = 0;
	unsigned base;
	size_t bad;
	enum xi_lit_suffix suffix;
	size_t suffix_len = xi_int_literal_suffix(p->s + start, n, &suffix);
	n -= suffix_len;
	switch (xi_int_parse_literal(p->s + start, n, &v, &base, &bad)) {
	case XI_LIT_OK:
		break;
	case XI_LIT_BAD_DIGIT:
		fail(p, start, n, "invalid digit in an integer");
		return NULL;
	case XI_LIT_NO_DIGITS:
		fail(p, start, n, "integer has no digits");
		return NULL;
	case XI_LIT_TOO_LARGE:
		fail(p, start, n, "integer is too large for 64 bits");
		return NULL;
	}
	struct xi_expr *e = new_expr(p, XI_EXPR_INT, loc_at(p, start, n + suffix_len));
	e->lit = xi_int_u(v);
	e->hex = base == 16;
	if (suffix != XI_SUFFIX_NONE && !p->fn_body) {
		fail(p, start, n + suffix_len, "a C suffix on an integer is allowed only in the body "
		     "of a parameterised constant");
		return NULL;
	}
	e->suffix = suffix;
	return e;
}

static struct xi_expr *expr_or(struct eparser *p);

static bool enter(struct eparser *p)
{
	if (++p->recursion > EXPR_MAX_RECURSION) {
		fail(p, p->pos, 1, "expression is nested too deeply");
		return false;
	}
	return true;
}

static struct xi_expr *check_depth(struct eparser *p, struct xi_expr *e)
{
	if (e && e->depth > XI_MAX_EXPR_DEPTH) {
		if (!p->failed)
			xi_error(&p->ctx->diag, e->loc, "expression is nested deeper than %u levels",
				 XI_MAX_EXPR_DEPTH);
		p->failed = true;
		return NULL;
	}
	return e;
}

static bool is_word(const struct eparser *p, size_t at, size_t n, const char *word)
{
	return strlen(word) == n && !memcmp(p->s + at, word, n);
}

/* sizeof(T) or alignof(T), the keyword read: T is a type's name, as in
 * parser.y (a primitive's name is resolved as a name). */
static struct xi_expr *size_of(struct eparser *p, size_t start, size_t n)
{
	bool is_sizeof = is_word(p, start, n, "sizeof");
	skip_space(p);
	if (p->pos >= p->len || p->s[p->pos] != '(') {
		fail(p, p->pos, 1, is_sizeof ? "expected '(' after 'sizeof'" : "expected '(' after 'alignof'");
		return NULL;
	}
	p->pos++;
	skip_space(p);
	size_t name = p->pos;
	while (p->pos < p->len && xi_is_ident(p->s[p->pos]))
		p->pos++;
	size_t len = p->pos - name;
	skip_space(p);
	if (!len || len > XI_MAX_IDENT_LEN || p->pos >= p->len || p->s[p->pos] != ')') {
		fail(p, name, len, "expected a type's name and ')'");
		return NULL;
	}
	p->pos++;
	struct xi_expr *e = new_expr(p, is_sizeof ? XI_EXPR_SIZEOF : XI_EXPR_ALIGNOF,
				     loc_at(p, start, p->pos - start));
	struct xi_type *t = XI_NEW(&p->ctx->arena, struct xi_type);
	t->kind = XI_TYPE_REF;
	t->loc = loc_at(p, name, len);
	t->u.ref.name = xi_intern(p->ctx, p->s + name, len);
	e->type = t;
	return e;
}

/* `F(a, b)`, F read: a call of a parameterised constant or a conversion
 * (`u32(x)`), in a parameterised constant's body only. */
static struct xi_expr *call(struct eparser *p, struct xi_expr *callee)
{
	if (!p->fn_body) {
		fail(p, p->pos, 1, "a call is allowed only in the body of a parameterised constant");
		return NULL;
	}
	struct xi_expr *head = NULL, **tail = &head;
	unsigned depth = 0;
	p->pos++;  /* '(' */
	for (;;) {
		struct xi_expr *a = expr_or(p);
		if (!a)
			return NULL;
		struct xi_expr *arg = new_expr(p, XI_EXPR_ARG, a->loc);
		arg->a = a;
		if (a->depth > depth)
			depth = a->depth;
		*tail = arg;
		tail = &arg->b;
		skip_space(p);
		if (p->pos < p->len && p->s[p->pos] == ',') {
			p->pos++;
			continue;
		}
		if (p->pos < p->len && p->s[p->pos] == ')') {
			p->pos++;
			break;
		}
		fail(p, p->pos < p->len ? p->pos : p->len - 1, 1, "expected ',' or ')' in the call");
		return NULL;
	}
	struct xi_expr *e = new_expr(p, XI_EXPR_CALL, callee->loc);
	e->a = callee;
	e->b = head;
	e->depth = (uint16_t)(depth + 2);
	return check_depth(p, e);
}

static struct xi_expr *unary(struct eparser *p)
{
	if (!enter(p))
		return NULL;
	skip_space(p);
	struct xi_expr *e = NULL;
	if (p->pos >= p->len) {
		fail(p, p->pos ? p->pos - 1 : 0, 1, "expression ends early: expected a value");
	} else if (strchr("-+~", p->s[p->pos])) {
		char c = p->s[p->pos];
		size_t at = p->pos++;
		struct xi_expr *a = unary(p);
		if (a) {
			e = new_expr(p, XI_EXPR_UNARY, loc_at(p, at, 1));
			e->op = c == '-' ? XI_OP_NEG : c == '+' ? XI_OP_PLUS : XI_OP_NOT;
			e->a = a;
			e->depth = (uint16_t)(a->depth + 1);
			e = check_depth(p, e);
		}
	} else if (p->s[p->pos] == '(') {
		size_t at = p->pos++;
		e = expr_or(p);
		skip_space(p);
		if (e && (p->pos >= p->len || p->s[p->pos] != ')')) {
			fail(p, at, 1, "missing ')' in the expression");
			e = NULL;
		} else if (e) {
			p->pos++;
		}
	} else if (xi_is_digit(p->s[p->pos])) {
		e = number(p);
	} else if (xi_is_ident(p->s[p->pos])) {
		size_t start = p->pos;
		while (p->pos < p->len && xi_is_ident(p->s[p->pos]))
			p->pos++;
		size_t n = p->pos - start;
		if (n > XI_MAX_IDENT_LEN) {
			fail(p, start, n, "name is too long");
		} else if (is_word(p, start, n, "sizeof") || is_word(p, start, n, "alignof")) {
			e = size_of(p, start, n);
		} else {
			e = new_expr(p, XI_EXPR_NAME, loc_at(p, start, n));
			e->name = xi_intern(p->ctx, p->s + start, n);
			skip_space(p);
			if (p->pos < p->len && p->s[p->pos] == '(')
				e = call(p, e);
		}
	} else {
		fail(p, p->pos, 1, "expected an integer, a constant's name or '(' in the expression");
	}
	p->recursion--;
	return e;
}

/* Binary operators by precedence, loosest first (as in parser.y). */
static const struct level {
	const char *ops[3];
	enum xi_op codes[3];
} levels[] = {
	{ { "|" }, { XI_OP_OR } },
	{ { "^" }, { XI_OP_XOR } },
	{ { "&" }, { XI_OP_AND } },
	{ { "<<", ">>" }, { XI_OP_SHL, XI_OP_SHR } },
	{ { "+", "-" }, { XI_OP_ADD, XI_OP_SUB } },
	{ { "*", "/", "%" }, { XI_OP_MUL, XI_OP_DIV, XI_OP_MOD } },
};

#define NLEVELS (sizeof(levels) / sizeof(levels[0]))

static struct xi_expr *binary(struct eparser *p, unsigned level)
{
	if (level == NLEVELS)
		return unary(p);
	struct xi_expr *a = binary(p, level + 1);
	while (a) {
		skip_space(p);
		int found = -1;
		for (int k = 0; k < 3 && levels[level].ops[k]; k++) {
			size_t n = strlen(levels[level].ops[k]);
			if (p->pos + n <= p->len && !memcmp(p->s + p->pos, levels[level].ops[k], n)) {
				found = k;
				break;
			}
		}
		if (found < 0)
			return a;
		size_t at = p->pos;
		size_t n = strlen(levels[level].ops[found]);
		p->pos += n;
		struct xi_expr *b = binary(p, level + 1);
		if (!b)
			return NULL;
		struct xi_expr *e = new_expr(p, XI_EXPR_BINARY, loc_at(p, at, n));
		e->op = levels[level].codes[found];
		e->a = a;
		e->b = b;
		e->depth = (uint16_t)(1 + (a->depth > b->depth ? a->depth : b->depth));
		a = check_depth(p, e);
	}
	return NULL;
}

static struct xi_expr *expr_or(struct eparser *p)
{
	if (!enter(p))
		return NULL;
	struct xi_expr *e = binary(p, 0);
	p->recursion--;
	return e;
}

static struct xi_expr *parse(struct xi_ctx *ctx, const struct xi_dnode *n, bool fn_body)
{
	struct eparser p = { ctx, n, n->text, n->len, 0, 0, false, fn_body };
	struct xi_expr *e = expr_or(&p);
	skip_space(&p);
	if (e && p.pos < p.len) {
		fail(&p, p.pos, 1, p.s[p.pos] == ')' ? "unbalanced ')' in the expression"
						    : "expected an operator in the expression");
		return NULL;
	}
	return p.failed ? NULL : e;
}

struct xi_expr *xi_spec_parse_expr(struct xi_ctx *ctx, const struct xi_dnode *n)
{
	return parse(ctx, n, false);
}

struct xi_expr *xi_spec_parse_fn_body(struct xi_ctx *ctx, const struct xi_dnode *n)
{
	return parse(ctx, n, true);
}
