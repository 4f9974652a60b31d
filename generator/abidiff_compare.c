/* abi-diff: compare two ABI models and classify every difference.
 *
 * Declarations are compared per ABI: on each ABI both sides exist on, the
 * declaration a name means there on the old side against the one it means
 * on the new side. Reports that read the same on several ABIs are merged
 * into one that lists them. The rules, by class:
 *
 *   compatible  a new declaration, enum value, bit, union arm or arm label;
 *               a reserved region (partly) given a name and a meaning; a
 *               direction that widens; a new ABI; a raised version
 *   API-only    a rename with an identical layout; a type spelled another
 *               way with the same representation (an alias for its
 *               target); a changed C name; a declaration moved to another
 *               file
 *   breaking    a change of size, alignment, offset or member type; a
 *               removal; a renumbered value, bit or arm label; a tag value
 *               taken from the default arm by another; a direction
 *               that narrows; reserved bytes that are no longer reserved;
 *               a member that takes bytes that were not reserved; a
 *               member that becomes reserved; a removed ABI
 *
 * This file holds the declarations, enums and bitmaps, renames, type
 * spellings and the version rule; abidiff_members.c the members of
 * structs and unions.
 *
 * A breaking change of a type that is covered by an @version(CONST)
 * declaration whose constant increased is reported as "breaking, version
 * bumped" and does not fail the run. A type is covered when it carries the
 * attribute itself, or when every type that uses it is covered. */
#include "abidiff_int.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "ascii.h"

#include "strbuf.h"

/* How deep the coverage search follows users of users, and how many
 * aliases a representation lookup follows: a bound on the stack a hostile
 * manifest can take. Beyond it a type counts as uncovered (the report
 * stays breaking) or keeps its spelling. */
#define AD_MAX_COVER_DEPTH 256u
#define AD_MAX_ALIAS_HOPS 64u

const char *xi_ad_int(struct ad_differ *df, struct xi_int v)
{
	char buf[24];
	return xi_strdup(ar(df), xi_int_format(v, buf));
}

/* --- Reports ----------------------------------------------------------------- */

static bool same_loc(struct xi_mf_loc a, struct xi_mf_loc b)
{
	return streq(a.file, b.file) && a.line == b.line && a.col == b.col;
}

/* A new report, or the same one of another ABI (then *merged). */
static unsigned add_report(struct ad_differ *df, enum xi_abidiff_class cls, const char *rule,
			   const char *subject, struct xi_mf_loc ol, struct xi_mf_loc nl, int abi,
			   xi_abi_mask scope, const char *msg, bool *merged)
{
	struct xi_abidiff *d = df->out;
	*merged = true;
	for (unsigned i = df->merge_from; i < d->nreports; i++) {
		struct xi_abidiff_report *r = &d->reports[i];
		if (r->cls == cls && !strcmp(r->rule, rule) && !strcmp(r->subject, subject) &&
		    !strcmp(r->message, msg) && same_loc(r->old_loc, ol) && same_loc(r->new_loc, nl)) {
			r->abis |= XI_ABI_BIT(abi);
			return i;
		}
	}
	*merged = false;
	if (d->nreports == d->cap_reports) {
		unsigned cap = d->cap_reports ? d->cap_reports * 2 : 64;
		struct xi_abidiff_report *p = xi_alloc(ar(df), sizeof(*p) * cap);
		if (d->nreports)
			memcpy(p, d->reports, sizeof(*p) * d->nreports);
		d->reports = p;
		d->cap_reports = cap;
	}
	struct xi_abidiff_report *r = &d->reports[d->nreports++];
	memset(r, 0, sizeof(*r));
	r->cls = cls;
	r->rule = rule;
	r->subject = subject;
	r->message = xi_strdup(ar(df), msg);
	r->old_loc = ol;
	r->new_loc = nl;
	r->abis = XI_ABI_BIT(abi);
	r->scope = scope;
	return d->nreports - 1;
}

static const char *cover(struct ad_differ *df, struct ad_side *s, const struct xi_mf_decl *d,
			 bool require_bump, unsigned depth);

unsigned xi_ad_report(struct ad_pair *p, enum xi_abidiff_class cls, const char *rule,
		      struct xi_mf_loc ol, struct xi_mf_loc nl, const char *fmt, ...)
{
	struct ad_differ *df = p->df;
	struct xi_strbuf sb = XI_STRBUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	xi_sb_vprintf(&sb, fmt, ap);
	va_end(ap);
	const char *version = NULL, *hint = NULL;
	if (cls == XI_AD_BREAKING && (p->n || p->o)) {
		struct ad_side *s = p->n ? &df->sn : &df->so;
		const struct xi_mf_decl *d = p->n ? p->n : p->o;
		const char *v = cover(df, s, d, true, 0);
		if (v) {
			struct xi_mf_decl *ov = xi_mf_lookup_any(df->o, v), *nv = xi_mf_lookup_any(df->n, v);
			cls = XI_AD_BUMPED;
			version = xi_aprintf(ar(df), "%s %s -> %s", v, xi_ad_int(df, ov->value),
					     xi_ad_int(df, nv->value));
		} else if ((v = cover(df, s, d, false, 0)) != NULL) {
			hint = xi_aprintf(ar(df), "interface version %s was not raised", v);
		}
	}
	bool merged;
	unsigned i = add_report(df, cls, rule, p->subject, ol, nl, p->abi, p->scope, xi_sb_str(&sb),
				&merged);
	if (!merged) {
		df->out->reports[i].version = version;
		df->out->reports[i].hint = hint;
	}
	xi_sb_free(&sb);
	return i;
}

/* --- The version rule ---------------------------------------------------------- */

struct add_user_ctx {
	struct ad_side *s;
	struct xi_arena *arena;
	struct xi_mf_decl *user;
};

static void add_user(void *vctx, const char *name, size_t len)
{
	struct add_user_ctx *c = vctx;
	struct ad_users *u = xi_map_get(&c->s->users, name, len);
	if (!u) {
		u = XI_NEW(c->arena, struct ad_users);
		xi_map_put(&c->s->users, xi_strndup(c->arena, name, len), len, u);
	}
	if (u->n && u->list[u->n - 1] == c->user)
		return;
	if (u->n == u->cap) {
		u->cap = u->cap ? u->cap * 2 : 4;
		struct xi_mf_decl **l = xi_alloc(c->arena, sizeof(*l) * u->cap);
		if (u->n)
			memcpy(l, u->list, sizeof(*l) * u->n);
		u->list = l;
	}
	u->list[u->n++] = c->user;
}

static void side_init(struct ad_differ *df, struct ad_side *s, struct xi_mf_model *m)
{
	s->m = m;
	xi_map_init(&s->users);
	for (int k = 0; k < 2; k++) {
		s->state[k] = xi_alloc(ar(df), m->ndecls + 1);
		s->result[k] = xi_alloc(ar(df), sizeof(const char *) * (m->ndecls + 1));
	}
	for (unsigned i = 0; i < m->ndecls; i++) {
		struct xi_mf_decl *d = m->decls[i];
		struct add_user_ctx c = { s, ar(df), d };
		if (!d->input)
			continue;
		XI_FOR_EACH_ABI(a, d->abis) {
			if (d->kind == XI_MF_ALIAS)
				xi_mf_type_names(d->target[a], add_user, &c);
			for (unsigned k = 0; k < d->nmembers; k++)
				xi_mf_type_names(d->members[k].type[a], add_user, &c);
		}
	}
}

static bool version_raised(struct ad_differ *df, const char *name)
{
	const struct xi_mf_decl *o = xi_mf_lookup_any(df->o, name);
	const struct xi_mf_decl *n = xi_mf_lookup_any(df->n, name);
	return o && n && o->kind == XI_MF_CONST && n->kind == XI_MF_CONST &&
	       xi_int_cmp(o->value, n->value) < 0;
}

/* The version constant that covers d (raised, if require_bump), or NULL. */
static const char *cover(struct ad_differ *df, struct ad_side *s, const struct xi_mf_decl *d,
			 bool require_bump, unsigned depth)
{
	int k = require_bump;
	if (s->state[k][d->index] == 2)
		return s->result[k][d->index];
	if (s->state[k][d->index] == 1 || depth > AD_MAX_COVER_DEPTH)
		return NULL;
	const char *r = NULL;
	if (d->version && (!require_bump || version_raised(df, d->version))) {
		r = d->version;
	} else {
		s->state[k][d->index] = 1;
		const struct ad_users *u = xi_map_get(&s->users, d->name, strlen(d->name));
		for (unsigned i = 0; u && i < u->n; i++) {
			const char *c = cover(df, s, u->list[i], require_bump, depth + 1);
			if (!c) {
				r = NULL;
				break;
			}
			if (!r)
				r = c;
		}
	}
	s->state[k][d->index] = 2;
	s->result[k][d->index] = r;
	return r;
}

static bool is_version_const(struct ad_differ *df, const char *name)
{
	struct xi_mf_model *ms[2] = { df->o, df->n };
	for (int k = 0; k < 2; k++)
		for (unsigned i = 0; i < ms[k]->ndecls; i++)
			if (ms[k]->decls[i]->input && streq(ms[k]->decls[i]->version, name))
				return true;
	return false;
}

static enum xi_prim mp_size_prim(unsigned size, bool is_signed)
{
	switch (size) {
	case 1: return is_signed ? XI_PRIM_I8 : XI_PRIM_U8;
	case 2: return is_signed ? XI_PRIM_I16 : XI_PRIM_U16;
	case 4: return is_signed ? XI_PRIM_I32 : XI_PRIM_U32;
	default: return is_signed ? XI_PRIM_I64 : XI_PRIM_U64;
	}
}

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
	char *s = xi_strndup(ar(df), name, len);
	struct xi_mf_decl *d = xi_mf_lookup(df->o, s, abi);
	xi_sb_adds(sb, d && d->renamed ? d->renamed->name : s);
}

const char *xi_ad_renamed_type(struct ad_differ *df, const char *type, int abi)
{
	struct xi_strbuf sb = XI_STRBUF_INIT;
	rewrite(df, &sb, type, to_new_name, abi, 0);
	const char *r = xi_strdup(ar(df), xi_sb_str(&sb));
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
	return xi_prims[mp_size_prim(size, is_signed)].name;
}

/* Aliases become their targets, enums and bitmaps their backing types. */
static void repr_name(struct ad_differ *df, struct xi_strbuf *sb, const char *name, size_t len,
		      int abi, unsigned depth)
{
	char *s = xi_strndup(ar(df), name, len);
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

static const char *repr(struct ad_differ *df, struct xi_mf_model *m, const char *type, int abi)
{
	struct xi_strbuf sb = XI_STRBUF_INIT;
	df->repr_model = m;
	rewrite(df, &sb, type, repr_name, abi, 0);
	const char *r = xi_strdup(ar(df), xi_sb_str(&sb));
	xi_sb_free(&sb);
	return r;
}

enum xi_ad_type_change xi_ad_compare_type(struct ad_differ *df, const char *ot, const char *nt,
					  int abi)
{
	if (streq(xi_ad_renamed_type(df, ot, abi), nt))
		return XI_AD_TYPE_SAME;
	const char *ro = xi_ad_renamed_type(df, repr(df, df->o, ot, abi), abi);
	const char *rn = repr(df, df->n, nt, abi);
	return streq(ro, rn) ? XI_AD_TYPE_SPELLING : XI_AD_TYPE_CHANGED;
}

/* --- Renamed declarations ------------------------------------------------------------ */

static bool same_labels(const struct xi_mf_member *a, const struct xi_mf_member *b)
{
	if (a->is_arm != b->is_arm || a->default_arm != b->default_arm || a->nlabels != b->nlabels)
		return false;
	for (unsigned i = 0; i < a->nlabels; i++)
		if (!streq(a->labels[i].name, b->labels[i].name) ||
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
	       same_labels(a, b) && streq(xi_ad_renamed_type(df, a->type[abi], abi), b->type[abi]);
}

/* Whether n is o under another name: the same facts on every ABI. */
static bool same_shape(struct ad_differ *df, const struct xi_mf_decl *o, const struct xi_mf_decl *n)
{
	if (o->kind != n->kind || (o->abis & df->common) != (n->abis & df->common) ||
	    !(o->abis & df->common))
		return false;
	switch (o->kind) {
	case XI_MF_CONST:
		return xi_int_eq(o->value, n->value) && streq(o->type, n->type) &&
		       streq(o->module, n->module);
	case XI_MF_ENUM:
	case XI_MF_BITMAP:
		if (!streq(o->type, n->type) || o->nvariants != n->nvariants)
			return false;
		for (unsigned i = 0; i < o->nvariants; i++) {
			const struct xi_mf_variant *a = &o->variants[i], *b = &n->variants[i];
			if (!streq(a->name, b->name) || !xi_int_eq(a->value, b->value) || a->lo != b->lo ||
			    a->hi != b->hi)
				return false;
		}
		return true;
	default:
		break;
	}
	if (o->nmembers != n->nmembers)
		return false;
	XI_FOR_EACH_ABI(a, o->abis & df->common) {
		if (o->size[a] != n->size[a] || o->align[a] != n->align[a])
			return false;
		if (o->kind == XI_MF_ALIAS && !streq(xi_ad_renamed_type(df, o->target[a], a), n->target[a]))
			return false;
		for (unsigned i = 0; i < o->nmembers; i++)
			if (!streq(o->members[i].path, n->members[i].path) ||
			    !xi_ad_same_member_shape(df, &o->members[i], &n->members[i], a))
				return false;
	}
	return true;
}

/* Whether a declaration of this name exists on the other side on some ABI
 * of d's. */
static bool name_kept(const struct ad_differ *df, const struct xi_mf_model *other,
		      const struct xi_mf_decl *d)
{
	XI_FOR_EACH_ABI(a, d->abis & df->common)
		if (xi_mf_lookup_input(other, d->name, a))
			return true;
	return false;
}

/* What two declarations must share to be one renamed: a cheap key, so
 * that the search compares each removed declaration with the few added
 * ones of its kind and size, not with all of them. */
static const char *shape_key(struct ad_differ *df, const struct xi_mf_decl *d)
{
	char buf[24];
	xi_abi_mask common = d->abis & df->common;
	int a = 0;
	XI_FOR_EACH_ABI(x, common) {
		a = x;
		break;
	}
	return xi_aprintf(ar(df), "%d %x %u %u %u %u %s", (int)d->kind, (unsigned)common, d->nmembers,
			  d->nvariants, (unsigned)d->size[a], (unsigned)d->align[a],
			  d->kind == XI_MF_CONST ? xi_int_format(d->value, buf) : "");
}

struct candidates {
	unsigned n, cap;
	unsigned first;       /* list[..first) are all paired already */
	struct xi_mf_decl **list;
};

static void find_renames(struct ad_differ *df)
{
	/* The added declarations, by shape key, in model order. */
	struct xi_map added;
	xi_map_init(&added);
	for (unsigned k = 0; k < df->n->ndecls; k++) {
		struct xi_mf_decl *n = df->n->decls[k];
		if (!n->input || name_kept(df, df->o, n))
			continue;
		const char *key = shape_key(df, n);
		struct candidates *c = xi_map_get(&added, key, strlen(key));
		if (!c) {
			c = XI_NEW(ar(df), struct candidates);
			xi_map_put(&added, key, strlen(key), c);
		}
		if (c->n == c->cap) {
			c->cap = c->cap ? c->cap * 2 : 4;
			struct xi_mf_decl **l = xi_alloc(ar(df), sizeof(*l) * c->cap);
			if (c->n)
				memcpy(l, c->list, sizeof(*l) * c->n);
			c->list = l;
		}
		c->list[c->n++] = n;
	}
	for (unsigned i = 0; i < df->o->ndecls; i++) {
		struct xi_mf_decl *o = df->o->decls[i];
		if (!o->input || name_kept(df, df->n, o))
			continue;
		const char *key = shape_key(df, o);
		struct candidates *c = xi_map_get(&added, key, strlen(key));
		while (c && c->first < c->n && c->list[c->first]->renamed)
			c->first++;
		for (unsigned k = c ? c->first : 0; c && k < c->n; k++) {
			struct xi_mf_decl *n = c->list[k];
			if (n->renamed || !same_shape(df, o, n))
				continue;
			o->renamed = n;
			n->renamed = o;
			break;
		}
	}
	xi_map_free(&added);
}

/* --- Enums and bitmaps ------------------------------------------------------------------ */

static int find_variant(const struct xi_mf_decl *d, const char *name)
{
	for (unsigned i = 0; i < d->nvariants; i++)
		if (!strcmp(d->variants[i].name, name))
			return (int)i;
	return -1;
}

static bool same_value(const struct xi_mf_decl *d, const struct xi_mf_variant *a,
		       const struct xi_mf_variant *b)
{
	return d->kind == XI_MF_ENUM ? xi_int_eq(a->value, b->value) : a->lo == b->lo && a->hi == b->hi;
}

static const char *bits_text(struct ad_differ *df, const struct xi_mf_variant *v)
{
	return v->lo == v->hi ? xi_aprintf(ar(df), "bit %u", v->lo)
			      : xi_aprintf(ar(df), "bits %u..%u", v->lo, v->hi);
}

static void compare_variants(struct ad_pair *p)
{
	const struct xi_mf_decl *o = p->o, *n = p->n;
	struct ad_differ *df = p->df;
	bool is_enum = o->kind == XI_MF_ENUM;
	const char *what = is_enum ? "value" : "bit";
	bool *used = xi_alloc(ar(df), n->nvariants + 1);
	bool *gone = xi_alloc(ar(df), o->nvariants + 1);
	for (unsigned i = 0; i < o->nvariants; i++) {
		const struct xi_mf_variant *ov = &o->variants[i];
		int j = find_variant(n, ov->name);
		if (j < 0) {
			gone[i] = true;
			continue;
		}
		const struct xi_mf_variant *nv = &n->variants[j];
		used[j] = true;
		if (is_enum && !xi_int_eq(ov->value, nv->value))
			xi_ad_value_changed(df, xi_ad_enum_value_key(df, n, nv->name, p->abi),
			    xi_ad_report(p, XI_AD_BREAKING, "renumbered", ov->loc, nv->loc,
			    "value '%s' changed from %s to %s", ov->name, xi_ad_int(df, ov->value),
			    xi_ad_int(df, nv->value)));
		else if (!is_enum && (ov->lo != nv->lo || ov->hi != nv->hi))
			xi_ad_report(p, XI_AD_BREAKING, "renumbered", ov->loc, nv->loc, "%s '%s' moved from %s to %s",
			    what, ov->name, bits_text(df, ov), bits_text(df, nv));
		if (!streq(ov->c_type, nv->c_type))
			xi_ad_report(p, XI_AD_API, "c-type", ov->loc, nv->loc, "C type of '%s' changed from %s to %s",
			    ov->name, ov->c_type ? ov->c_type : "(default)", nv->c_type ? nv->c_type : "(default)");
		if (!streq(ov->c_name, nv->c_name) && !n->renamed)
			xi_ad_report(p, XI_AD_API, "c-name", ov->loc, nv->loc, "C name of '%s' changed from %s to %s",
			    ov->name, ov->c_name ? ov->c_name : "(none)", nv->c_name ? nv->c_name : "(none)");
	}
	for (unsigned i = 0; i < o->nvariants; i++) {
		if (!gone[i])
			continue;
		const struct xi_mf_variant *ov = &o->variants[i];
		unsigned j;
		for (j = 0; j < n->nvariants; j++)
			if (!used[j] && find_variant(o, n->variants[j].name) < 0 &&
			    same_value(o, ov, &n->variants[j]))
				break;
		if (j < n->nvariants) {
			used[j] = true;
			xi_ad_report(p, XI_AD_API, "renamed", ov->loc, n->variants[j].loc, "%s '%s' renamed to '%s'",
			    what, ov->name, n->variants[j].name);
		} else {
			struct xi_mf_loc none = { NULL, 0, 0 };
			unsigned r = xi_ad_report(p, XI_AD_BREAKING, "removed", ov->loc, none, "%s '%s' removed",
						  what, ov->name);
			if (is_enum)
				xi_ad_value_changed(df, xi_ad_enum_value_key(df, n, ov->name, p->abi), r);
		}
	}
	for (unsigned j = 0; j < n->nvariants; j++) {
		if (used[j])
			continue;
		const struct xi_mf_variant *nv = &n->variants[j];
		struct xi_mf_loc none = { NULL, 0, 0 };
		if (is_enum)
			xi_ad_report(p, XI_AD_COMPATIBLE, "new-value", none, nv->loc, "new value '%s' = %s",
			    nv->name, xi_ad_int(df, nv->value));
		else
			xi_ad_report(p, XI_AD_COMPATIBLE, "new-bit", none, nv->loc, "new bit '%s' at %s", nv->name,
			    bits_text(df, nv));
	}
}

/* --- Declarations -------------------------------------------------------------------------- */

static const char *subject_of(struct ad_differ *df, const struct xi_mf_decl *d)
{
	return xi_aprintf(ar(df), "%s %s", d->kind == XI_MF_CONST ? "constant" : xi_mf_kind_name(d->kind),
			  d->name);
}

/* The declaration's size and alignment: consequences of its members'
 * changes, or of its alias target's. */
static void compare_layout(struct ad_pair *p)
{
	struct ad_differ *df = p->df;
	int a = p->abi;
	const struct xi_mf_decl *o = p->o, *n = p->n;
	struct ad_effect_spec e = { NULL, o->loc, n->loc, -1, NULL, NULL, -1,
				    n->kind == XI_MF_ALIAS ? xi_ad_named_type(df, n->target[a]) : NULL,
				    NULL, NULL };
	if (o->size[a] != n->size[a]) {
		e.rule = "size";
		e.own = xi_aprintf(ar(df), "size changed from %u to %u", (unsigned)o->size[a],
				   (unsigned)n->size[a]);
		xi_ad_effect(p, &e);
	}
	if (o->align[a] != n->align[a]) {
		e.rule = "align";
		e.own = xi_aprintf(ar(df), "alignment changed from %u to %u", (unsigned)o->align[a],
				   (unsigned)n->align[a]);
		xi_ad_effect(p, &e);
	}
}


/* How C declares an enum's values (@c_enum), for messages. */
static const char *c_enum_text(struct ad_pair *p, const char *c_enum)
{
	if (!c_enum)
		return "macros";
	if (!*c_enum)
		return "a tagged C enum";
	return xi_aprintf(ar(p->df), "the C enum typedef %s", c_enum);
}

static void compare_decl(struct ad_pair *p)
{
	struct ad_differ *df = p->df;
	const struct xi_mf_decl *o = p->o, *n = p->n;
	int a = p->abi;
	if (o->kind != n->kind) {
		xi_ad_cause(p, xi_ad_report(p, XI_AD_BREAKING, "kind", o->loc, n->loc, "was %s %s, is now %s %s",
		    o->kind == XI_MF_ALIAS || o->kind == XI_MF_ENUM ? "an" : "a", xi_mf_kind_name(o->kind),
		    n->kind == XI_MF_ALIAS || n->kind == XI_MF_ENUM ? "an" : "a", xi_mf_kind_name(n->kind)),
		    0, NULL);
		return;
	}
	if (n->renamed)
		xi_ad_report(p, XI_AD_API, "renamed", o->loc, n->loc, "renamed from %s", o->name);
	if (!streq(o->module, n->module))
		xi_ad_report(p, XI_AD_API, "moved", o->loc, n->loc, "moved from %s to %s", o->module, n->module);
	if (!streq(o->c_name, n->c_name))
		xi_ad_report(p, XI_AD_API, "c-name", o->loc, n->loc, "C name changed from %s to %s",
		    o->c_name ? o->c_name : o->name, n->c_name ? n->c_name : n->name);
	if (!streq(o->c_prefix, n->c_prefix) && !n->renamed)
		xi_ad_report(p, XI_AD_API, "c-name", o->loc, n->loc, "C macro prefix changed from %s to %s",
		    o->c_prefix ? o->c_prefix : "(default)", n->c_prefix ? n->c_prefix : "(default)");
	if (!streq(o->c_enum, n->c_enum))
		xi_ad_report(p, XI_AD_API, "c-enum", o->loc, n->loc, "C declaration changed from %s to %s",
		    c_enum_text(p, o->c_enum), c_enum_text(p, n->c_enum));
	if (!streq(o->c_type, n->c_type))
		xi_ad_report(p, XI_AD_API, "c-type", o->loc, n->loc, "C type changed from %s to %s",
		    o->c_type ? o->c_type : "(default)", n->c_type ? n->c_type : "(default)");
	switch (n->kind) {
	case XI_MF_CONST:
		if (!xi_int_eq(o->value, n->value)) {
			bool raised = xi_int_cmp(o->value, n->value) < 0;
			if (is_version_const(df, n->name) && raised)
				xi_ad_report(p, XI_AD_COMPATIBLE, "version-raised", o->loc, n->loc,
				    "interface version raised from %s to %s", xi_ad_int(df, o->value),
				    xi_ad_int(df, n->value));
			else
				xi_ad_value_changed(df, xi_ad_const_key(df, n->name, a),
				    xi_ad_report(p, XI_AD_BREAKING, "renumbered", o->loc, n->loc,
				    "value changed from %s to %s", xi_ad_int(df, o->value), xi_ad_int(df, n->value)));
		}
		if (!streq(o->type, n->type))
			xi_ad_report(p, XI_AD_API, "type-spelling", o->loc, n->loc, "type changed from %s to %s",
			    o->type, n->type);
		break;
	case XI_MF_ALIAS:
		compare_layout(p);
		switch (xi_ad_compare_type(df, o->target[a], n->target[a], a)) {
		case XI_AD_TYPE_SAME:
			break;
		case XI_AD_TYPE_SPELLING:
			xi_ad_report(p, XI_AD_API, "type-spelling", o->loc, n->loc,
			    "changed from %s to %s (the same representation)", o->target[a], n->target[a]);
			break;
		case XI_AD_TYPE_CHANGED: {
			unsigned r = xi_ad_report(p, XI_AD_BREAKING, "alias-type", o->loc, n->loc,
						  "changed from %s to %s", o->target[a], n->target[a]);
			if (o->size[a] != n->size[a] || o->align[a] != n->align[a])
				xi_ad_cause(p, r, 0, NULL);
			break;
		}
		}
		break;
	case XI_MF_ENUM:
	case XI_MF_BITMAP:
		if (!streq(o->type, n->type))
			xi_ad_cause(p, xi_ad_report(p, XI_AD_BREAKING, "backing", o->loc, n->loc,
			    "backing type changed from %s to %s", o->type, n->type), 0, NULL);
		compare_variants(p);
		break;
	case XI_MF_STRUCT:
	case XI_MF_UNION:
		compare_layout(p);
		xi_ad_compare_members(p);
		break;
	}
}

static void decl_reports(struct ad_differ *df)
{
	struct xi_mf_loc none = { NULL, 0, 0 };
	for (unsigned i = 0; i < df->n->ndecls; i++) {
		struct xi_mf_decl *n = df->n->decls[i];
		if (!n->input)
			continue;
		struct ad_pair p = { df, NULL, n, 0, n->abis & df->common, subject_of(df, n) };
		df->merge_from = df->out->nreports;
		XI_FOR_EACH_ABI(a, p.scope) {
			struct xi_mf_decl *o = n->renamed ? n->renamed : xi_mf_lookup_input(df->o, n->name, a);
			p.abi = a;
			if (o && o->renamed && o->renamed != n)
				o = NULL;
			if (!o) {
				p.o = NULL;
				xi_ad_report(&p, XI_AD_COMPATIBLE, n->kind == XI_MF_CONST ? "new-constant" : "new-type",
				    none, n->loc, "new %s", n->kind == XI_MF_CONST ? "constant"
				    : xi_mf_kind_name(n->kind));
				continue;
			}
			p.o = o;
			compare_decl(&p);
		}
	}
	for (unsigned i = 0; i < df->o->ndecls; i++) {
		struct xi_mf_decl *o = df->o->decls[i];
		struct ad_pair p = { df, o, NULL, 0, o->abis & df->common, subject_of(df, o) };
		df->merge_from = df->out->nreports;
		if (o->renamed || !o->input)
			continue;
		XI_FOR_EACH_ABI(a, p.scope) {
			if (xi_mf_lookup_input(df->n, o->name, a))
				continue;
			p.abi = a;
			xi_ad_report(&p, XI_AD_BREAKING, "removed", o->loc, none, "removed");
		}
	}
}

/* --- Output order --------------------------------------------------------------------------- */

static struct xi_mf_loc primary_loc(struct xi_mf_loc old_loc, struct xi_mf_loc new_loc)
{
	return new_loc.file ? new_loc : old_loc;
}

/* By file, line and column; no place first. */
static int loc_cmp(struct xi_mf_loc a, struct xi_mf_loc b)
{
	if (!a.file || !b.file)
		return (a.file != NULL) - (b.file != NULL);
	int c = strcmp(a.file, b.file);
	if (c)
		return c;
	if (a.line != b.line)
		return a.line < b.line ? -1 : 1;
	return a.col < b.col ? -1 : a.col > b.col;
}

/* Sort n items of `size` bytes by location, keeping the order of items
 * at the same place (qsort is not stable: the position breaks ties). */
struct sort_item {
	struct xi_mf_loc loc;
	unsigned pos;
};

static int sort_item_cmp(const void *a, const void *b)
{
	const struct sort_item *x = a, *y = b;
	int c = loc_cmp(x->loc, y->loc);
	return c ? c : x->pos < y->pos ? -1 : x->pos > y->pos;
}

static void sort_by_loc(struct xi_arena *arena, void *items, unsigned n, size_t size,
			struct xi_mf_loc (*loc_of)(const void *item))
{
	if (n < 2)
		return;
	struct sort_item *keys = xi_alloc(arena, sizeof(*keys) * n);
	char *copy = xi_alloc(arena, size * n);
	memcpy(copy, items, size * n);
	for (unsigned i = 0; i < n; i++) {
		keys[i].loc = loc_of(copy + size * i);
		keys[i].pos = i;
	}
	qsort(keys, n, sizeof(*keys), sort_item_cmp);
	for (unsigned i = 0; i < n; i++)
		memcpy((char *)items + size * i, copy + size * keys[i].pos, size);
}

static struct xi_mf_loc report_loc(const void *item)
{
	const struct xi_abidiff_report *r = item;
	return primary_loc(r->old_loc, r->new_loc);
}

static struct xi_mf_loc note_loc(const void *item)
{
	const struct xi_abidiff_note *n = item;
	return primary_loc(n->old_loc, n->new_loc);
}

static void sort_findings(struct xi_abidiff *d)
{
	sort_by_loc(&d->arena, d->reports, d->nreports, sizeof(*d->reports), report_loc);
	for (unsigned i = 0; i < d->nreports; i++)
		sort_by_loc(&d->arena, d->reports[i].notes, d->reports[i].nnotes,
			    sizeof(*d->reports[i].notes), note_loc);
}

struct xi_abidiff *xi_abidiff_run(struct xi_mf_model *old_model, struct xi_mf_model *new_model)
{
	struct xi_abidiff *d = xi_xmalloc(sizeof(*d));
	memset(d, 0, sizeof(*d));
	xi_arena_init(&d->arena);
	struct ad_differ df;
	memset(&df, 0, sizeof(df));
	df.out = d;
	df.o = old_model;
	df.n = new_model;
	df.common = old_model->abis & new_model->abis;
	for (unsigned i = 0; i < old_model->ndecls; i++)
		old_model->decls[i]->renamed = NULL;
	for (unsigned i = 0; i < new_model->ndecls; i++)
		new_model->decls[i]->renamed = NULL;
	side_init(&df, &df.so, old_model);
	side_init(&df, &df.sn, new_model);

	struct xi_mf_loc none = { NULL, 0, 0 };
	struct ad_pair p = { &df, NULL, NULL, 0, 0, NULL };
	XI_FOR_EACH_ABI(a, new_model->abis & ~old_model->abis) {
		p.abi = a;
		p.scope = XI_ABI_BIT(a);
		p.subject = xi_aprintf(ar(&df), "ABI %s", xi_abis[a].name);
		xi_ad_report(&p, XI_AD_COMPATIBLE, "new-abi", none, none, "new ABI");
	}
	XI_FOR_EACH_ABI(a, old_model->abis & ~new_model->abis) {
		p.abi = a;
		p.scope = XI_ABI_BIT(a);
		p.subject = xi_aprintf(ar(&df), "ABI %s", xi_abis[a].name);
		xi_ad_report(&p, XI_AD_BREAKING, "abi-removed", none, none, "removed");
	}
	find_renames(&df);
	xi_ad_causes_init(&df);
	decl_reports(&df);
	xi_ad_resolve_effects(&df);
	sort_findings(d);
	for (unsigned i = 0; i < d->nreports; i++)
		d->count[d->reports[i].cls]++;
	xi_ad_causes_free(&df);
	xi_map_free(&df.so.users);
	xi_map_free(&df.sn.users);
	return d;
}

void xi_abidiff_free(struct xi_abidiff *d)
{
	if (!d)
		return;
	xi_arena_free(&d->arena);
	free(d);
}
