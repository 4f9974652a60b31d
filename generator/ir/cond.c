/* Conditions: parsed from their text (every reader hands the text over),
 * evaluated in the reference configuration, and compared by trying every
 * configuration that tells them apart (they are small: a few atoms). */
#include "cond.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ascii.h"
#include "ctx.h"
#include "limits.h"

/* --- Parsing -------------------------------------------------------------- */

struct cparse {
	struct xi_ctx *ctx;
	const char *s;
	size_t pos, len;
	struct xi_loc at;
	unsigned depth;
	bool failed;
};

static struct xi_loc loc_at(const struct cparse *p, size_t pos, size_t n)
{
	struct xi_loc l = p->at;
	l.col = (uint32_t)(p->at.col + pos);
	l.len = (uint16_t)(n ? n : 1);
	return l;
}

static void skip_space(struct cparse *p)
{
	while (p->pos < p->len && (p->s[p->pos] == ' ' || p->s[p->pos] == '\t'))
		p->pos++;
}

static void fail(struct cparse *p, size_t pos, size_t n, const char *fmt, ...) XI_PRINTF(4, 5);
static void fail(struct cparse *p, size_t pos, size_t n, const char *fmt, ...)
{
	if (!p->failed) {
		char msg[XI_MAX_COND_LEN + 256];
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(msg, sizeof(msg), fmt, ap);
		va_end(ap);
		xi_error(&p->ctx->diag, loc_at(p, pos, n), "%s", msg);
	}
	p->failed = true;
}

static struct xi_cond *node(struct cparse *p, enum xi_cond_kind k, size_t pos, size_t n)
{
	struct xi_cond *c = XI_NEW(&p->ctx->arena, struct xi_cond);
	c->kind = k;
	c->loc = loc_at(p, pos, n);
	return c;
}

static bool eat(struct cparse *p, const char *tok)
{
	skip_space(p);
	size_t n = strlen(tok);
	if (p->len - p->pos >= n && !memcmp(p->s + p->pos, tok, n)) {
		p->pos += n;
		return true;
	}
	return false;
}

static const struct xi_cond *parse_or(struct cparse *p);

/* What follows an operand where an operator or the end is due. */
static void unexpected(struct cparse *p)
{
	skip_space(p);
	char c = p->s[p->pos];
	char two[3] = { c, p->pos + 1 < p->len ? p->s[p->pos + 1] : 0, 0 };
	if (c == '&' && two[1] != '&')
		fail(p, p->pos, 1, "'%s' is not a condition operator; write '&&'", "&");
	else if (c == '|' && two[1] != '|')
		fail(p, p->pos, 1, "'%s' is not a condition operator; write '||'", "|");
	else if (c == '=' && two[1] != '=')
		fail(p, p->pos, 1, "'%s' is not a condition operator; write '=='", "=");
	else if (c == ')')
		fail(p, p->pos, 1, "'%s' without a matching '(' in the condition", ")");
	else if (strchr("<>=!", c))
		fail(p, p->pos, 1, "only 'version' is compared: '%s' needs 'version' before it",
		     c == '!' ? "!=" : two[1] == '=' ? xi_strndup(&p->ctx->arena, two, 2)
		     : xi_strndup(&p->ctx->arena, two, 1));
	else
		fail(p, p->pos, 1, "expected '&&', '||' or the end of the condition before '%s'",
		     xi_strndup(&p->ctx->arena, p->s + p->pos, 1));
}

static bool parse_cmp(struct cparse *p, enum xi_cond_cmp *cmp)
{
	static const struct { const char *tok; enum xi_cond_cmp cmp; } ops[] = {
		{ "<=", XI_CMP_LE }, { ">=", XI_CMP_GE }, { "==", XI_CMP_EQ }, { "!=", XI_CMP_NE },
		{ "<", XI_CMP_LT }, { ">", XI_CMP_GT },
	};
	for (size_t i = 0; i < sizeof(ops) / sizeof(ops[0]); i++)
		if (eat(p, ops[i].tok)) {
			*cmp = ops[i].cmp;
			return true;
		}
	return false;
}

static const struct xi_cond *parse_version(struct cparse *p, size_t start, size_t n)
{
	struct xi_cond *c = node(p, XI_COND_VERSION, start, n);
	skip_space(p);
	size_t op_at = p->pos;
	if (!parse_cmp(p, &c->cmp)) {
		if (p->pos < p->len && p->s[p->pos] == '=')
			fail(p, op_at, 1, "'%s' is not a comparison; write '=='", "=");
		else
			fail(p, start, n, "'%s' needs a comparison, as in version >= 0x00030209",
			     "version");
		return NULL;
	}
	skip_space(p);
	size_t num = p->pos;
	bool hex = p->len - p->pos > 2 && p->s[p->pos] == '0' &&
		   (p->s[p->pos + 1] == 'x' || p->s[p->pos + 1] == 'X');
	size_t i = num + (hex ? 2 : 0);
	uint64_t v = 0;
	bool overflow = false;
	size_t digits = 0;
	for (; i < p->len; i++, digits++) {
		char ch = p->s[i];
		unsigned d;
		if (ch >= '0' && ch <= '9')
			d = (unsigned)(ch - '0');
		else if (hex && ch >= 'a' && ch <= 'f')
			d = (unsigned)(ch - 'a' + 10);
		else if (hex && ch >= 'A' && ch <= 'F')
			d = (unsigned)(ch - 'A' + 10);
		else
			break;
		uint64_t base = hex ? 16 : 10;
		if (v > (UINT64_MAX - d) / base)
			overflow = true;
		v = v * base + d;
	}
	if (!digits || (i < p->len && (xi_is_ident(p->s[i])))) {
		size_t end = num;
		while (end < p->len && xi_is_ident(p->s[end]))
			end++;
		fail(p, num, end > num ? end - num : 1,
		     "'version' is compared with an integer, as in version >= 0x00030209; not '%s'",
		     xi_strndup(&p->ctx->arena, p->s + num, end > num ? end - num : 1));
		return NULL;
	}
	if (overflow) {
		fail(p, num, i - num, "'%s' does not fit in 64 bits",
		     xi_strndup(&p->ctx->arena, p->s + num, i - num));
		return NULL;
	}
	c->value = v;
	c->literal = xi_strndup(&p->ctx->arena, p->s + num, i - num);
	p->pos = i;
	return c;
}

/* defined(NAME), after the word `defined` at start. */
static const struct xi_cond *parse_defined(struct cparse *p, size_t start, size_t n)
{
	static const char usage[] =
		"'defined' needs a constant's name in parentheses, as in defined(XEN_HAVE_PV_GUEST_ENTRY)";
	if (!eat(p, "(")) {
		fail(p, start, n, "%s", usage);
		return NULL;
	}
	skip_space(p);
	size_t name_at = p->pos;
	while (p->pos < p->len && xi_is_ident(p->s[p->pos]))
		p->pos++;
	size_t name_len = p->pos - name_at;
	if (!name_len || !xi_is_ident_start(p->s[name_at]) || !eat(p, ")")) {
		fail(p, start, n, "%s", usage);
		return NULL;
	}
	struct xi_cond *c = node(p, XI_COND_DEFINED, name_at, name_len);
	c->name = xi_strndup(&p->ctx->arena, p->s + name_at, name_len);
	return c;
}

static bool is_abi_name(const char *w, size_t n)
{
	return xi_abi_by_name(w, (unsigned)n) >= 0;
}

static const struct xi_cond *parse_unary(struct cparse *p)
{
	skip_space(p);
	if (p->failed)
		return NULL;
	if (++p->depth > XI_MAX_NESTING) {
		fail(p, p->pos, 1, "condition nested too deeply (more than %s levels)", "64");
		return NULL;
	}
	const struct xi_cond *r = NULL;
	size_t start = p->pos;
	if (p->pos >= p->len) {
		fail(p, p->pos, 1, "expected a condition before '%s'", p->pos ? "end" : ")");
	} else if (eat(p, "!")) {
		const struct xi_cond *a = parse_unary(p);
		if (a) {
			struct xi_cond *n = node(p, XI_COND_NOT, start, 1);
			n->a = a;
			r = n;
		}
	} else if (eat(p, "(")) {
		r = parse_or(p);
		if (r && !eat(p, ")")) {
			if (p->pos >= p->len)
				fail(p, start, 1, "'%s' without a matching ')' in the condition", "(");
			else
				unexpected(p);
			r = NULL;
		}
	} else if (xi_is_ident_start(p->s[p->pos])) {
		size_t end = p->pos;
		while (end < p->len && xi_is_ident(p->s[end]))
			end++;
		size_t n = end - start;
		p->pos = end;
		const char *w = xi_strndup(&p->ctx->arena, p->s + start, n);
		if (!strcmp(w, "xen") || !strcmp(w, "tools") || !strcmp(w, "compat_gen")) {
			r = node(p, w[0] == 'x' ? XI_COND_XEN : w[0] == 't' ? XI_COND_TOOLS
					       : XI_COND_COMPAT_GEN, start, n);
			enum xi_cond_cmp cmp;
			size_t op = (skip_space(p), p->pos);
			if (parse_cmp(p, &cmp)) {
				fail(p, op, p->pos - op, "only 'version' is compared, not '%s'", w);
				r = NULL;
			}
		} else if (!strcmp(w, "version")) {
			r = parse_version(p, start, n);
		} else if (!strcmp(w, "defined")) {
			r = parse_defined(p, start, n);
		} else if (xi_family_by_name(w) >= 0) {
			struct xi_cond *c = node(p, XI_COND_FAMILY, start, n);
			c->value = (uint64_t)xi_family_by_name(w);
			r = c;
		} else if (is_abi_name(w, n)) {
			fail(p, start, n, "'%s' is an ABI: @if takes an architecture family (x86, arm, "
			     "ppc, riscv); per-ABI types are written with arch { ... }", w);
		} else {
			fail(p, start, n, "unknown condition '%s'; a condition is made of xen, tools, "
			     "compat_gen, version comparisons and defined(NAME)", w);
		}
	} else {
		fail(p, start, 1, "expected a condition before '%s'",
		     xi_strndup(&p->ctx->arena, p->s + start, 1));
	}
	p->depth--;
	return r;
}

static const struct xi_cond *parse_binary(struct cparse *p, bool is_or)
{
	const struct xi_cond *l = is_or ? parse_binary(p, false) : parse_unary(p);
	while (l) {
		skip_space(p);
		size_t at = p->pos;
		if (!eat(p, is_or ? "||" : "&&"))
			break;
		const struct xi_cond *r = is_or ? parse_binary(p, false) : parse_unary(p);
		if (!r)
			return NULL;
		struct xi_cond *n = node(p, is_or ? XI_COND_OR : XI_COND_AND, at, 2);
		n->a = l;
		n->b = r;
		l = n;
	}
	return l;
}

static const struct xi_cond *parse_or(struct cparse *p)
{
	return parse_binary(p, true);
}

const struct xi_cond *xi_cond_parse(struct xi_ctx *ctx, const char *text, struct xi_loc at)
{
	if (!text)
		return NULL; /* the reader reported it */
	struct cparse p = { .ctx = ctx, .s = text, .len = strlen(text), .at = at };
	if (p.len > XI_MAX_COND_LEN) {
		xi_error(&ctx->diag, at, "condition longer than %u bytes", XI_MAX_COND_LEN);
		return NULL;
	}
	skip_space(&p);
	if (p.pos == p.len) {
		xi_error(&ctx->diag, at, "'@if' needs a condition, as in @if(tools)");
		return NULL;
	}
	const struct xi_cond *c = parse_or(&p);
	if (c) {
		skip_space(&p);
		if (p.pos < p.len) {
			unexpected(&p);
			c = NULL;
		}
	}
	return p.failed ? NULL : c;
}

const struct xi_cond *xi_cond_find_family(const struct xi_cond *c)
{
	if (!c)
		return NULL;
	if (c->kind == XI_COND_FAMILY)
		return c;
	const struct xi_cond *f = xi_cond_find_family(c->a);
	return f ? f : xi_cond_find_family(c->b);
}

const struct xi_cond *xi_cond_take_family(struct xi_ctx *ctx, const struct xi_cond *c,
					  int *family, const struct xi_cond **bad)
{
	if (!c)
		return NULL;
	if (c->kind == XI_COND_FAMILY) {
		if (*family != XI_FAM_NONE && !*bad)
			*bad = c;
		*family = (int)c->value;
		return NULL;
	}
	if (c->kind == XI_COND_AND) {
		const struct xi_cond *a = xi_cond_take_family(ctx, c->a, family, bad);
		const struct xi_cond *b = xi_cond_take_family(ctx, c->b, family, bad);
		if (a == c->a && b == c->b)
			return c;
		return xi_cond_and(ctx, a, b);
	}
	if (!*bad)
		*bad = xi_cond_find_family(c);
	return c;
}

const struct xi_cond *xi_cond_and(struct xi_ctx *ctx, const struct xi_cond *a,
				  const struct xi_cond *b)
{
	if (!a)
		return b;
	if (!b)
		return a;
	struct xi_cond *n = XI_NEW(&ctx->arena, struct xi_cond);
	n->kind = XI_COND_AND;
	n->loc = b->loc;
	n->a = a;
	n->b = b;
	return n;
}

/* --- Evaluation ----------------------------------------------------------- */

/* The names of the defined(NAME) atoms of two conditions, which
 * satisfiable() gives every truth assignment. */
struct defined_names {
	const char *v[XI_MAX_COND_DEFINED];
	unsigned n;
	bool overflow;
};

/* A configuration. abi < 0: any ABI. With `names`, a defined(NAME) atom
 * holds when its bit of `assign` is set; otherwise by its ABIs. family: the
 * one configured, or XI_FAM_NONE where any family is true (the reference
 * configuration: families are told apart per ABI, by the loader, before it
 * is asked); with abi >= 0, the ABI's family. */
struct config {
	bool xen, tools, compat_gen;
	uint64_t version;
	int abi;
	const struct defined_names *names;
	unsigned assign;
	int family;
};

static bool eval_defined(const struct xi_cond *c, const struct config *k)
{
	if (k->names) {
		for (unsigned i = 0; i < k->names->n; i++)
			if (!strcmp(k->names->v[i], c->name))
				return (k->assign >> i) & 1u;
		return true;
	}
	if (!c->defined_resolved)
		return true;
	if (k->abi < 0)
		return c->defined_abis != 0;
	return (c->defined_abis & XI_ABI_BIT(k->abi)) != 0;
}

static bool eval(const struct xi_cond *c, const struct config *k)
{
	if (!c)
		return true;
	switch (c->kind) {
	case XI_COND_XEN: return k->xen;
	case XI_COND_TOOLS: return k->tools;
	case XI_COND_COMPAT_GEN: return k->compat_gen;
	case XI_COND_DEFINED: return eval_defined(c, k);
	case XI_COND_FAMILY:
		if (k->abi >= 0)
			return (int)xi_abis[k->abi].family == (int)c->value;
		return k->family == XI_FAM_NONE || k->family == (int)c->value;
	case XI_COND_NOT: return !eval(c->a, k);
	case XI_COND_AND: return eval(c->a, k) && eval(c->b, k);
	case XI_COND_OR: return eval(c->a, k) || eval(c->b, k);
	case XI_COND_VERSION:
		switch (c->cmp) {
		case XI_CMP_LT: return k->version < c->value;
		case XI_CMP_LE: return k->version <= c->value;
		case XI_CMP_GT: return k->version > c->value;
		case XI_CMP_GE: return k->version >= c->value;
		case XI_CMP_EQ: return k->version == c->value;
		case XI_CMP_NE: return k->version != c->value;
		}
	}
	return false;
}

bool xi_cond_reference(const struct xi_ctx *ctx, const struct xi_cond *c)
{
	/* "Later than any version a condition names": none names the largest
	 * 64-bit number, and Xen's versions are 32-bit. */
	return xi_cond_reference_abis(ctx, c) != 0;
}

const char *xi_cond_macro(const struct xi_cond *c)
{
	if (c && c->kind == XI_COND_DEFINED)
		return c->name;
	if (c && c->kind == XI_COND_COMPAT_GEN)
		return XI_COMPAT_GEN_MACRO;
	return NULL;
}

bool xi_cond_has_defined(const struct xi_cond *c)
{
	if (!c)
		return false;
	return c->kind == XI_COND_DEFINED || xi_cond_has_defined(c->a) || xi_cond_has_defined(c->b);
}

xi_abi_mask xi_cond_reference_abis(const struct xi_ctx *ctx, const struct xi_cond *c)
{
	struct config ref = { .xen = false, .tools = true, .abi = -1, .family = XI_FAM_NONE,
			      .version = ctx->interface_version ? ctx->latest_version : UINT64_MAX };
	if (!xi_cond_has_defined(c))
		return eval(c, &ref) ? XI_ABI_ALL : 0;
	xi_abi_mask on = 0;
	for (int a = 0; a < XI_ABI_COUNT; a++) {
		ref.abi = a;
		if (eval(c, &ref))
			on |= XI_ABI_BIT(a);
	}
	return on;
}

struct versions {
	uint64_t v[XI_MAX_COND_VERSIONS * 3 + 2];
	unsigned n;
	bool overflow;
};

static void add_version(struct versions *vs, uint64_t v)
{
	for (unsigned i = 0; i < vs->n; i++)
		if (vs->v[i] == v)
			return;
	if (vs->n == sizeof(vs->v) / sizeof(vs->v[0])) {
		vs->overflow = true;
		return;
	}
	vs->v[vs->n++] = v;
}

static void collect(struct versions *vs, struct defined_names *dn, const struct xi_cond *c)
{
	if (!c)
		return;
	if (c->kind == XI_COND_DEFINED) {
		for (unsigned i = 0; i < dn->n; i++)
			if (!strcmp(dn->v[i], c->name))
				return;
		if (dn->n == XI_MAX_COND_DEFINED)
			dn->overflow = true;
		else
			dn->v[dn->n++] = c->name;
		return;
	}
	if (c->kind == XI_COND_VERSION) {
		add_version(vs, c->value);
		if (c->value)
			add_version(vs, c->value - 1);
		if (c->value != UINT64_MAX)
			add_version(vs, c->value + 1);
		return;
	}
	collect(vs, dn, c->a);
	collect(vs, dn, c->b);
}

/* Is there a configuration where a holds and b holds (or, with negate_b,
 * b does not)? Every configuration the two conditions tell apart is tried:
 * __XEN__ implies the tools configuration, and versions matter only next
 * to the numbers the conditions name. */
static bool satisfiable(const struct xi_cond *a, const struct xi_cond *b, bool negate_b)
{
	struct versions vs = { .n = 0 };
	add_version(&vs, 0);
	add_version(&vs, UINT64_MAX);
	struct defined_names dn = { .n = 0 };
	collect(&vs, &dn, a);
	collect(&vs, &dn, b);
	/* __XEN__, __XEN_TOOLS__ (or __XEN__), XEN_GENERATING_COMPAT_HEADERS
	 * (only with __XEN__: Xen's build defines both). */
	static const bool xt[4][3] = { { false, false, false }, { false, true, false },
				       { true, true, false }, { true, true, true } };
	for (int f = 0; f < XI_FAM_COUNT; f++)
		for (unsigned i = 0; i < 4; i++)
			for (unsigned j = 0; j < vs.n; j++)
				for (unsigned d = 0; d < (1u << dn.n); d++) {
					struct config k = { xt[i][0], xt[i][1], xt[i][2], vs.v[j], -1,
							    &dn, d, f };
					if (eval(a, &k) && eval(b, &k) != negate_b)
						return true;
				}
	/* Too many numbers or names to try them all: answer as if they
	 * could meet. */
	return vs.overflow || dn.overflow;
}

bool xi_cond_overlap(const struct xi_cond *a, const struct xi_cond *b)
{
	if (!a && !b)
		return true;
	return satisfiable(a, b, false);
}

bool xi_cond_implies(const struct xi_cond *a, const struct xi_cond *b)
{
	return !satisfiable(a, b, true);
}

bool xi_cond_same(const struct xi_cond *a, const struct xi_cond *b)
{
	return xi_cond_implies(a, b) && xi_cond_implies(b, a);
}

/* --- Text ----------------------------------------------------------------- */

static const char *const cmp_text[] = { "<", "<=", ">", ">=", "==", "!=" };

/* Precedence: 1 ||, 2 &&, 3 ! and atoms. A comparison under '!' is
 * written in parentheses, for the reader (and for C, where ! binds tighter). */
#define UNDER_NOT 4u
static unsigned level(const struct xi_cond *c, bool for_c)
{
	switch (c->kind) {
	case XI_COND_OR: return 1;
	case XI_COND_AND: return 2;
	case XI_COND_TOOLS: return for_c ? 1 : 3;
	case XI_COND_FAMILY: return for_c && strchr(xi_families[c->value].c_cond, '|') ? 1 : 3;
	default: return 3;
	}
}

static void text(struct xi_strbuf *sb, const struct xi_cond *c, unsigned min, bool for_c)
{
	/* A comparison under '!' keeps its parentheses in C: ! binds tighter. */
	bool paren = min == UNDER_NOT ? c->kind == XI_COND_VERSION || level(c, for_c) < 3
				      : level(c, for_c) < min;
	if (paren)
		xi_sb_addc(sb, '(');
	switch (c->kind) {
	case XI_COND_XEN:
		xi_sb_adds(sb, for_c ? "defined(__XEN__)" : "xen");
		break;
	case XI_COND_TOOLS:
		xi_sb_adds(sb, for_c ? "defined(__XEN__) || defined(__XEN_TOOLS__)" : "tools");
		break;
	case XI_COND_DEFINED:
		xi_sb_printf(sb, "defined(%s)", c->name);
		break;
	case XI_COND_COMPAT_GEN:
		xi_sb_adds(sb, for_c ? "defined(" XI_COMPAT_GEN_MACRO ")" : "compat_gen");
		break;
	case XI_COND_FAMILY:
		xi_sb_adds(sb, for_c ? xi_families[c->value].c_cond : xi_families[c->value].name);
		break;
	case XI_COND_VERSION:
		xi_sb_printf(sb, "%s %s %s", for_c ? "__XEN_INTERFACE_VERSION__" : "version",
			     cmp_text[c->cmp], c->literal);
		break;
	case XI_COND_NOT:
		xi_sb_addc(sb, '!');
		text(sb, c->a, UNDER_NOT, for_c);
		break;
	case XI_COND_AND:
	case XI_COND_OR:
		text(sb, c->a, level(c, false), for_c);
		xi_sb_adds(sb, c->kind == XI_COND_AND ? " && " : " || ");
		text(sb, c->b, level(c, false) + 1, for_c);
		break;
	}
	if (paren)
		xi_sb_addc(sb, ')');
}

void xi_cond_text(struct xi_strbuf *sb, const struct xi_cond *c)
{
	text(sb, c, 0, false);
}

void xi_cond_c_text(struct xi_strbuf *sb, const struct xi_cond *c)
{
	text(sb, c, 0, true);
}
