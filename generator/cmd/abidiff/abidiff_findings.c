/* abi-diff: findings, made and merged across ABIs (one report of a
 * change that reads the same on several of them), and the version rule
 * that classifies a breaking one as accepted by a version bump (see the
 * top of abidiff_compare.c). */
#include "abidiff_int.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "strbuf.h"

/* How deep the coverage search follows users of users: a bound on the
 * stack a hostile manifest can take. Beyond it a type counts as
 * uncovered (the report stays breaking). */
#define AD_MAX_COVER_DEPTH 256u

const char *xi_ad_int(struct ad_differ *df, struct xi_int v)
{
	char buf[24];
	return xi_strdup(xi_ad_arena(df), xi_int_format(v, buf));
}

/* --- Reports ----------------------------------------------------------------- */

static bool same_loc(struct xi_mf_loc a, struct xi_mf_loc b)
{
	return xi_ad_streq(a.file, b.file) && a.line == b.line && a.col == b.col;
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
		struct xi_abidiff_report *p = xi_alloc(xi_ad_arena(df), sizeof(*p) * cap);
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
	r->message = xi_strdup(xi_ad_arena(df), msg);
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
	/* What only C has (@if false in the reference configuration: an old
	 * interface version's alternative, the hypervisor's own) breaks no
	 * toolstack. */
	const struct xi_mf_decl *c_only = p->n && p->n->c_only ? p->n : p->o && p->o->c_only ? p->o : NULL;
	if (c_only && cls != XI_AD_COMPATIBLE) {
		cls = XI_AD_COMPATIBLE;
		hint = xi_aprintf(xi_ad_arena(df), "only in C, where %s", c_only->cond);
	}
	if (cls == XI_AD_BREAKING && (p->n || p->o)) {
		struct ad_side *s = p->n ? &df->sn : &df->so;
		const struct xi_mf_decl *d = p->n ? p->n : p->o;
		const char *v = cover(df, s, d, true, 0);
		if (v) {
			struct xi_mf_decl *ov = xi_mf_lookup_any(df->o, v), *nv = xi_mf_lookup_any(df->n, v);
			cls = XI_AD_BUMPED;
			version = xi_aprintf(xi_ad_arena(df), "%s %s -> %s", v, xi_ad_int(df, ov->value),
					     xi_ad_int(df, nv->value));
		} else if ((v = cover(df, s, d, false, 0)) != NULL) {
			hint = xi_aprintf(xi_ad_arena(df), "interface version %s was not raised", v);
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

void xi_ad_side_init(struct ad_differ *df, struct ad_side *s, struct xi_mf_model *m)
{
	s->m = m;
	xi_map_init(&s->users);
	for (int k = 0; k < 2; k++) {
		s->state[k] = xi_alloc(xi_ad_arena(df), m->ndecls + 1);
		s->result[k] = xi_alloc(xi_ad_arena(df), sizeof(const char *) * (m->ndecls + 1));
	}
	for (unsigned i = 0; i < m->ndecls; i++) {
		struct xi_mf_decl *d = m->decls[i];
		struct add_user_ctx c = { s, xi_ad_arena(df), d };
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

bool xi_ad_is_version_const(struct ad_differ *df, const char *name)
{
	struct xi_mf_model *ms[2] = { df->o, df->n };
	for (int k = 0; k < 2; k++)
		for (unsigned i = 0; i < ms[k]->ndecls; i++)
			if (ms[k]->decls[i]->input && xi_ad_streq(ms[k]->decls[i]->version, name))
				return true;
	return false;
}
