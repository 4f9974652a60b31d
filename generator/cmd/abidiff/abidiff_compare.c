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
 * This file holds the declarations, enums and bitmaps and renames;
 * abidiff_members.c the members of structs and unions, abidiff_types.c
 * type spellings, abidiff_findings.c the reports and the version rule.
 *
 * A breaking change of a type that is covered by an @version(CONST)
 * declaration whose constant increased is reported as "breaking, version
 * bumped" and does not fail the run. A type is covered when it carries the
 * attribute itself, or when every type that uses it is covered. */
#include "abidiff_int.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "strbuf.h"

/* Whether n is o under another name: the same facts on every ABI. */
static bool same_shape(struct ad_differ *df, const struct xi_mf_decl *o, const struct xi_mf_decl *n)
{
	if (o->kind != n->kind || (o->abis & df->common) != (n->abis & df->common) ||
	    !(o->abis & df->common))
		return false;
	switch (o->kind) {
	case XI_MF_CONST:
		return xi_int_eq(o->value, n->value) && xi_ad_streq(o->type, n->type) &&
		       xi_ad_streq(o->module, n->module);
	case XI_MF_ENUM:
	case XI_MF_BITMAP:
		if (!xi_ad_streq(o->type, n->type) || o->nvariants != n->nvariants)
			return false;
		for (unsigned i = 0; i < o->nvariants; i++) {
			const struct xi_mf_variant *a = &o->variants[i], *b = &n->variants[i];
			if (!xi_ad_streq(a->name, b->name) || !xi_int_eq(a->value, b->value) || a->lo != b->lo ||
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
		if (o->kind == XI_MF_ALIAS && !xi_ad_streq(xi_ad_renamed_type(df, o->target[a], a), n->target[a]))
			return false;
		for (unsigned i = 0; i < o->nmembers; i++)
			if (!xi_ad_streq(o->members[i].path, n->members[i].path) ||
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
	return xi_aprintf(xi_ad_arena(df), "%d %x %u %u %u %u %s", (int)d->kind, (unsigned)common, d->nmembers,
			  d->nvariants, (unsigned)d->size[a], (unsigned)d->align[a],
			  d->kind != XI_MF_CONST ? "" : d->string ? d->string : xi_int_format(d->value, buf));
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
		if (!n->input || n->c_only || name_kept(df, df->o, n))
			continue;
		const char *key = shape_key(df, n);
		struct candidates *c = xi_map_get(&added, key, strlen(key));
		if (!c) {
			c = XI_NEW(xi_ad_arena(df), struct candidates);
			xi_map_put(&added, key, strlen(key), c);
		}
		if (c->n == c->cap) {
			c->cap = c->cap ? c->cap * 2 : 4;
			struct xi_mf_decl **l = xi_alloc(xi_ad_arena(df), sizeof(*l) * c->cap);
			if (c->n)
				memcpy(l, c->list, sizeof(*l) * c->n);
			c->list = l;
		}
		c->list[c->n++] = n;
	}
	for (unsigned i = 0; i < df->o->ndecls; i++) {
		struct xi_mf_decl *o = df->o->decls[i];
		if (!o->input || o->c_only || name_kept(df, df->n, o))
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
	return v->lo == v->hi ? xi_aprintf(xi_ad_arena(df), "bit %u", v->lo)
			      : xi_aprintf(xi_ad_arena(df), "bits %u..%u", v->lo, v->hi);
}

static void compare_variants(struct ad_pair *p)
{
	const struct xi_mf_decl *o = p->o, *n = p->n;
	struct ad_differ *df = p->df;
	bool is_enum = o->kind == XI_MF_ENUM;
	const char *what = is_enum ? "value" : "bit";
	bool *used = xi_alloc(xi_ad_arena(df), n->nvariants + 1);
	bool *gone = xi_alloc(xi_ad_arena(df), o->nvariants + 1);
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
		if (!xi_ad_streq(ov->c_type, nv->c_type))
			xi_ad_report(p, XI_AD_API, "c-type", ov->loc, nv->loc, "C type of '%s' changed from %s to %s",
			    ov->name, ov->c_type ? ov->c_type : "(default)", nv->c_type ? nv->c_type : "(default)");
		if (!xi_ad_streq(ov->c_name, nv->c_name) && !n->renamed)
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
	return xi_aprintf(xi_ad_arena(df), "%s %s", d->kind == XI_MF_CONST ? "constant" : xi_mf_kind_name(d->kind),
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
		e.own = xi_aprintf(xi_ad_arena(df), "size changed from %u to %u", (unsigned)o->size[a],
				   (unsigned)n->size[a]);
		xi_ad_effect(p, &e);
	}
	if (o->align[a] != n->align[a]) {
		e.rule = "align";
		e.own = xi_aprintf(xi_ad_arena(df), "alignment changed from %u to %u", (unsigned)o->align[a],
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
	return xi_aprintf(xi_ad_arena(p->df), "the C enum typedef %s", c_enum);
}

/* Where C declares a struct or union (@c_inline), for messages. */
static const char *c_place(struct ad_pair *p, const char *c_inline)
{
	if (!c_inline)
		return "file scope";
	return xi_aprintf(xi_ad_arena(p->df), "inside %s", c_inline);
}

/* Whether a struct's C typedef is the default one, its C name + "_t". */
static bool typedef_is_default(const struct xi_mf_decl *d)
{
	const char *c = d->c_name ? d->c_name : d->name;
	size_t n = strlen(c);
	return !strncmp(d->c_typedef, c, n) && !strcmp(d->c_typedef + n, "_t");
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
	if (!xi_ad_streq(o->module, n->module))
		xi_ad_report(p, XI_AD_API, "moved", o->loc, n->loc, "moved from %s to %s", o->module, n->module);
	if (!xi_ad_streq(o->c_name, n->c_name))
		xi_ad_report(p, XI_AD_API, "c-name", o->loc, n->loc, "C name changed from %s to %s",
		    o->c_name ? o->c_name : o->name, n->c_name ? n->c_name : n->name);
	if (!xi_ad_streq(o->c_prefix, n->c_prefix) && !n->renamed)
		xi_ad_report(p, XI_AD_API, "c-name", o->loc, n->loc, "C macro prefix changed from %s to %s",
		    o->c_prefix ? o->c_prefix : "(default)", n->c_prefix ? n->c_prefix : "(default)");
	if (!xi_ad_streq(o->c_enum, n->c_enum))
		xi_ad_report(p, XI_AD_API, "c-enum", o->loc, n->loc, "C declaration changed from %s to %s",
		    c_enum_text(p, o->c_enum), c_enum_text(p, n->c_enum));
	if (!xi_ad_streq(o->c_type, n->c_type))
		xi_ad_report(p, XI_AD_API, "c-type", o->loc, n->loc, "C type changed from %s to %s",
		    o->c_type ? o->c_type : "(default)", n->c_type ? n->c_type : "(default)");
	/* A typedef renamed with its type's C name is that change; manifests
	 * before c_typedef record none, so only two names are compared. */
	if (o->c_typedef && n->c_typedef && !xi_ad_streq(o->c_typedef, n->c_typedef) &&
	    !(typedef_is_default(o) && typedef_is_default(n)))
		xi_ad_report(p, XI_AD_API, "c-typedef", o->loc, n->loc, "C typedef changed from %s to %s",
		    o->c_typedef, n->c_typedef);
	/* Where C declares it: C++ scopes a tag declared in a member's
	 * declaration in the enclosing struct (X::T), so moving it breaks
	 * C++ sources that name it. */
	if (!xi_ad_streq(o->c_inline, n->c_inline))
		xi_ad_report(p, XI_AD_API, "c-inline", o->loc, n->loc, "C declaration moved from %s to %s",
		    c_place(p, o->c_inline), c_place(p, n->c_inline));
	switch (n->kind) {
	case XI_MF_CONST: {
		/* A string's text is ABI where it names something both sides
		 * read (a xenstore path, a driver name): a change breaks. */
		if (o->string || n->string) {
			if (!o->string || !n->string)
				xi_ad_report(p, XI_AD_BREAKING, "string-changed", o->loc, n->loc,
				    "changed from %s to %s", o->string ? "a string" : "an integer",
				    n->string ? "a string" : "an integer");
			else if (strcmp(o->string, n->string))
				xi_ad_report(p, XI_AD_BREAKING, "string-changed", o->loc, n->loc,
				    "string changed from \"%s\" to \"%s\"", o->string, n->string);
			break;
		}
		if (o->body || n->body) {
			/* parameterised constants: what they compute is the ABI */
			if (!xi_ad_streq(o->params, n->params) || !xi_ad_streq(o->body, n->body))
				xi_ad_report(p, XI_AD_BREAKING, "body-changed", o->loc, n->loc,
				    "parameterised constant changed from (%s) = %s to (%s) = %s",
				    o->params ? o->params : "", o->body ? o->body : "a value",
				    n->params ? n->params : "", n->body ? n->body : "a value");
			if (!xi_ad_streq(o->type, n->type))
				xi_ad_report(p, XI_AD_API, "type-spelling", o->loc, n->loc,
				    "type changed from %s to %s", o->type, n->type);
			break;
		}
		/* the values on this ABI (sizeof makes them differ by ABI) */
		struct xi_int ov = a >= 0 ? o->abi_value[a] : o->value;
		struct xi_int nv = a >= 0 ? n->abi_value[a] : n->value;
		if (!xi_int_eq(ov, nv)) {
			bool raised = xi_int_cmp(ov, nv) < 0;
			if (xi_ad_is_version_const(df, n->name) && raised)
				xi_ad_report(p, XI_AD_COMPATIBLE, "version-raised", o->loc, n->loc,
				    "interface version raised from %s to %s", xi_ad_int(df, ov),
				    xi_ad_int(df, nv));
			else
				xi_ad_value_changed(df, xi_ad_const_key(df, n->name, a),
				    xi_ad_report(p, XI_AD_BREAKING, "renumbered", o->loc, n->loc,
				    "value changed from %s to %s", xi_ad_int(df, ov), xi_ad_int(df, nv)));
		}
		if (!xi_ad_streq(o->type, n->type))
			xi_ad_report(p, XI_AD_API, "type-spelling", o->loc, n->loc, "type changed from %s to %s",
			    o->type, n->type);
		/* A save record read as another type, or no longer a record. */
		if (o->hvm_save && !xi_ad_streq(o->hvm_save, n->hvm_save))
			xi_ad_report(p, XI_AD_BREAKING, "save-record", o->loc, n->loc,
			    n->hvm_save ? "save record's data changed from %s to %s"
					: "no longer a save record (of %s)", o->hvm_save, n->hvm_save);
		else if (!o->hvm_save && n->hvm_save)
			xi_ad_report(p, XI_AD_COMPATIBLE, "save-record", o->loc, n->loc,
			    "now a save record (of %s)", n->hvm_save);
		break;
	}
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
		if (!xi_ad_streq(o->type, n->type))
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

/* C's own declarations (c_only) have no name to be found by: one pairs
 * with the other side's of the same name and condition. */
static struct xi_mf_decl *c_only_twin(const struct xi_mf_model *m, const struct xi_mf_decl *d)
{
	for (unsigned i = 0; i < m->ndecls; i++) {
		struct xi_mf_decl *o = m->decls[i];
		if (o->c_only && o->input && !strcmp(o->name, d->name) && xi_ad_streq(o->cond, d->cond) &&
		    (o->abis & d->abis))
			return o;
	}
	return NULL;
}

static void c_only_reports(struct ad_differ *df)
{
	struct xi_mf_loc none = { NULL, 0, 0 };
	for (unsigned i = 0; i < df->n->ndecls; i++) {
		struct xi_mf_decl *n = df->n->decls[i];
		if (!n->input || !n->c_only)
			continue;
		struct xi_mf_decl *o = c_only_twin(df->o, n);
		struct ad_pair p = { df, o, n, 0, n->abis & df->common, subject_of(df, n) };
		df->merge_from = df->out->nreports;
		XI_FOR_EACH_ABI(a, p.scope) {
			p.abi = a;
			if (o && (o->abis & XI_ABI_BIT(a)))
				compare_decl(&p);
			else
				xi_ad_report(&p, XI_AD_COMPATIBLE, n->kind == XI_MF_CONST ? "new-constant"
					     : "new-type", none, n->loc, "new %s", n->kind == XI_MF_CONST
					     ? "constant" : xi_mf_kind_name(n->kind));
		}
	}
	for (unsigned i = 0; i < df->o->ndecls; i++) {
		struct xi_mf_decl *o = df->o->decls[i];
		if (!o->input || !o->c_only || c_only_twin(df->n, o))
			continue;
		struct ad_pair p = { df, o, NULL, 0, o->abis & df->common, subject_of(df, o) };
		df->merge_from = df->out->nreports;
		XI_FOR_EACH_ABI(a, p.scope) {
			p.abi = a;
			xi_ad_report(&p, XI_AD_BREAKING, "removed", o->loc, none, "removed");
		}
	}
}

static void decl_reports(struct ad_differ *df)
{
	struct xi_mf_loc none = { NULL, 0, 0 };
	c_only_reports(df);
	for (unsigned i = 0; i < df->n->ndecls; i++) {
		struct xi_mf_decl *n = df->n->decls[i];
		if (!n->input || n->c_only)
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
		if (o->renamed || !o->input || o->c_only)
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
	xi_ad_side_init(&df, &df.so, old_model);
	xi_ad_side_init(&df, &df.sn, new_model);

	struct xi_mf_loc none = { NULL, 0, 0 };
	struct ad_pair p = { &df, NULL, NULL, 0, 0, NULL };
	XI_FOR_EACH_ABI(a, new_model->abis & ~old_model->abis) {
		p.abi = a;
		p.scope = XI_ABI_BIT(a);
		p.subject = xi_aprintf(xi_ad_arena(&df), "ABI %s", xi_abis[a].name);
		xi_ad_report(&p, XI_AD_COMPATIBLE, "new-abi", none, none, "new ABI");
	}
	XI_FOR_EACH_ABI(a, old_model->abis & ~new_model->abis) {
		p.abi = a;
		p.scope = XI_ABI_BIT(a);
		p.subject = xi_aprintf(xi_ad_arena(&df), "ABI %s", xi_abis[a].name);
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
