/* Name resolution and the language rules that need no layout.
 *
 * Names are C names, so they share one namespace per architecture family:
 * a name may be declared once in the shared files and once per arch-*
 * family. A reference is resolved separately for each ABI, which is how a
 * shared struct embeds the arch-specific xen_arch_domainconfig. */
#include "resolve.h"

#include <stdlib.h>
#include <string.h>

#include "limits.h"

/* Aggregates with more members than this check name clashes with a hash
 * map instead of pairwise. */
#define RESOLVE_PAIRWISE_MAX 32u

enum type_context {
	CTX_MEMBER,
	CTX_ARRAY_ELEM,
	CTX_HANDLE_TARGET,
	CTX_ALIAS,
	CTX_ARCH_CHOICE,
	CTX_BACKING,
};

struct resolver {
	struct xi_ctx *ctx;
	struct xi_diag *diag;
	struct xi_module *module;
	struct xi_decl *decl;  /* the declaration being resolved */
	bool legacy;           /* legacy constructs allowed */
};

xi_abi_mask xi_module_abis(const struct xi_ctx *ctx, const struct xi_module *m)
{
	if (m->family == XI_FAM_NONE)
		return ctx->opt.abis;
	return ctx->opt.abis & xi_family_abis((enum xi_family)m->family);
}

static bool families_overlap(const struct xi_module *a, const struct xi_module *b)
{
	return a->family == XI_FAM_NONE || b->family == XI_FAM_NONE || a->family == b->family;
}

/* --- Symbols ------------------------------------------------------------- */

static void register_decl(struct xi_ctx *ctx, struct xi_decl *d)
{
	size_t len = strlen(d->name);
	if (xi_prim_by_name(d->name) >= 0 || !strcmp(d->name, "void")) {
		xi_error(&ctx->diag, d->loc, "'%s' is a built-in type and cannot be redeclared",
			 d->name);
		return;
	}
	struct xi_decl *first = xi_map_get(&ctx->symbols, d->name, len);
	struct xi_decl *last = NULL;
	for (struct xi_decl *o = first; o; o = o->next_same_name) {
		if (families_overlap(o->module, d->module)) {
			xi_error(&ctx->diag, d->loc, "redefinition of '%s'", d->name);
			xi_note(&ctx->diag, o->loc, "previous definition of '%s' is here", d->name);
			return;
		}
		last = o;
	}
	if (last)
		last->next_same_name = d;
	else
		xi_map_put(&ctx->symbols, d->name, len, d);
}

/* The declaration `name` means in module m on ABI abi, or NULL. */
static struct xi_decl *lookup(struct xi_ctx *ctx, const struct xi_module *m, const char *name, int abi)
{
	struct xi_decl *d = xi_map_get(&ctx->symbols, name, strlen(name));
	for (; d; d = d->next_same_name) {
		if (!xi_module_sees(m, d->module))
			continue;
		if (d->module->family != XI_FAM_NONE && d->module->family != (int)xi_abis[abi].family)
			continue;
		return d;
	}
	return NULL;
}

/* Explain why a name is not found: missing, or declared somewhere that is
 * not imported. */
static void report_unknown(struct xi_ctx *ctx, const struct xi_module *m, const char *what,
			   const char *name, struct xi_loc loc)
{
	struct xi_decl *d = xi_map_get(&ctx->symbols, name, strlen(name));
	for (; d; d = d->next_same_name) {
		if (!xi_module_sees(m, d->module)) {
			xi_error(&ctx->diag, loc, "%s '%s' is declared in '%s', which is not imported here",
				 what, name, d->module->path);
			xi_note(&ctx->diag, d->loc, "'%s' is declared here", name);
			return;
		}
	}
	xi_error(&ctx->diag, loc, "unknown %s '%s'", what, name);
}

struct xi_decl *xi_lookup_const(struct xi_ctx *ctx, const struct xi_module *m,
				const char *name, struct xi_loc loc)
{
	struct xi_decl *found = NULL;
	XI_FOR_EACH_ABI(a, xi_module_abis(ctx, m)) {
		struct xi_decl *d = lookup(ctx, m, name, a);
		if (!d)
			continue;
		if (found && found != d) {
			xi_error(&ctx->diag, loc,
				 "constant '%s' differs between architectures and cannot be used here",
				 name);
			return NULL;
		}
		found = d;
	}
	if (!found) {
		report_unknown(ctx, m, "constant", name, loc);
		return NULL;
	}
	if (found->kind != XI_DECL_CONST) {
		xi_error(&ctx->diag, loc, "'%s' is %s %s, not a constant", name,
			 found->kind == XI_DECL_ALIAS || found->kind == XI_DECL_ENUM ? "an" : "a",
			 xi_decl_kind_name(found->kind));
		xi_note(&ctx->diag, found->loc, "'%s' is declared here", name);
		return NULL;
	}
	return found;
}

/* --- Attributes ---------------------------------------------------------- */

static bool is_c_identifier(const char *s)
{
	if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || *s == '_'))
		return false;
	for (s++; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || *s == '_' ||
		      (*s >= '0' && *s <= '9')))
			return false;
	return true;
}

static bool attr_no_arg(struct xi_ctx *ctx, const struct xi_attr *a)
{
	if (a->arg_kind != XI_ATTR_ARG_NONE) {
		xi_error(&ctx->diag, a->arg_loc, "'@%s' takes no argument", a->name);
		return false;
	}
	return true;
}

static const char *attr_string(struct xi_ctx *ctx, const struct xi_attr *a, bool identifier)
{
	if (a->arg_kind != XI_ATTR_ARG_STRING) {
		xi_error(&ctx->diag, a->loc, "'@%s' needs a string argument, as in @%s(\"NAME\")",
			 a->name, a->name);
		return NULL;
	}
	if (identifier && !is_c_identifier(a->str)) {
		xi_error(&ctx->diag, a->arg_loc, "'%s' is not a valid C identifier", a->str);
		return NULL;
	}
	return a->str;
}

/* Report a repeated attribute; true if `a` repeats an earlier one. */
static bool attr_repeated(struct xi_ctx *ctx, const struct xi_attr *list, const struct xi_attr *a)
{
	for (const struct xi_attr *o = list; o != a; o = o->next) {
		if (o->name == a->name || !strcmp(o->name, a->name)) {
			xi_error(&ctx->diag, a->loc, "duplicate attribute '@%s'", a->name);
			return true;
		}
	}
	return false;
}

static bool is_direction(const char *n)
{
	return !strcmp(n, "in") || !strcmp(n, "out") || !strcmp(n, "inout");
}

static bool known_attr(const char *n)
{
	static const char *const names[] = { "in", "out", "inout", "reserved", "legacy",
					     "c_name", "c_prefix", "version" };
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (!strcmp(n, names[i]))
			return true;
	return false;
}

static void attr_misplaced(struct xi_ctx *ctx, const struct xi_attr *a, const char *where)
{
	if (!known_attr(a->name))
		xi_error(&ctx->diag, a->loc, "unknown attribute '@%s'", a->name);
	else
		xi_error(&ctx->diag, a->loc, "'@%s' does not apply to %s", a->name, where);
}

static const char *decl_kind_phrase(enum xi_decl_kind k)
{
	switch (k) {
	case XI_DECL_CONST: return "a constant";
	case XI_DECL_ALIAS: return "a type alias";
	case XI_DECL_ENUM: return "an enum";
	case XI_DECL_BITMAP: return "a bitmap";
	case XI_DECL_STRUCT: return "a struct";
	case XI_DECL_UNION: return "a union";
	}
	return "a declaration";
}

static void decl_attrs(struct xi_ctx *ctx, struct xi_decl *d)
{
	for (struct xi_attr *a = d->attrs; a; a = a->next) {
		if (attr_repeated(ctx, d->attrs, a))
			continue;
		if (!strcmp(a->name, "legacy") &&
		    (d->kind == XI_DECL_STRUCT || d->kind == XI_DECL_UNION || d->kind == XI_DECL_ALIAS)) {
			if (attr_no_arg(ctx, a))
				d->legacy = true;
		} else if (!strcmp(a->name, "c_name")) {
			d->c_name = attr_string(ctx, a, true);
		} else if (!strcmp(a->name, "c_prefix") &&
			   (d->kind == XI_DECL_ENUM || d->kind == XI_DECL_BITMAP)) {
			d->c_prefix = attr_string(ctx, a, false);
			if (d->c_prefix && *d->c_prefix && !is_c_identifier(d->c_prefix)) {
				xi_error(&ctx->diag, a->arg_loc, "'%s' is not a valid C identifier prefix",
					 d->c_prefix);
				d->c_prefix = NULL;
			}
		} else if (!strcmp(a->name, "version") &&
			   (d->kind == XI_DECL_STRUCT || d->kind == XI_DECL_UNION)) {
			if (a->arg_kind != XI_ATTR_ARG_EXPR || a->expr->kind != XI_EXPR_NAME)
				xi_error(&ctx->diag, a->loc,
					 "'@version' needs the name of a constant, as in @version(NAME_VERSION)");
			else
				d->version = a->expr;
		} else {
			attr_misplaced(ctx, a, decl_kind_phrase(d->kind));
		}
	}
}

static void member_attrs(struct xi_ctx *ctx, struct xi_member *m)
{
	const struct xi_attr *direction = NULL, *reserved = NULL;
	for (struct xi_attr *a = m->attrs; a; a = a->next) {
		if (attr_repeated(ctx, m->attrs, a))
			continue;
		if (is_direction(a->name)) {
			if (!attr_no_arg(ctx, a))
				continue;
			if (direction) {
				xi_error(&ctx->diag, a->loc, "'@%s' conflicts with '@%s'", a->name,
					 direction->name);
				continue;
			}
			direction = a;
			m->flags |= !strcmp(a->name, "in") ? XI_MEMBER_IN
				  : !strcmp(a->name, "out") ? XI_MEMBER_OUT
				  : XI_MEMBER_IN | XI_MEMBER_OUT;
		} else if (!strcmp(a->name, "reserved")) {
			if (attr_no_arg(ctx, a)) {
				reserved = a;
				m->flags |= XI_MEMBER_RESERVED;
			}
		} else if (!strcmp(a->name, "c_name")) {
			m->c_name = attr_string(ctx, a, true);
		} else {
			attr_misplaced(ctx, a, "a member");
		}
	}
	if (direction && reserved)
		xi_error(&ctx->diag, reserved->loc,
			 "a '@reserved' member carries no data and takes no direction");
}

static void variant_attrs(struct xi_ctx *ctx, struct xi_variant *v, const char *what)
{
	for (struct xi_attr *a = v->attrs; a; a = a->next) {
		if (attr_repeated(ctx, v->attrs, a))
			continue;
		if (!strcmp(a->name, "c_name"))
			v->c_name = attr_string(ctx, a, true);
		else
			attr_misplaced(ctx, a, what);
	}
}

/* --- Types --------------------------------------------------------------- */

static void resolve_type(struct resolver *r, struct xi_type *t, enum type_context where);
static void resolve_agg(struct resolver *r, struct xi_agg *agg, struct xi_agg *parent);
static void legacy_only(struct resolver *r, struct xi_loc loc, const char *what)
{
	if (!r->legacy)
		xi_error(r->diag, loc, "'%s' is only allowed in @legacy declarations", what);
}

static void resolve_ref(struct resolver *r, struct xi_type *t, enum type_context where)
{
	const char *name = t->u.ref.name;
	int prim = xi_prim_by_name(name);
	if (prim >= 0) {
		t->kind = XI_TYPE_PRIM;
		t->prim = (enum xi_prim)prim;
		if (xi_prims[prim].legacy_only)
			legacy_only(r, t->loc, name);
		return;
	}
	if (!strcmp(name, "void")) {
		t->kind = XI_TYPE_VOID;
		if (where != CTX_HANDLE_TARGET)
			xi_error(r->diag, t->loc, "'void' is only allowed as the target of a handle");
		return;
	}
	xi_abi_mask abis = xi_module_abis(r->ctx, r->module);
	struct xi_decl *first = NULL;
	int first_abi = -1;
	xi_abi_mask missing = 0;
	XI_FOR_EACH_ABI(a, abis) {
		struct xi_decl *d = lookup(r->ctx, r->module, name, a);
		t->u.ref.decl[a] = d;
		if (!d) {
			missing |= XI_ABI_BIT(a);
			continue;
		}
		if (!first) {
			first = d;
			first_abi = a;
		} else if (d != first) {
			t->u.ref.per_family = true;
		}
	}
	if (!first) {
		if (abis)
			report_unknown(r->ctx, r->module, "type", name, t->loc);
		return;
	}
	if (missing) {
		XI_FOR_EACH_ABI(a, missing) {
			xi_error(r->diag, t->loc, "type '%s' is not declared for %s (family %s)", name,
				 xi_abis[a].name, xi_families[xi_abis[a].family].name);
			break;
		}
		memset(t->u.ref.decl, 0, sizeof(t->u.ref.decl));
		return;
	}
	if (first->kind == XI_DECL_CONST) {
		xi_error(r->diag, t->loc, "'%s' is a constant, not a type", name);
		xi_note(r->diag, first->loc, "'%s' is declared here", name);
		memset(t->u.ref.decl, 0, sizeof(t->u.ref.decl));
		return;
	}
	/* All ABIs must agree on what kind of thing the name is. */
	XI_FOR_EACH_ABI(a, abis) {
		if (t->u.ref.decl[a]->kind != first->kind) {
			xi_error(r->diag, t->loc, "'%s' is %s on %s but %s on %s", name,
				 decl_kind_phrase(first->kind), xi_abis[first_abi].name,
				 decl_kind_phrase(t->u.ref.decl[a]->kind), xi_abis[a].name);
			memset(t->u.ref.decl, 0, sizeof(t->u.ref.decl));
			return;
		}
	}
	/* And be the kind the spec said. */
	if (t->u.ref.want && (int)first->kind != t->u.ref.want_kind) {
		xi_error(r->diag, t->loc, "'%s' is %s, not %s", name, decl_kind_phrase(first->kind),
			 decl_kind_phrase((enum xi_decl_kind)t->u.ref.want_kind));
		xi_note(r->diag, first->loc, "'%s' is declared here", name);
		memset(t->u.ref.decl, 0, sizeof(t->u.ref.decl));
	}
}

static void resolve_handle(struct resolver *r, struct xi_type *t)
{
	struct xi_type *target = t->u.target;
	if (t->kind == XI_TYPE_NATIVE_HANDLE)
		legacy_only(r, t->loc, "native_handle");
	if (target->kind != XI_TYPE_REF) {
		xi_error(r->diag, target->loc,
			 "a handle must point to a named type, a primitive or void");
		return;
	}
	resolve_ref(r, target, CTX_HANDLE_TARGET);
}

static void resolve_array(struct resolver *r, struct xi_type *t)
{
	struct xi_int n;
	resolve_type(r, t->u.array.elem, CTX_ARRAY_ELEM);
	if (!xi_eval_fitting(r->ctx, r->module, t->u.array.len, XI_PRIM_U32, &n))
		return;
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

static void resolve_arch(struct resolver *r, struct xi_type *t)
{
	legacy_only(r, t->loc, "arch");
	struct xi_type *dflt = NULL;
	for (struct xi_arch_choice *c = t->u.arch.choices; c; c = c->next) {
		for (struct xi_arch_choice *o = t->u.arch.choices; o != c; o = o->next) {
			if (!strcmp(o->key, c->key)) {
				xi_error(r->diag, c->loc, "duplicate choice '%s' in arch type", c->key);
				xi_note(r->diag, o->loc, "previous choice '%s' is here", c->key);
			}
		}
		resolve_type(r, c->type, CTX_ARCH_CHOICE);
		if (!strcmp(c->key, "default")) {
			dflt = c->type;
			continue;
		}
		int a = xi_abi_by_name(c->key, (unsigned)strlen(c->key));
		if (a < 0) {
			xi_error(r->diag, c->loc,
				 "unknown ABI '%s' in arch type (expected x86_32, x86_64, arm32, "
				 "arm64, riscv64, ppc64le or default)", c->key);
			continue;
		}
		t->u.arch.abi[a] = c->type;
	}
	XI_FOR_EACH_ABI(a, xi_module_abis(r->ctx, r->module)) {
		if (!t->u.arch.abi[a])
			t->u.arch.abi[a] = dflt;
		if (!t->u.arch.abi[a]) {
			xi_error(r->diag, t->loc, "arch type has no choice for %s and no default",
				 xi_abis[a].name);
			break;
		}
	}
}

static void resolve_type(struct resolver *r, struct xi_type *t, enum type_context where)
{
	switch (t->kind) {
	case XI_TYPE_REF:
		resolve_ref(r, t, where);
		break;
	case XI_TYPE_PRIM:
	case XI_TYPE_VOID:
		break;
	case XI_TYPE_ARRAY:
		resolve_array(r, t);
		break;
	case XI_TYPE_HANDLE:
	case XI_TYPE_NATIVE_HANDLE:
		resolve_handle(r, t);
		break;
	case XI_TYPE_AGG:
		if (where == CTX_ALIAS) {
			xi_error(r->diag, t->loc,
				 "an alias cannot name an inline %s; declare a named one",
				 t->u.agg->is_union ? "union" : "struct");
			break;
		}
		if (t->u.agg->tag_name && where != CTX_MEMBER) {
			xi_error(r->diag, t->loc,
				 "a tagged union must be the type of a struct member");
			break;
		}
		t->u.agg->owner = r->decl;
		resolve_agg(r, t->u.agg, NULL);
		break;
	case XI_TYPE_ARCH:
		if (where == CTX_ARCH_CHOICE) {
			xi_error(r->diag, t->loc, "arch types cannot be nested");
			break;
		}
		resolve_arch(r, t);
		break;
	}
}

/* The integer primitive a type stands for, through aliases. */
int xi_integer_prim_of(struct xi_ctx *ctx, const struct xi_module *m, struct xi_type *t,
		       const char *what)
{
	struct resolver r = { ctx, &ctx->diag, (struct xi_module *)m, NULL, false };
	if (t->kind == XI_TYPE_REF)
		resolve_ref(&r, t, CTX_BACKING);
	const struct xi_type *cur = t;
	for (unsigned hops = 0; hops <= ctx->nmodules + 64; hops++) {
		if (cur->kind == XI_TYPE_PRIM) {
			if (!xi_prims[cur->prim].integer) {
				xi_error(&ctx->diag, t->loc, "the type of %s must be an integer, not '%s'",
					 what, xi_prims[cur->prim].name);
				return -1;
			}
			return (int)cur->prim;
		}
		if (cur->kind != XI_TYPE_REF)
			break;
		int a = xi_ref_any_abi(cur);
		if (a < 0)
			return -1; /* already reported */
		struct xi_decl *d = cur->u.ref.decl[a];
		if (d->kind != XI_DECL_ALIAS)
			break;
		if (cur->u.ref.per_family || d->legacy)
			break;
		if (d->type->kind == XI_TYPE_REF && d->type->u.ref.decl[a] == NULL &&
		    xi_prim_by_name(d->type->u.ref.name) < 0) {
			struct resolver ra = { ctx, &ctx->diag, d->module, d, d->legacy };
			resolve_ref(&ra, d->type, CTX_ALIAS);
		} else if (d->type->kind == XI_TYPE_REF && xi_prim_by_name(d->type->u.ref.name) >= 0) {
			d->type->kind = XI_TYPE_PRIM;
			d->type->prim = (enum xi_prim)xi_prim_by_name(d->type->u.ref.name);
		}
		cur = d->type;
	}
	xi_error(&ctx->diag, t->loc, "the type of %s must be an integer type", what);
	return -1;
}

/* --- Aggregates ---------------------------------------------------------- */

static void check_unique_members(struct resolver *r, struct xi_agg *agg)
{
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
		struct xi_decl *d = t->u.ref.decl[a];
		if (d->kind == XI_DECL_ENUM)
			return d;
		if (d->kind != XI_DECL_ALIAS)
			return NULL;
		t = d->type;
	}
	return NULL;
}

static bool label_value(struct resolver *r, struct xi_arm_label *l, struct xi_decl *enm,
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

static void resolve_enum_variants(struct resolver *r, struct xi_decl *d);

static void resolve_tagged(struct resolver *r, struct xi_agg *parent, struct xi_member *um)
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
		       t->u.ref.decl[xi_ref_any_abi(t)]->kind == XI_DECL_ALIAS)
			t = t->u.ref.decl[xi_ref_any_abi(t)]->type;
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

static void resolve_agg(struct resolver *r, struct xi_agg *agg, struct xi_agg *parent)
{
	(void)parent;
	if (!agg->members && !r->legacy)
		xi_error(r->diag, agg->loc, "an empty %s is only allowed in @legacy declarations",
			 agg->is_union ? "union" : "struct");
	check_unique_members(r, agg);
	for (struct xi_member *m = agg->members; m; m = m->next) {
		member_attrs(r->ctx, m);
		if (m->type->kind == XI_TYPE_AGG)
			m->type->u.agg->parent = agg;
		resolve_type(r, m->type, CTX_MEMBER);
		if (m->type->kind == XI_TYPE_AGG && m->type->u.agg->tag_name)
			resolve_tagged(r, agg, m);
	}
}

/* --- Enums and bitmaps --------------------------------------------------- */

static void check_unique_variants(struct resolver *r, struct xi_decl *d, const char *what)
{
	for (struct xi_variant *v = d->variants; v; v = v->next)
		for (struct xi_variant *o = d->variants; o != v; o = o->next)
			if (o->name == v->name) {
				xi_error(r->diag, v->loc, "duplicate %s '%s' in '%s'", what, v->name, d->name);
				xi_note(r->diag, o->loc, "previous %s '%s' is here", what, v->name);
				break;
			}
}

static void resolve_enum_variants(struct resolver *r, struct xi_decl *d)
{
	if (d->variants_done)
		return;
	d->variants_done = true;
	int prim = xi_integer_prim_of(r->ctx, d->module, d->type, "an enum");
	if (prim < 0)
		return;
	d->backing = (enum xi_prim)prim;
	d->backing_ok = true;
	check_unique_variants(r, d, "variant");
	for (struct xi_variant *v = d->variants; v; v = v->next) {
		variant_attrs(r->ctx, v, "an enum variant");
		if (!xi_eval_fitting(r->ctx, d->module, v->value, (enum xi_prim)prim, &v->v)) {
			v->invalid = true;
			continue;
		}
		for (struct xi_variant *o = d->variants; o != v; o = o->next) {
			if (!o->invalid && xi_int_eq(o->v, v->v)) {
				char buf[32];
				xi_error(r->diag, v->value->loc, "value %s of '%s' is already used by '%s'",
					 xi_int_format(v->v, buf), v->name, o->name);
				xi_note(r->diag, o->loc, "'%s' is declared here", o->name);
				break;
			}
		}
	}
}

static void resolve_bitmap(struct resolver *r, struct xi_decl *d)
{
	int prim = xi_integer_prim_of(r->ctx, d->module, d->type, "a bitmap");
	if (prim < 0)
		return;
	if (xi_prims[prim].is_signed) {
		xi_error(r->diag, d->type->loc, "a bitmap's type must be unsigned, not '%s'",
			 xi_prims[prim].name);
		return;
	}
	d->backing = (enum xi_prim)prim;
	d->backing_ok = true;
	unsigned width = xi_prims[prim].size * 8;
	check_unique_variants(r, d, "bit");
	for (struct xi_variant *v = d->variants; v; v = v->next) {
		variant_attrs(r->ctx, v, "a bit");
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
		for (struct xi_variant *o = d->variants; o != v; o = o->next) {
			if (!o->invalid && o->lo <= v->hi && v->lo <= o->hi) {
				xi_error(r->diag, v->value->loc, "bits of '%s' overlap those of '%s'",
					 v->name, o->name);
				xi_note(r->diag, o->loc, "'%s' is declared here", o->name);
				break;
			}
		}
	}
}

/* --- Declarations -------------------------------------------------------- */

static void resolve_decl(struct xi_ctx *ctx, struct xi_decl *d)
{
	struct resolver r = { ctx, &ctx->diag, d->module, d, d->legacy };
	switch (d->kind) {
	case XI_DECL_CONST:
		xi_eval_const(ctx, d);
		break;
	case XI_DECL_ALIAS:
		resolve_type(&r, d->type, CTX_ALIAS);
		if (d->type->kind == XI_TYPE_VOID)
			xi_error(&ctx->diag, d->type->loc, "an alias cannot name 'void'");
		break;
	case XI_DECL_ENUM:
		resolve_enum_variants(&r, d);
		break;
	case XI_DECL_BITMAP:
		resolve_bitmap(&r, d);
		break;
	case XI_DECL_STRUCT:
	case XI_DECL_UNION:
		d->agg->owner = d;
		resolve_agg(&r, d->agg, NULL);
		if (d->version) {
			struct xi_decl *c = xi_lookup_const(ctx, d->module, d->version->name,
							    d->version->loc);
			if (c)
				d->version->ref = c;
		}
		break;
	}
}

void xi_resolve(struct xi_ctx *ctx)
{
	for (unsigned i = 0; i < ctx->nmodules; i++)
		for (struct xi_decl *d = ctx->modules[i]->decls; d; d = d->next)
			register_decl(ctx, d);
	for (unsigned i = 0; i < ctx->nmodules; i++)
		for (struct xi_decl *d = ctx->modules[i]->decls; d; d = d->next)
			decl_attrs(ctx, d);
	for (unsigned i = 0; i < ctx->nmodules && !ctx->diag.capped; i++)
		for (struct xi_decl *d = ctx->modules[i]->decls; d && !ctx->diag.capped; d = d->next)
			resolve_decl(ctx, d);
}
