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
 * A breaking change of a type that is covered by an @version(CONST)
 * declaration whose constant increased is reported as "breaking, version
 * bumped" and does not fail the run. A type is covered when it carries the
 * attribute itself, or when every type that uses it is covered. */
#include "abidiff.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "strbuf.h"

/* How deep the coverage search follows users of users, and how many
 * aliases a representation lookup follows: a bound on the stack a hostile
 * manifest can take. Beyond it a type counts as uncovered (the report
 * stays breaking) or keeps its spelling. */
#define AD_MAX_COVER_DEPTH 256u
#define AD_MAX_ALIAS_HOPS 64u

struct users {
	unsigned n, cap;
	struct xi_mf_decl **list;
};

/* One side's index for the version rule. */
struct side {
	struct xi_mf_model *m;
	struct xi_map users;          /* name -> struct users */
	unsigned char *state[2];      /* per decl: 0 new, 1 visiting, 2 done */
	const char **result[2];       /* [require_bump] */
};

struct differ {
	struct xi_abidiff *out;
	struct xi_mf_model *o, *n;
	struct side so, sn;
	xi_abi_mask common;
	unsigned merge_from;
	struct xi_mf_model *repr_model; /* the side repr_name looks names up in */
};

/* The declarations being compared, on one ABI. */
struct pair {
	struct differ *df;
	struct xi_mf_decl *o, *n;
	int abi;
	xi_abi_mask scope;
	const char *subject;
};

static struct xi_arena *ar(struct differ *df)
{
	return &df->out->arena;
}

static bool streq(const char *a, const char *b)
{
	return a == b || (a && b && !strcmp(a, b));
}

static const char *fmt_int(struct differ *df, struct xi_int v)
{
	char buf[24];
	return xi_strdup(ar(df), xi_int_format(v, buf));
}

/* --- Reports ----------------------------------------------------------------- */

static bool same_loc(struct xi_mf_loc a, struct xi_mf_loc b)
{
	return streq(a.file, b.file) && a.line == b.line && a.col == b.col;
}

static struct xi_abidiff_report *add_report(struct differ *df, enum xi_abidiff_class cls,
					    const char *rule, const char *subject,
					    struct xi_mf_loc ol, struct xi_mf_loc nl, int abi,
					    xi_abi_mask scope, const char *msg)
{
	struct xi_abidiff *d = df->out;
	for (unsigned i = df->merge_from; i < d->nreports; i++) {
		struct xi_abidiff_report *r = &d->reports[i];
		if (r->cls == cls && !strcmp(r->rule, rule) && !strcmp(r->subject, subject) &&
		    !strcmp(r->message, msg) && same_loc(r->old_loc, ol) && same_loc(r->new_loc, nl)) {
			r->abis |= XI_ABI_BIT(abi);
			return NULL;
		}
	}
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
	return r;
}

static const char *cover(struct differ *df, struct side *s, const struct xi_mf_decl *d,
			 bool require_bump, unsigned depth);

/* Report a difference of the pair; a breaking one may be accepted by a
 * version bump. */
__attribute__((format(printf, 6, 7)))
static void rep(struct pair *p, enum xi_abidiff_class cls, const char *rule,
		struct xi_mf_loc ol, struct xi_mf_loc nl, const char *fmt, ...)
{
	struct differ *df = p->df;
	struct xi_strbuf sb = XI_STRBUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	xi_sb_vprintf(&sb, fmt, ap);
	va_end(ap);
	const char *version = NULL, *hint = NULL;
	if (cls == XI_AD_BREAKING && (p->n || p->o)) {
		struct side *s = p->n ? &df->sn : &df->so;
		const struct xi_mf_decl *d = p->n ? p->n : p->o;
		const char *v = cover(df, s, d, true, 0);
		if (v) {
			struct xi_mf_decl *ov = xi_mf_lookup_any(df->o, v), *nv = xi_mf_lookup_any(df->n, v);
			cls = XI_AD_BUMPED;
			version = xi_aprintf(ar(df), "%s %s -> %s", v, fmt_int(df, ov->value),
					     fmt_int(df, nv->value));
		} else if ((v = cover(df, s, d, false, 0)) != NULL) {
			hint = xi_aprintf(ar(df), "interface version %s was not raised", v);
		}
	}
	struct xi_abidiff_report *r = add_report(df, cls, rule, p->subject, ol, nl, p->abi, p->scope,
						 xi_sb_str(&sb));
	if (r) {
		r->version = version;
		r->hint = hint;
	}
	xi_sb_free(&sb);
}

/* --- The version rule ---------------------------------------------------------- */

static bool is_ident_start(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

static bool is_ident_char(char c)
{
	return is_ident_start(c) || (c >= '0' && c <= '9');
}

/* Identifiers of a type spelling that may name declarations. Inline
 * aggregates ("struct { ... }") name none. */
typedef void (*ident_fn)(void *ctx, const char *name, size_t len);

static void for_each_name(const char *type, ident_fn fn, void *ctx)
{
	if (!type || xi_mf_type_is_inline(type))
		return;
	for (const char *p = type; *p;) {
		if (!is_ident_start(*p)) {
			p++;
			continue;
		}
		const char *q = p;
		while (is_ident_char(*q))
			q++;
		size_t n = (size_t)(q - p);
		bool keyword = (n == 6 && !memcmp(p, "handle", 6)) ||
			       (n == 13 && !memcmp(p, "native_handle", 13)) || (n == 4 && !memcmp(p, "void", 4));
		if (!keyword)
			fn(ctx, p, n);
		p = q;
	}
}

struct add_user_ctx {
	struct side *s;
	struct xi_arena *arena;
	struct xi_mf_decl *user;
};

static void add_user(void *vctx, const char *name, size_t len)
{
	struct add_user_ctx *c = vctx;
	struct users *u = xi_map_get(&c->s->users, name, len);
	if (!u) {
		u = XI_NEW(c->arena, struct users);
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

static void side_init(struct differ *df, struct side *s, struct xi_mf_model *m)
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
		XI_FOR_EACH_ABI(a, d->abis) {
			if (d->kind == XI_MF_ALIAS)
				for_each_name(d->target[a], add_user, &c);
			for (unsigned k = 0; k < d->nmembers; k++)
				for_each_name(d->members[k].type[a], add_user, &c);
		}
	}
}

static bool version_raised(struct differ *df, const char *name)
{
	const struct xi_mf_decl *o = xi_mf_lookup_any(df->o, name);
	const struct xi_mf_decl *n = xi_mf_lookup_any(df->n, name);
	return o && n && o->kind == XI_MF_CONST && n->kind == XI_MF_CONST &&
	       xi_int_cmp(o->value, n->value) < 0;
}

/* The version constant that covers d (raised, if require_bump), or NULL. */
static const char *cover(struct differ *df, struct side *s, const struct xi_mf_decl *d,
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
		const struct users *u = xi_map_get(&s->users, d->name, strlen(d->name));
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

static bool is_version_const(struct differ *df, const char *name)
{
	struct xi_mf_model *ms[2] = { df->o, df->n };
	for (int k = 0; k < 2; k++)
		for (unsigned i = 0; i < ms[k]->ndecls; i++)
			if (streq(ms[k]->decls[i]->version, name))
				return true;
	return false;
}

/* --- Type spellings --------------------------------------------------------------- */

/* Rewrite every name of a type spelling through fn. */
typedef void (*rewrite_fn)(struct differ *df, struct xi_strbuf *sb, const char *name, size_t len,
			   int abi, unsigned depth);

static void rewrite(struct differ *df, struct xi_strbuf *sb, const char *type, rewrite_fn fn,
		    int abi, unsigned depth)
{
	if (xi_mf_type_is_inline(type)) {
		xi_sb_adds(sb, type);
		return;
	}
	for (const char *p = type; *p;) {
		if (!is_ident_start(*p)) {
			xi_sb_addc(sb, *p++);
			continue;
		}
		const char *q = p;
		while (is_ident_char(*q))
			q++;
		fn(df, sb, p, (size_t)(q - p), abi, depth);
		p = q;
	}
}

/* Old names of renamed declarations become their new names. */
static void to_new_name(struct differ *df, struct xi_strbuf *sb, const char *name, size_t len,
			int abi, unsigned depth)
{
	char *s = xi_strndup(ar(df), name, len);
	struct xi_mf_decl *d = xi_mf_lookup(df->o, s, abi);
	xi_sb_adds(sb, d && d->renamed ? d->renamed->name : s);
}

static const char *renamed_type(struct differ *df, const char *type, int abi)
{
	struct xi_strbuf sb = XI_STRBUF_INIT;
	rewrite(df, &sb, type, to_new_name, abi, 0);
	const char *r = xi_strdup(ar(df), xi_sb_str(&sb));
	xi_sb_free(&sb);
	return r;
}

/* Aliases become their targets, enums and bitmaps their backing types. */
static void repr_name(struct differ *df, struct xi_strbuf *sb, const char *name, size_t len,
		      int abi, unsigned depth)
{
	char *s = xi_strndup(ar(df), name, len);
	struct xi_mf_decl *d = xi_mf_lookup(df->repr_model, s, abi);
	if (d && d->kind == XI_MF_ALIAS && d->target[abi] && depth < AD_MAX_ALIAS_HOPS)
		rewrite(df, sb, d->target[abi], repr_name, abi, depth + 1);
	else if (d && (d->kind == XI_MF_ENUM || d->kind == XI_MF_BITMAP))
		xi_sb_adds(sb, d->type);
	else
		xi_sb_adds(sb, s);
}

static const char *repr(struct differ *df, struct xi_mf_model *m, const char *type, int abi)
{
	struct xi_strbuf sb = XI_STRBUF_INIT;
	df->repr_model = m;
	rewrite(df, &sb, type, repr_name, abi, 0);
	const char *r = xi_strdup(ar(df), xi_sb_str(&sb));
	xi_sb_free(&sb);
	return r;
}

enum type_change { TYPE_SAME, TYPE_SPELLING, TYPE_CHANGED };

static enum type_change compare_type(struct differ *df, const char *ot, const char *nt, int abi)
{
	if (streq(renamed_type(df, ot, abi), nt))
		return TYPE_SAME;
	const char *ro = renamed_type(df, repr(df, df->o, ot, abi), abi);
	const char *rn = repr(df, df->n, nt, abi);
	return streq(ro, rn) ? TYPE_SPELLING : TYPE_CHANGED;
}

/* --- Renamed declarations ------------------------------------------------------------ */

static bool on_abi(const struct xi_mf_member *m, int abi)
{
	return (m->abis & XI_ABI_BIT(abi)) != 0;
}

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

static bool same_member_shape(struct differ *df, const struct xi_mf_member *a,
			      const struct xi_mf_member *b, int abi)
{
	if (on_abi(a, abi) != on_abi(b, abi))
		return false;
	if (!on_abi(a, abi))
		return true;
	return a->offset[abi] == b->offset[abi] && a->size[abi] == b->size[abi] &&
	       a->align[abi] == b->align[abi] && a->dir == b->dir && a->reserved == b->reserved &&
	       same_labels(a, b) && streq(renamed_type(df, a->type[abi], abi), b->type[abi]);
}

/* Whether n is o under another name: the same facts on every ABI. */
static bool same_shape(struct differ *df, const struct xi_mf_decl *o, const struct xi_mf_decl *n)
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
		if (o->kind == XI_MF_ALIAS && !streq(renamed_type(df, o->target[a], a), n->target[a]))
			return false;
		for (unsigned i = 0; i < o->nmembers; i++)
			if (!streq(o->members[i].path, n->members[i].path) ||
			    !same_member_shape(df, &o->members[i], &n->members[i], a))
				return false;
	}
	return true;
}

/* Whether a declaration of this name exists on the other side on some ABI
 * of d's. */
static bool name_kept(const struct differ *df, const struct xi_mf_model *other,
		      const struct xi_mf_decl *d)
{
	XI_FOR_EACH_ABI(a, d->abis & df->common)
		if (xi_mf_lookup(other, d->name, a))
			return true;
	return false;
}

/* What two declarations must share to be one renamed: a cheap key, so
 * that the search compares each removed declaration with the few added
 * ones of its kind and size, not with all of them. */
static const char *shape_key(struct differ *df, const struct xi_mf_decl *d)
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

static void find_renames(struct differ *df)
{
	/* The added declarations, by shape key, in model order. */
	struct xi_map added;
	xi_map_init(&added);
	for (unsigned k = 0; k < df->n->ndecls; k++) {
		struct xi_mf_decl *n = df->n->decls[k];
		if (name_kept(df, df->o, n))
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
		if (name_kept(df, df->n, o))
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

static const char *bits_text(struct differ *df, const struct xi_mf_variant *v)
{
	return v->lo == v->hi ? xi_aprintf(ar(df), "bit %u", v->lo)
			      : xi_aprintf(ar(df), "bits %u..%u", v->lo, v->hi);
}

static void compare_variants(struct pair *p)
{
	const struct xi_mf_decl *o = p->o, *n = p->n;
	struct differ *df = p->df;
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
			rep(p, XI_AD_BREAKING, "renumbered", ov->loc, nv->loc,
			    "value '%s' changed from %s to %s", ov->name, fmt_int(df, ov->value),
			    fmt_int(df, nv->value));
		else if (!is_enum && (ov->lo != nv->lo || ov->hi != nv->hi))
			rep(p, XI_AD_BREAKING, "renumbered", ov->loc, nv->loc, "%s '%s' moved from %s to %s",
			    what, ov->name, bits_text(df, ov), bits_text(df, nv));
		if (!streq(ov->c_name, nv->c_name) && !n->renamed)
			rep(p, XI_AD_API, "c-name", ov->loc, nv->loc, "C name of '%s' changed from %s to %s",
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
			rep(p, XI_AD_API, "renamed", ov->loc, n->variants[j].loc, "%s '%s' renamed to '%s'",
			    what, ov->name, n->variants[j].name);
		} else {
			struct xi_mf_loc none = { NULL, 0, 0 };
			rep(p, XI_AD_BREAKING, "removed", ov->loc, none, "%s '%s' removed", what, ov->name);
		}
	}
	for (unsigned j = 0; j < n->nvariants; j++) {
		if (used[j])
			continue;
		const struct xi_mf_variant *nv = &n->variants[j];
		struct xi_mf_loc none = { NULL, 0, 0 };
		if (is_enum)
			rep(p, XI_AD_COMPATIBLE, "new-value", none, nv->loc, "new value '%s' = %s",
			    nv->name, fmt_int(df, nv->value));
		else
			rep(p, XI_AD_COMPATIBLE, "new-bit", none, nv->loc, "new bit '%s' at %s", nv->name,
			    bits_text(df, nv));
	}
}

/* --- Members --------------------------------------------------------------------------- */

struct span {
	uint64_t s, e;
};

static int span_cmp(const void *a, const void *b)
{
	const struct span *x = a, *y = b;
	return x->s < y->s ? -1 : x->s > y->s;
}

static struct span span_of(const struct xi_mf_member *m, int abi)
{
	struct span s = { m->offset[abi], (uint64_t)m->offset[abi] + m->size[abi] };
	return s;
}

/* The members that hold bytes themselves, overlapping [s, e), that are
 * (want_reserved) or are not reserved. Sorted by start; n in *count. */
static struct span *leaves_in(struct differ *df, const struct xi_mf_decl *d, int abi,
			      struct span r, int want_reserved, unsigned *count)
{
	struct span *v = xi_alloc(ar(df), sizeof(*v) * (d->nmembers + 1));
	unsigned n = 0;
	for (unsigned i = 0; i < d->nmembers; i++) {
		const struct xi_mf_member *m = &d->members[i];
		if (!m->leaf || m->under_leaf || !on_abi(m, abi))
			continue;
		if (want_reserved >= 0 && m->eff_reserved != (want_reserved != 0))
			continue;
		struct span s = span_of(m, abi);
		if (s.e > r.s && s.s < r.e && s.e > s.s)
			v[n++] = s;
	}
	qsort(v, n, sizeof(*v), span_cmp);
	*count = n;
	return v;
}

/* The first byte range of r that no span covers: false when none. */
static bool first_gap(const struct span *v, unsigned n, struct span r, struct span *gap,
		      uint64_t *missing)
{
	uint64_t cur = r.s;
	bool found = false;
	*missing = 0;
	for (unsigned i = 0; i <= n; i++) {
		uint64_t next = i < n ? (v[i].s < r.s ? r.s : v[i].s) : r.e;
		if (next > r.e)
			next = r.e;
		if (next > cur) {
			if (!found) {
				gap->s = cur;
				gap->e = next;
				found = true;
			}
			*missing += next - cur;
		}
		if (i < n && v[i].e > cur)
			cur = v[i].e;
	}
	return found;
}

/* Whether every byte of r was reserved on the old side: covered by reserved
 * members, and by nothing that carries data. */
static bool was_reserved(struct differ *df, const struct xi_mf_decl *o, int abi, struct span r)
{
	if (r.s == r.e)
		return false;
	if (r.e > o->size[abi])
		return false;
	unsigned n;
	leaves_in(df, o, abi, r, 0, &n);
	if (n)
		return false;
	struct span *v = leaves_in(df, o, abi, r, 1, &n);
	struct span gap;
	uint64_t missing;
	return !first_gap(v, n, r, &gap, &missing);
}

static const char *range_text(struct differ *df, struct span s)
{
	return s.e == s.s + 1 ? xi_aprintf(ar(df), "byte %llu", (unsigned long long)s.s)
			      : xi_aprintf(ar(df), "bytes %llu..%llu", (unsigned long long)s.s,
					   (unsigned long long)s.e - 1);
}

static const char *were(struct span s)
{
	return s.e == s.s + 1 ? "was" : "were";
}

static const char *dir_text(unsigned dir)
{
	const char *s = xi_mf_dir_name(dir);
	return s ? s : "none";
}

/* Whether another arm of nm's union lists this value. */
static bool listed_by_sibling(const struct xi_mf_decl *d, const struct xi_mf_member *nm,
			      struct xi_int value)
{
	for (unsigned i = 0; i < d->nmembers; i++) {
		const struct xi_mf_member *m = &d->members[i];
		if (m == nm || m->parent != nm->parent || !m->is_arm)
			continue;
		for (unsigned k = 0; k < m->nlabels; k++)
			if (xi_int_eq(m->labels[k].value, value))
				return true;
	}
	return false;
}

/* The old side's default arm of the union that holds new arm nm (the
 * union matched by path), or NULL. */
static const struct xi_mf_member *old_default_arm(const struct pair *p, const int *n2o,
						  const struct xi_mf_member *nm)
{
	int op = nm->parent >= 0 ? n2o[nm->parent] : -1;
	if (nm->parent >= 0 && op < 0)
		return NULL;
	for (unsigned i = 0; i < p->o->nmembers; i++) {
		const struct xi_mf_member *m = &p->o->members[i];
		if (m->parent == op && m->default_arm && on_abi(m, p->abi))
			return m;
	}
	return NULL;
}

/* Whether the old side's tag could hold this value: a value of the tag's
 * enum then, or any value of an integer tag. */
static bool old_tag_had(struct pair *p, const int *n2o, const struct xi_mf_member *nm,
			struct xi_int value)
{
	int a = p->abi;
	int ui = nm->parent >= 0 ? n2o[nm->parent] : -1;
	if (ui < 0)
		return true;
	const struct xi_mf_member *u = &p->o->members[ui];
	const char *open = strchr(u->type[a], '('), *close = strchr(u->type[a], ')');
	if (!open || !close || close < open)
		return true;
	const char *tag = xi_aprintf(ar(p->df), "%s%s%.*s", u->parent >= 0 ? p->o->members[u->parent].path : "",
				     u->parent >= 0 ? "." : "", (int)(close - open - 1), open + 1);
	int ti = xi_mf_member_index(p->o, tag);
	if (ti < 0 || !on_abi(&p->o->members[ti], a))
		return true;
	const struct xi_mf_decl *e = xi_mf_lookup(p->df->o, p->o->members[ti].type[a], a);
	if (!e || e->kind != XI_MF_ENUM)
		return true;
	for (unsigned i = 0; i < e->nvariants; i++)
		if (xi_int_eq(e->variants[i].value, value))
			return true;
	return false;
}

/* A label of a new arm, or a new label of an arm, took a tag value that
 * the old default arm received: that value now selects other data. */
static bool took_from_default(struct pair *p, const int *n2o, const struct xi_mf_member *nm,
			      const struct xi_mf_label *l)
{
	const struct xi_mf_member *def = old_default_arm(p, n2o, nm);
	if (!def || !old_tag_had(p, n2o, nm, l->value))
		return false;
	rep(p, XI_AD_BREAKING, "arm-label-moved", def->loc, nm->loc,
	    "tag value %s%s%s now selects arm '%s', not the default arm '%s'", l->name ? l->name : "",
	    l->name ? " = " : "", fmt_int(p->df, l->value), nm->path, def->path);
	return true;
}

static void compare_arm(struct pair *p, const int *n2o, const struct xi_mf_member *om,
			const struct xi_mf_member *nm)
{
	struct differ *df = p->df;
	if (!om->is_arm || !nm->is_arm)
		return;
	if (om->default_arm && !nm->default_arm)
		rep(p, XI_AD_BREAKING, "arm-label-removed", om->loc, nm->loc,
		    "arm '%s' is no longer the default arm", nm->path);
	else if (!om->default_arm && nm->default_arm)
		rep(p, XI_AD_COMPATIBLE, "new-arm-label", om->loc, nm->loc,
		    "arm '%s' becomes the default arm", nm->path);
	bool *used = xi_alloc(ar(df), nm->nlabels + 1);
	for (unsigned i = 0; i < om->nlabels; i++) {
		const struct xi_mf_label *ol = &om->labels[i];
		unsigned j;
		for (j = 0; j < nm->nlabels; j++)
			if (ol->name ? streq(ol->name, nm->labels[j].name)
				     : !nm->labels[j].name && xi_int_eq(ol->value, nm->labels[j].value))
				break;
		if (j < nm->nlabels) {
			used[j] = true;
			if (!xi_int_eq(ol->value, nm->labels[j].value))
				rep(p, XI_AD_BREAKING, "renumbered", om->loc, nm->loc,
				    "arm '%s': label '%s' changed from %s to %s", nm->path, ol->name,
				    fmt_int(df, ol->value), fmt_int(df, nm->labels[j].value));
			continue;
		}
		/* The same value under another name: a renamed enum value. */
		for (j = 0; j < nm->nlabels; j++)
			if (!used[j] && xi_int_eq(ol->value, nm->labels[j].value))
				break;
		if (j < nm->nlabels) {
			used[j] = true;
			continue;
		}
		/* The default arm still takes values no other arm lists. */
		if (nm->default_arm && !listed_by_sibling(p->n, nm, ol->value))
			continue;
		rep(p, XI_AD_BREAKING, "arm-label-removed", om->loc, nm->loc,
		    "arm '%s' is no longer selected by %s%s%s", nm->path, ol->name ? ol->name : "",
		    ol->name ? " = " : "", fmt_int(df, ol->value));
	}
	for (unsigned j = 0; j < nm->nlabels; j++) {
		if (used[j])
			continue;
		const struct xi_mf_label *nl = &nm->labels[j];
		if (!om->default_arm && took_from_default(p, n2o, nm, nl))
			continue;
		rep(p, XI_AD_COMPATIBLE, "new-arm-label", om->loc, nm->loc,
		    "arm '%s' is also selected by %s%s%s", nm->path, nl->name ? nl->name : "",
		    nl->name ? " = " : "", fmt_int(df, nl->value));
	}
}

static bool layout_differs(const struct xi_mf_member *a, const struct xi_mf_member *b, int abi)
{
	return a->offset[abi] != b->offset[abi] || a->size[abi] != b->size[abi] ||
	       a->align[abi] != b->align[abi];
}

/* A member moved only because its enclosing member moved. */
static bool moved_with_parent(const struct pair *p, const int *o2n, const struct xi_mf_member *om,
			      const struct xi_mf_member *nm)
{
	int a = p->abi;
	if (om->parent < 0 || o2n[om->parent] != nm->parent)
		return false;
	const struct xi_mf_member *op = &p->o->members[om->parent];
	const struct xi_mf_member *np = &p->n->members[nm->parent];
	return layout_differs(op, np, a) && om->size[a] == nm->size[a] && om->align[a] == nm->align[a] &&
	       om->offset[a] - op->offset[a] == nm->offset[a] - np->offset[a];
}

static const char *last_component(const char *path)
{
	const char *dot = strrchr(path, '.');
	return dot ? dot + 1 : path;
}

static void compare_pair(struct pair *p, const int *o2n, const int *n2o,
			 const struct xi_mf_member *om, const struct xi_mf_member *nm, bool renamed)
{
	struct differ *df = p->df;
	int a = p->abi;
	if (renamed && strcmp(last_component(om->path), last_component(nm->path)))
		rep(p, XI_AD_API, "renamed", om->loc, nm->loc, "member '%s' renamed to '%s'", om->path,
		    nm->path);
	if (!streq(om->c_name, nm->c_name))
		rep(p, XI_AD_API, "c-name", om->loc, nm->loc, "C name of member '%s' changed from %s to %s",
		    nm->path, om->c_name ? om->c_name : nm->path, nm->c_name ? nm->c_name : nm->path);
	struct span ns = span_of(nm, a), os = span_of(om, a);
	if (om->eff_reserved && nm->eff_reserved) {
		/* Nothing reads reserved bytes: only where they are matters. */
		if (layout_differs(om, nm, a)) {
			/* Bytes it gives up that nothing else covers are reported
			 * by check_reserved_kept, as a shrinking region. */
			unsigned n;
			uint64_t missing;
			struct span gap, *v = leaves_in(df, p->n, a, os, -1, &n);
			if (!was_reserved(df, p->o, a, ns))
				rep(p, XI_AD_BREAKING, "reserved-grown", om->loc, nm->loc,
				    "reserved member '%s' now covers %s, which %s not all reserved",
				    nm->path, range_text(df, ns), were(ns));
			else if (!first_gap(v, n, os, &gap, &missing))
				rep(p, XI_AD_COMPATIBLE, "reserved-resized", om->loc, nm->loc,
				    "reserved member '%s' now covers %s (was %s)", nm->path,
				    range_text(df, ns), range_text(df, os));
		}
		if (!streq(renamed_type(df, om->type[a], a), nm->type[a]))
			rep(p, XI_AD_API, "type-spelling", om->loc, nm->loc,
			    "type of reserved member '%s' changed from %s to %s", nm->path, om->type[a],
			    nm->type[a]);
		return;
	}
	if (om->eff_reserved) {
		if (was_reserved(df, p->o, a, ns))
			rep(p, XI_AD_COMPATIBLE, "reserved-named", om->loc, nm->loc,
			    "reserved member '%s' gets a meaning", nm->path);
		else
			rep(p, XI_AD_BREAKING, "member-layout", om->loc, nm->loc,
			    "reserved member '%s' gets a meaning in %s, which %s not all reserved",
			    nm->path, range_text(df, ns), were(ns));
		return;
	}
	if (nm->eff_reserved)
		rep(p, XI_AD_BREAKING, "became-reserved", om->loc, nm->loc,
		    "member '%s' becomes reserved: what it carried is gone", nm->path);
	if (layout_differs(om, nm, a) && !moved_with_parent(p, o2n, om, nm)) {
		struct xi_strbuf sb = XI_STRBUF_INIT;
		if (om->offset[a] != nm->offset[a])
			xi_sb_printf(&sb, ", offset %u -> %u", (unsigned)om->offset[a], (unsigned)nm->offset[a]);
		if (om->size[a] != nm->size[a])
			xi_sb_printf(&sb, ", size %u -> %u", (unsigned)om->size[a], (unsigned)nm->size[a]);
		if (om->align[a] != nm->align[a])
			xi_sb_printf(&sb, ", alignment %u -> %u", (unsigned)om->align[a],
				     (unsigned)nm->align[a]);
		rep(p, XI_AD_BREAKING, "member-layout", om->loc, nm->loc, "member '%s': %s", nm->path,
		    xi_sb_str(&sb) + 2);
		xi_sb_free(&sb);
	}
	switch (compare_type(df, om->type[a], nm->type[a], a)) {
	case TYPE_SAME:
		break;
	case TYPE_SPELLING:
		rep(p, XI_AD_API, "type-spelling", om->loc, nm->loc,
		    "type of member '%s' changed from %s to %s (the same representation)", nm->path,
		    om->type[a], nm->type[a]);
		break;
	case TYPE_CHANGED:
		rep(p, XI_AD_BREAKING, "member-type", om->loc, nm->loc,
		    "type of member '%s' changed from %s to %s", nm->path, om->type[a], nm->type[a]);
		break;
	}
	if (om->dir != nm->dir && !nm->eff_reserved) {
		if ((nm->dir & om->dir) == om->dir)
			rep(p, XI_AD_COMPATIBLE, "direction-widened", om->loc, nm->loc,
			    "direction of member '%s' widens from %s to %s", nm->path, dir_text(om->dir),
			    dir_text(nm->dir));
		else
			rep(p, XI_AD_BREAKING, "direction-narrowed", om->loc, nm->loc,
			    "direction of member '%s' narrows from %s to %s", nm->path, dir_text(om->dir),
			    dir_text(nm->dir));
	}
	compare_arm(p, n2o, om, nm);
}

/* Whether a new member of a union fits in the bytes the union had. */
static bool fits_old_union(const struct pair *p, const int *n2o, const struct xi_mf_member *nm)
{
	int a = p->abi;
	if (!nm->in_union)
		return false;
	uint64_t s, e;
	if (nm->parent < 0) {
		s = 0;
		e = p->o->size[a];
		if (p->o->kind != XI_MF_UNION)
			return false;
	} else {
		if (n2o[nm->parent] < 0)
			return false;
		const struct xi_mf_member *op = &p->o->members[n2o[nm->parent]];
		s = op->offset[a];
		e = s + op->size[a];
	}
	struct span ns = span_of(nm, a);
	return ns.s >= s && ns.e <= e;
}

static void new_member(struct pair *p, const int *n2o, const struct xi_mf_member *nm)
{
	struct differ *df = p->df;
	int a = p->abi;
	struct span ns = span_of(nm, a);
	struct xi_mf_loc none = { NULL, 0, 0 };
	if (was_reserved(df, p->o, a, ns)) {
		if (nm->eff_reserved) {
			rep(p, XI_AD_COMPATIBLE, "reserved-resized", none, nm->loc,
			    "new reserved member '%s' in reserved %s", nm->path, range_text(df, ns));
			return;
		}
		/* The old reserved member it replaces exactly, if one does. */
		for (unsigned i = 0; i < p->o->nmembers; i++) {
			const struct xi_mf_member *om = &p->o->members[i];
			if (om->reserved && on_abi(om, a) && om->offset[a] == nm->offset[a] &&
			    om->size[a] == nm->size[a] &&
			    xi_mf_member_index(p->n, om->path) < 0) {
				rep(p, XI_AD_COMPATIBLE, "reserved-named", om->loc, nm->loc,
				    "reserved member '%s' becomes '%s'", om->path, nm->path);
				return;
			}
		}
		rep(p, XI_AD_COMPATIBLE, "reserved-named", none, nm->loc,
		    "new member '%s' in reserved %s", nm->path, range_text(df, ns));
		return;
	}
	if (fits_old_union(p, n2o, nm)) {
		bool moved = false;
		for (unsigned i = 0; i < nm->nlabels; i++)
			moved |= took_from_default(p, n2o, nm, &nm->labels[i]);
		if (moved)
			return;
		if (nm->is_arm)
			rep(p, XI_AD_COMPATIBLE, "new-arm", none, nm->loc, "new union arm '%s'", nm->path);
		else
			rep(p, XI_AD_COMPATIBLE, "new-member", none, nm->loc, "new union member '%s'",
			    nm->path);
		return;
	}
	if (ns.e > p->o->size[a])
		rep(p, XI_AD_BREAKING, "member-added", none, nm->loc,
		    "new member '%s' at %s, past the old end (%u)", nm->path, range_text(df, ns),
		    (unsigned)p->o->size[a]);
	else
		rep(p, XI_AD_BREAKING, "member-added", none, nm->loc,
		    "new member '%s' at %s, which %s not reserved", nm->path, range_text(df, ns),
		    were(ns));
}

/* Old reserved bytes that no member of the new side covers. */
static void check_reserved_kept(struct pair *p)
{
	struct differ *df = p->df;
	int a = p->abi;
	for (unsigned i = 0; i < p->o->nmembers; i++) {
		const struct xi_mf_member *om = &p->o->members[i];
		if (!om->leaf || om->under_leaf || !om->eff_reserved || !on_abi(om, a))
			continue;
		struct span r = span_of(om, a), gap;
		unsigned n;
		uint64_t missing;
		struct span *v = leaves_in(df, p->n, a, r, -1, &n);
		if (!first_gap(v, n, r, &gap, &missing))
			continue;
		int j = xi_mf_member_index(p->n, om->path);
		struct xi_mf_loc nl = j >= 0 ? p->n->members[j].loc : p->n->loc;
		rep(p, XI_AD_BREAKING, "reserved-shrunk", om->loc, nl,
		    "reserved %s (of '%s') %s no longer reserved", range_text(df, gap), om->path,
		    gap.e == gap.s + 1 ? "is" : "are");
	}
}

static void compare_members(struct pair *p)
{
	struct differ *df = p->df;
	const struct xi_mf_decl *o = p->o, *n = p->n;
	int a = p->abi;
	int *o2n = xi_alloc(ar(df), sizeof(int) * (o->nmembers + 1));
	int *n2o = xi_alloc(ar(df), sizeof(int) * (n->nmembers + 1));
	bool *renamed = xi_alloc(ar(df), o->nmembers + 1);
	for (unsigned i = 0; i < o->nmembers; i++)
		o2n[i] = -1;
	for (unsigned j = 0; j < n->nmembers; j++)
		n2o[j] = -1;
	for (unsigned i = 0; i < o->nmembers; i++) {
		int j = xi_mf_member_index(n, o->members[i].path);
		if (j >= 0 && on_abi(&o->members[i], a) && on_abi(&n->members[j], a)) {
			o2n[i] = j;
			n2o[j] = (int)i;
		}
	}
	/* Renames: same place, type, direction and labels, under the same
	 * (or a renamed) parent. Parents come first, so their links exist. */
	for (unsigned i = 0; i < o->nmembers; i++) {
		const struct xi_mf_member *om = &o->members[i];
		if (o2n[i] >= 0 || !on_abi(om, a))
			continue;
		for (unsigned j = 0; j < n->nmembers; j++) {
			const struct xi_mf_member *nm = &n->members[j];
			if (n2o[j] >= 0 || !on_abi(nm, a))
				continue;
			int op = om->parent >= 0 ? o2n[om->parent] : -1;
			if (op != nm->parent || !same_member_shape(df, om, nm, a))
				continue;
			o2n[i] = (int)j;
			n2o[j] = (int)i;
			renamed[i] = true;
			break;
		}
	}
	for (unsigned i = 0; i < o->nmembers; i++)
		if (o2n[i] >= 0)
			compare_pair(p, o2n, n2o, &o->members[i], &n->members[o2n[i]], renamed[i]);
	for (unsigned i = 0; i < o->nmembers; i++) {
		const struct xi_mf_member *om = &o->members[i];
		if (o2n[i] >= 0 || om->eff_reserved || !on_abi(om, a) ||
		    (om->parent >= 0 && o2n[om->parent] < 0))
			continue;
		struct xi_mf_loc none = { NULL, 0, 0 };
		rep(p, XI_AD_BREAKING, "member-removed", om->loc, none, "%s '%s' removed",
		    om->is_arm ? "union arm" : "member", om->path);
	}
	for (unsigned j = 0; j < n->nmembers; j++) {
		const struct xi_mf_member *nm = &n->members[j];
		if (n2o[j] >= 0 || !on_abi(nm, a) || (nm->parent >= 0 && n2o[nm->parent] < 0))
			continue;
		new_member(p, n2o, nm);
	}
	check_reserved_kept(p);
}

/* --- Declarations -------------------------------------------------------------------------- */

static const char *subject_of(struct differ *df, const struct xi_mf_decl *d)
{
	return xi_aprintf(ar(df), "%s %s", d->kind == XI_MF_CONST ? "constant" : xi_mf_kind_name(d->kind),
			  d->name);
}

static void compare_layout(struct pair *p)
{
	int a = p->abi;
	const struct xi_mf_decl *o = p->o, *n = p->n;
	if (o->size[a] != n->size[a])
		rep(p, XI_AD_BREAKING, "size", o->loc, n->loc, "size changed from %u to %u",
		    (unsigned)o->size[a], (unsigned)n->size[a]);
	if (o->align[a] != n->align[a])
		rep(p, XI_AD_BREAKING, "align", o->loc, n->loc, "alignment changed from %u to %u",
		    (unsigned)o->align[a], (unsigned)n->align[a]);
}

static void compare_decl(struct pair *p)
{
	struct differ *df = p->df;
	const struct xi_mf_decl *o = p->o, *n = p->n;
	int a = p->abi;
	if (o->kind != n->kind) {
		rep(p, XI_AD_BREAKING, "kind", o->loc, n->loc, "was %s %s, is now %s %s",
		    o->kind == XI_MF_ALIAS || o->kind == XI_MF_ENUM ? "an" : "a", xi_mf_kind_name(o->kind),
		    n->kind == XI_MF_ALIAS || n->kind == XI_MF_ENUM ? "an" : "a", xi_mf_kind_name(n->kind));
		return;
	}
	if (n->renamed)
		rep(p, XI_AD_API, "renamed", o->loc, n->loc, "renamed from %s", o->name);
	if (!streq(o->module, n->module))
		rep(p, XI_AD_API, "moved", o->loc, n->loc, "moved from %s to %s", o->module, n->module);
	if (!streq(o->c_name, n->c_name))
		rep(p, XI_AD_API, "c-name", o->loc, n->loc, "C name changed from %s to %s",
		    o->c_name ? o->c_name : o->name, n->c_name ? n->c_name : n->name);
	if (!streq(o->c_prefix, n->c_prefix) && !n->renamed)
		rep(p, XI_AD_API, "c-name", o->loc, n->loc, "C macro prefix changed from %s to %s",
		    o->c_prefix ? o->c_prefix : "(default)", n->c_prefix ? n->c_prefix : "(default)");
	switch (n->kind) {
	case XI_MF_CONST:
		if (!xi_int_eq(o->value, n->value)) {
			bool raised = xi_int_cmp(o->value, n->value) < 0;
			if (is_version_const(df, n->name) && raised)
				rep(p, XI_AD_COMPATIBLE, "version-raised", o->loc, n->loc,
				    "interface version raised from %s to %s", fmt_int(df, o->value),
				    fmt_int(df, n->value));
			else
				rep(p, XI_AD_BREAKING, "renumbered", o->loc, n->loc, "value changed from %s to %s",
				    fmt_int(df, o->value), fmt_int(df, n->value));
		}
		if (!streq(o->type, n->type))
			rep(p, XI_AD_API, "type-spelling", o->loc, n->loc, "type changed from %s to %s",
			    o->type, n->type);
		break;
	case XI_MF_ALIAS:
		compare_layout(p);
		switch (compare_type(df, o->target[a], n->target[a], a)) {
		case TYPE_SAME:
			break;
		case TYPE_SPELLING:
			rep(p, XI_AD_API, "type-spelling", o->loc, n->loc,
			    "changed from %s to %s (the same representation)", o->target[a], n->target[a]);
			break;
		case TYPE_CHANGED:
			rep(p, XI_AD_BREAKING, "alias-type", o->loc, n->loc, "changed from %s to %s",
			    o->target[a], n->target[a]);
			break;
		}
		break;
	case XI_MF_ENUM:
	case XI_MF_BITMAP:
		if (!streq(o->type, n->type))
			rep(p, XI_AD_BREAKING, "backing", o->loc, n->loc,
			    "backing type changed from %s to %s", o->type, n->type);
		compare_variants(p);
		break;
	case XI_MF_STRUCT:
	case XI_MF_UNION:
		compare_layout(p);
		compare_members(p);
		break;
	}
}

static void decl_reports(struct differ *df)
{
	struct xi_mf_loc none = { NULL, 0, 0 };
	for (unsigned i = 0; i < df->n->ndecls; i++) {
		struct xi_mf_decl *n = df->n->decls[i];
		struct pair p = { df, NULL, n, 0, n->abis & df->common, subject_of(df, n) };
		df->merge_from = df->out->nreports;
		XI_FOR_EACH_ABI(a, p.scope) {
			struct xi_mf_decl *o = n->renamed ? n->renamed : xi_mf_lookup(df->o, n->name, a);
			p.abi = a;
			if (o && o->renamed && o->renamed != n)
				o = NULL;
			if (!o) {
				p.o = NULL;
				rep(&p, XI_AD_COMPATIBLE, n->kind == XI_MF_CONST ? "new-constant" : "new-type",
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
		struct pair p = { df, o, NULL, 0, o->abis & df->common, subject_of(df, o) };
		df->merge_from = df->out->nreports;
		if (o->renamed)
			continue;
		XI_FOR_EACH_ABI(a, p.scope) {
			if (xi_mf_lookup(df->n, o->name, a))
				continue;
			p.abi = a;
			rep(&p, XI_AD_BREAKING, "removed", o->loc, none, "removed");
		}
	}
}

struct xi_abidiff *xi_abidiff_run(struct xi_mf_model *old_model, struct xi_mf_model *new_model)
{
	struct xi_abidiff *d = xi_xmalloc(sizeof(*d));
	memset(d, 0, sizeof(*d));
	xi_arena_init(&d->arena);
	struct differ df;
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
	struct pair p = { &df, NULL, NULL, 0, 0, NULL };
	XI_FOR_EACH_ABI(a, new_model->abis & ~old_model->abis) {
		p.abi = a;
		p.scope = XI_ABI_BIT(a);
		p.subject = xi_aprintf(ar(&df), "ABI %s", xi_abis[a].name);
		rep(&p, XI_AD_COMPATIBLE, "new-abi", none, none, "new ABI");
	}
	XI_FOR_EACH_ABI(a, old_model->abis & ~new_model->abis) {
		p.abi = a;
		p.scope = XI_ABI_BIT(a);
		p.subject = xi_aprintf(ar(&df), "ABI %s", xi_abis[a].name);
		rep(&p, XI_AD_BREAKING, "abi-removed", none, none, "removed");
	}
	find_renames(&df);
	decl_reports(&df);
	for (unsigned i = 0; i < d->nreports; i++)
		d->count[d->reports[i].cls]++;
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
