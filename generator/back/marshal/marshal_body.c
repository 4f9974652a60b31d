/* The statements of the generated marshalling functions: how each node of
 * a plan (marshal_plan.h) is decoded, encoded or checked, and the
 * little-endian copy path. emit_marshal.c wraps them into functions and
 * files. */
#include "marshal_body.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "ascii.h"

#include "cnames.h"
#include "marshal_text.h"

/* One function body being written. */
struct fn {
	struct xi_arena *a;
	struct xi_strbuf *sb;
	enum xi_mb_mode mode;
	const char *root;       /* "out->", "in->", "v->" */
	const char *whole;      /* the whole value: "(*out)" */
	const char *tname;      /* the type, for error reports */
	const struct xi_mp_plan *plan;
	const char **idx;       /* loop counter names: i0, i1, ... */
	bool zeroed;            /* encode: the wire bytes here were cleared already */
	unsigned known_gate;    /* inside `if (gate) { ... }`: that gate holds */
	struct xi_mb_memo *memo;   /* what bodies made before share, or NULL */
	/* Where the short texts made for nearly every node (lvalues, wire
	 * addresses, error paths) are put together, without printf, before
	 * they are copied to the arena. */
	struct xi_strbuf tmp;
};

/* The code of an arm, with everything it was made from: the arm's nodes
 * and the function's state that the code depends on. */
struct xi_mb_arm_text {
	/* The arm's member: arms of other members have other nodes (their
	 * lvalues differ), so comparing it first skips most entries. */
	const struct xi_member *member;
	const struct xi_mp_node *body;
	enum xi_mb_mode mode;
	unsigned known_gate;
	bool native_holes;
	const char *base;
	unsigned ind;
	const char *text;
	char *owned;            /* the text's memory, freed with the arms */
};

/* A value check, with what it was made from. */
struct xi_mb_condition {
	const struct xi_decl *sem;   /* the enum or bitmap; NULL: a range check */
	const char *var;
	unsigned size, dst_size;
	bool is_signed, dst_signed;
	const char *text;            /* NULL when no value fails */
};

void xi_mb_memo_reset(struct xi_mb_memo *memo)
{
	for (unsigned i = 0; i < memo->n; i++)
		free(memo->made[i].owned);
	memo->n = 0;
	memo->nconds = 0;
}

void xi_mb_memo_free(struct xi_mb_memo *memo)
{
	xi_mb_memo_reset(memo);
	free(memo->made);
	free(memo->conds);
	memset(memo, 0, sizeof(*memo));
}

/* The condition that a value of `var` fails the check of enum or bitmap
 * `sem` (xi_mt_sem_fails), or that it does not fit the destination type
 * (xi_mt_range_fails, sem NULL), made once per declaration. */
static const char *condition(struct fn *f, const struct xi_decl *sem, const char *var,
			     unsigned size, bool is_signed, unsigned dst_size, bool dst_signed)
{
	struct xi_mb_memo *memo = f->memo;
	for (unsigned i = 0; memo && i < memo->nconds; i++) {
		const struct xi_mb_condition *c = &memo->conds[i];
		if (c->sem == sem && !strcmp(c->var, var) && c->size == size &&
		    c->is_signed == is_signed && c->dst_size == dst_size && c->dst_signed == dst_signed)
			return c->text;
	}
	const char *text = sem ? xi_mt_sem_fails(f->a, var, sem, size, is_signed)
			       : xi_mt_range_fails(f->a, var, size, is_signed, dst_size, dst_signed);
	if (memo) {
		if (memo->nconds == memo->cap_conds) {
			memo->cap_conds = memo->cap_conds ? memo->cap_conds * 2 : 16;
			memo->conds = xi_xrealloc(memo->conds, sizeof(*memo->conds) * memo->cap_conds);
		}
		memo->conds[memo->nconds++] = (struct xi_mb_condition){ sem, var, size, dst_size,
								    is_signed, dst_signed, text };
	}
	return text;
}

static const char *range_fails(struct fn *f, const char *var, unsigned size, bool is_signed,
			       unsigned dst_size, bool dst_signed)
{
	return condition(f, NULL, var, size, is_signed, dst_size, dst_signed);
}

/* The test of a node's gate: NULL when it always holds (or is known to
 * hold here), "" when it never does. */
static const char *gate_of(const struct fn *f, const struct xi_mp_node *n)
{
	if (f->known_gate && n->gate == f->known_gate)
		return NULL;
	return xi_mt_gate(n->gate);
}

/* `ind` tabs. */
static void add_tabs(struct xi_strbuf *sb, unsigned ind)
{
	static const char tabs[] = "\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t";
	while (ind > sizeof(tabs) - 1) {
		xi_sb_addn(sb, tabs, sizeof(tabs) - 1);
		ind -= sizeof(tabs) - 1;
	}
	xi_sb_addn(sb, tabs, ind);
}

/* One line of code, indented by `ind` tabs. */
__attribute__((format(printf, 3, 4)))
static void put_to(struct xi_strbuf *sb, unsigned ind, const char *fmt, ...)
{
	add_tabs(sb, ind);
	va_list ap;
	va_start(ap, fmt);
	xi_sb_vprintf(sb, fmt, ap);
	va_end(ap);
	xi_sb_addc(sb, '\n');
}

#define put(f, ind, ...) put_to((f)->sb, (ind), __VA_ARGS__)

/* The text put together in f->tmp, copied to the arena. */
static const char *tmp_text(struct fn *f)
{
	return xi_strndup(f->a, xi_sb_str(&f->tmp), f->tmp.len);
}

static const char *lv(struct fn *f, const struct xi_mp_node *n)
{
	if (!*n->lval)
		return f->whole;
	xi_sb_reset(&f->tmp);
	xi_sb_adds(&f->tmp, f->root);
	xi_mp_subst_to(&f->tmp, n->lval, f->idx);
	return tmp_text(f);
}

/* "base + off", "base" or "off" in f->tmp. */
static void add_offset(struct fn *f, const char *base, uint32_t off)
{
	if (base)
		xi_sb_adds(&f->tmp, base);
	if (base && off)
		xi_sb_adds(&f->tmp, " + ");
	if (!base || off)
		xi_sb_add_u32(&f->tmp, off);
}

/* The wire address of a node: p plus the loop element base plus woff. */
static const char *wp(struct fn *f, const char *base, uint32_t off)
{
	xi_sb_reset(&f->tmp);
	xi_sb_adds(&f->tmp, "p + ");
	add_offset(f, base, off);
	return tmp_text(f);
}

/* The wire offset of a node, for error reports. */
static const char *wo(struct fn *f, const char *base, uint32_t off)
{
	if (base && !off)
		return base;
	xi_sb_reset(&f->tmp);
	add_offset(f, base, off);
	return tmp_text(f);
}

static bool is_number(const char *s)
{
	return xi_is_digit(*s);
}

/* The loop counters around a node, for the "[]" of its error path (the
 * indices of unrolled loops are in the path already), into f->tmp;
 * `extra` is one more index, or NULL. */
static void add_idx_arg(struct fn *f, unsigned depth, const char *extra)
{
	unsigned n = extra ? 1 : 0;
	for (unsigned i = 0; i < depth; i++)
		if (!is_number(f->idx[i]))
			n++;
	if (!n) {
		xi_sb_adds(&f->tmp, "NULL");
		return;
	}
	xi_sb_adds(&f->tmp, "(const size_t[]){ ");
	bool first = true;
	for (unsigned i = 0; i < depth; i++) {
		if (is_number(f->idx[i]))
			continue;
		if (!first)
			xi_sb_adds(&f->tmp, ", ");
		xi_sb_adds(&f->tmp, f->idx[i]);
		first = false;
	}
	if (extra) {
		if (!first)
			xi_sb_adds(&f->tmp, ", ");
		xi_sb_adds(&f->tmp, extra);
	}
	xi_sb_adds(&f->tmp, " }");
}

/* A node's error path, with the indices of unrolled loops filled in, into
 * f->tmp. */
static void add_err_path(struct fn *f, const char *tmpl)
{
	unsigned k = 0;
	for (const char *p = strstr(tmpl, "[]"); p; p = strstr(tmpl, "[]"), k++) {
		xi_sb_addn(&f->tmp, tmpl, (size_t)(p - tmpl) + 1);
		if (f->idx[k] && is_number(f->idx[k]))
			xi_sb_adds(&f->tmp, f->idx[k]);
		tmpl = p + 1;
	}
	xi_sb_adds(&f->tmp, tmpl);
}

/* Longest generated line, counting a tab as 8 columns, before a call is
 * broken in two. */
#define MARSHAL_LINE_MAX 100u

/* return xenidl_fail(...); on one line, or two when it is long. Its two
 * halves are put together in f->tmp (the arguments are never there). */
static void fail_call_x(struct fn *f, unsigned ind, const char *code, const char *path,
			unsigned depth, const char *extra, const char *off, const char *value)
{
	struct xi_strbuf *t = &f->tmp;
	xi_sb_reset(t);
	xi_sb_adds(t, "return xenidl_fail(err, ");
	xi_sb_adds(t, code);
	xi_sb_adds(t, ", \"");
	xi_sb_adds(t, f->tname);
	xi_sb_adds(t, "\", \"");
	add_err_path(f, path);
	xi_sb_adds(t, "\",");
	size_t head = t->len;
	xi_sb_adds(t, off);
	xi_sb_adds(t, ", ");
	xi_sb_adds(t, value);
	xi_sb_adds(t, ", ");
	add_idx_arg(f, depth, extra);
	xi_sb_adds(t, ");");
	size_t tail = t->len - head;
	const char *text = xi_sb_str(t);
	add_tabs(f->sb, ind);
	xi_sb_addn(f->sb, text, head);
	if (ind * 8 + head + 1 + tail <= MARSHAL_LINE_MAX) {
		xi_sb_addc(f->sb, ' ');
	} else {
		xi_sb_addc(f->sb, '\n');
		add_tabs(f->sb, ind + 2);
	}
	xi_sb_addn(f->sb, text + head, tail);
	xi_sb_addc(f->sb, '\n');
}

static void fail_call(struct fn *f, unsigned ind, const char *code, const struct xi_mp_node *n,
		      const char *off, const char *value)
{
	fail_call_x(f, ind, code, n->path, n->depth, NULL, off, value);
}

/* if (gate && cond) return xenidl_fail(...); gate NULL means always. */
static void fail_if(struct fn *f, unsigned ind, const char *gate, const char *cond,
		    const char *code, const struct xi_mp_node *n, const char *off, const char *value)
{
	if (gate)
		put(f, ind, "if (%s && (%s))", gate, cond);
	else
		put(f, ind, "if (%s)", cond);
	fail_call(f, ind + 1, code, n, off, value);
}

/* The check of a scalar's value (on `var` of the given type), or NULL. */
static const char *value_fails(struct fn *f, const struct xi_mp_node *n, const char *var,
			       unsigned size, bool is_signed)
{
	if (n->reserved)
		return xi_aprintf(f->a, "%s != 0", var);
	if (n->sem)
		return condition(f, n->sem, var, size, is_signed, 0, false);
	return NULL;
}

static const char *value_code(const struct xi_mp_node *n)
{
	if (n->reserved)
		return "XENIDL_ERESERVED";
	return n->sem && n->sem->kind == XI_DECL_BITMAP ? "XENIDL_EBITS" : "XENIDL_EENUM";
}

static void emit_nodes(struct fn *f, const struct xi_mp_node *n, const char *base, unsigned ind);

/* The scalars below make a node's lvalue, wire address and wire offset
 * only where they write them: most nodes have no check, so that T_check
 * writes nothing for them and the offset (for error reports) is seldom
 * wanted. */

static void emit_char(struct fn *f, const struct xi_mp_node *n, const char *base, unsigned ind)
{
	const char *gate = gate_of(f, n);
	bool check = n->reserved && !(gate && !*gate);
	if (f->mode == XI_MB_CHECK && !check)
		return;
	const char *lval = lv(f, n), *ptr = wp(f, base, n->woff);
	const char *off = check ? wo(f, base, n->woff) : NULL;
	switch (f->mode) {
	case XI_MB_DECODE:
		if (check) {
			fail_if(f, ind, gate, xi_aprintf(f->a, "(%s)[0] != 0", ptr), "XENIDL_ERESERVED", n,
				off, xi_aprintf(f->a, "(%s)[0]", ptr));
		}
		if (n->reserved)
			put(f, ind, "xenidl_zero(&%s, 1);", lval);
		else
			put(f, ind, "xenidl_copy(&%s, %s, 1);", lval, ptr);
		break;
	case XI_MB_ENCODE:
	case XI_MB_CHECK:
		if (check) {
			put(f, ind, "{");
			put(f, ind + 1, "uint8_t x;");
			put(f, ind + 1, "xenidl_copy(&x, &%s, 1);", lval);
			fail_if(f, ind + 1, gate, "x != 0", "XENIDL_ERESERVED", n, off, "x");
			put(f, ind, "}");
		}
		if (f->mode == XI_MB_ENCODE) {
			if (n->reserved)
				put(f, ind, "xenidl_le_store_u8(%s, 0);", ptr);
			else
				put(f, ind, "xenidl_copy(%s, &%s, 1);", ptr, lval);
		}
		break;
	}
}

/* The native side of a scalar. An integer field is an lvalue; a field
 * that is not (a guest handle, a @c_bitfields struct: `copied`) holds a
 * host-endian integer in its bytes, read and written through a copy `h`. */

/* `var` = the native value, at the start of a block. */
static void read_native(struct fn *f, const struct xi_mp_node *n, bool copied, const char *var,
			unsigned ind)
{
	const char *nt = xi_mt_int_type(n->nsize, n->nsigned);
	if (copied) {
		put(f, ind, "%s %s;", nt, var);
		put(f, ind, "xenidl_copy(&%s, &%s, sizeof(%s));", var, lv(f, n), var);
	} else {
		put(f, ind, "%s %s = %s;", nt, var, lv(f, n));
	}
}

/* The native value = `value`, or zero when the field is reserved. */
static void write_native(struct fn *f, const struct xi_mp_node *n, bool copied, const char *value,
			 unsigned ind)
{
	const char *lval = lv(f, n);
	if (n->reserved && copied)
		put(f, ind, "xenidl_zero(&%s, %u);", lval, n->nsize);
	else if (n->reserved)
		put(f, ind, "%s = 0;", lval);
	else if (copied) {
		put(f, ind, "%s h = %s;", xi_mt_int_type(n->nsize, n->nsigned), value);
		put(f, ind, "xenidl_copy(&%s, &h, sizeof(h));", lval);
	} else
		put(f, ind, "%s = %s;", lval, value);
}

/* An integer scalar: decoded with its value and range checked, encoded
 * likewise, or checked. */
static void emit_int(struct fn *f, const struct xi_mp_node *n, const char *base, unsigned ind,
		     bool copied)
{
	const char *gate = gate_of(f, n);
	bool active = !(gate && !*gate);
	const char *wt = xi_mt_int_type(n->wsize, n->wsigned), *nt = xi_mt_int_type(n->nsize, n->nsigned);
	bool same = !strcmp(wt, nt);
	/* The native value's variable (the wire value's is x). */
	const char *var = copied ? "h" : "x";
	const char *uvar = copied ? "(uint64_t)h" : "(uint64_t)x";
	switch (f->mode) {
	case XI_MB_DECODE: {
		const char *vcond = active ? value_fails(f, n, "x", n->wsize, n->wsigned) : NULL;
		const char *range = n->reserved ? NULL
			: range_fails(f, "x", n->wsize, n->wsigned, n->nsize, n->nsigned);
		/* A reserved field carries nothing: it decodes as zero, checked
		 * or not, so that decode and encode agree. */
		if (n->reserved && !vcond) {
			write_native(f, n, copied, NULL, ind);
			break;
		}
		const char *ptr = wp(f, base, n->woff);
		const char *load = xi_aprintf(f->a, "%s(%s)", xi_mt_load(n->wsize, n->wsigned), ptr);
		if (!vcond && !range && !copied) {
			write_native(f, n, copied, load, ind);
			break;
		}
		put(f, ind, "{");
		if (!vcond && !range && same) {
			write_native(f, n, copied, load, ind + 1);
			put(f, ind, "}");
			break;
		}
		put(f, ind + 1, "%s x = %s;", wt, load);
		const char *off = vcond || range ? wo(f, base, n->woff) : NULL;
		if (vcond)
			fail_if(f, ind + 1, gate, vcond, value_code(n), n, off, "(uint64_t)x");
		if (range)
			fail_if(f, ind + 1, NULL, range, "XENIDL_ERANGE", n, off, "(uint64_t)x");
		write_native(f, n, copied, same ? "x" : xi_aprintf(f->a, "(%s)x", nt), ind + 1);
		put(f, ind, "}");
		break;
	}
	case XI_MB_ENCODE: {
		const char *vcond = active ? value_fails(f, n, var, n->nsize, n->nsigned) : NULL;
		const char *range = n->reserved ? NULL
			: range_fails(f, var, n->nsize, n->nsigned, n->wsize, n->wsigned);
		const char *store = xi_mt_store(n->wsize, n->wsigned);
		const char *ptr = wp(f, base, n->woff);
		if (!vcond && !range && (n->reserved || !copied)) {
			if (n->reserved)
				put(f, ind, "%s(%s, 0);", store, ptr);
			else
				put(f, ind, "%s(%s, %s);", store, ptr, lv(f, n));
			break;
		}
		put(f, ind, "{");
		read_native(f, n, copied, var, ind + 1);
		const char *off = vcond || range ? wo(f, base, n->woff) : NULL;
		if (vcond)
			fail_if(f, ind + 1, gate, vcond, value_code(n), n, off, uvar);
		if (range)
			fail_if(f, ind + 1, NULL, range, "XENIDL_ERANGE", n, off, uvar);
		if (n->reserved)
			put(f, ind + 1, "%s(%s, 0);", store, ptr);
		else
			put(f, ind + 1, "%s(%s, %s%s);", store, ptr, same ? "" : xi_aprintf(f->a, "(%s)", wt),
			    var);
		put(f, ind, "}");
		break;
	}
	case XI_MB_CHECK: {
		const char *vcond = active ? value_fails(f, n, var, n->nsize, n->nsigned) : NULL;
		if (!vcond)
			break;
		put(f, ind, "{");
		read_native(f, n, copied, var, ind + 1);
		fail_if(f, ind + 1, gate, vcond, value_code(n), n, wo(f, base, n->woff), uvar);
		put(f, ind, "}");
		break;
	}
	}
}

static void emit_zero(struct fn *f, const struct xi_mp_node *n, const char *base, unsigned ind)
{
	const char *lval = lv(f, n), *ptr = wp(f, base, n->woff), *off = wo(f, base, n->woff);
	const char *gate = gate_of(f, n);
	bool active = !(gate && !*gate);
	/* Decode checks the wire bytes; encode and check the native ones. */
	const char *src = f->mode == XI_MB_DECODE ? xi_aprintf(f->a, "(%s)", ptr)
			: xi_aprintf(f->a, "((const unsigned char *)&%s)", lval);
	const char *size = f->mode == XI_MB_DECODE ? xi_aprintf(f->a, "%u", (unsigned)n->wsize)
			 : xi_aprintf(f->a, "sizeof(%s)", lval);
	if (active) {
		put(f, ind, "{");
		put(f, ind + 1, "size_t z = xenidl_first_nonzero(%s, %s);", src, size);
		if (gate)
			put(f, ind + 1, "if (%s && z < %s)", gate, size);
		else
			put(f, ind + 1, "if (z < %s)", size);
		fail_call(f, ind + 2, "XENIDL_ERESERVED", n, xi_aprintf(f->a, "%s + z", off),
			  xi_aprintf(f->a, "%s[z]", src));
		put(f, ind, "}");
	}
	if (f->mode == XI_MB_DECODE)
		put(f, ind, "xenidl_zero(&%s, sizeof(%s));", lval, lval);
	else if (f->mode == XI_MB_ENCODE)
		put(f, ind, "xenidl_zero(%s, %u);", ptr, (unsigned)n->wsize);
}

/* The statements of a tagged union's arm, as text. */
static const char *arm_text(struct fn *f, const struct xi_mp_arm *arm, const char *base, unsigned ind)
{
	struct xi_mb_memo *arms = f->memo;
	for (unsigned i = 0; arms && i < arms->n; i++) {
		const struct xi_mb_arm_text *m = &arms->made[i];
		if (m->member == arm->member && m->mode == f->mode &&
		    m->known_gate == f->known_gate && m->native_holes == f->plan->native_holes &&
		    m->ind == ind &&
		    (m->base == base || (m->base && base && !strcmp(m->base, base))) &&
		    xi_mp_same_nodes(m->body, arm->body))
			return m->text;
	}
	struct xi_strbuf body = XI_STRBUF_INIT;
	struct xi_strbuf *saved = f->sb;
	bool zeroed = f->zeroed;
	f->sb = &body;
	f->zeroed = f->mode == XI_MB_ENCODE;
	emit_nodes(f, arm->body, base, ind);
	f->sb = saved;
	f->zeroed = zeroed;
	if (!arms) {
		const char *r = xi_strdup(f->a, xi_sb_str(&body));
		xi_sb_free(&body);
		return r;
	}
	/* The arms keep the buffer's memory: no copy. */
	const char *r = xi_sb_str(&body);
	if (arms->n == arms->cap) {
		arms->cap = arms->cap ? arms->cap * 2 : 32;
		arms->made = xi_xrealloc(arms->made, sizeof(*arms->made) * arms->cap);
	}
	arms->made[arms->n++] = (struct xi_mb_arm_text){ arm->member, arm->body, f->mode,
						      f->known_gate, f->plan->native_holes, base,
						      ind, r, body.data };
	return r;
}

/* Is this value an arm's label? */
static bool is_label(const struct xi_mp_node *n, struct xi_int v)
{
	for (const struct xi_mp_arm *arm = n->arms; arm; arm = arm->next)
		for (const struct xi_arm_label *l = arm->member->labels; l; l = l->next)
			if (xi_int_eq(l->value, v))
				return true;
	return false;
}

/* A reserved byte array: the first non-zero byte fails, with its index. */
static void emit_rbytes(struct fn *f, const struct xi_mp_node *n, const char *base, unsigned ind)
{
	const char *lval = lv(f, n), *ptr = wp(f, base, n->woff), *off = wo(f, base, n->woff);
	const char *gate = gate_of(f, n);
	bool active = !(gate && !*gate);
	const char *src = f->mode == XI_MB_DECODE ? xi_aprintf(f->a, "(%s)", ptr)
			: xi_aprintf(f->a, "((const unsigned char *)&%s)", lval);
	if (active) {
		put(f, ind, "{");
		put(f, ind + 1, "size_t z = xenidl_first_nonzero(%s, %u);", src, (unsigned)n->wsize);
		if (gate)
			put(f, ind + 1, "if (%s && z < %u)", gate, (unsigned)n->wsize);
		else
			put(f, ind + 1, "if (z < %u)", (unsigned)n->wsize);
		fail_call_x(f, ind + 2, "XENIDL_ERESERVED", xi_aprintf(f->a, "%s[]", n->path), n->depth,
			    "z", xi_aprintf(f->a, "%s + z", off), xi_aprintf(f->a, "%s[z]", src));
		put(f, ind, "}");
	}
	if (f->mode == XI_MB_DECODE)
		put(f, ind, "xenidl_zero(&%s, %u);", lval, (unsigned)n->wsize);
	else if (f->mode == XI_MB_ENCODE)
		put(f, ind, "xenidl_zero(%s, %u);", ptr, (unsigned)n->wsize);
}

static void emit_tagged(struct fn *f, const struct xi_mp_node *n, const char *base, unsigned ind)
{
	if (f->mode == XI_MB_CHECK && !xi_mp_has_checks(n))
		return;
	const char *lval = lv(f, n), *ptr = wp(f, base, n->woff), *off = wo(f, base, n->woff);
	const struct xi_mp_node *tag = n->tag;
	const char *taglv = lv(f, tag);
	if (f->mode == XI_MB_DECODE && !f->plan->native_holes)
		put(f, ind, "xenidl_zero(&%s, sizeof(%s));", lval, lval);
	if (f->mode == XI_MB_ENCODE && !f->zeroed)
		put(f, ind, "xenidl_zero(%s, %u);", ptr, (unsigned)n->wsize);
	put(f, ind, "switch (%s) {", taglv);
	const struct xi_mp_arm *dflt = NULL;
	/* Arms with nothing to do share one break, with the declared enum
	 * values that select no arm (the union stays empty for them). */
	struct xi_strbuf idle = XI_STRBUF_INIT;
	for (const struct xi_mp_arm *arm = n->arms; arm; arm = arm->next) {
		if (arm->member->is_default_arm) {
			dflt = arm;
			continue;
		}
		const char *body = arm_text(f, arm, base, ind + 1);
		struct xi_strbuf *sb = *body ? f->sb : &idle;
		for (const struct xi_arm_label *l = arm->member->labels; l; l = l->next) {
			put_to(sb, ind, "case %s:%s%s%s", xi_mt_literal(f->a, l->value, tag->nsize, tag->nsigned),
			       l->variant ? " /* " : "", l->variant ? l->variant : "",
			       l->variant ? " */" : "");
		}
		if (*body) {
			xi_sb_adds(f->sb, body);
			put(f, ind + 1, "break;");
		}
	}
	if (!dflt && tag->sem && tag->sem->kind == XI_DECL_ENUM) {
		for (const struct xi_variant *v = tag->sem->variants; v; v = v->next) {
			bool seen = v->invalid || is_label(n, v->v);
			for (const struct xi_variant *o = tag->sem->variants; o != v && !seen; o = o->next)
				if (!o->invalid && xi_int_eq(o->v, v->v))
					seen = true;
			if (seen)
				continue;
			put_to(&idle, ind, "case %s: /* %s */",
			       xi_mt_literal(f->a, v->v, tag->nsize, tag->nsigned), v->name);
		}
	}
	if (idle.len) {
		xi_sb_adds(f->sb, xi_sb_str(&idle));
		put(f, ind + 1, "break;");
	}
	xi_sb_free(&idle);
	put(f, ind, "default:");
	if (dflt) {
		xi_sb_adds(f->sb, arm_text(f, dflt, base, ind + 1));
		put(f, ind + 1, "break;");
	} else {
		const char *gate = gate_of(f, n);
		const char *value = xi_aprintf(f->a, "(uint64_t)%s", taglv);
		if (!gate) {
			fail_call(f, ind + 1, "XENIDL_ETAG", n, off, value);
		} else {
			if (*gate) {
				put(f, ind + 1, "if %s", gate);
				fail_call(f, ind + 2, "XENIDL_ETAG", n, off, value);
			}
			put(f, ind + 1, "break;");
		}
	}
	put(f, ind, "}");
}

bool xi_mb_uses_ident(const char *text, const char *id)
{
	size_t n = strlen(id);
	for (const char *p = strstr(text, id); p; p = strstr(p + 1, id)) {
		char before = p == text ? ' ' : p[-1];
		char after = p[n];
		bool word_before = xi_is_ident(before);
		bool word_after = xi_is_ident(after);
		if (!word_before && !word_after)
			return true;
	}
	return false;
}

/* Arrays of one scalar up to this many elements are written out element by
 * element: at -O2 compilers do not unroll loops, and short ones (the six
 * arguments of a multicall) cost more in loop overhead than in moves. */
#define MARSHAL_UNROLL_MAX 8u

static void emit_loop(struct fn *f, const struct xi_mp_node *n, const char *base, unsigned ind)
{
	if (f->mode == XI_MB_CHECK && !xi_mp_has_checks(n->body))
		return;
	unsigned d = n->depth;
	if (n->count <= MARSHAL_UNROLL_MAX && n->body->kind == XI_MP_SCALAR && !n->body->next) {
		const char *saved_idx = f->idx[d];
		for (uint32_t k = 0; k < n->count; k++) {
			struct xi_mp_node elem = *n->body;
			elem.woff = n->woff + k * n->stride + n->body->woff;
			f->idx[d] = xi_aprintf(f->a, "%u", (unsigned)k);
			emit_nodes(f, &elem, base, ind);
		}
		f->idx[d] = saved_idx;
		return;
	}
	const char *elem_base = xi_aprintf(f->a, "o%u", d + 1);
	struct xi_strbuf body = XI_STRBUF_INIT;
	struct xi_strbuf *saved = f->sb;
	f->sb = &body;
	emit_nodes(f, n->body, elem_base, ind + 1);
	f->sb = saved;
	if (body.len) {
		put(f, ind, "for (size_t %s = 0; %s < %u; %s++) {", f->idx[d], f->idx[d], (unsigned)n->count,
		    f->idx[d]);
		if (xi_mb_uses_ident(xi_sb_str(&body), elem_base))
			put(f, ind + 1, "const size_t %s = %s%s%u + %s * %u;", elem_base, base ? base : "",
			    base ? " + " : "", (unsigned)n->woff, f->idx[d], (unsigned)n->stride);
		xi_sb_adds(f->sb, xi_sb_str(&body));
		put(f, ind, "}");
	}
	xi_sb_free(&body);
}

/* A scalar that T_check checks under a gate of flags (not always). */
static bool gated_check(const struct xi_mp_node *n)
{
	return n->kind == XI_MP_SCALAR && n->gate && n->gate != XI_MP_GATE_ALWAYS &&
	       (n->reserved || (n->sem && xi_mt_sem_fails_any(n->sem, n->nsize, n->nsigned)));
}

static void emit_node(struct fn *f, const struct xi_mp_node *n, const char *base, unsigned ind);

static void emit_nodes(struct fn *f, const struct xi_mp_node *n, const char *base, unsigned ind)
{
	while (n) {
		/* Checks of consecutive scalars under the same gate share one
		 * test of the flags (compilers do not always hoist it). */
		if (f->mode == XI_MB_CHECK && !f->known_gate && gated_check(n)) {
			unsigned gate = n->gate, checks = 0;
			const struct xi_mp_node *end = n;
			for (; end && end->kind == XI_MP_SCALAR; end = end->next) {
				if (gated_check(end)) {
					if (end->gate != gate)
						break;
					checks++;
				} else if (end->reserved || end->sem) {
					break; /* a check under another gate */
				}
			}
			if (checks > 1) {
				put(f, ind, "if %s {", xi_mt_gate(gate));
				f->known_gate = gate;
				for (; n != end; n = n->next)
					emit_node(f, n, base, ind + 1);
				f->known_gate = 0;
				put(f, ind, "}");
				continue;
			}
		}
		emit_node(f, n, base, ind);
		n = n->next;
	}
}

static void emit_node(struct fn *f, const struct xi_mp_node *n, const char *base, unsigned ind)
{
	{
		switch (n->kind) {
		case XI_MP_SCALAR:
			if (n->cls == XI_MP_CHAR)
				emit_char(f, n, base, ind);
			else if (n->nbytes)
				emit_int(f, n, base, ind, true);
			else
				emit_int(f, n, base, ind, false);
			break;
		case XI_MP_BYTES:
		case XI_MP_OPAQUE: {
			/* bitfields have no address: their bytes in what holds them */
			const char *at = n->bits ? xi_aprintf(f->a, "(unsigned char *)&%s + %u", lv(f, n),
							      (unsigned)n->bits_at)
						 : xi_aprintf(f->a, "&%s", lv(f, n));
			if (f->mode == XI_MB_DECODE)
				put(f, ind, "xenidl_copy(%s, %s, %u);", at, wp(f, base, n->woff),
				    (unsigned)n->wsize);
			else if (f->mode == XI_MB_ENCODE)
				put(f, ind, "xenidl_copy(%s, %s, %u);", wp(f, base, n->woff), at,
				    (unsigned)n->wsize);
			break;
		}
		case XI_MP_ZERO:
			emit_zero(f, n, base, ind);
			break;
		case XI_MP_RBYTES:
			emit_rbytes(f, n, base, ind);
			break;
		case XI_MP_LOOP:
			emit_loop(f, n, base, ind);
			break;
		case XI_MP_TAGGED:
			emit_tagged(f, n, base, ind);
			break;
		case XI_MP_NCLEAR:
			if (f->mode == XI_MB_DECODE && !f->plan->native_holes)
				put(f, ind, "xenidl_zero(&%s, sizeof(%s));", lv(f, n), lv(f, n));
			break;
		case XI_MP_HOLE:
			if (f->mode == XI_MB_ENCODE && !f->zeroed)
				put(f, ind, "xenidl_zero(%s, %u);", wp(f, base, n->woff), (unsigned)n->wsize);
			break;
		}
	}
}

static const char **idx_names(struct xi_arena *a, unsigned depth)
{
	/* Made for every body: the common ones are spelled here. */
	static const char *const common[] = { "i0", "i1", "i2", "i3", "i4", "i5", "i6", "i7" };
	const char **names = XI_NEW_ARRAY(a, const char *, depth + 1);
	for (unsigned i = 0; i <= depth; i++)
		names[i] = i < sizeof(common) / sizeof(common[0]) ? common[i] : xi_aprintf(a, "i%u", i);
	return names;
}

/* --- The little-endian fast path ---------------------------------------------
 * When the wire image is the host's own layout (T_decode and T_encode of a
 * type without tagged unions or padding), a little-endian host can copy it
 * whole and check the copy: the hand-written cost floor. Reserved fields
 * are then cleared after the copy. Big-endian and XENIDL_FORCE_PORTABLE
 * builds take the field-by-field path. */

static bool copyable(const struct xi_mp_node *n)
{
	for (; n; n = n->next) {
		switch (n->kind) {
		case XI_MP_TAGGED:
		case XI_MP_ZERO:
		case XI_MP_HOLE:
		case XI_MP_NCLEAR:
			return false;
		case XI_MP_LOOP:
			if (!copyable(n->body))
				return false;
			break;
		default:
			break;
		}
	}
	return true;
}

static bool le_fast_path(const struct xi_mp_plan *plan)
{
	return plan->host == plan->wire && !plan->native_holes && plan->nsize == plan->wsize &&
	       plan->wsize && copyable(plan->body);
}

bool xi_mb_has_fast_path(const struct xi_mp_plan *plan, enum xi_mb_mode mode)
{
	return mode != XI_MB_CHECK && le_fast_path(plan);
}

/* Clear the reserved fields: of the native copy (decode) or of the wire
 * image just written (encode). */
static void clear_reserved(struct fn *f, const struct xi_mp_node *n, const char *base, unsigned ind)
{
	for (; n; n = n->next) {
		if (n->kind == XI_MP_SCALAR && n->reserved) {
			/* Checked whatever the flags: zero already. */
			if (n->gate == XI_MP_GATE_ALWAYS)
				continue;
			if (f->mode == XI_MB_DECODE)
				put(f, ind, "xenidl_zero(&%s, %u);", lv(f, n), n->nsize);
			else
				put(f, ind, "xenidl_zero(%s, %u);", wp(f, base, n->woff), n->wsize);
			continue;
		}
		if (n->kind == XI_MP_RBYTES) {
			if (n->gate == XI_MP_GATE_ALWAYS)
				continue;
			if (f->mode == XI_MB_DECODE)
				put(f, ind, "xenidl_zero(&%s, %u);", lv(f, n), (unsigned)n->wsize);
			else
				put(f, ind, "xenidl_zero(%s, %u);", wp(f, base, n->woff), (unsigned)n->wsize);
			continue;
		}
		if (n->kind != XI_MP_LOOP)
			continue;
		if (n->body->kind == XI_MP_SCALAR && n->body->reserved && !n->body->next) {
			if (n->body->gate == XI_MP_GATE_ALWAYS)
				continue;
			/* A reserved array: all of it at once. */
			if (f->mode == XI_MB_DECODE)
				put(f, ind, "xenidl_zero(&%s, sizeof(%s));", lv(f, n), lv(f, n));
			else
				put(f, ind, "xenidl_zero(%s, %u);", wp(f, base, n->woff), n->wsize);
			continue;
		}
		struct xi_strbuf body = XI_STRBUF_INIT;
		struct xi_strbuf *saved = f->sb;
		const char *elem_base = xi_aprintf(f->a, "o%u", n->depth + 1);
		f->sb = &body;
		clear_reserved(f, n->body, elem_base, ind + 1);
		f->sb = saved;
		if (body.len) {
			const char *i = f->idx[n->depth];
			put(f, ind, "for (size_t %s = 0; %s < %u; %s++) {", i, i, (unsigned)n->count, i);
			if (strstr(xi_sb_str(&body), elem_base))
				put(f, ind + 1, "const size_t %s = %s%s%u + %s * %u;", elem_base,
				    base ? base : "", base ? " + " : "", (unsigned)n->woff, i,
				    (unsigned)n->stride);
			xi_sb_adds(f->sb, xi_sb_str(&body));
			put(f, ind, "}");
		}
		xi_sb_free(&body);
	}
}

void xi_mb_body(struct xi_strbuf *out, struct xi_arena *a, const struct xi_mp_plan *plan,
	     enum xi_mb_mode mode, bool fast, struct xi_mb_memo *memo)
{
	static const char *const roots[] = { "out->", "in->", "v->" };
	static const char *const wholes[] = { "(*out)", "(*in)", "(*v)" };
	struct fn f = { a, out, mode, roots[mode], wholes[mode], xi_c_decl_name(plan->decl), plan,
			idx_names(a, plan->max_depth), false, 0, memo, XI_STRBUF_INIT };
	if (fast && xi_mb_has_fast_path(plan, mode)) {
		xi_sb_adds(out, "#if defined(XENIDL_LE_HOST)\n");
		if (mode == XI_MB_DECODE)
			put(&f, 1, "xenidl_copy(out, p, %u);", (unsigned)plan->wsize);
		/* The checks of T_check, on the copy or on the value to write. */
		f.mode = XI_MB_CHECK;
		emit_nodes(&f, plan->body, NULL, 1);
		f.mode = mode;
		if (mode == XI_MB_ENCODE)
			put(&f, 1, "xenidl_copy(p, in, %u);", (unsigned)plan->wsize);
		clear_reserved(&f, plan->body, NULL, 1);
		xi_sb_adds(out, "#else\n");
		emit_nodes(&f, plan->body, NULL, 1);
		xi_sb_adds(out, "#endif\n");
	} else {
		emit_nodes(&f, plan->body, NULL, 1);
	}
	xi_sb_free(&f.tmp);
}
