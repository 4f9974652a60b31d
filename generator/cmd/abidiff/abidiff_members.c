/* abi-diff: the members of a struct or union, on one ABI.
 *
 * Members are matched by path, then renames (the same place, type,
 * direction and labels under the same parent) are paired. What stays
 * unmatched is a removal or an addition, judged by the bytes involved: a
 * new member in bytes that were all reserved is compatible, in a union
 * within its old size too, anywhere else breaking; reserved bytes that no
 * member covers any more are a shrinking reserved region.
 *
 * A member that moves or changes size or alignment is a consequence (of
 * its type's change, of a change before it, of a change of the type it
 * embeds): it is handed to abidiff_causes.c, which makes it a note of its
 * cause. The changes that move bytes are marked as causes. */
#include "abidiff_int.h"

#include <stdlib.h>
#include <string.h>


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
static struct span *leaves_in(struct ad_differ *df, const struct xi_mf_decl *d, int abi,
			      struct span r, int want_reserved, unsigned *count)
{
	struct span *v = xi_alloc(xi_ad_arena(df), sizeof(*v) * (d->nmembers + 1));
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
static bool was_reserved(struct ad_differ *df, const struct xi_mf_decl *o, int abi, struct span r)
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

static const char *range_text(struct ad_differ *df, struct span s)
{
	return s.e == s.s + 1 ? xi_aprintf(xi_ad_arena(df), "byte %llu", (unsigned long long)s.s)
			      : xi_aprintf(xi_ad_arena(df), "bytes %llu..%llu", (unsigned long long)s.s,
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
static const struct xi_mf_member *old_default_arm(const struct ad_pair *p, const int *n2o,
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
static bool old_tag_had(struct ad_pair *p, const int *n2o, const struct xi_mf_member *nm,
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
	const char *tag = xi_aprintf(xi_ad_arena(p->df), "%s%s%.*s", u->parent >= 0 ? p->o->members[u->parent].path : "",
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
static bool took_from_default(struct ad_pair *p, const int *n2o, const struct xi_mf_member *nm,
			      const struct xi_mf_label *l)
{
	const struct xi_mf_member *def = old_default_arm(p, n2o, nm);
	if (!def || !old_tag_had(p, n2o, nm, l->value))
		return false;
	xi_ad_report(p, XI_AD_BREAKING, "arm-label-moved", def->loc, nm->loc,
	    "tag value %s%s%s now selects arm '%s', not the default arm '%s'", l->name ? l->name : "",
	    l->name ? " = " : "", xi_ad_int(p->df, l->value), nm->path, def->path);
	return true;
}

/* The key of the value a label names (abidiff_causes.c): a value of the
 * new side's tag enum, or else a constant. */
static const char *label_key(struct ad_pair *p, const struct xi_mf_member *nm, const char *label)
{
	int a = p->abi;
	const struct xi_mf_decl *n = p->n;
	if (nm->parent < 0)
		return xi_ad_const_key(p->df, label, a);
	const struct xi_mf_member *u = &n->members[nm->parent];
	const char *type = u->type[a];
	const char *open = type ? strchr(type, '(') : NULL, *close = type ? strchr(type, ')') : NULL;
	if (open && close && close > open) {
		const char *tag = xi_aprintf(xi_ad_arena(p->df), "%s%s%.*s", u->parent >= 0 ? n->members[u->parent].path : "",
					     u->parent >= 0 ? "." : "", (int)(close - open - 1), open + 1);
		int ti = xi_mf_member_index(n, tag);
		const struct xi_mf_decl *e = ti >= 0 && on_abi(&n->members[ti], a)
					     ? xi_mf_lookup(p->df->n, n->members[ti].type[a], a) : NULL;
		if (e && e->kind == XI_MF_ENUM)
			return xi_ad_enum_value_key(p->df, e, label, a);
	}
	return xi_ad_const_key(p->df, label, a);
}

static void compare_arm(struct ad_pair *p, const int *n2o, const struct xi_mf_member *om,
			const struct xi_mf_member *nm)
{
	struct ad_differ *df = p->df;
	if (!om->is_arm || !nm->is_arm)
		return;
	if (om->default_arm && !nm->default_arm)
		xi_ad_report(p, XI_AD_BREAKING, "arm-label-removed", om->loc, nm->loc,
		    "arm '%s' is no longer the default arm", nm->path);
	else if (!om->default_arm && nm->default_arm)
		xi_ad_report(p, XI_AD_COMPATIBLE, "new-arm-label", om->loc, nm->loc,
		    "arm '%s' becomes the default arm", nm->path);
	bool *used = xi_alloc(xi_ad_arena(df), nm->nlabels + 1);
	for (unsigned i = 0; i < om->nlabels; i++) {
		const struct xi_mf_label *ol = &om->labels[i];
		unsigned j;
		for (j = 0; j < nm->nlabels; j++)
			if (ol->name ? xi_ad_streq(ol->name, nm->labels[j].name)
				     : !nm->labels[j].name && xi_int_eq(ol->value, nm->labels[j].value))
				break;
		if (j < nm->nlabels) {
			used[j] = true;
			if (!xi_int_eq(ol->value, nm->labels[j].value))
				xi_ad_label_effect(p, label_key(p, nm, ol->name), "renumbered", om->loc, nm->loc,
				    "arm '%s': label '%s' changed from %s to %s", nm->path, ol->name,
				    xi_ad_int(df, ol->value), xi_ad_int(df, nm->labels[j].value));
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
		xi_ad_label_effect(p, ol->name ? label_key(p, nm, ol->name) : NULL, "arm-label-removed",
		    om->loc, nm->loc, "arm '%s' is no longer selected by %s%s%s", nm->path,
		    ol->name ? ol->name : "", ol->name ? " = " : "", xi_ad_int(df, ol->value));
	}
	for (unsigned j = 0; j < nm->nlabels; j++) {
		if (used[j])
			continue;
		const struct xi_mf_label *nl = &nm->labels[j];
		if (!om->default_arm && took_from_default(p, n2o, nm, nl))
			continue;
		xi_ad_report(p, XI_AD_COMPATIBLE, "new-arm-label", om->loc, nm->loc,
		    "arm '%s' is also selected by %s%s%s", nm->path, nl->name ? nl->name : "",
		    nl->name ? " = " : "", xi_ad_int(df, nl->value));
	}
}

static bool layout_differs(const struct xi_mf_member *a, const struct xi_mf_member *b, int abi)
{
	return a->offset[abi] != b->offset[abi] || a->size[abi] != b->size[abi] ||
	       a->align[abi] != b->align[abi] || a->bit != b->bit || a->width != b->width;
}

/* A member moved only because its enclosing member moved. */
static bool moved_with_parent(const struct ad_pair *p, const int *o2n, const struct xi_mf_member *om,
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

/* "size 4 -> 8, alignment 4 -> 8", or NULL when neither changed. */
static const char *size_text(struct ad_differ *df, const struct xi_mf_member *om,
			     const struct xi_mf_member *nm, int a)
{
	if (om->size[a] != nm->size[a] && om->align[a] != nm->align[a])
		return xi_aprintf(xi_ad_arena(df), "size %u -> %u, alignment %u -> %u", (unsigned)om->size[a],
				  (unsigned)nm->size[a], (unsigned)om->align[a], (unsigned)nm->align[a]);
	if (om->size[a] != nm->size[a])
		return xi_aprintf(xi_ad_arena(df), "size %u -> %u", (unsigned)om->size[a], (unsigned)nm->size[a]);
	if (om->align[a] != nm->align[a])
		return xi_aprintf(xi_ad_arena(df), "alignment %u -> %u", (unsigned)om->align[a],
				  (unsigned)nm->align[a]);
	return NULL;
}

static const char *last_component(const char *path)
{
	const char *dot = strrchr(path, '.');
	return dot ? dot + 1 : path;
}

static void compare_pair(struct ad_pair *p, const int *o2n, const int *n2o,
			 const struct xi_mf_member *om, const struct xi_mf_member *nm, bool renamed)
{
	struct ad_differ *df = p->df;
	int a = p->abi;
	if (renamed && strcmp(last_component(om->path), last_component(nm->path)))
		xi_ad_report(p, XI_AD_API, "renamed", om->loc, nm->loc, "member '%s' renamed to '%s'", om->path,
		    nm->path);
	if (!xi_ad_streq(om->c_name, nm->c_name))
		xi_ad_report(p, XI_AD_API, "c-name", om->loc, nm->loc, "C name of member '%s' changed from %s to %s",
		    nm->path, om->c_name ? om->c_name : nm->path, nm->c_name ? nm->c_name : nm->path);
	/* How many elements it has is part of what the bytes mean: a
	 * relation newly written down describes what was already so, but
	 * another count member or bound changes it. */
	if (!om->len && nm->len)
		xi_ad_report(p, XI_AD_COMPATIBLE, "length-added", om->loc, nm->loc,
			     "member '%s' now says %s holds its count", nm->path, nm->len);
	if (om->len && !xi_ad_streq(om->len, nm->len))
		xi_ad_report(p, XI_AD_BREAKING, "length", om->loc, nm->loc,
			     "count of member '%s' changed from %s to %s", nm->path,
			     om->len ? om->len : "none", nm->len ? nm->len : "none");
	else if (!xi_ad_streq(om->max, nm->max))
		xi_ad_report(p, XI_AD_BREAKING, "length", om->loc, nm->loc,
			     "bound of member '%s' changed from %s to %s", nm->path,
			     om->max ? om->max : "none", nm->max ? nm->max : "none");
	struct span ns = span_of(nm, a), os = span_of(om, a);
	if (om->eff_reserved && nm->eff_reserved) {
		/* Nothing reads reserved bytes: only where they are matters. */
		if (layout_differs(om, nm, a) && !moved_with_parent(p, o2n, om, nm)) {
			/* Bytes it gives up that nothing else covers are reported
			 * by check_reserved_kept, as a shrinking region. */
			unsigned n;
			uint64_t missing;
			struct span gap, *v = leaves_in(df, p->n, a, os, -1, &n);
			bool resized = om->size[a] != nm->size[a] || om->align[a] != nm->align[a];
			const char *grown = xi_aprintf(xi_ad_arena(df),
			    "reserved member '%s' now covers %s, which %s not all reserved", nm->path,
			    range_text(df, ns), were(ns));
			if (!was_reserved(df, p->o, a, ns) &&
			    (!resized || xi_ad_streq(xi_ad_renamed_type(df, om->type[a], a), nm->type[a]))) {
				/* Moved whole, or resized with the type it is
				 * spelled with: a consequence of a change before
				 * it, or of that type's. */
				struct ad_effect_spec e = {
					"member-layout", om->loc, nm->loc, (int)(nm - p->n->members),
					om->offset[a] != nm->offset[a]
						? xi_aprintf(xi_ad_arena(df), "offset %u -> %u", (unsigned)om->offset[a],
							     (unsigned)nm->offset[a]) : NULL,
					resized ? size_text(df, om, nm, a) : NULL,
					-1, xi_ad_named_type(df, nm->type[a]), "reserved-grown", grown,
				};
				xi_ad_effect(p, &e);
			} else if (!was_reserved(df, p->o, a, ns))
				xi_ad_cause(p, xi_ad_report(p, XI_AD_BREAKING, "reserved-grown", om->loc, nm->loc,
				    "%s", grown), ns.s, nm->path);
			else if (!first_gap(v, n, os, &gap, &missing))
				xi_ad_report(p, XI_AD_COMPATIBLE, "reserved-resized", om->loc, nm->loc,
				    "reserved member '%s' now covers %s (was %s)", nm->path,
				    range_text(df, ns), range_text(df, os));
		}
		if (!xi_ad_streq(xi_ad_renamed_type(df, om->type[a], a), nm->type[a]))
			xi_ad_report(p, XI_AD_API, "type-spelling", om->loc, nm->loc,
			    "type of reserved member '%s' changed from %s to %s", nm->path, om->type[a],
			    nm->type[a]);
		return;
	}
	if (om->eff_reserved) {
		if (was_reserved(df, p->o, a, ns))
			xi_ad_report(p, XI_AD_COMPATIBLE, "reserved-named", om->loc, nm->loc,
			    "reserved member '%s' gets a meaning", nm->path);
		else if (layout_differs(om, nm, a))
			xi_ad_cause(p, xi_ad_report(p, XI_AD_BREAKING, "member-layout", om->loc, nm->loc,
			    "reserved member '%s' gets a meaning in %s, which %s not all reserved",
			    nm->path, range_text(df, ns), were(ns)), ns.s, nm->path);
		else
			xi_ad_report(p, XI_AD_BREAKING, "member-layout", om->loc, nm->loc,
			    "reserved member '%s' gets a meaning in %s, which %s not all reserved",
			    nm->path, range_text(df, ns), were(ns));
		return;
	}
	if (nm->eff_reserved)
		xi_ad_report(p, XI_AD_BREAKING, "became-reserved", om->loc, nm->loc,
		    "member '%s' becomes reserved: what it carried is gone", nm->path);
	int own_cause = -1;
	switch (xi_ad_compare_type(df, om->type[a], nm->type[a], a)) {
	case XI_AD_TYPE_SAME:
		break;
	case XI_AD_TYPE_SPELLING:
		xi_ad_report(p, XI_AD_API, "type-spelling", om->loc, nm->loc,
		    "type of member '%s' changed from %s to %s (the same representation)", nm->path,
		    om->type[a], nm->type[a]);
		break;
	case XI_AD_TYPE_CHANGED:
		own_cause = (int)xi_ad_report(p, XI_AD_BREAKING, "member-type", om->loc, nm->loc,
		    "type of member '%s' changed from %s to %s", nm->path, om->type[a], nm->type[a]);
		/* A new size or alignment moves what follows. */
		if (om->size[a] != nm->size[a] || om->align[a] != nm->align[a])
			xi_ad_cause(p, (unsigned)own_cause, nm->offset[a], nm->path);
		break;
	}
	if (layout_differs(om, nm, a) && !moved_with_parent(p, o2n, om, nm)) {
		struct ad_effect_spec e = {
			"member-layout", om->loc, nm->loc, (int)(nm - p->n->members),
			om->offset[a] != nm->offset[a]
				? xi_aprintf(xi_ad_arena(df), "offset %u -> %u", (unsigned)om->offset[a],
					     (unsigned)nm->offset[a])
			: om->bit != nm->bit || om->width != nm->width
				? xi_aprintf(xi_ad_arena(df), "bitfield bit %u width %u -> bit %u width %u",
					     om->bit, om->width, nm->bit, nm->width) : NULL,
			size_text(df, om, nm, a), own_cause, xi_ad_named_type(df, nm->type[a]), NULL, NULL,
		};
		xi_ad_effect(p, &e);
	}
	if (om->dir != nm->dir && !nm->eff_reserved) {
		if ((nm->dir & om->dir) == om->dir)
			xi_ad_report(p, XI_AD_COMPATIBLE, "direction-widened", om->loc, nm->loc,
			    "direction of member '%s' widens from %s to %s", nm->path, dir_text(om->dir),
			    dir_text(nm->dir));
		else
			xi_ad_report(p, XI_AD_BREAKING, "direction-narrowed", om->loc, nm->loc,
			    "direction of member '%s' narrows from %s to %s", nm->path, dir_text(om->dir),
			    dir_text(nm->dir));
	}
	compare_arm(p, n2o, om, nm);
}

/* Whether a new member of a union fits in the bytes the union had. */
static bool fits_old_union(const struct ad_pair *p, const int *n2o, const struct xi_mf_member *nm)
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

static void new_member(struct ad_pair *p, const int *n2o, const struct xi_mf_member *nm)
{
	struct ad_differ *df = p->df;
	int a = p->abi;
	struct span ns = span_of(nm, a);
	struct xi_mf_loc none = { NULL, 0, 0 };
	if (was_reserved(df, p->o, a, ns)) {
		if (nm->eff_reserved) {
			xi_ad_report(p, XI_AD_COMPATIBLE, "reserved-resized", none, nm->loc,
			    "new reserved member '%s' in reserved %s", nm->path, range_text(df, ns));
			return;
		}
		/* The old reserved member it replaces exactly, if one does. */
		for (unsigned i = 0; i < p->o->nmembers; i++) {
			const struct xi_mf_member *om = &p->o->members[i];
			if (om->reserved && on_abi(om, a) && om->offset[a] == nm->offset[a] &&
			    om->size[a] == nm->size[a] &&
			    xi_mf_member_index(p->n, om->path) < 0) {
				xi_ad_report(p, XI_AD_COMPATIBLE, "reserved-named", om->loc, nm->loc,
				    "reserved member '%s' becomes '%s'", om->path, nm->path);
				return;
			}
		}
		xi_ad_report(p, XI_AD_COMPATIBLE, "reserved-named", none, nm->loc,
		    "new member '%s' in reserved %s", nm->path, range_text(df, ns));
		return;
	}
	/* A new name for bytes a member already had (an alias in an
	 * anonymous union): callers of the old layout are not affected. */
	if (nm->alias) {
		for (unsigned j = 0; j < p->n->nmembers; j++) {
			const struct xi_mf_member *km = &p->n->members[j];
			if (km == nm || n2o[j] < 0 || !km->alias || km->parent != nm->parent ||
			    !on_abi(km, a))
				continue;
			struct span ks = span_of(km, a);
			if (ns.s >= ks.s && ns.e <= ks.e) {
				xi_ad_report(p, XI_AD_COMPATIBLE, "new-alias", none, nm->loc,
				    "new alias '%s' of '%s'", nm->path, km->path);
				return;
			}
		}
	}
	if (fits_old_union(p, n2o, nm)) {
		bool moved = false;
		for (unsigned i = 0; i < nm->nlabels; i++)
			moved |= took_from_default(p, n2o, nm, &nm->labels[i]);
		if (moved)
			return;
		if (nm->is_arm)
			xi_ad_report(p, XI_AD_COMPATIBLE, "new-arm", none, nm->loc, "new union arm '%s'", nm->path);
		else
			xi_ad_report(p, XI_AD_COMPATIBLE, "new-member", none, nm->loc, "new union member '%s'",
			    nm->path);
		return;
	}
	unsigned r;
	if (ns.e > p->o->size[a])
		r = xi_ad_report(p, XI_AD_BREAKING, "member-added", none, nm->loc,
		    "new member '%s' at %s, past the old end (%u)", nm->path, range_text(df, ns),
		    (unsigned)p->o->size[a]);
	else
		r = xi_ad_report(p, XI_AD_BREAKING, "member-added", none, nm->loc,
		    "new member '%s' at %s, which %s not reserved", nm->path, range_text(df, ns),
		    were(ns));
	xi_ad_cause(p, r, ns.s, nm->path);
}

/* Old reserved bytes that no member of the new side covers. */
static void check_reserved_kept(struct ad_pair *p)
{
	struct ad_differ *df = p->df;
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
		const struct xi_mf_member *nm = j >= 0 ? &p->n->members[j] : NULL;
		/* Kept whole, only moved: compare_pair reports the move. */
		if (nm && on_abi(nm, a) && nm->eff_reserved && nm->size[a] == om->size[a])
			continue;
		struct xi_mf_loc nl = nm ? nm->loc : p->n->loc;
		xi_ad_cause(p, xi_ad_report(p, XI_AD_BREAKING, "reserved-shrunk", om->loc, nl,
		    "reserved %s (of '%s') %s no longer reserved", range_text(df, gap), om->path,
		    gap.e == gap.s + 1 ? "is" : "are"), gap.s, om->path);
	}
}

void xi_ad_compare_members(struct ad_pair *p)
{
	struct ad_differ *df = p->df;
	const struct xi_mf_decl *o = p->o, *n = p->n;
	int a = p->abi;
	int *o2n = xi_alloc(xi_ad_arena(df), sizeof(int) * (o->nmembers + 1));
	int *n2o = xi_alloc(xi_ad_arena(df), sizeof(int) * (n->nmembers + 1));
	bool *renamed = xi_alloc(xi_ad_arena(df), o->nmembers + 1);
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
			if (op != nm->parent || !xi_ad_same_member_shape(df, om, nm, a))
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
		xi_ad_cause(p, xi_ad_report(p, XI_AD_BREAKING, "member-removed", om->loc, none, "%s '%s' removed",
		    om->is_arm ? "union arm" : "member", om->path), om->offset[a], om->path);
	}
	for (unsigned j = 0; j < n->nmembers; j++) {
		const struct xi_mf_member *nm = &n->members[j];
		if (n2o[j] >= 0 || !on_abi(nm, a) || (nm->parent >= 0 && n2o[nm->parent] < 0))
			continue;
		new_member(p, n2o, nm);
	}
	check_reserved_kept(p);
}
