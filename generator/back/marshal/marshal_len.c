/* The length relations of a declaration (@len, @max) in marshalling code:
 * a count above its bound is XENIDL_ELEN, and T_decode refuses a
 * flexible array member whose elements the buffer cannot hold
 * (XENIDL_ESHORT). See marshal_len.h. */
#include "marshal_len.h"

#include <stdio.h>

#include "cnames.h"
#include "marshal_text.h"

/* A member's gate inside an enclosing one's (XI_MP_GATE_*): its own
 * direction narrows the enclosing one; none keeps it. */
static unsigned narrow_gate(unsigned outer, const struct xi_member *m)
{
	unsigned dir = (m->flags & XI_MEMBER_IN ? XI_MP_GATE_IN : 0) |
		       (m->flags & XI_MEMBER_OUT ? XI_MP_GATE_OUT : 0);
	if (!dir)
		return outer;
	if (outer & XI_MP_GATE_ALWAYS)
		return dir;
	return outer & dir;
}

/* The bound of a relation: its @max, or a fixed array's length, whichever
 * is smaller; false when it has neither (a handle or a flexible array
 * without @max). */
static bool relation_bound(const struct xi_member *m, const struct xi_len *rel, uint64_t *bound)
{
	bool has = false;
	if (rel->max_ok) {
		*bound = rel->max_value.mag;
		has = true;
	}
	if (m->type->kind == XI_TYPE_ARRAY && !xi_type_is_flex(m->type) &&
	    (!has || m->type->u.array.count < *bound)) {
		*bound = m->type->u.array.count;
		has = true;
	}
	return has;
}

/* The integer type of a count member on one ABI: its size and sign. */
static bool count_type(const struct xi_member *count, int abi, unsigned *size, bool *is_signed)
{
	const struct xi_type *t = xi_type_resolve(count->type, abi);
	if (!t || t->kind != XI_TYPE_PRIM)
		return false;
	*size = xi_prim_size(t->prim, abi);
	*is_signed = xi_prims[t->prim].is_signed;
	return true;
}

static void format_u64(char *buf, uint64_t v)
{
	snprintf(buf, 24, "%llu", (unsigned long long)v);
}

struct walk {
	struct xi_strbuf *sb;
	const struct xi_mp_plan *plan;
	enum xi_mb_mode mode;
	const char *root;
	const char *type;          /* the C name of the declaration */
	bool any;                  /* a check was written */
};

static void put_check(struct walk *w, const char *gate, const char *cond, const char *code,
		      const char *path, const char *offset, const char *value)
{
	xi_sb_printf(w->sb, "\tif (%s%s%s%s)\n", gate ? gate : "", gate ? " && (" : "", cond,
		     gate ? ")" : "");
	xi_sb_printf(w->sb, "\t\treturn xenidl_fail(err, %s, \"%s\", \"%s\", %s, %s, NULL);\n",
		     code, w->type, path, offset, value);
	w->any = true;
}

static void relation_checks(struct walk *w, const struct xi_member *m, const char *lv_prefix,
			    const char *path_prefix, uint32_t base, unsigned gate_bits)
{
	const struct xi_len *rel = xi_type_len(m->type);
	const struct xi_member *count = rel->member;
	int wire = w->plan->wire, host = w->plan->host;
	unsigned size;
	bool is_signed;
	unsigned gbits = narrow_gate(gate_bits, count);
	const char *gate = xi_mt_gate(gbits);
	if ((gate && !*gate) || !count_type(count, host, &size, &is_signed))
		return;   /* never checked under these flags */
	struct xi_strbuf lv = XI_STRBUF_INIT, path = XI_STRBUF_INIT, cond = XI_STRBUF_INIT;
	xi_sb_printf(&lv, "%s%s%s", w->root, lv_prefix, xi_member_c_name(count));
	xi_sb_printf(&path, "%s%s", path_prefix, xi_member_c_name(count));
	uint64_t offset = base + xi_member_offset(count, wire);
	const char *value = is_signed ? "(uint64_t)(int64_t)" : "(uint64_t)";
	struct xi_strbuf val = XI_STRBUF_INIT;
	xi_sb_printf(&val, "%s%s", value, xi_sb_str(&lv));
	uint64_t bound = 0;
	bool has_bound = relation_bound(m, rel, &bound);
	uint64_t type_max = size >= 8 ? (is_signed ? INT64_MAX : UINT64_MAX)
				      : (UINT64_C(1) << (size * 8 - (is_signed ? 1 : 0))) - 1;
	if (is_signed)
		xi_sb_printf(&cond, "%s < 0", xi_sb_str(&lv));
	if (has_bound && bound < type_max)
		xi_sb_printf(&cond, "%s(uint64_t)%s > %lluu", is_signed ? " || " : "", xi_sb_str(&lv),
			     (unsigned long long)bound);
	char at[24];
	format_u64(at, offset);
	if (cond.len)
		put_check(w, gate, xi_sb_str(&cond), "XENIDL_ELEN", xi_sb_str(&path), at,
			  xi_sb_str(&val));
	/* The elements of a flexible array follow the wire image. */
	if (w->mode == XI_MB_DECODE && xi_type_is_flex(m->type)) {
		uint32_t elem = xi_type_layout(m->type->u.array.elem, wire).size;
		if (elem) {
			xi_sb_reset(&cond);
			xi_sb_printf(&cond, "(uint64_t)%s > (len - %uu) / %uu", xi_sb_str(&lv),
				     (unsigned)w->plan->wsize, (unsigned)elem);
			xi_sb_reset(&val);
			xi_sb_printf(&val, "%u + (uint64_t)%s * %uu", (unsigned)w->plan->wsize,
				     xi_sb_str(&lv), (unsigned)elem);
			/* as for a short fixed part: the offset is the length given */
			put_check(w, gate, xi_sb_str(&cond), "XENIDL_ESHORT", "", "len",
				  xi_sb_str(&val));
		}
	}
	xi_sb_free(&lv);
	xi_sb_free(&path);
	xi_sb_free(&cond);
	xi_sb_free(&val);
}

/* The relations of an aggregate and of the inline structs it holds (not
 * through arrays or unions: a count relates members of one struct). */
static void walk_agg(struct walk *w, const struct xi_agg *agg, const char *lv_prefix,
		     const char *path_prefix, uint32_t base, unsigned gate_bits, struct xi_arena *a)
{
	if (agg->is_union)
		return;
	for (const struct xi_member *m = agg->members; m; m = m->next) {
		if (!xi_member_present(m, w->plan->wire) || !xi_member_present(m, w->plan->host))
			continue;
		const struct xi_len *rel = xi_type_len(m->type);
		if (rel && rel->member)
			relation_checks(w, m, lv_prefix, path_prefix, base, gate_bits);
		if (m->type->kind == XI_TYPE_AGG)
			walk_agg(w, m->type->u.agg,
				 xi_aprintf(a, "%s%s.", lv_prefix, xi_member_c_name(m)),
				 xi_aprintf(a, "%s%s.", path_prefix, xi_member_c_name(m)),
				 base + xi_member_offset(m, w->plan->wire), narrow_gate(gate_bits, m), a);
	}
}

bool xi_ml_checks(struct xi_strbuf *sb, struct xi_arena *a, const struct xi_mp_plan *plan,
		  enum xi_mb_mode mode)
{
	static const char *const roots[] = { "out->", "in->", "v->" };
	struct walk w = { sb, plan, mode, roots[mode], xi_c_decl_name(plan->decl), false };
	walk_agg(&w, plan->decl->agg, "", "", 0, XI_MP_GATE_ALWAYS, a);
	return w.any;
}

bool xi_ml_count_bound(const struct xi_decl *d, const struct xi_member *count, uint64_t *bound)
{
	bool is_count = false;
	if (!xi_decl_is_aggregate(d))
		return false;
	/* The top-level members only: those the generated tests reach by
	 * name. */
	for (const struct xi_member *m = d->agg->members; m; m = m->next) {
		const struct xi_len *rel = xi_type_len(m->type);
		if (!rel || rel->member != count)
			continue;
		uint64_t b;
		/* A flexible array's elements are past the exact-size test
		 * buffers: none. */
		if (xi_type_is_flex(m->type))
			b = 0;
		else if (!relation_bound(m, rel, &b))
			continue;
		if (!is_count || b < *bound)
			*bound = b;
		is_count = true;
	}
	return is_count;
}
