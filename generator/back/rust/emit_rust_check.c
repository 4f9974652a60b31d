/* What the Rust crate checks: the bodies of check(), the const layout
 * assertions, the alignment fixes 32-bit x86 needs, and the tests
 * generated into each module. All from the layout the C checks use. */
#include "emit_rust.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ascii.h"

/* --- Alignment on 32-bit x86 -------------------------------------------------
 *
 * The C headers align 64-bit integers to 8 on every ABI; Rust's u64 and i64
 * are 4-aligned on 32-bit x86. Since no declaration outside @legacy has
 * implicit padding, a field after a 64-bit one already sits at its C
 * offset there; only the aggregate's own alignment falls short, and an
 * align() attribute restores it. A @legacy aggregate may leave a hole
 * before a 64-bit field, which Rust would not; that field is wrapped in
 * Align8. */

static uint32_t round_up(uint32_t v, uint32_t align)
{
	return align ? (v + align - 1) / align * align : v;
}

/* The alignment Rust gives a type on one ABI, once the aggregates of the
 * crate carry their align() attributes. */
static uint32_t rust_align(const struct xi_type *t, int abi)
{
	switch (t->kind) {
	case XI_TYPE_PRIM:
		if (xi_prim_size(t->prim, abi) == 8 && abi == XI_ABI_X86_32)
			return 4;
		return xi_type_layout(t, abi).align;
	case XI_TYPE_REF: {
		const struct xi_decl *d = xi_ref_decl(t, abi);
		if (d->kind == XI_DECL_ALIAS)
			return rust_align(d->type, abi);
		if (d->kind == XI_DECL_ENUM || d->kind == XI_DECL_BITMAP) {
			struct xi_type prim = { .kind = XI_TYPE_PRIM, .prim = d->backing };
			return rust_align(&prim, abi);
		}
		return xi_type_layout(t, abi).align;
	}
	case XI_TYPE_ARRAY:
		return rust_align(t->u.array.elem, abi);
	case XI_TYPE_ARCH:
		return rust_align(t->u.arch.abi[abi], abi);
	default:
		return xi_type_layout(t, abi).align;
	}
}

/* Walk a struct's members as Rust lays them out on one ABI, up to `stop`
 * (or all of them). Returns whether `stop` needs wrapping or, without
 * `stop`, whether any member does; a whole walk sets *natural to the
 * natural alignment of the members. */
static bool walk_members(const struct xi_agg *agg, const struct xi_member *stop, int abi,
			 uint32_t *natural)
{
	uint32_t end = 0, align = 1;
	bool any = false;
	for (const struct xi_member *m = agg->members; m; m = m->next) {
		if (!xi_rust_present(m->type, abi)) {
			if (m == stop)
				return false;
			continue;
		}
		uint32_t a = rust_align(m->type, abi);
		bool wrap = !agg->is_union && round_up(end, a) != xi_member_offset(m, abi);
		if (wrap)
			a = 8;
		any |= wrap;
		if (a > align)
			align = a;
		if (m == stop)
			return wrap;
		end = xi_member_offset(m, abi) + xi_type_layout(m->type, abi).size;
	}
	*natural = align;
	return any;
}

/* Whether any member of an aggregate is wrapped on some ABI. Few are (only
 * @legacy aggregates have holes), and the answer for the aggregate asked
 * about last is kept: the backend asks about each member of an aggregate
 * in turn, and a whole walk per member would cost the square of their
 * number. */
static bool agg_wraps(struct rgen *g, const struct xi_agg *agg)
{
	if (g->wrap_agg == agg)
		return g->wrap_any;
	bool any = false;
	XI_FOR_EACH_ABI(a, g->abis) {
		uint32_t natural;
		any |= walk_members(agg, NULL, a, &natural);
	}
	g->wrap_agg = agg;
	g->wrap_any = any;
	return any;
}

bool xi_rust_member_wrapped(struct rgen *g, const struct xi_agg *agg, const struct xi_member *m)
{
	if (!agg_wraps(g, agg))
		return false;
	uint32_t natural;
	XI_FOR_EACH_ABI(a, g->abis)
		if (walk_members(agg, m, a, &natural))
			return true;
	return false;
}

xi_abi_mask xi_rust_agg_align_abis(struct rgen *g, const struct xi_agg *agg)
{
	xi_abi_mask need = 0;
	XI_FOR_EACH_ABI(a, g->abis) {
		uint32_t natural = 1;
		walk_members(agg, NULL, a, &natural);
		/* A member wrapped on some ABI is wrapped on all. */
		if (agg_wraps(g, agg) && natural < 8)
			natural = 8;
		if (natural < agg->lay[a].align)
			need |= XI_ABI_BIT(a);
	}
	return need;
}

bool xi_rust_holds_union(const struct xi_agg *agg, int abi)
{
	for (const struct xi_member *m = agg->members; m; m = m->next) {
		const struct xi_type *t = m->type;
		unsigned dims;
		t = xi_rust_array_base(t, &dims);
		if (t->kind == XI_TYPE_AGG) {
			if (t->u.agg->is_union || xi_rust_holds_union(t->u.agg, abi))
				return true;
			continue;
		}
		for (int a = 0; a < XI_ABI_COUNT; a++) {
			if (abi >= 0 && a != abi)
				continue;
			const struct xi_decl *d;
			enum rust_kind k = xi_rust_kind(t, a, &d);
			if (k == RK_STRUCT && d && d->agg && d->agg->laid_out &&
			    (d->agg->is_union || xi_rust_holds_union(d->agg, a)))
				return true;
		}
	}
	return false;
}

/* --- Aggregates of a module ---------------------------------------------------- */

static void collect_aggs(const struct xi_agg *agg, const struct xi_agg ***list, unsigned *n,
			 unsigned *cap)
{
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 16;
		*list = xi_xrealloc((void *)*list, sizeof(**list) * *cap);
	}
	(*list)[(*n)++] = agg;
	for (const struct xi_member *m = agg->members; m; m = m->next) {
		unsigned dims;
		const struct xi_type *t = xi_rust_array_base(m->type, &dims);
		if (t->kind == XI_TYPE_AGG)
			collect_aggs(t->u.agg, list, n, cap);
	}
}

/* The ABIs an aggregate of the module exists on: its declaration's (fewer
 * than the module's under defined(NAME)). */
static xi_abi_mask agg_abis(const struct rgen *g, const struct xi_agg *agg)
{
	const struct xi_decl *d = agg->owner;
	return d ? g->abis & xi_decl_abis(g->ctx, d) : g->abis;
}

/* Put the tests `tests` (whole #[test] functions) into sb, each behind
 * cfg(pred) when pred is not NULL. */
static void put_tests_under(struct rgen *g, struct xi_strbuf *sb, const struct xi_strbuf *tests,
			    const char *pred)
{
	if (!tests->len)
		return;
	const char *text = xi_sb_str(tests);
	if (!pred) {
		xi_sb_adds(sb, text);
		return;
	}
	const char *attr = xi_rust_cfg_attr(g->arena, 4, pred);
	static const char marker[] = "    #[test]\n";
	for (const char *p = text;;) {
		const char *at = strstr(p, marker);
		if (!at) {
			xi_sb_adds(sb, p);
			break;
		}
		xi_sb_addn(sb, p, (size_t)(at - p));
		xi_sb_adds(sb, attr);
		xi_sb_adds(sb, marker);
		p = at + sizeof(marker) - 1;
	}
}

/* Every Rust struct or union a module defines (declared and inline), in
 * emission order. */
static unsigned xi_rust_module_aggs(struct rgen *g, const struct xi_agg ***out)
{
	const struct xi_agg **list = NULL;
	unsigned n = 0, cap = 0;
	for (unsigned i = 0; i < g->module->ndecls; i++) {
		const struct xi_decl *d = g->module->sorted[i];
		if (xi_decl_is_aggregate(d) && !d->c_only)
			collect_aggs(d->agg, &list, &n, &cap);
	}
	*out = list;
	return n;
}

/* --- check() ------------------------------------------------------------------------ */

static void put(struct xi_strbuf *sb, unsigned indent, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void put(struct xi_strbuf *sb, unsigned indent, const char *fmt, ...)
{
	va_list ap;
	xi_sb_indent(sb, indent);
	va_start(ap, fmt);
	xi_sb_vprintf(sb, fmt, ap);
	va_end(ap);
	xi_sb_addc(sb, '\n');
}

/* `let r = RESULT;` and `crate::within(r, TY, "field", at)?;`: the result
 * is bound first so that the call's arguments are all simple, which
 * rustfmt keeps on one line whatever their width. `tail` is "?;" or ""
 * (the value of a match arm). */
static void within(struct xi_strbuf *sb, unsigned indent, const char *result, const char *field,
		   const char *at, const char *tail)
{
	put(sb, indent, "let r = %s;", result);
	put(sb, indent, "crate::within(r, TY, \"%s\", %s)%s", field, at, tail);
}

/* The iteration over every element of a (nested) array expression. */
static const char *elements(struct rgen *g, const char *expr, unsigned dims)
{
	const char *r = xi_aprintf(g->arena, "%s.iter()", expr);
	for (unsigned i = 1; i < dims; i++)
		r = xi_aprintf(g->arena, "%s.flatten()", r);
	return xi_aprintf(g->arena, "%s.enumerate()", r);
}

/* The check of a value of a member's type: "v.check()", "v.check(dir)". */
static const char *value_check(struct rgen *g, enum rust_kind k, const char *v, bool *uses_dir)
{
	if (k == RK_ENUM || k == RK_BITMAP)
		return xi_aprintf(g->arena, "%s.check()", v);
	*uses_dir = true;
	return xi_aprintf(g->arena, "%s.check(dir)", v);
}

/* Whether a reserved member's value is an integer, compared with 0 (else
 * its bytes are). `base` is its shape (xi_rust_shape). */
static bool reserved_int(enum rust_kind k, const struct xi_type *base)
{
	return k == RK_ENUM || k == RK_BITMAP || base->kind == XI_TYPE_PRIM;
}

static void reserved_check(struct rgen *g, struct xi_strbuf *sb, unsigned ind,
			   const struct xi_member *m, const struct xi_type *type, int abi,
			   const char *self_field, bool wrapped)
{
	unsigned dims;
	const struct xi_type *base = xi_rust_shape(type, abi, &dims);
	const struct xi_decl *d;
	enum rust_kind k = xi_rust_kind(base, abi, &d);
	const char *field = xi_rust_ident(g->arena, m->name);
	const char *at = xi_aprintf(g->arena, "offset_of!(Self, %s)", field);
	const char *value = wrapped ? xi_aprintf(g->arena, "%s.0", self_field) : self_field;
	const char *newtype = k == RK_ENUM || k == RK_BITMAP ? ".0" : "";
	if (!reserved_int(k, base)) {
		put(sb, ind, "if let Some((i, v)) = crate::first_nonzero_byte(&%s) {", value);
		put(sb, ind + 4, "let at = %s + i;", at);
		put(sb, ind + 4, "let e = crate::CheckError::reserved(TY, \"%s\", at, v);", m->name);
		put(sb, ind + 4, "return Err(e);");
		put(sb, ind, "}");
		return;
	}
	if (!dims) {
		put(sb, ind, "if %s%s != 0 {", value, newtype);
		put(sb, ind + 4, "let at = %s;", at);
		put(sb, ind + 4, "let v = crate::Value::value(%s%s);", value, newtype);
		put(sb, ind + 4, "let e = crate::CheckError::reserved(TY, \"%s\", at, v);", m->name);
		put(sb, ind + 4, "return Err(e);");
		put(sb, ind, "}");
		return;
	}
	put(sb, ind, "let at = %s;", at);
	put(sb, ind, "for (i, v) in %s {", elements(g, value, dims));
	const char *elem = *newtype ? "v.0" : "*v";
	put(sb, ind + 4, "if %s != 0 {", elem);
	put(sb, ind + 8, "let at = at + i * core::mem::size_of_val(v);");
	put(sb, ind + 8, "let v = crate::Value::value(%s);", elem);
	put(sb, ind + 8, "let e = crate::CheckError::reserved(TY, \"%s\", at, v);", m->name);
	put(sb, ind + 8, "return Err(e);");
	put(sb, ind + 4, "}");
	put(sb, ind, "}");
}

/* The check of one struct member whose type on `abi` is `type`, at
 * `indent`; nothing when there is nothing to check. */
static void member_check_as(struct rgen *g, const struct xi_agg *agg, const struct xi_member *m,
			    const struct xi_type *type, int abi, unsigned indent,
			    struct xi_strbuf *sb, bool *uses_dir)
{
	unsigned dims;
	const struct xi_type *base = xi_rust_shape(type, abi, &dims);
	const struct xi_decl *d;
	enum rust_kind k = xi_rust_kind(base, abi, &d);
	const char *field = xi_rust_ident(g->arena, m->name);
	const char *self_field = xi_aprintf(g->arena, "self.%s", field);
	bool wrapped = xi_rust_member_wrapped(g, agg, m);
	if (m->flags & XI_MEMBER_RESERVED) {
		reserved_check(g, sb, indent, m, type, abi, self_field, wrapped);
		return;
	}
	if (k == RK_INT)
		return;
	unsigned ind = indent;
	bool in = m->flags & XI_MEMBER_IN, out = m->flags & XI_MEMBER_OUT;
	if (in != out) {
		*uses_dir = true;
		put(sb, indent, "if dir.%s() {", in ? "checks_in" : "checks_out");
		ind += 4;
	}
	const char *value = wrapped ? xi_aprintf(g->arena, "%s.0", self_field) : self_field;
	if (k == RK_TAGGED) {
		const struct xi_agg *u = base->u.agg;
		*uses_dir = true;
		put(sb, ind, "let at = offset_of!(Self, %s);", field);
		put(sb, ind, "let tag = self.%s;", xi_rust_ident(g->arena, u->tag->name));
		within(sb, ind, xi_aprintf(g->arena, "%s.check(tag, dir)", value), m->name, "at", "?;");
	} else if (!dims) {
		put(sb, ind, "let at = offset_of!(Self, %s);", field);
		within(sb, ind, value_check(g, k, value, uses_dir), m->name, "at", "?;");
	} else {
		put(sb, ind, "let at = offset_of!(Self, %s);", field);
		put(sb, ind, "for (i, v) in %s {", elements(g, value, dims));
		put(sb, ind + 4, "let at = at + i * core::mem::size_of_val(v);");
		within(sb, ind + 4, value_check(g, k, "v", uses_dir), m->name, "at", "?;");
		put(sb, ind, "}");
	}
	if (in != out)
		put(sb, indent, "}");
}

/* The type a member has on one ABI, with the arch choice made. */
static const struct xi_type *type_on(const struct xi_type *t, int abi)
{
	return t->kind == XI_TYPE_ARCH && t->u.arch.abi ? t->u.arch.abi[abi] : t;
}

/* The check of one struct member. A legacy member whose type differs
 * between ABIs gets one check per group of ABIs, in a block under their
 * cfg (and none where it is absent). */
static void member_check(struct rgen *g, const struct xi_agg *agg, const struct xi_member *m,
			 struct xi_strbuf *sb, bool *uses_dir, bool *uses_ty)
{
	size_t before = sb->len;
	if (!xi_rust_check_varies(g, m->type)) {
		member_check_as(g, agg, m, m->type, xi_rust_first_abi(g), 8, sb, uses_dir);
		*uses_ty |= sb->len != before;
		return;
	}
	const char *texts[XI_ABI_COUNT];
	xi_abi_mask with_dir = 0;
	XI_FOR_EACH_ABI(a, g->abis) {
		struct xi_strbuf one = XI_STRBUF_INIT;
		bool used = false;
		if (xi_rust_present(m->type, a))
			member_check_as(g, agg, m, type_on(m->type, a), a, 12, &one, &used);
		texts[a] = xi_strdup(g->arena, xi_sb_str(&one));
		xi_sb_free(&one);
		if (used)
			with_dir |= XI_ABI_BIT(a);
	}
	if (with_dir) {
		*uses_dir = true;
		/* Where no block reads it, `dir` must not be an unused variable. */
		if (with_dir != g->abis)
			put(sb, 8, "let _ = dir;");
	}
	struct xi_abi_group groups[XI_ABI_COUNT];
	unsigned n = xi_abi_group_by_text(groups, g->abis, texts);
	if (n == 1 && xi_rust_present_on(m->type, g->abis)) {
		/* The same check everywhere. */
		member_check_as(g, agg, m, type_on(m->type, xi_rust_first_abi(g)),
				xi_rust_first_abi(g), 8, sb, uses_dir);
		*uses_ty |= sb->len != before;
		return;
	}
	for (unsigned i = 0; i < n; i++) {
		if (!*groups[i].text)
			continue;
		const char *pred = xi_rust_cfg(g->arena, groups[i].abis, g->abis);
		if (pred)
			xi_sb_adds(sb, xi_rust_cfg_attr(g->arena, 8, pred));
		put(sb, 8, "{");
		/* Its own TY: on the other targets the function may have none. */
		put(sb, 12, "const TY: &str = \"%s\";", xi_rust_agg_idl_name(g->arena, agg));
		xi_sb_adds(sb, groups[i].text);
		put(sb, 8, "}");
	}
}

/* The check of one arm inside `match tag { ... }`, as the arm's value. */
static void arm_check(struct rgen *g, const struct xi_agg *u, const struct xi_member *arm,
		      struct xi_strbuf *sb, bool *uses_dir, const char *pattern)
{
	int abi = xi_rust_first_abi(g);
	unsigned dims;
	const struct xi_type *base = xi_rust_shape(arm->type, abi, &dims);
	const struct xi_decl *d;
	enum rust_kind k = xi_rust_kind(base, abi, &d);
	/* (A legacy arm whose type differs between ABIs is not checked.) */
	if (k == RK_INT || xi_rust_check_varies(g, arm->type) || xi_rust_type_varies(g, arm->type)) {
		put(sb, 12, "%s => Ok(()),", pattern);
		return;
	}
	const char *field = xi_rust_ident(g->arena, arm->name);
	put(sb, 12, "%s => {", pattern);
	put(sb, 16, "// SAFETY: every arm is plain data and every byte of the union");
	put(sb, 16, "// is initialized.");
	put(sb, 16, "let arm = unsafe { &self.%s };", field);
	if (xi_rust_member_wrapped(g, u, arm))
		put(sb, 16, "let arm = &arm.0;");
	if (!dims) {
		within(sb, 16, value_check(g, k, "arm", uses_dir), arm->name, "0", "");
	} else {
		put(sb, 16, "for (i, v) in %s {", elements(g, "arm", dims));
		put(sb, 20, "let at = i * core::mem::size_of_val(v);");
		within(sb, 20, value_check(g, k, "v", uses_dir), arm->name, "at", "?;");
		put(sb, 16, "}");
		put(sb, 16, "Ok(())");
	}
	put(sb, 12, "}");
}

static void tagged_check_body(struct rgen *g, const struct xi_agg *u, struct xi_strbuf *sb,
			      bool *uses_dir)
{
	int abi = xi_rust_first_abi(g);
	const struct xi_decl *enm;
	bool is_enum = xi_rust_kind(u->tag->type, abi, &enm) == RK_ENUM;
	const char *tag = "tag";
	put(sb, 8, "const TY: &str = \"%s\";", xi_rust_agg_idl_name(g->arena, u));
	put(sb, 8, "match Self::selected(%s) {", tag);
	const struct xi_member *dflt = NULL;
	unsigned i = 0;
	for (const struct xi_member *arm = u->members; arm; arm = arm->next, i++) {
		if (arm->is_default_arm) {
			dflt = arm;
			continue;
		}
		arm_check(g, u, arm, sb, uses_dir, xi_aprintf(g->arena, "Some(%u)", i));
	}
	if (dflt) {
		arm_check(g, u, dflt, sb, uses_dir, "_");
	} else {
		if (is_enum)
			put(sb, 12, "None if %s.is_known() => Ok(()),", tag);
		put(sb, 12, "_ => {");
		put(sb, 16, "let kind = crate::CheckErrorKind::BadTag;");
		put(sb, 16, "let value = crate::Value::value(%s%s);", tag, is_enum ? ".0" : "");
		put(sb, 16, "Err(crate::CheckError::new(kind, TY, value))");
		put(sb, 12, "}");
	}
	put(sb, 8, "}");
}

void xi_rust_check_body(struct rgen *g, const struct xi_agg *agg, struct xi_strbuf *sb,
			bool *uses_dir)
{
	if (agg->tag) {
		tagged_check_body(g, agg, sb, uses_dir);
		return;
	}
	/* Which arm of an untagged union is live, the type does not say. */
	if (agg->is_union) {
		put(sb, 8, "Ok(())");
		return;
	}
	struct xi_strbuf body = XI_STRBUF_INIT;
	bool uses_ty = false;
	for (const struct xi_member *m = agg->members; m; m = m->next)
		member_check(g, agg, m, &body, uses_dir, &uses_ty);
	if (uses_ty)
		put(sb, 8, "const TY: &str = \"%s\";", xi_rust_agg_idl_name(g->arena, agg));
	xi_sb_adds(sb, xi_sb_str(&body));
	put(sb, 8, "Ok(())");
	xi_sb_free(&body);
}

/* --- Layout assertions ----------------------------------------------------------- */

/* rustfmt keeps the arguments of a call on one line up to this width
 * (fn_call_width), unless they are all simple (names and literals). */
#define RUST_CALL_ARGS_WIDTH 60u

/* `offset_of!(T, field)` at `indent`, as rustfmt lays it out; `tail` ends
 * its last line. */
static void offset_of_expr(struct xi_strbuf *sb, unsigned indent, const char *field,
			   const char *tail)
{
	if (strlen(field) + 3 <= RUST_CALL_ARGS_WIDTH &&
	    indent + strlen(field) + 15 + strlen(tail) <= RUST_MAX_WIDTH) {
		put(sb, indent, "offset_of!(T, %s)%s", field, tail);
		return;
	}
	put(sb, indent, "offset_of!(");
	put(sb, indent + 4, "T,");
	put(sb, indent + 4, "%s", field);
	put(sb, indent, ")%s", tail);
}

/* One layout check: assert!(LHS == N) in const blocks, assert_eq!(LHS, N)
 * in tests. LHS is `what` (size_of::<T>() or align_of::<T>()) or, when
 * field != NULL, offset_of!(T, field); T is a local alias, which keeps
 * lines short. */
static void assert_line(struct xi_strbuf *sb, unsigned indent, const char *what, const char *field,
			unsigned rhs, bool eq_macro)
{
	char num[XI_U32_DIGITS + 1];
	num[xi_u32_format(rhs, num)] = '\0';
	/* The left-hand side, or for an offset its start (the field and ')'
	 * follow). */
	const char *lhs = field ? "offset_of!(T, " : what;
	size_t lhs_len = field ? strlen(lhs) + strlen(field) + 1 : strlen(lhs);
	if (eq_macro) {
		size_t args = lhs_len + 2 + strlen(num);
		if (args <= RUST_CALL_ARGS_WIDTH && indent + args + 13 <= RUST_MAX_WIDTH &&
		    (!field || strlen(field) + 3 <= RUST_CALL_ARGS_WIDTH)) {
			put(sb, indent, "assert_eq!(%s%s%s, %s);", lhs, field ? field : "",
			    field ? ")" : "", num);
			return;
		}
		put(sb, indent, "assert_eq!(");
		if (field)
			offset_of_expr(sb, indent + 4, field, ",");
		else
			put(sb, indent + 4, "%s,", lhs);
		put(sb, indent + 4, "%s", num);
		put(sb, indent, ");");
		return;
	}
	size_t whole = indent + strlen("assert!( == );") + lhs_len + strlen(num);
	if (whole <= RUST_MAX_WIDTH && (!field || strlen(field) + 3 <= RUST_CALL_ARGS_WIDTH)) {
		put(sb, indent, "assert!(%s%s%s == %s);", lhs, field ? field : "", field ? ")" : "",
		    num);
		return;
	}
	put(sb, indent, "assert!(");
	char tail_eq[24];
	snprintf(tail_eq, sizeof(tail_eq), " == %s", num);
	if (field)
		offset_of_expr(sb, indent + 4, field, tail_eq);
	else
		put(sb, indent + 4, "%s == %s", lhs, num);
	put(sb, indent, ");");
}

/* The layout checks of an aggregate on one ABI, appended to sb. */
static void layout_checks(struct rgen *g, struct xi_strbuf *sb, const struct xi_agg *agg, int abi,
			  unsigned indent, bool eq_macro)
{
	put(sb, indent, "type T = %s;", xi_rust_agg_name_cached(g, agg));
	assert_line(sb, indent, "size_of::<T>()", NULL, agg->lay[abi].size, eq_macro);
	assert_line(sb, indent, "align_of::<T>()", NULL, agg->lay[abi].align, eq_macro);
	for (const struct xi_member *m = agg->members; m; m = m->next)
		if (xi_rust_present(m->type, abi))
			assert_line(sb, indent, NULL, xi_rust_ident(g->arena, m->name),
				    xi_member_offset(m, abi), eq_macro);
}

/* Whether two ABIs give an aggregate the same layout checks: the same size
 * and alignment, and the same members at the same offsets. That is when
 * their checks read the same, so comparing the figures groups the ABIs
 * as comparing the texts would, without writing a text per ABI. */
static bool same_layout(const void *data, int a, int b)
{
	const struct xi_agg *agg = data;
	if (agg->lay[a].size != agg->lay[b].size || agg->lay[a].align != agg->lay[b].align)
		return false;
	for (const struct xi_member *m = agg->members; m; m = m->next) {
		bool here = xi_rust_present(m->type, a);
		if (here != xi_rust_present(m->type, b))
			return false;
		if (here && xi_member_offset(m, a) != xi_member_offset(m, b))
			return false;
	}
	return true;
}

void xi_rust_emit_layout_asserts(struct rgen *g)
{
	const struct xi_agg **aggs;
	unsigned n = xi_rust_module_aggs(g, &aggs);
	if (!n) {
		free((void *)aggs);
		return;
	}
	xi_out_puts(g->out, "\n// Layout checks: the compiler confirms the size, alignment and field\n"
			    "// offsets xenidl computed (the same figures as the C headers' checks).\n");
	struct xi_strbuf text = XI_STRBUF_INIT;
	for (unsigned i = 0; i < n; i++) {
		struct xi_abi_group groups[XI_ABI_COUNT];
		unsigned ng = xi_abi_group(groups, agg_abis(g, aggs[i]), same_layout, aggs[i]);
		for (unsigned k = 0; k < ng; k++) {
			xi_out_putc(g->out, '\n');
			const char *pred = xi_rust_cfg(g->arena, groups[k].abis, g->abis);
			if (pred)
				xi_out_puts(g->out, xi_rust_cfg_attr(g->arena, 0, pred));
			xi_out_puts(g->out, "const _: () = {\n");
			xi_sb_reset(&text);
			layout_checks(g, &text, aggs[i], groups[k].first, 4, false);
			xi_out_write(g->out, text.data, text.len);
			xi_out_puts(g->out, "};\n");
		}
	}
	xi_sb_free(&text);
	free((void *)aggs);
}

/* --- Tests ----------------------------------------------------------------------------- */

static bool agg_zero_ok(struct rgen *g, const struct xi_agg *agg);

/* Whether the all-zero value of a type passes check(). */
static bool type_zero_ok(struct rgen *g, const struct xi_type *t)
{
	int abi = xi_rust_first_abi(g);
	unsigned dims;
	const struct xi_type *base = xi_rust_shape(t, abi, &dims);
	const struct xi_decl *d;
	switch (xi_rust_kind(base, abi, &d)) {
	case RK_INT:
	case RK_BITMAP:
		return true;
	case RK_ENUM:
		for (const struct xi_variant *v = d->variants; v; v = v->next)
			if (v->v.mag == 0)
				return true;
		return false;
	case RK_STRUCT:
		if (base->kind == XI_TYPE_AGG)
			return agg_zero_ok(g, base->u.agg);
		return d && agg_zero_ok(g, d->agg);
	case RK_TAGGED:
		return agg_zero_ok(g, base->u.agg);
	}
	return false;
}

static bool agg_zero_ok(struct rgen *g, const struct xi_agg *agg)
{
	if (agg->is_union && !agg->tag)
		return true;
	if (agg->tag) {
		const struct xi_member *dflt = NULL;
		for (const struct xi_member *arm = agg->members; arm; arm = arm->next) {
			if (arm->is_default_arm)
				dflt = arm;
			for (const struct xi_arm_label *l = arm->labels; l; l = l->next)
				if (l->value.mag == 0)
					return type_zero_ok(g, arm->type);
		}
		if (dflt)
			return type_zero_ok(g, dflt->type);
		const struct xi_decl *enm;
		/* An enum tag whose zero is declared selects no arm, validly. */
		return xi_rust_kind(agg->tag->type, xi_rust_first_abi(g), &enm) == RK_ENUM &&
		       type_zero_ok(g, agg->tag->type);
	}
	for (const struct xi_member *m = agg->members; m; m = m->next)
		if (!(m->flags & XI_MEMBER_RESERVED) && !type_zero_ok(g, m->type))
			return false;
	return true;
}

static const char *test_name(struct rgen *g, const char *prefix, const char *idl)
{
	char *r = xi_aprintf(g->arena, "%s_%s", prefix, idl);
	for (char *p = r; *p; p++)
		if (*p == '.')
			*p = '_';
		else if (xi_is_upper(*p))
			*p = (char)(*p - 'A' + 'a');
	return r;
}

/* An undeclared value of an enum, if its backing type has one. */
static bool undeclared_value(const struct xi_decl *d, uint64_t *out)
{
	for (uint64_t v = 0; v <= d->nvariants; v++) {
		bool used = false;
		for (const struct xi_variant *x = d->variants; x; x = x->next)
			if (!x->v.neg && x->v.mag == v)
				used = true;
		if (!used) {
			*out = v;
			return true;
		}
	}
	return false;
}

static uint64_t bitmap_unknown(const struct xi_decl *d)
{
	unsigned bits = xi_prims[d->backing].size * 8;
	uint64_t full = bits == 64 ? UINT64_MAX : (UINT64_C(1) << bits) - 1;
	uint64_t all = 0;
	for (const struct xi_variant *v = d->variants; v; v = v->next) {
		unsigned width = v->hi - v->lo + 1;
		all |= (width == 64 ? UINT64_MAX : ((UINT64_C(1) << width) - 1)) << v->lo;
	}
	uint64_t free_bits = full & ~all;
	return free_bits & (~free_bits + 1); /* the lowest undeclared bit */
}

/* A tag value that selects no arm of an integer-tagged union without a
 * default arm. */
static bool unselected_tag(const struct xi_agg *u, uint64_t *out)
{
	for (const struct xi_member *arm = u->members; arm; arm = arm->next)
		if (arm->is_default_arm)
			return false;
	for (uint64_t v = 0;; v++) {
		bool used = false;
		for (const struct xi_member *arm = u->members; arm; arm = arm->next)
			for (const struct xi_arm_label *l = arm->labels; l; l = l->next)
				if (!l->value.neg && l->value.mag == v)
					used = true;
		if (!used) {
			*out = v;
			return true;
		}
	}
}

/* The tests of one struct's check(): the zero value passes, and a
 * non-zero reserved field, an undeclared bit or enum value is reported
 * with the field's name. */
static void check_tests(struct rgen *g, const struct xi_agg *agg, struct xi_strbuf *sb)
{
	if (agg->is_union || !agg_zero_ok(g, agg))
		return;
	int abi = xi_rust_first_abi(g);
	const char *name = xi_rust_agg_name_cached(g, agg);
	struct xi_strbuf body = XI_STRBUF_INIT;
	for (const struct xi_member *m = agg->members; m; m = m->next) {
		unsigned dims;
		const struct xi_type *base = xi_rust_shape(m->type, abi, &dims);
		const struct xi_decl *d;
		enum rust_kind k = xi_rust_kind(base, abi, &d);
		const char *kind = NULL, *value = NULL;
		if (xi_rust_type_varies(g, m->type) || xi_rust_check_varies(g, m->type))
			continue;
		if (m->flags & XI_MEMBER_RESERVED) {
			if (!reserved_int(k, base))
				continue;
			kind = "Reserved";
			value = k == RK_INT ? "1" : xi_aprintf(g->arena, "%s(1)", xi_rust_decl_path(g, d));
		} else if (k == RK_BITMAP) {
			uint64_t bit = bitmap_unknown(d);
			if (!bit)
				continue;
			kind = "UnknownBits";
			value = xi_aprintf(g->arena, "%s(%#llx)", xi_rust_decl_path(g, d),
					   (unsigned long long)bit);
		} else if (k == RK_ENUM) {
			uint64_t v;
			if (!undeclared_value(d, &v))
				continue;
			kind = "UnknownValue";
			value = xi_aprintf(g->arena, "%s(%llu)", xi_rust_decl_path(g, d),
					   (unsigned long long)v);
		} else if (k == RK_TAGGED && !dims) {
			const struct xi_agg *u = base->u.agg;
			const struct xi_decl *enm;
			uint64_t tag;
			if (xi_rust_kind(u->tag->type, abi, &enm) != RK_INT || !unselected_tag(u, &tag))
				continue;
			put(&body, 8, "let mut v = T::default();");
			put(&body, 8, "v.%s = %llu;", xi_rust_ident(g->arena, u->tag->name),
			    (unsigned long long)tag);
			put(&body, 8, "let e = v.check(Direction::Both).unwrap_err();");
			put(&body, 8, "assert_eq!(e.kind, CheckErrorKind::BadTag);");
			put(&body, 8, "assert_eq!(e.field, \"%s\");", m->name);
			continue;
		} else {
			continue;
		}
		const char *lhs = xi_aprintf(g->arena, "v.%s", xi_rust_ident(g->arena, m->name));
		for (unsigned i = 0; i < dims; i++)
			lhs = xi_aprintf(g->arena, "%s[0]", lhs);
		if (xi_rust_member_wrapped(g, agg, m))
			lhs = xi_aprintf(g->arena, "%s.0", lhs);
		put(&body, 8, "let mut v = T::default();");
		put(&body, 8, "%s = %s;", lhs, value);
		put(&body, 8, "let e = v.check(Direction::Both).unwrap_err();");
		put(&body, 8, "assert_eq!(e.kind, CheckErrorKind::%s);", kind);
		put(&body, 8, "assert_eq!(e.field, \"%s\");", m->name);
	}
	xi_sb_addc(sb, '\n');
	put(sb, 4, "#[test]");
	put(sb, 4, "fn %s() {", test_name(g, "check", xi_rust_agg_idl_name(g->arena, agg)));
	put(sb, 8, "type T = %s;", name);
	put(sb, 8, "assert_eq!(T::default().check(Direction::Both), Ok(()));");
	xi_sb_adds(sb, xi_sb_str(&body));
	put(sb, 4, "}");
	xi_sb_free(&body);
}

static void enum_tests(struct rgen *g, const struct xi_decl *d, struct xi_strbuf *sb)
{
	const char *name = xi_rust_decl_name(g, d);
	xi_sb_addc(sb, '\n');
	put(sb, 4, "#[test]");
	put(sb, 4, "fn %s() {", test_name(g, "values", d->name));
	put(sb, 8, "use %s as E;", name);
	put(sb, 8, "use %sKind as K;", name);
	for (const struct xi_variant *v = d->variants; v; v = v->next) {
		put(sb, 8, "let v = E::%s;", xi_rust_upper(g->arena, v->name));
		put(sb, 8, "assert_eq!(v.check(), Ok(()));");
		put(sb, 8, "assert_eq!(K::try_from(v).map(E::from), Ok(v));");
	}
	uint64_t u;
	if (undeclared_value(d, &u)) {
		put(sb, 8, "let v = E(%llu);", (unsigned long long)u);
		put(sb, 8, "assert!(!v.is_known());");
		put(sb, 8, "assert_eq!(K::try_from(v), Err(v));");
		put(sb, 8, "assert_eq!(v.check().unwrap_err().kind, CheckErrorKind::UnknownValue);");
	}
	put(sb, 4, "}");
}

static void bitmap_tests(struct rgen *g, const struct xi_decl *d, struct xi_strbuf *sb)
{
	const char *name = xi_rust_decl_name(g, d);
	xi_sb_addc(sb, '\n');
	put(sb, 4, "#[test]");
	put(sb, 4, "fn %s() {", test_name(g, "bits", d->name));
	put(sb, 8, "use %s as B;", name);
	const char *all = xi_rust_bitmap_all(g->arena, d);
	put(sb, 8, "assert_eq!(B::%s.check(), Ok(()));", all);
	uint64_t bit = bitmap_unknown(d);
	if (bit) {
		put(sb, 8, "let v = B(%#llx);", (unsigned long long)bit);
		put(sb, 8, "assert_eq!(v.unknown_bits(), %#llx);", (unsigned long long)bit);
		put(sb, 8, "assert!((v | B::%s).contains(v));", all);
		put(sb, 8, "assert_eq!(v.check().unwrap_err().kind, CheckErrorKind::UnknownBits);");
	}
	put(sb, 4, "}");
}

void xi_rust_emit_tests(struct rgen *g)
{
	struct xi_strbuf sb = XI_STRBUF_INIT;
	const struct xi_agg **aggs;
	unsigned n = xi_rust_module_aggs(g, &aggs);
	/* A declaration under defined(NAME) has its tests where it exists. */
	struct xi_strbuf part = XI_STRBUF_INIT;
	xi_abi_mask module_abis = g->abis;
	for (unsigned i = 0; i < g->module->ndecls; i++) {
		const struct xi_decl *d = g->module->sorted[i];
		if (d->c_only)
			continue;
		g->abis = module_abis & xi_decl_abis(g->ctx, d);
		xi_sb_reset(&part);
		if (d->kind == XI_DECL_ENUM)
			enum_tests(g, d, &part);
		else if (d->kind == XI_DECL_BITMAP)
			bitmap_tests(g, d, &part);
		put_tests_under(g, &sb, &part, xi_rust_cfg(g->arena, g->abis, module_abis));
		g->abis = module_abis;
	}
	for (unsigned i = 0; i < n; i++) {
		const struct xi_agg *agg = aggs[i];
		struct xi_abi_group groups[XI_ABI_COUNT];
		unsigned ng = xi_abi_group(groups, agg_abis(g, agg), same_layout, agg);
		for (unsigned k = 0; k < ng; k++) {
			const char *pred = xi_rust_cfg(g->arena, groups[k].abis, g->abis);
			xi_sb_addc(&sb, '\n');
			if (pred)
				xi_sb_adds(&sb, xi_rust_cfg_attr(g->arena, 4, pred));
			put(&sb, 4, "#[test]");
			put(&sb, 4, "fn %s() {", test_name(g, "layout", xi_rust_agg_idl_name(g->arena, agg)));
			layout_checks(g, &sb, agg, groups[k].first, 8, true);
			put(&sb, 4, "}");
		}
		g->abis = agg_abis(g, agg);
		xi_sb_reset(&part);
		check_tests(g, agg, &part);
		put_tests_under(g, &sb, &part, xi_rust_cfg(g->arena, g->abis, module_abis));
		g->abis = module_abis;
	}
	xi_sb_free(&part);
	free((void *)aggs);
	if (sb.len) {
		const char *text = xi_sb_str(&sb);
		bool kinds = strstr(text, "CheckErrorKind::") != NULL;
		bool dirs = strstr(text, "Direction::") != NULL;
		xi_out_puts(g->out, "\n#[cfg(test)]\n");
		/* The tests set one field of a default value at a time, on purpose. */
		if (strstr(text, "::default();\n        v."))
			xi_out_puts(g->out, "#[allow(clippy::field_reassign_with_default)]\n");
		xi_out_puts(g->out, "mod tests {\n    use super::*;\n");
		if (kinds && dirs)
			xi_out_puts(g->out, "    use crate::{CheckErrorKind, Direction};\n");
		else if (kinds || dirs)
			xi_out_printf(g->out, "    use crate::%s;\n", kinds ? "CheckErrorKind" : "Direction");
		xi_out_puts(g->out, xi_sb_str(&sb));
		xi_out_puts(g->out, "}\n");
	}
	xi_sb_free(&sb);
}
