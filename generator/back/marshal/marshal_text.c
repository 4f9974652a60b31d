/* C text shared by the marshal backends (see marshal_text.h). */
#include "marshal_text.h"

#include <stdlib.h>
#include <string.h>

#include "ascii.h"

#include "cnames.h"

void xi_mt_emit_chain(struct xi_out *o, struct xi_arena *a, const struct xi_abi_group *groups,
		   unsigned n, xi_abi_mask all, const char *fallback)
{
	if (n == 1 && groups[0].abis == all) {
		xi_out_puts(o, groups[0].text);
		return;
	}
	unsigned emitted = 0;
	for (unsigned i = 0; i < n; i++) {
		if (!*groups[i].text && !fallback)
			continue;
		xi_mt_chain_branch(o, a, emitted++, groups[i].abis);
		xi_out_puts(o, groups[i].text);
	}
	if (emitted)
		xi_mt_chain_end(o, fallback);
}

void xi_mt_chain_branch(struct xi_out *o, struct xi_arena *a, unsigned emitted, xi_abi_mask abis)
{
	xi_out_printf(o, "#%s %s\n", emitted ? "elif" : "if", xi_c_abi_condition(a, abis));
}

void xi_mt_chain_end(struct xi_out *o, const char *fallback)
{
	if (fallback)
		xi_out_printf(o, "#else\n%s", fallback);
	xi_out_puts(o, "#endif\n");
}

const char *xi_mt_int_type(unsigned size, bool is_signed)
{
	return xi_c_prim_plain(xi_prim_of_size(size, is_signed));
}

const char *xi_mt_load(unsigned size, bool is_signed)
{
	static const char *const names[2][4] = {
		{ "xenidl_le_load_u8", "xenidl_le_load_u16", "xenidl_le_load_u32", "xenidl_le_load_u64" },
		{ "xenidl_le_load_i8", "xenidl_le_load_i16", "xenidl_le_load_i32", "xenidl_le_load_i64" },
	};
	unsigned i = size == 1 ? 0 : size == 2 ? 1 : size == 4 ? 2 : 3;
	return names[is_signed][i];
}

const char *xi_mt_store(unsigned size, bool is_signed)
{
	static const char *const names[2][4] = {
		{ "xenidl_le_store_u8", "xenidl_le_store_u16", "xenidl_le_store_u32", "xenidl_le_store_u64" },
		{ "xenidl_le_store_i8", "xenidl_le_store_i16", "xenidl_le_store_i32", "xenidl_le_store_i64" },
	};
	unsigned i = size == 1 ? 0 : size == 2 ? 1 : size == 4 ? 2 : 3;
	return names[is_signed][i];
}

const char *xi_mt_literal(struct xi_arena *a, struct xi_int v, unsigned size, bool is_signed)
{
	return xi_c_int_literal(a, v, xi_prim_of_size(size, is_signed), false);
}

/* The same in hex, for masks and unsigned limits. */
static const char *xi_mt_literal_hex(struct xi_arena *a, struct xi_int v, unsigned size,
				     bool is_signed)
{
	return xi_c_int_literal(a, v, xi_prim_of_size(size, is_signed), true);
}

struct xi_int xi_mt_type_min(unsigned size, bool is_signed)
{
	if (!is_signed)
		return xi_int_u(0);
	struct xi_int r = { UINT64_C(1) << (size * 8 - 1), true };
	return r;
}

struct xi_int xi_mt_type_max(unsigned size, bool is_signed)
{
	unsigned bits = size * 8 - (is_signed ? 1u : 0u);
	return xi_int_u(bits == 64 ? UINT64_MAX : (UINT64_C(1) << bits) - 1);
}

const char *xi_mt_range_fails(struct xi_arena *a, const char *var, unsigned size, bool is_signed,
			   unsigned dst_size, bool dst_signed)
{
	struct xi_int lo = xi_mt_type_min(dst_size, dst_signed), hi = xi_mt_type_max(dst_size, dst_signed);
	struct xi_int src_lo = xi_mt_type_min(size, is_signed), src_hi = xi_mt_type_max(size, is_signed);
	bool check_lo = xi_int_cmp(src_lo, lo) < 0;
	bool check_hi = xi_int_cmp(src_hi, hi) > 0;
	/* Literals take the source's type so that comparisons keep one
	 * signedness. */
	const char *lo_text = check_lo ? xi_aprintf(a, "%s < %s", var, xi_mt_literal(a, lo, size, is_signed))
				       : NULL;
	/* An unsigned limit reads best in hex: 0xFFFFFFFFULL. */
	const char *hi_lit = dst_signed ? xi_mt_literal(a, hi, size, is_signed)
			   : xi_mt_literal_hex(a, hi, size, is_signed);
	const char *hi_text = check_hi ? xi_aprintf(a, "%s > %s", var, hi_lit) : NULL;
	if (lo_text && hi_text)
		return xi_aprintf(a, "%s || %s", lo_text, hi_text);
	return lo_text ? lo_text : hi_text;
}

static int cmp_xint(const void *x, const void *y)
{
	return xi_int_cmp(*(const struct xi_int *)x, *(const struct xi_int *)y);
}

uint64_t xi_mt_bitmap_undeclared(const struct xi_decl *bitmap, unsigned size)
{
	uint64_t all = 0;
	for (const struct xi_variant *v = bitmap->variants; v; v = v->next) {
		if (v->invalid)
			continue;
		unsigned width = v->hi - v->lo + 1;
		all |= (width == 64 ? UINT64_MAX : ((UINT64_C(1) << width) - 1)) << v->lo;
	}
	uint64_t full = size == 8 ? UINT64_MAX : (UINT64_C(1) << (size * 8)) - 1;
	return full & ~all;
}

/* "var == v" or "(var >= lo && var <= hi)", leaving out bounds the type
 * implies; NULL when the range is the whole type. */
static const char *range_holds(struct xi_arena *a, const char *var, struct xi_int lo,
			       struct xi_int hi, unsigned size, bool is_signed)
{
	if (xi_int_eq(lo, hi))
		return xi_aprintf(a, "%s == %s", var, xi_mt_literal(a, lo, size, is_signed));
	bool need_lo = xi_int_cmp(lo, xi_mt_type_min(size, is_signed)) > 0;
	bool need_hi = xi_int_cmp(hi, xi_mt_type_max(size, is_signed)) < 0;
	if (need_lo && need_hi)
		return xi_aprintf(a, "(%s >= %s && %s <= %s)", var, xi_mt_literal(a, lo, size, is_signed),
				  var, xi_mt_literal(a, hi, size, is_signed));
	if (need_lo)
		return xi_aprintf(a, "%s >= %s", var, xi_mt_literal(a, lo, size, is_signed));
	if (need_hi)
		return xi_aprintf(a, "%s <= %s", var, xi_mt_literal(a, hi, size, is_signed));
	return NULL;
}

const char *xi_mt_sem_fails(struct xi_arena *a, const char *var, const struct xi_decl *sem,
			 unsigned size, bool is_signed)
{
	if (sem->kind == XI_DECL_BITMAP) {
		uint64_t bad = xi_mt_bitmap_undeclared(sem, size);
		if (!bad)
			return NULL;
		const char *uvar = is_signed ? xi_aprintf(a, "(%s)%s", xi_mt_int_type(size, false), var) : var;
		return xi_aprintf(a, "(%s & %s) != 0", uvar, xi_mt_literal_hex(a, xi_int_u(bad), size, false));
	}
	/* An enum: the declared values as ranges of consecutive values. */
	unsigned n = 0;
	for (const struct xi_variant *v = sem->variants; v; v = v->next)
		n++;
	struct xi_int *vals = xi_xmalloc(sizeof(*vals) * (n ? n : 1));
	n = 0;
	for (const struct xi_variant *v = sem->variants; v; v = v->next)
		if (!v->invalid)
			vals[n++] = v->v;
	if (!n) {
		free(vals);
		return "1";
	}
	qsort(vals, n, sizeof(*vals), cmp_xint);
	struct xi_strbuf sb = XI_STRBUF_INIT;
	unsigned nranges = 0;
	struct xi_int first_lo = vals[0], first_hi = vals[0];
	bool whole = false;
	for (unsigned i = 0; i < n;) {
		unsigned j = i;
		/* Extend over duplicates and consecutive values. */
		while (j + 1 < n) {
			struct xi_int next;
			if (xi_int_eq(vals[j + 1], vals[j]) ||
			    (xi_int_add(vals[j], xi_int_u(1), &next) == XI_INT_OK &&
			     xi_int_eq(vals[j + 1], next)))
				j++;
			else
				break;
		}
		const char *r = range_holds(a, var, vals[i], vals[j], size, is_signed);
		if (!r)
			whole = true;
		else
			xi_sb_printf(&sb, "%s%s", nranges ? " || " : "", r);
		if (!nranges++) {
			first_lo = vals[i];
			first_hi = vals[j];
		}
		i = j + 1;
	}
	free(vals);
	const char *holds = xi_strdup(a, xi_sb_str(&sb));
	xi_sb_free(&sb);
	if (whole)
		return NULL;
	if (nranges > 1)
		return xi_aprintf(a, "!(%s)", holds);
	/* One range: say what fails directly. */
	if (xi_int_eq(first_lo, first_hi))
		return xi_aprintf(a, "%s != %s", var, xi_mt_literal(a, first_lo, size, is_signed));
	bool need_lo = xi_int_cmp(first_lo, xi_mt_type_min(size, is_signed)) > 0;
	bool need_hi = xi_int_cmp(first_hi, xi_mt_type_max(size, is_signed)) < 0;
	const char *lo = need_lo ? xi_aprintf(a, "%s < %s", var, xi_mt_literal(a, first_lo, size, is_signed)) : NULL;
	const char *hi = need_hi ? xi_aprintf(a, "%s > %s", var, xi_mt_literal(a, first_hi, size, is_signed)) : NULL;
	if (lo && hi)
		return xi_aprintf(a, "%s || %s", lo, hi);
	return lo ? lo : hi;
}

/* xi_mt_sem_fails is NULL exactly when every value passes: a bitmap without
 * undeclared bits, or an enum with a run of consecutive declared values
 * that spans the whole type. Found here without making the text (this is
 * asked for every scalar of every check function). */
bool xi_mt_sem_fails_any(const struct xi_decl *sem, unsigned size, bool is_signed)
{
	if (sem->kind == XI_DECL_BITMAP)
		return xi_mt_bitmap_undeclared(sem, size) != 0;
	unsigned n = 0;
	for (const struct xi_variant *v = sem->variants; v; v = v->next)
		if (!v->invalid)
			n++;
	/* The type has more values than any enum has variants below 2^16. */
	struct xi_int min = xi_mt_type_min(size, is_signed), max = xi_mt_type_max(size, is_signed);
	if (!n || xi_int_cmp(max, xi_int_u(n)) >= 0)
		return true;
	struct xi_int *vals = xi_xmalloc(sizeof(*vals) * n);
	n = 0;
	for (const struct xi_variant *v = sem->variants; v; v = v->next)
		if (!v->invalid)
			vals[n++] = v->v;
	qsort(vals, n, sizeof(*vals), cmp_xint);
	bool fails = true;
	for (unsigned i = 0; i < n;) {
		unsigned j = i;
		while (j + 1 < n) {
			struct xi_int next;
			if (xi_int_eq(vals[j + 1], vals[j]) ||
			    (xi_int_add(vals[j], xi_int_u(1), &next) == XI_INT_OK &&
			     xi_int_eq(vals[j + 1], next)))
				j++;
			else
				break;
		}
		if (xi_int_cmp(vals[i], min) <= 0 && xi_int_cmp(vals[j], max) >= 0)
			fails = false;
		i = j + 1;
	}
	free(vals);
	return fails;
}

const char *xi_mt_gate(unsigned gate)
{
	if (gate & XI_MP_GATE_ALWAYS)
		return NULL;
	switch (gate & (XI_MP_GATE_IN | XI_MP_GATE_OUT)) {
	case XI_MP_GATE_IN: return "(flags & XENIDL_IN)";
	case XI_MP_GATE_OUT: return "(flags & XENIDL_OUT)";
	case XI_MP_GATE_IN | XI_MP_GATE_OUT: return "(flags & (XENIDL_IN | XENIDL_OUT))";
	default: return "";
	}
}

const char *xi_mt_ident(struct xi_arena *a, const char *rel)
{
	char *s = xi_strdup(a, rel);
	for (char *p = s; *p; p++)
		if (!xi_is_alnum(*p))
			*p = '_';
	return s;
}

const char *xi_mt_basename(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? slash + 1 : path;
}
