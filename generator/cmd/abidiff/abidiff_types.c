/* abi-diff: type spellings compared (renamed declarations taken into
 * account, and through aliases, enums and bitmaps to the representation),
 * and the shape of a member. */
#include "abidiff_int.h"

#include <string.h>

#include "ascii.h"

#include "strbuf.h"

/* How many aliases a representation lookup follows: a bound on the stack
 * a hostile manifest can take. Beyond it a type keeps its spelling. */
#define AD_MAX_ALIAS_HOPS 64u

/* --- Type spellings --------------------------------------------------------------- */

/* Rewrite every name of a type spelling through fn. */
typedef void (*rewrite_fn)(struct ad_differ *df, struct xi_strbuf *sb, const char *name, size_t len,
			   int abi, unsigned depth);

static void rewrite(struct ad_differ *df, struct xi_strbuf *sb, const char *type, rewrite_fn fn,
		    int abi, unsigned depth)
{
	if (xi_mf_type_is_inline(type)) {
		xi_sb_adds(sb, type);
		return;
	}
	for (const char *p = type; *p;) {
		if (!xi_is_ident_start(*p)) {
			xi_sb_addc(sb, *p++);
			continue;
		}
		const char *q = p;
		while (xi_is_ident(*q))
			q++;
		fn(df, sb, p, (size_t)(q - p), abi, depth);
		p = q;
	}
}

/* Old names of renamed declarations become their new names. */
static void to_new_name(struct ad_differ *df, struct xi_strbuf *sb, const char *name, size_t len,
			int abi, unsigned depth)
{
	char *s = xi_strndup(xi_ad_arena(df), name, len);
	struct xi_mf_decl *d = xi_mf_lookup(df->o, s, abi);
	xi_sb_adds(sb, d && d->renamed ? d->renamed->name : s);
}

const char *xi_ad_renamed_type(struct ad_differ *df, const char *type, int abi)
{
	struct xi_strbuf sb = XI_STRBUF_INIT;
	rewrite(df, &sb, type, to_new_name, abi, 0);
	const char *r = xi_strdup(xi_ad_arena(df), xi_sb_str(&sb));
	xi_sb_free(&sb);
	return r;
}

/* C's own types stand for the fixed-width type of the same size, sign and
 * alignment on the ABI: c_uint is u32, c_ulong u32 on x86_32 and u64 on
 * x86_64, c_longlong native_i64 where that is 4-aligned. */
static const char *c_prim_repr(enum xi_prim p, int abi)
{
	if (p == XI_PRIM_C_CHAR)
		return "char";
	unsigned size = xi_prim_size(p, abi);
	bool is_signed = xi_prims[p].is_signed;
	if (size == 8 && xi_abis[abi].native_u64_align != 8)
		return xi_prims[is_signed ? XI_PRIM_NATIVE_I64 : XI_PRIM_NATIVE_U64].name;
	return xi_prims[xi_prim_of_size(size, is_signed)].name;
}

/* Aliases become their targets, enums and bitmaps their backing types. */
static void repr_name(struct ad_differ *df, struct xi_strbuf *sb, const char *name, size_t len,
		      int abi, unsigned depth)
{
	char *s = xi_strndup(xi_ad_arena(df), name, len);
	int prim = xi_prim_by_name(s);
	if (prim >= 0 && xi_prim_is_c((enum xi_prim)prim)) {
		xi_sb_adds(sb, c_prim_repr((enum xi_prim)prim, abi));
		return;
	}
	struct xi_mf_decl *d = xi_mf_lookup(df->repr_model, s, abi);
	if (d && d->kind == XI_MF_ALIAS && d->target[abi] && depth < AD_MAX_ALIAS_HOPS)
		rewrite(df, sb, d->target[abi], repr_name, abi, depth + 1);
	else if (d && (d->kind == XI_MF_ENUM || d->kind == XI_MF_BITMAP))
		xi_sb_adds(sb, d->type);
	else
		xi_sb_adds(sb, s);
}

static const char *replace_all(struct ad_differ *df, const char *type, const char *from,
			       const char *to)
{
	struct xi_strbuf sb = XI_STRBUF_INIT;
	size_t n = strlen(from);
	for (const char *p = type; *p;) {
		if (!strncmp(p, from, n)) {
			xi_sb_adds(&sb, to);
			p += n;
		} else {
			xi_sb_addc(&sb, *p++);
		}
	}
	const char *r = xi_strdup(xi_ad_arena(df), xi_sb_str(&sb));
	xi_sb_free(&sb);
	return r;
}

/* What a handle points to, as the representation sees it: const is an
 * API matter (the guest may only read), and native_u64 is uint64_t as u64
 * is (only its alignment inside a struct differs). So `handle<const
 * native_u64>` is `handle<u64>`. */
static const char *plain_handle_targets(struct ad_differ *df, const char *type)
{
	type = replace_all(df, type, "<const ", "<");
	type = replace_all(df, type, "<native_u64>", "<u64>");
	return replace_all(df, type, "<native_i64>", "<i64>");
}

static const char *repr(struct ad_differ *df, struct xi_mf_model *m, const char *type, int abi)
{
	type = plain_handle_targets(df, type);
	struct xi_strbuf sb = XI_STRBUF_INIT;
	df->repr_model = m;
	rewrite(df, &sb, type, repr_name, abi, 0);
	const char *r = xi_strdup(xi_ad_arena(df), xi_sb_str(&sb));
	xi_sb_free(&sb);
	return r;
}

enum xi_ad_type_change xi_ad_compare_type(struct ad_differ *df, const char *ot, const char *nt,
					  int abi)
{
	if (xi_ad_streq(xi_ad_renamed_type(df, ot, abi), nt))
		return XI_AD_TYPE_SAME;
	const char *ro = xi_ad_renamed_type(df, repr(df, df->o, ot, abi), abi);
	const char *rn = repr(df, df->n, nt, abi);
	return xi_ad_streq(ro, rn) ? XI_AD_TYPE_SPELLING : XI_AD_TYPE_CHANGED;
}

/* --- Renamed declarations ------------------------------------------------------------ */

static bool same_labels(const struct xi_mf_member *a, const struct xi_mf_member *b)
{
	if (a->is_arm != b->is_arm || a->default_arm != b->default_arm || a->nlabels != b->nlabels)
		return false;
	for (unsigned i = 0; i < a->nlabels; i++)
		if (!xi_ad_streq(a->labels[i].name, b->labels[i].name) ||
		    !xi_int_eq(a->labels[i].value, b->labels[i].value))
			return false;
	return true;
}

bool xi_ad_same_member_shape(struct ad_differ *df, const struct xi_mf_member *a,
			     const struct xi_mf_member *b, int abi)
{
	if (on_abi(a, abi) != on_abi(b, abi))
		return false;
	if (!on_abi(a, abi))
		return true;
	return a->offset[abi] == b->offset[abi] && a->size[abi] == b->size[abi] &&
	       a->align[abi] == b->align[abi] && a->dir == b->dir && a->reserved == b->reserved &&
	       same_labels(a, b) && xi_ad_streq(xi_ad_renamed_type(df, a->type[abi], abi), b->type[abi]);
}
