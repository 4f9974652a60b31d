/* Resolution: every type of every declaration resolved (names through
 * names.c), constants evaluated (consteval.c), and the language rules
 * that need no layout. */
#include "resolve.h"

#include <stdlib.h>
#include <string.h>

#include "cond.h"
#include "consteval.h"
#include "hvm_save.h"
#include "ctypes.h"
#include "fnconst.h"
#include "limits.h"
#include "names.h"
#include "spelling.h"

/* Aggregates with more members than this check name clashes with a hash
 * map instead of pairwise. */
#define RESOLVE_PAIRWISE_MAX 32u

/* --- Types --------------------------------------------------------------- */

static void resolve_type(struct xi_resolver *r, struct xi_type *t, enum xi_type_use where);
static void resolve_agg(struct xi_resolver *r, struct xi_agg *agg);

static void resolve_handle(struct xi_resolver *r, struct xi_type *t)
{
	struct xi_type *target = t->u.target;
	if (t->kind == XI_TYPE_NATIVE_HANDLE)
		xi_legacy_only(r, t->loc, "native_handle");
	if (t->kind == XI_TYPE_PTR)  /* YAML's `ptr` is a handle: it says `pointer` */
		xi_legacy_only(r, t->loc,
			       xi_form_at(r->ctx, t->loc) == XI_FORMAT_XIDL ? "ptr" : "pointer");
	if (target->kind == XI_TYPE_PRIM)
		return;
	if (target->kind != XI_TYPE_REF) {
		xi_error(r->diag, target->loc, "a %s must point to a named type, a primitive or void",
			 t->kind != XI_TYPE_PTR ? "handle"
			 : xi_form_at(r->ctx, t->loc) == XI_FORMAT_XIDL ? "ptr" : "pointer");
		return;
	}
	xi_resolve_ref(r, target, XI_USE_HANDLE_TARGET);
}

static void check_flex_use(struct xi_resolver *r, const struct xi_type *t, struct xi_loc at,
			   const char *as);

/* Two families' constants of one name that mean the same value (arm's,
 * ppc's and riscv's XEN_LEGACY_MAX_VCPUS are all 1). */
static bool same_value(struct xi_ctx *ctx, struct xi_decl *a, struct xi_decl *b)
{
	return a->kind == XI_DECL_CONST && b->kind == XI_DECL_CONST && xi_eval_const(ctx, a) &&
	       xi_eval_const(ctx, b) && xi_int_eq(a->value, b->value);
}

static bool resolve_names_on(struct xi_resolver *r, struct xi_expr *e)
{
	switch (e->kind) {
	case XI_EXPR_NAME:
		if (!e->ref)
			e->ref = xi_lookup_const_on(r->ctx, r->module, e->name, e->loc, r->only,
						    same_value);
		return e->ref != NULL;
	case XI_EXPR_UNARY:
		return resolve_names_on(r, e->a);
	case XI_EXPR_BINARY: {
		/* Both sides, so that each unknown name is reported. */
		bool left = resolve_names_on(r, e->a);
		bool right = resolve_names_on(r, e->b);
		return left && right;
	}
	default:
		return true;
	}
}

/* Resolve the types that sizeof and alignof name in e, once. */
static bool resolve_expr_types_on(struct xi_resolver *r, struct xi_expr *e)
{
	switch (e->kind) {
	case XI_EXPR_SIZEOF:
	case XI_EXPR_ALIGNOF:
		if (e->type_resolved)
			return true;
		e->type_resolved = true;
		{
			unsigned errors = r->diag->errors;
			resolve_type(r, e->type, XI_USE_ALIAS);
			if (r->diag->errors != errors)
				return false;
		}
		return true;
	case XI_EXPR_UNARY:
		return resolve_expr_types_on(r, e->a);
	case XI_EXPR_BINARY: {
		/* Both sides, so that each error is reported. */
		bool left = resolve_expr_types_on(r, e->a);
		bool right = resolve_expr_types_on(r, e->b);
		return left && right;
	}
	default:
		return true;
	}
}

static void resolve_decl(struct xi_ctx *ctx, struct xi_decl *d);

static bool resolve_expr_types(struct xi_ctx *ctx, struct xi_decl *d, struct xi_expr *e)
{
	struct xi_resolver r = { ctx, &ctx->diag, d->module, d, d->legacy, false, 0, NULL };
	return resolve_expr_types_on(&r, e);
}


/* An array whose length differs by ABI (it uses sizeof): becomes an arch
 * type whose choice on each ABI is the array of that ABI's length, all
 * with the length as written, which C spells. */
static void split_array_per_abi(struct xi_resolver *r, struct xi_type *t, const struct xi_int *n)
{
	struct xi_arena *arena = &r->ctx->arena;
	struct xi_type **abi = XI_NEW_ARRAY(arena, struct xi_type *, XI_ABI_COUNT);
	struct xi_type *first = NULL;
	XI_FOR_EACH_ABI(a, xi_module_abis(r->ctx, r->module)) {
		if (n[a].mag == 0 || n[a].mag > XI_MAX_TYPE_SIZE) {
			xi_error(r->diag, t->u.array.len->loc, "array length %llu on %s is not between 1 "
				 "and %u", (unsigned long long)n[a].mag, xi_abis[a].name, XI_MAX_TYPE_SIZE);
			return;
		}
		/* ABIs of one length share one type, as an arch type's choice */
		struct xi_type *c = NULL;
		XI_FOR_EACH_ABI(b, xi_module_abis(r->ctx, r->module)) {
			if (b < a && abi[b] && abi[b]->u.array.count == n[a].mag) {
				c = abi[b];
				break;
			}
		}
		if (!c) {
			c = XI_NEW(arena, struct xi_type);
			*c = *t;
			c->u.array.count = (uint32_t)n[a].mag;
		}
		abi[a] = c;
		if (!first)
			first = c;
	}
	if (!first)
		return;
	struct xi_arch_choice *choice = XI_NEW(arena, struct xi_arch_choice);
	choice->key = "default";
	choice->loc = t->loc;
	choice->type = first;
	t->kind = XI_TYPE_ARCH;
	t->u.arch.choices = choice;
	t->u.arch.abi = abi;
}

/* Inside an arch choice, the constants of a length are those of the ABIs
 * that choose it: `arch { x86: vcpu_info[XEN_LEGACY_MAX_VCPUS], default:
 * vcpu_info[XEN_LEGACY_MAX_VCPUS] }` takes each family's own, and C keeps
 * the name. The recursion is bounded by the parser's XI_MAX_EXPR_DEPTH. */
static void resolve_array(struct xi_resolver *r, struct xi_type *t, enum xi_type_use where)
{
	struct xi_int n;
	resolve_type(r, t->u.array.elem, XI_USE_ARRAY_ELEM);
	check_flex_use(r, t->u.array.elem, t->u.array.elem->loc, "an array element");
	if (xi_type_is_flex(t)) {
		/* The member rules (last, of a struct) are resolve_agg's. */
		if (where != XI_USE_MEMBER)
			xi_error(r->diag, t->loc,
				 "a flexible array can only be the type of a struct's last member");
		return;
	}
	/* A choice no ABI of this run picks (x86's under --abi arm64) is
	 * never laid out: its constants may not even be loaded. */
	if (r->restricted && (!r->only || !resolve_names_on(r, t->u.array.len)))
		return;
	struct xi_int *per_abi;
	if (!resolve_expr_types_on(r, t->u.array.len) ||
	    !xi_eval_per_abi(r->ctx, r->module, t->u.array.len, XI_PRIM_U32, &n, &per_abi))
		return;
	if (per_abi) {
		if (r->restricted || where == XI_USE_ARCH_CHOICE || where == XI_USE_MEMBER_ARCH_CHOICE)
			xi_error(r->diag, t->u.array.len->loc, "an array length that differs by ABI "
				 "(sizeof) cannot be inside an arch type");
		else
			split_array_per_abi(r, t, per_abi);
		return;
	}
	if (n.mag == 0) {
		xi_error(r->diag, t->u.array.len->loc, "array length must be at least 1");
		return;
	}
	if (n.mag > XI_MAX_TYPE_SIZE) {
		xi_error(r->diag, t->u.array.len->loc, "array length %llu is larger than %u",
			 (unsigned long long)n.mag, XI_MAX_TYPE_SIZE);
		return;
	}
	t->u.array.count = (uint32_t)n.mag;
}

/* The family a key of an arch type names, or -1. */
static int family_by_name(const char *key)
{
	for (int f = 0; f < XI_FAM_COUNT; f++)
		if (!strcmp(xi_families[f].name, key))
			return f;
	return -1;
}

/* An arch type picks a type per ABI: an ABI key (x86_32) wins over a
 * family key (x86), which wins over default. Each choice is resolved on
 * the ABIs that pick it only. A member's arch type may choose void: the
 * member does not exist on those ABIs (as x86_32-only members of Xen's
 * x86 structs, or x86-only arms of xen_domctl). */
static void resolve_arch(struct xi_resolver *r, struct xi_type *t, bool of_member)
{
	xi_legacy_only(r, t->loc, "arch");
	t->u.arch.abi = XI_NEW_ARRAY(&r->ctx->arena, struct xi_type *, XI_ABI_COUNT);
	xi_abi_mask abis = xi_module_abis(r->ctx, r->module);
	struct xi_type *dflt = NULL;
	struct xi_type *by_family[XI_FAM_COUNT] = { NULL };
	for (struct xi_arch_choice *c = t->u.arch.choices; c; c = c->next) {
		for (struct xi_arch_choice *o = t->u.arch.choices; o != c; o = o->next) {
			if (!strcmp(o->key, c->key)) {
				xi_error(r->diag, c->loc, "duplicate choice '%s' in arch type", c->key);
				xi_note(r->diag, o->loc, "previous choice '%s' is here", c->key);
			}
		}
		if (!strcmp(c->key, "default")) {
			dflt = c->type;
			continue;
		}
		int f = family_by_name(c->key);
		if (f >= 0) {
			by_family[f] = c->type;
			continue;
		}
		int a = xi_abi_by_name(c->key, (unsigned)strlen(c->key));
		if (a < 0) {
			xi_error(r->diag, c->loc,
				 "unknown ABI '%s' in arch type (expected x86_32, x86_64, arm32, "
				 "arm64, riscv64, ppc64le, a family x86, arm, ppc or riscv, "
				 "or default)", c->key);
			continue;
		}
		t->u.arch.abi[a] = c->type;
	}
	XI_FOR_EACH_ABI(a, abis) {
		if (!t->u.arch.abi[a])
			t->u.arch.abi[a] = by_family[xi_abis[a].family];
		if (!t->u.arch.abi[a])
			t->u.arch.abi[a] = dflt;
		if (!t->u.arch.abi[a]) {
			xi_error(r->diag, t->loc, "arch type has no choice for %s and no default",
				 xi_abis[a].name);
			break;
		}
	}
	bool saved_restricted = r->restricted;
	xi_abi_mask saved_only = r->only;
	for (struct xi_arch_choice *c = t->u.arch.choices; c; c = c->next) {
		xi_abi_mask picked = 0;
		XI_FOR_EACH_ABI(a, abis)
			if (t->u.arch.abi[a] == c->type)
				picked |= XI_ABI_BIT(a);
		r->restricted = true;
		r->only = (saved_restricted ? saved_only : abis) & picked;
		resolve_type(r, c->type, of_member ? XI_USE_MEMBER_ARCH_CHOICE : XI_USE_ARCH_CHOICE);
	}
	r->restricted = saved_restricted;
	r->only = saved_only;
}

static void resolve_type(struct xi_resolver *r, struct xi_type *t, enum xi_type_use where)
{
	switch (t->kind) {
	case XI_TYPE_REF:
		xi_resolve_ref(r, t, where);
		break;
	case XI_TYPE_PRIM:
	case XI_TYPE_VOID:
		break;
	case XI_TYPE_ARRAY:
		resolve_array(r, t, where);
		break;
	case XI_TYPE_HANDLE:
	case XI_TYPE_NATIVE_HANDLE:
	case XI_TYPE_PTR:
		resolve_handle(r, t);
		break;
	case XI_TYPE_AGG:
		if (where == XI_USE_ALIAS) {
			xi_error(r->diag, t->loc,
				 "an alias cannot name an inline %s; declare a named one",
				 t->u.agg->is_union ? "union" : "struct");
			break;
		}
		if (t->u.agg->tag_name && where != XI_USE_MEMBER) {
			xi_error(r->diag, t->loc,
				 "a tagged union must be the type of a struct member");
			break;
		}
		t->u.agg->owner = r->decl;
		resolve_agg(r, t->u.agg);
		break;
	case XI_TYPE_ARCH:
		if (where == XI_USE_ARCH_CHOICE || where == XI_USE_MEMBER_ARCH_CHOICE) {
			xi_error(r->diag, t->loc, "arch types cannot be nested");
			break;
		}
		resolve_arch(r, t, where == XI_USE_MEMBER);
		break;
	}
}

/* --- Aggregates ---------------------------------------------------------- */

static bool is_direct_member(const struct xi_agg *agg, const struct xi_member *m)
{
	for (const struct xi_member *o = agg->members; o; o = o->next)
		if (o == m)
			return true;
	return false;
}

/* Enter the names of the members of `agg` into `seen`, those of its
 * anonymous members' members included: they share the scope of `top`,
 * the aggregate that holds them. (An anonymous member's own name is its
 * Rust field's, in its own aggregate only: check_unique_members checks
 * it there, with the other direct members, which are not reported twice.) */
static void enter_member_names(struct xi_resolver *r, struct xi_map *seen, const struct xi_agg *top,
			       const struct xi_agg *agg)
{
	for (struct xi_member *m = agg->members; m; m = m->next) {
		if (m->flags & XI_MEMBER_ANONYMOUS) {
			enter_member_names(r, seen, top, m->type->u.agg);
			continue;
		}
		struct xi_member *o = xi_map_get(seen, m->name, strlen(m->name));
		if (o && agg == top && is_direct_member(top, o))
			continue;
		if (o) {
			xi_error(r->diag, m->loc, "duplicate member '%s'", m->name);
			xi_note(r->diag, o->loc, "previous member '%s' is here", m->name);
		} else {
			xi_map_put(seen, m->name, strlen(m->name), m);
		}
	}
}

static bool has_anonymous_member(const struct xi_agg *agg)
{
	for (const struct xi_member *m = agg->members; m; m = m->next)
		if (m->flags & XI_MEMBER_ANONYMOUS)
			return true;
	return false;
}

static void check_unique_members(struct xi_resolver *r, struct xi_agg *agg)
{
	/* The names that anonymous members bring into the scope of the
	 * aggregate that holds them (not into another anonymous one's). */
	if (!agg->anonymous && has_anonymous_member(agg)) {
		struct xi_map seen;
		xi_map_init(&seen);
		enter_member_names(r, &seen, agg, agg);
		xi_map_free(&seen);
	}
	if (agg->nmembers <= RESOLVE_PAIRWISE_MAX) {
		for (struct xi_member *m = agg->members; m; m = m->next)
			for (struct xi_member *o = agg->members; o != m; o = o->next)
				if (o->name == m->name) {
					xi_error(r->diag, m->loc, "duplicate member '%s'", m->name);
					xi_note(r->diag, o->loc, "previous member '%s' is here", m->name);
					break;
				}
		return;
	}
	struct xi_map seen;
	xi_map_init(&seen);
	for (struct xi_member *m = agg->members; m; m = m->next) {
		struct xi_member *o = xi_map_get(&seen, m->name, strlen(m->name));
		if (o) {
			xi_error(r->diag, m->loc, "duplicate member '%s'", m->name);
			xi_note(r->diag, o->loc, "previous member '%s' is here", m->name);
		} else {
			xi_map_put(&seen, m->name, strlen(m->name), m);
		}
	}
	xi_map_free(&seen);
}

/* The enum a type names (through non-legacy aliases), or NULL. */
static struct xi_decl *enum_of(const struct xi_type *t)
{
	for (unsigned hops = 0; hops < 1024 && t && t->kind == XI_TYPE_REF; hops++) {
		int a = xi_ref_any_abi(t);
		if (a < 0)
			return NULL;
		struct xi_decl *d = xi_ref_decl(t, a);
		if (d->kind == XI_DECL_ENUM)
			return d;
		if (d->kind != XI_DECL_ALIAS)
			return NULL;
		t = d->type;
	}
	return NULL;
}

static bool label_value(struct xi_resolver *r, struct xi_arm_label *l, struct xi_decl *enm,
			enum xi_prim prim)
{
	struct xi_expr *e = l->expr;
	if (e->kind == XI_EXPR_NAME && enm) {
		for (struct xi_variant *v = enm->variants; v; v = v->next) {
			if (v->name == e->name) {
				l->value = v->v;
				l->variant = v->name;
				return true;
			}
		}
	}
	if (!xi_eval_fitting(r->ctx, r->module, e, prim, &l->value))
		return false;
	if (enm) {
		for (struct xi_variant *v = enm->variants; v; v = v->next) {
			if (xi_int_eq(v->v, l->value)) {
				l->variant = v->name;
				return true;
			}
		}
		char buf[32];
		xi_error(r->diag, e->loc, "%s is not a value of enum '%s'",
			 xi_int_format(l->value, buf), enm->name);
		return false;
	}
	return true;
}

static void resolve_enum_variants(struct xi_resolver *r, struct xi_decl *d);

static void resolve_tagged(struct xi_resolver *r, struct xi_agg *parent, struct xi_member *um)
{
	struct xi_agg *u = um->type->u.agg;
	if (parent->is_union) {
		xi_error(r->diag, u->tag_loc, "a tagged union must be a member of a struct, not of a union");
		return;
	}
	struct xi_member *tag = NULL;
	for (struct xi_member *m = parent->members; m != um; m = m->next)
		if (m->name == u->tag_name)
			tag = m;
	if (!tag) {
		for (struct xi_member *m = um->next; m; m = m->next) {
			if (m->name == u->tag_name) {
				xi_error(r->diag, u->tag_loc,
					 "the tag '%s' must be declared before the union", u->tag_name);
				xi_note(r->diag, m->loc, "'%s' is declared here", u->tag_name);
				return;
			}
		}
		xi_error(r->diag, u->tag_loc, "no member '%s' to switch on", u->tag_name);
		return;
	}
	struct xi_decl *enm = enum_of(tag->type);
	int prim = -1;
	if (enm) {
		resolve_enum_variants(r, enm);
		prim = enm->backing_ok ? (int)enm->backing : -1;
	} else {
		const struct xi_type *t = tag->type;
		while (t->kind == XI_TYPE_REF && xi_ref_any_abi(t) >= 0 && !t->u.ref.per_family &&
		       xi_ref_some_decl(t)->kind == XI_DECL_ALIAS)
			t = xi_ref_some_decl(t)->type;
		if (t->kind == XI_TYPE_PRIM && xi_prims[t->prim].integer) {
			prim = (int)t->prim;
		} else if (t->kind != XI_TYPE_REF || xi_ref_any_abi(t) >= 0) {
			xi_error(r->diag, u->tag_loc,
				 "the tag '%s' must have an enum or integer type", u->tag_name);
			xi_note(r->diag, tag->loc, "'%s' is declared here", u->tag_name);
			return;
		}
	}
	if (prim < 0)
		return;
	u->tag = tag;
	struct xi_member *dflt = NULL;
	for (struct xi_member *arm = u->members; arm; arm = arm->next) {
		if (arm->is_default_arm) {
			if (dflt) {
				xi_error(r->diag, arm->loc, "more than one default arm");
				xi_note(r->diag, dflt->loc, "the first default arm is here");
			}
			dflt = arm;
			continue;
		}
		for (struct xi_arm_label *l = arm->labels; l; l = l->next)
			l->valid = label_value(r, l, enm, (enum xi_prim)prim);
	}
	/* Every tag value selects one arm at most. */
	unsigned n = 0;
	for (struct xi_member *arm = u->members; arm; arm = arm->next)
		for (struct xi_arm_label *l = arm->labels; l; l = l->next)
			n++;
	struct xi_arm_label **all = xi_xmalloc(sizeof(*all) * (n ? n : 1));
	n = 0;
	for (struct xi_member *arm = u->members; arm; arm = arm->next)
		for (struct xi_arm_label *l = arm->labels; l; l = l->next)
			all[n++] = l;
	for (unsigned i = 0; i < n; i++) {
		if (!all[i]->valid)
			continue;
		for (unsigned j = 0; j < i; j++) {
			if (all[j]->valid && xi_int_eq(all[j]->value, all[i]->value)) {
				char buf[32];
				xi_error(r->diag, all[i]->expr->loc,
					 "tag value %s selects more than one arm",
					 xi_int_format(all[i]->value, buf));
				xi_note(r->diag, all[j]->expr->loc, "it is already used here");
				break;
			}
		}
	}
	free(all);
}

/* The struct with a flexible array member a type names, through aliases
 * (or an inline one), or NULL. */
static const char *flex_holder(const struct xi_type *t, const struct xi_member **flex)
{
	for (unsigned hops = 0; hops < XI_MAX_ALIAS_CHAIN && t; hops++) {
		if (t->kind == XI_TYPE_AGG) {
			*flex = xi_agg_flex_member(t->u.agg);
			return *flex ? "this inline struct" : NULL;
		}
		if (t->kind != XI_TYPE_REF)
			return NULL;
		const struct xi_decl *d = xi_ref_some_decl(t);
		if (!d)
			return NULL;
		if (d->kind == XI_DECL_STRUCT) {
			*flex = xi_agg_flex_member(d->agg);
			return *flex ? d->name : NULL;
		}
		if (d->kind != XI_DECL_ALIAS)
			return NULL;
		t = d->type;
	}
	return NULL;
}

/* A struct that ends with a flexible array member has no fixed size: it
 * cannot be held by value in another aggregate or an array (ISO C). */
static void check_flex_use(struct xi_resolver *r, const struct xi_type *t, struct xi_loc at,
			   const char *as)
{
	const struct xi_member *flex = NULL;
	const char *holder = flex_holder(t, &flex);
	if (!holder)
		return;
	if (t->kind == XI_TYPE_AGG)
		xi_error(r->diag, at, "%s has a flexible array member and cannot be %s",
			 holder, as);
	else
		xi_error(r->diag, at, "struct '%s' has a flexible array member and cannot be %s",
			 holder, as);
	xi_note(r->diag, flex->loc, "'%s' is declared here", flex->name);
}

/* The integer type a count member has (through aliases), or -1. An arch
 * type (xen_ulong_t) counts when every choice is an integer: its
 * narrowest then bounds @max. */
static int count_prim(const struct xi_type *t)
{
	for (unsigned hops = 0; hops < XI_MAX_ALIAS_CHAIN && t; hops++) {
		if (t->kind == XI_TYPE_PRIM) {
			/* The legacy integers whose size is the ABI's count
			 * too, as the narrowest they are. */
			switch (t->prim) {
			case XI_PRIM_C_ULONG: return XI_PRIM_U32;
			case XI_PRIM_C_LONG: return XI_PRIM_I32;
			case XI_PRIM_NATIVE_U64: return XI_PRIM_U64;
			case XI_PRIM_NATIVE_I64: return XI_PRIM_I64;
			default: return xi_prims[t->prim].integer ? (int)t->prim : -1;
			}
		}
		if (t->kind == XI_TYPE_ARCH) {
			int narrowest = -1;
			for (const struct xi_arch_choice *c = t->u.arch.choices; c; c = c->next) {
				int p = count_prim(c->type);
				if (p < 0)
					return -1;
				if (narrowest < 0 || xi_prims[p].size < xi_prims[narrowest].size)
					narrowest = p;
			}
			return narrowest;
		}
		if (t->kind != XI_TYPE_REF)
			return -1;
		if (t->u.ref.per_family) {
			/* a name of the `import arch` files: an integer on
			 * every ABI that has it */
			int narrowest = -1;
			for (int a = 0; a < XI_ABI_COUNT; a++) {
				const struct xi_decl *d = xi_ref_decl(t, a);
				int p = !d ? -2 : d->kind == XI_DECL_ALIAS ? count_prim(d->type) : -1;
				if (p == -1)
					return -1;
				if (p >= 0 && (narrowest < 0 || xi_prims[p].size < xi_prims[narrowest].size))
					narrowest = p;
			}
			return narrowest;
		}
		const struct xi_decl *d = xi_ref_some_decl(t);
		if (!d || d->kind != XI_DECL_ALIAS)
			return -1;
		t = d->type;
	}
	return -1;
}

/* @len(nr) and @max(BOUND): nr is an integer member of the same struct,
 * and the bound a constant that the count type holds. */
static void resolve_len(struct xi_resolver *r, struct xi_agg *agg, struct xi_member *m)
{
	struct xi_len *rel = xi_type_len(m->type);
	if (!rel)
		return;
	if (!rel->count) {
		xi_error(r->diag, rel->max->loc,
			 "'%s' bounds the count that '%s' gives: add one, as in @len(nr)",
			 xi_spell_attr(r->ctx, rel->max->loc, "max"),
			 xi_spell_attr(r->ctx, rel->max->loc, "len"));
		return;
	}
	struct xi_expr *c = rel->count;
	if (agg->is_union) {
		xi_error(r->diag, c->loc,
			 "'%s' relates members of a struct; '%s' is a member of a union",
			 xi_spell_attr(r->ctx, c->loc, "len"), m->name);
		return;
	}
	struct xi_member *count = NULL;
	for (struct xi_member *o = agg->members; o; o = o->next)
		if (o->name == c->name || !strcmp(o->name, c->name))
			count = o;
	if (!count) {
		xi_error(r->diag, c->loc, "no member '%s' in this struct holds the count of '%s'",
			 c->name, m->name);
		return;
	}
	if (count == m) {
		xi_error(r->diag, c->loc, "'%s' cannot hold its own count", m->name);
		return;
	}
	int prim = count_prim(count->type);
	if (prim < 0) {
		xi_error(r->diag, c->loc, "the count of '%s' must be an integer member, and '%s' "
			 "is not", m->name, count->name);
		xi_note(r->diag, count->loc, "'%s' is declared here", count->name);
		return;
	}
	rel->member = count;
	if (!rel->max)
		return;
	if (!xi_eval_fitting(r->ctx, r->module, rel->max, (enum xi_prim)prim, &rel->max_value))
		return;
	char buf[32];
	if (rel->max_value.neg || rel->max_value.mag == 0) {
		xi_error(r->diag, rel->max->loc, "the bound of '%s' must be at least 1, not %s",
			 m->name, xi_int_format(rel->max_value, buf));
		return;
	}
	if (m->type->kind == XI_TYPE_ARRAY && !xi_type_is_flex(m->type) &&
	    m->type->u.array.count && rel->max_value.mag > m->type->u.array.count) {
		xi_error(r->diag, rel->max->loc, "the bound %s of '%s' exceeds its %u elements",
			 xi_int_format(rel->max_value, buf), m->name,
			 (unsigned)m->type->u.array.count);
		return;
	}
	rel->max_ok = true;
}

/* Members under @if: C declares them all (c_members); every other
 * backend, and the layout, sees those of the reference configuration
 * (members, next). Two members of one name are alternatives: their
 * conditions must exclude each other. */
static void split_members(struct xi_resolver *r, struct xi_agg *agg)
{
	struct xi_ctx *ctx = r->ctx;
	if (!ctx->member_conds.count)
		return;
	bool any = false;
	for (const struct xi_member *m = agg->members; m && !any; m = m->next)
		any = xi_member_cond(ctx, m) != NULL;
	if (!any)
		return;
	struct xi_cmember *head = NULL, **tail = &head;
	for (struct xi_member *m = agg->members; m; m = m->next) {
		const struct xi_cond *c = xi_member_cond(ctx, m);
		const struct xi_cond *fam = xi_cond_find_family(c);
		if (c && agg->tag_name) {
			xi_error(r->diag, m->loc, "'@if' applies to declarations, members, variants "
				 "and bits, not yet to the arms of a tagged union ('%s')", m->name);
			c = NULL;
		} else if (fam) {
			xi_error(r->diag, fam->loc, "a family condition ('%s') applies to "
				 "declarations and groups of them, not to members",
				 xi_families[fam->value].name);
			c = NULL;
		}
		for (const struct xi_cmember *o = head; o; o = o->next) {
			if (o->member->name != m->name || !xi_cond_overlap(o->cond, c))
				continue;
			struct xi_strbuf a = XI_STRBUF_INIT, b = XI_STRBUF_INIT;
			if (o->cond)
				xi_cond_text(&a, o->cond);
			if (c)
				xi_cond_text(&b, c);
			xi_error(r->diag, m->loc, "duplicate member '%s'", m->name);
			xi_note(r->diag, o->member->loc, "previous member '%s' is here", m->name);
			xi_note(r->diag, m->loc, "alternatives need conditions that exclude each "
				"other; these can both hold: %s and %s", o->cond ? xi_sb_str(&a) : "none",
				c ? xi_sb_str(&b) : "none");
			xi_sb_free(&a);
			xi_sb_free(&b);
			break;
		}
		struct xi_cmember *cm = XI_NEW(&ctx->arena, struct xi_cmember);
		cm->member = m;
		cm->cond = c;
		*tail = cm;
		tail = &cm->next;
	}
	agg->c_members = head;
	struct xi_member **link = &agg->members;
	agg->nmembers = 0;
	for (struct xi_cmember *cm = head; cm; cm = cm->next) {
		if (!xi_cond_reference(ctx, cm->cond))
			continue;
		*link = cm->member;
		link = &cm->member->next;
		agg->nmembers++;
	}
	*link = NULL;
	/* C spells the others' types too. */
	const struct xi_cond *outer = r->member_cond;
	for (struct xi_cmember *cm = head; cm; cm = cm->next)
		if (!xi_cond_reference(ctx, cm->cond)) {
			r->member_cond = xi_cond_and(ctx, cm->cond, outer);
			resolve_type(r, cm->member->type, XI_USE_MEMBER);
		}
	r->member_cond = outer;
}

static void resolve_agg(struct xi_resolver *r, struct xi_agg *agg)
{
	split_members(r, agg);
	if (!agg->members && !r->legacy)
		xi_error(r->diag, agg->loc, "an empty %s is only allowed in %s",
			 agg->is_union ? "union" : "struct", xi_spell_legacy_decls(r->ctx, agg->loc));
	check_unique_members(r, agg);
	const struct xi_member *fallback = NULL;
	for (struct xi_member *m = agg->members; m; m = m->next) {
		if (m->flags & XI_MEMBER_C_FALLBACK) {
			if (!agg->anonymous) {
				xi_error(r->diag, m->loc,
					 "'%s' marks a member of an anonymous struct or union; '%s' is not in one",
					 xi_spell_attr(r->ctx, m->loc, "c_fallback"), m->name);
			} else if (fallback) {
				xi_error(r->diag, m->loc, "a second '%s' member in one anonymous %s",
					 xi_spell_attr(r->ctx, m->loc, "c_fallback"),
					 agg->is_union ? "union" : "struct");
				xi_note(r->diag, fallback->loc, "the first is '%s'", fallback->name);
			} else {
				fallback = m;
			}
		}
		if (m->type->kind == XI_TYPE_AGG)
			m->type->u.agg->parent = agg;
		const struct xi_cond *outer = r->member_cond;
		if (r->ctx->member_conds.count)
			r->member_cond = xi_cond_and(r->ctx, xi_member_cond(r->ctx, m), outer);
		resolve_type(r, m->type, XI_USE_MEMBER);
		r->member_cond = outer;
		if (m->type->kind == XI_TYPE_AGG && m->type->u.agg->tag_name)
			resolve_tagged(r, agg, m);
		if (xi_type_is_flex(m->type)) {
			if (agg->is_union)
				xi_error(r->diag, m->loc,
					 "a union cannot have a flexible array member ('%s')", m->name);
			else if (m->next)
				xi_error(r->diag, m->loc,
					 "the flexible array member '%s' must be the last member",
					 m->name);
			else if (m == agg->members)
				xi_error(r->diag, m->loc,
					 "the flexible array member '%s' needs a member before it",
					 m->name);
		}
		check_flex_use(r, m->type, m->type->loc,
			       agg->is_union ? "a member of a union" : "a member of a struct");
	}
}

/* The length relations of an aggregate and of the inline ones it holds,
 * once every declaration is resolved: a count's type may be an alias that
 * a later module declares. */
static void resolve_lens(struct xi_resolver *r, struct xi_agg *agg)
{
	for (struct xi_member *m = agg->members; m; m = m->next) {
		resolve_len(r, agg, m);
		const struct xi_type *t = m->type;
		while (t->kind == XI_TYPE_ARRAY)
			t = t->u.array.elem;
		if (t->kind == XI_TYPE_AGG)
			resolve_lens(r, t->u.agg);
	}
}

/* --- Enums and bitmaps --------------------------------------------------- */

static void check_unique_variants(struct xi_resolver *r, struct xi_decl *d, const char *what)
{
	for (struct xi_variant *v = d->variants; v; v = v->next)
		for (struct xi_variant *o = d->variants; o != v; o = o->next)
			if (o->name == v->name && xi_cond_overlap(o->cond, v->cond)) {
				xi_error(r->diag, v->loc, "duplicate %s '%s' in '%s'", what, v->name, d->name);
				xi_note(r->diag, o->loc, "previous %s '%s' is here", what, v->name);
				break;
			}
}

static void resolve_enum_variants(struct xi_resolver *r, struct xi_decl *d)
{
	if (d->variants_done)
		return;
	d->variants_done = true;
	int prim = xi_integer_prim_of(r->ctx, d->module, d->type, "an enum", d->loc);
	if (prim < 0)
		return;
	d->backing = (enum xi_prim)prim;
	d->backing_ok = true;
	check_unique_variants(r, d, "variant");
	for (struct xi_variant *v = d->variants; v; v = v->next) {
		if (!xi_eval_fitting(r->ctx, d->module, v->value, (enum xi_prim)prim, &v->v)) {
			v->invalid = true;
			continue;
		}
		/* A variant that only C has (false in the reference configuration,
		 * as an old interface version's value) may repeat a value: C's
		 * macros may, and no other backend sees it. */
		if (v->cond && !xi_cond_reference(r->ctx, v->cond))
			continue;
		for (struct xi_variant *o = d->variants; o != v; o = o->next) {
			if (o->cond && !xi_cond_reference(r->ctx, o->cond))
				continue;
			if (!o->invalid && xi_int_eq(o->v, v->v) && xi_cond_overlap(o->cond, v->cond)) {
				char buf[32];
				xi_error(r->diag, v->value->loc, "value %s of '%s' is already used by '%s'",
					 xi_int_format(v->v, buf), v->name, o->name);
				xi_note(r->diag, o->loc, "'%s' is declared here", o->name);
				break;
			}
		}
	}
}

static void resolve_bitmap(struct xi_resolver *r, struct xi_decl *d)
{
	int prim = xi_integer_prim_of(r->ctx, d->module, d->type, "a bitmap", d->loc);
	if (prim < 0)
		return;
	if (xi_prims[prim].is_signed) {
		xi_error(r->diag, d->type->loc.file ? d->type->loc : d->loc,
			 "a bitmap's type must be unsigned, not '%s'", xi_prims[prim].name);
		return;
	}
	if (d->c_bitfields && prim != XI_PRIM_U32) {
		/* Standard C allows bitfields of unsigned int only. */
		struct xi_loc at = d->type->loc.file ? d->type->loc : d->loc;
		if (xi_form_at(r->ctx, at) == XI_FORMAT_XIDL)
			xi_error(r->diag, at, "a @c_bitfields bitmap must be 'u32' (C bitfields of other "
				 "types are not portable), not '%s'", xi_prims[prim].name);
		else
			xi_error(r->diag, at, "a bitmap with %s must be 'u32' (C bitfields of other "
				 "types are not portable), not '%s'",
				 xi_spell_flag(r->ctx, at, "c_bitfields"), xi_prims[prim].name);
		return;
	}
	d->backing = (enum xi_prim)prim;
	d->backing_ok = true;
	unsigned width = xi_prims[prim].size * 8;
	check_unique_variants(r, d, "bit");
	for (struct xi_variant *v = d->variants; v; v = v->next) {
		struct xi_int lo, hi;
		v->invalid = true;
		if (!xi_eval_expr(r->ctx, d->module, v->value, XI_PRIM_U32, &lo))
			continue;
		hi = lo;
		if (v->value_hi && !xi_eval_expr(r->ctx, d->module, v->value_hi, XI_PRIM_U32, &hi))
			continue;
		if (lo.neg || lo.mag >= width) {
			char buf[32];
			xi_error(r->diag, v->value->loc, "bit %s of '%s' is outside the %u bits of '%s'",
				 xi_int_format(lo, buf), v->name, width, xi_prims[prim].name);
			continue;
		}
		if (hi.neg || hi.mag >= width) {
			char buf[32];
			xi_error(r->diag, v->value_hi->loc, "bit %s of '%s' is outside the %u bits of '%s'",
				 xi_int_format(hi, buf), v->name, width, xi_prims[prim].name);
			continue;
		}
		if (hi.mag < lo.mag) {
			xi_error(r->diag, v->value_hi->loc,
				 "bit field '%s' ends (bit %u) before it starts (bit %u)", v->name,
				 (unsigned)hi.mag, (unsigned)lo.mag);
			continue;
		}
		v->lo = (unsigned)lo.mag;
		v->hi = (unsigned)hi.mag;
		v->invalid = false;
		/* A bit that only C has (an old interface version's name of a bit)
		 * may repeat another's bits, as a variant may repeat a value. */
		if (v->cond && !xi_cond_reference(r->ctx, v->cond))
			continue;
		for (struct xi_variant *o = d->variants; o != v; o = o->next) {
			if (o->cond && !xi_cond_reference(r->ctx, o->cond))
				continue;
			if (!o->invalid && o->lo <= v->hi && v->lo <= o->hi &&
			    xi_cond_overlap(o->cond, v->cond)) {
				xi_error(r->diag, v->value->loc, "bits of '%s' overlap those of '%s'",
					 v->name, o->name);
				xi_note(r->diag, o->loc, "'%s' is declared here", o->name);
				break;
			}
		}
	}
}

/* --- @c_type --------------------------------------------------------------- */

static void ctype_misfit(struct xi_resolver *r, struct xi_loc at, struct xi_int v, const char *name,
			 enum xi_ctype t)
{
	char buf[32];
	xi_error(r->diag, at, "value %s of '%s' does not fit its C type '%s' (@c_type(%s))",
		 xi_int_format(v, buf), name, xi_ctype_c(t), xi_ctype_name(t));
}

/* A constant's, variant's or bit's value must fit the C type its macro
 * is given on every ABI: the macro would otherwise change value or type. */
static void check_ctypes(struct xi_resolver *r, struct xi_decl *d)
{
	if (d->kind == XI_DECL_CONST && d->parameterised) {
		if (d->c_type)
			xi_error(r->diag, d->loc, "'%s' is a parameterised constant: its C type is its "
				 "body's (write C suffixes on its literals), not a @c_type", d->name);
		return;
	}
	if (d->kind == XI_DECL_CONST) {
		if (d->c_type && d->evaluated && !d->eval_failed &&
		    !xi_ctype_fits_on(d->value, d->c_type, xi_decl_abis(r->ctx, d)))
			ctype_misfit(r, d->loc, d->value, d->name, d->c_type);
		return;
	}
	for (const struct xi_variant *v = d->variants; v; v = v->next) {
		enum xi_ctype t = v->c_type ? v->c_type : d->c_type;
		if (d->c_enum) {
			/* The enumerators of a C enum are ints (C99 6.7.2.2). */
			if (v->c_type)
				xi_error(r->diag, v->loc, "'%s' is a value of the C enum '%s' (@c_enum): "
					 "an int, which takes no @c_type", v->name, d->name);
			else if (t) {
				xi_error(r->diag, d->loc, "'%s' is a C enum (@c_enum): its values are ints, "
					 "which take no @c_type", d->name);
				return;
			}
			if (!v->invalid && !xi_ctype_fits(v->v, XI_CTYPE_INT)) {
				char buf[32];
				xi_error(r->diag, v->loc, "value %s of '%s' does not fit the int of a C "
					 "enum (@c_enum)", xi_int_format(v->v, buf), v->name);
			}
			continue;
		}
		if (!t || v->invalid)
			continue;
		struct xi_int value = v->v;
		if (d->kind == XI_DECL_BITMAP) {
			unsigned width = v->hi - v->lo + 1;
			uint64_t field = width == 64 ? UINT64_MAX : (UINT64_C(1) << width) - 1;
			value = (struct xi_int){ .mag = field << v->lo };
		}
		if (!xi_ctype_fits(value, t))
			ctype_misfit(r, v->loc, value, v->name, t);
	}
}

/* --- Declarations -------------------------------------------------------- */

/* Variants under @if: C declares them all (c_variants, c_next); every
 * other backend sees those of the reference configuration (variants,
 * next). A bitfield struct has no place for an #if, nor has the last
 * enumerator of a C enum (C89 allows no comma after the last). */
static void split_variants(struct xi_resolver *r, struct xi_decl *d)
{
	bool any = false;
	for (struct xi_variant *v = d->variants; v; v = v->next) {
		v->c_next = v->next;
		if (v->cond && d->c_bitfields && !any)
			xi_error(r->diag, v->loc, "'@if' does not apply to the bits of a C bitfield "
				 "struct (@c_bitfields)");
		else if (v->cond && d->c_enum && !v->next)
			xi_error(r->diag, v->loc, "'@if' does not apply to the last variant of a C enum "
				 "(@c_enum): C89 allows no comma after it");
		any |= v->cond != NULL;
	}
	if (!any)
		return;
	d->c_variants = d->variants;
	struct xi_variant **tail = &d->variants;
	for (struct xi_variant *v = d->c_variants; v; v = v->c_next)
		if (xi_cond_reference(r->ctx, v->cond)) {
			*tail = v;
			tail = &v->next;
		}
	*tail = NULL;
}

/* Readers build the variant lists; the count is made here once for all. */
static void count_variants(struct xi_decl *d)
{
	d->nvariants = 0;
	for (const struct xi_variant *v = d->variants; v; v = v->next)
		d->nvariants++;
}

/* @c_alias and @c_old_name make C macros: their names must not be those
 * of declarations, which the macro would rename. */
static void check_c_alias_names(struct xi_ctx *ctx, const struct xi_decl *d)
{
	const char *names[] = { d->c_alias, d->c_old_name };
	const char *attrs[] = { "c_alias", "c_old_name" };
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		if (!names[i])
			continue;
		const struct xi_decl *o = xi_map_get(&ctx->symbols, names[i], strlen(names[i]));
		if (!o)
			continue;
		xi_error(&ctx->diag, d->loc, "'@%s(\"%s\")' of '%s' names a declaration; C's macro "
			 "would rename it", attrs[i], names[i], d->name);
		xi_note(&ctx->diag, o->loc, "'%s' is declared here", o->name);
	}
}

static void resolve_decl(struct xi_ctx *ctx, struct xi_decl *d)
{
	/* sizeof may have resolved an alias before its turn */
	if (d->resolved)
		return;
	d->resolved = true;
	struct xi_resolver r = { ctx, &ctx->diag, d->module, d, d->legacy, false, 0, NULL };
	/* Under defined(NAME): its names need to exist only where it does. */
	if (d->not_on) {
		r.restricted = true;
		r.only = xi_decl_abis(ctx, d);
	}
	unsigned errors = ctx->diag.errors;
	switch (d->kind) {
	case XI_DECL_CONST:
		xi_eval_const(ctx, d);
		check_ctypes(&r, d);
		break;
	case XI_DECL_ALIAS:
		resolve_type(&r, d->type, XI_USE_ALIAS);
		break;
	case XI_DECL_ENUM:
		count_variants(d);
		resolve_enum_variants(&r, d);
		check_ctypes(&r, d);
		split_variants(&r, d);
		count_variants(d);
		break;
	case XI_DECL_BITMAP:
		count_variants(d);
		resolve_bitmap(&r, d);
		if (d->backing_ok)
			check_ctypes(&r, d);
		split_variants(&r, d);
		count_variants(d);
		break;
	case XI_DECL_STRUCT:
	case XI_DECL_UNION:
		d->agg->owner = d;
		resolve_agg(&r, d->agg);
		check_c_alias_names(ctx, d);
		if (d->version) {
			struct xi_decl *c = xi_lookup_const(ctx, d->module, d->version->name,
							    d->version->loc);
			if (c)
				d->version->ref = c;
		}
		break;
	}
	/* Layout skips what failed here, and so what contains it. */
	d->failed = ctx->diag.errors != errors;
}

/* The constant marked @interface_version gives the interface version of
 * the reference configuration: needed before names are registered (which
 * of two alternatives is the reference's), so its value is a literal. */
static void find_interface_version(struct xi_ctx *ctx)
{
	for (unsigned i = 0; i < ctx->nmodules; i++)
		for (struct xi_decl *d = ctx->modules[i]->decls; d; d = d->next) {
			if (!d->interface_version)
				continue;
			if (ctx->interface_version) {
				xi_error(&ctx->diag, d->loc, "a second constant marked "
					 "'@interface_version': '%s'", d->name);
				xi_note(&ctx->diag, ctx->interface_version->loc,
					"'%s' is marked here", ctx->interface_version->name);
				continue;
			}
			if (!d->expr || d->expr->kind != XI_EXPR_INT || d->expr->lit.neg) {
				xi_error(&ctx->diag, d->expr ? d->expr->loc : d->loc,
					 "the '@interface_version' constant needs a non-negative integer "
					 "literal, as in 0x00041300");
				continue;
			}
			ctx->interface_version = d;
			ctx->latest_version = d->expr->lit.mag;
		}
}

void xi_resolve(struct xi_ctx *ctx)
{
	ctx->resolve_decl_early = resolve_decl;
	ctx->resolve_expr_types = resolve_expr_types;
	ctx->check_fn_const = xi_check_fn_const;
	find_interface_version(ctx);
	for (unsigned i = 0; i < ctx->nmodules; i++)
		for (struct xi_decl *d = ctx->modules[i]->decls; d; d = d->next)
			xi_register_decl(ctx, d);
	xi_resolve_defined(ctx);
	xi_resolve_c_handles(ctx);
	for (unsigned i = 0; i < ctx->nmodules && !ctx->diag.capped; i++)
		for (struct xi_decl *d = ctx->modules[i]->decls; d && !ctx->diag.capped; d = d->next)
			resolve_decl(ctx, d);
	for (unsigned i = 0; i < ctx->nmodules && !ctx->diag.capped; i++) {
		for (struct xi_decl *d = ctx->modules[i]->decls; d && !ctx->diag.capped; d = d->next) {
			if (!xi_decl_is_aggregate(d))
				continue;
			struct xi_resolver r = { ctx, &ctx->diag, d->module, d, d->legacy, false, 0, NULL };
			resolve_lens(&r, d->agg);
		}
	}
	if (!ctx->diag.capped)
		xi_resolve_hvm_save(ctx);
}
