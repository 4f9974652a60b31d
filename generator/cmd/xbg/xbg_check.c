/* xenbindgen mode, checks. xenbindgen checked little beyond its layout
 * rules (xbg_views.c); with the specs below it crashed or wrote C or Rust
 * that does not compile. The Xen tree generates both languages from the
 * same specs, so each of these is an error whatever -l says:
 *
 *   - a pointer to anything but u8 ... i64 (the C backend panics);
 *   - an array of arrays (invalid C), an array of length 0;
 *   - a description holding the end of a C comment;
 *   - a bit at or beyond the width of the bitmap's type, the top bit of a
 *     signed bitmap (Rust overflows), a bit from 32 up in an i64 bitmap
 *     (C shifts 1U) and two bits at one position;
 *   - an enum value outside its type, or given twice;
 *   - an enum or bitmap used by a struct of another directory (the C
 *     backend aborts), a struct used before its definition in the same
 *     directory (C needs it complete);
 *   - names xenbindgen would mangle inconsistently where they are used (a
 *     struct named vcpu2_info is defined as vcpu_2_info in C), two names
 *     that come out the same, and keywords of C.
 *
 * A keyword of Rust is not refused (Xen's grant tables have a field
 * `ref`): the Rust backend writes it as a raw identifier, r#ref, or self_
 * for those that cannot be raw (xi_xbg_rust_name), and the names compared
 * below are those it writes. */
#include <string.h>

#include "map.h"
#include "xbg.h"
#include "xbg_case.h"

struct checker {
	struct xbg *x;
	struct xi_ctx *ctx;
	struct xi_diag *diag;
	struct xi_arena *arena;
};

/* --- Text ----------------------------------------------------------------- */

static void check_description(struct checker *c, const char *doc, struct xi_loc loc,
			      const char *what)
{
	if (doc && strstr(doc, "*/"))
		xi_error(c->diag, loc, "the description of %s holds '*/', which would end the C comment "
			 "xenbindgen writes it in", what);
}

static bool is_keyword(const char *s, const char *const *list)
{
	for (; *list; list++)
		if (!strcmp(*list, s))
			return true;
	return false;
}

static const char *const c_keywords[] = {
	"auto", "break", "case", "char", "const", "continue", "default", "do", "double", "else",
	"enum", "extern", "float", "for", "goto", "if", "inline", "int", "long", "register",
	"restrict", "return", "short", "signed", "sizeof", "static", "struct", "switch", "typedef",
	"union", "unsigned", "void", "volatile", "while", "_Alignas", "_Alignof", "_Atomic", "_Bool",
	"_Complex", "_Generic", "_Imaginary", "_Noreturn", "_Static_assert", "_Thread_local", NULL
};

/* A name xenbindgen writes as is in C. */
static void check_keyword(struct checker *c, const char *c_name, struct xi_loc loc)
{
	if (is_keyword(c_name, c_keywords))
		xi_error(c->diag, loc, "'%s' is a keyword of C; xenbindgen would write it as a name",
			 c_name);
}

/* Generated names of one scope (a C header, a Rust item): two equal ones
 * do not compile. */
struct scope {
	struct xi_map names;
	const char *lang;
};

static void scope_add(struct checker *c, struct scope *s, const char *generated, const char *name,
		      struct xi_loc loc)
{
	struct xi_loc *prev = xi_map_get(&s->names, generated, strlen(generated));
	if (prev) {
		xi_error(c->diag, loc, "xenbindgen would write the %s name '%s' for '%s', which it "
			 "already wrote for an earlier name", s->lang, generated, name);
		xi_note(c->diag, *prev, "the earlier name is here");
		return;
	}
	struct xi_loc *at = XI_NEW(c->arena, struct xi_loc);
	*at = loc;
	xi_map_put(&s->names, generated, strlen(generated), at);
}

static const char *conv(struct checker *c, const char *name, enum xi_split split, enum xi_case to)
{
	return xi_case_convert(c->arena, name, split, to);
}

/* The name the Rust backend writes. */
static const char *rust(struct checker *c, const char *name, enum xi_split split, enum xi_case to)
{
	return xi_xbg_rust_name(c->arena, name, split, to);
}

/* --- Enums and bitmaps ---------------------------------------------------- */

static int backing_prim(struct checker *c, const struct xi_decl *d)
{
	int p = xi_xbg_prim(d->type);
	if (p < 0)
		xi_error(c->diag, d->type->loc, "the typ of %s must be one of u8, u16, u32, u64, i8, "
			 "i16, i32 or i64", xi_xbg_kind_phrase(d->kind));
	return p;
}

/* The largest value an enum of typ p holds in both languages: Rust gives
 * a 64-bit enum `repr(align(8))`, so its values are isize. */
static uint64_t enum_max(int p)
{
	unsigned bits = xi_prims[p].size * 8;
	if (xi_prims[p].is_signed || bits == 64)
		return (UINT64_C(1) << (bits - 1)) - 1;
	return (UINT64_C(1) << bits) - 1;
}

static void check_enum(struct checker *c, const struct xi_decl *d, struct scope *cnames)
{
	check_description(c, d->doc, d->loc, "an enum");
	check_keyword(c, d->name, d->loc);
	if (!d->variants)
		xi_error(c->diag, d->loc, "enum '%s' has no variants; xenbindgen's Rust derives its "
			 "Default from the first one", d->name);
	int p = backing_prim(c, d);
	const char *prefix = conv(c, d->name, XI_SPLIT_SNAKE, XI_CASE_UPPER_SNAKE);
	struct scope rnames = { { 0 }, "Rust" };
	xi_map_init(&rnames.names);
	for (const struct xi_variant *v = d->variants; v; v = v->next) {
		check_description(c, v->doc, v->loc, "a variant");
		scope_add(c, cnames, xi_aprintf(c->arena, "%s_%s", prefix,
						  conv(c, v->name, XI_SPLIT_SNAKE, XI_CASE_UPPER_SNAKE)),
			  v->name, v->loc);
		scope_add(c, &rnames, rust(c, v->name, XI_SPLIT_DEFAULT, XI_CASE_PASCAL), v->name,
			  v->loc);
		uint64_t value = v->value->lit.mag;
		if (p >= 0 && value > enum_max(p)) {
			xi_error(c->diag, v->value->loc, "value %llu of '%s' does not fit the enum's typ "
				 "'%s'", (unsigned long long)value, v->name, xi_prims[p].name);
			continue;
		}
		for (const struct xi_variant *o = d->variants; o != v; o = o->next) {
			if (o->value->lit.mag == value) {
				xi_error(c->diag, v->value->loc, "value %llu of '%s' is already the value "
					 "of '%s'", (unsigned long long)value, v->name, o->name);
				xi_note(c->diag, o->loc, "'%s' is declared here", o->name);
				break;
			}
		}
	}
	xi_map_free(&rnames.names);
}

static void check_bitmap(struct checker *c, const struct xi_decl *d, struct scope *cnames,
			 struct scope *ctags, struct scope *rust_types)
{
	check_description(c, d->doc, d->loc, "a bitmap");
	check_keyword(c, d->name, d->loc);
	scope_add(c, ctags, d->name, d->name, d->loc);
	scope_add(c, rust_types, rust(c, d->name, XI_SPLIT_SNAKE, XI_CASE_PASCAL), d->name, d->loc);
	int p = backing_prim(c, d);
	const char *prefix = conv(c, d->name, XI_SPLIT_SNAKE, XI_CASE_UPPER_SNAKE);
	scope_add(c, cnames, xi_aprintf(c->arena, "%s__ALL", prefix), d->name, d->loc);
	struct scope rnames = { { 0 }, "Rust" };
	xi_map_init(&rnames.names);
	for (const struct xi_variant *v = d->variants; v; v = v->next) {
		check_description(c, v->doc, v->loc, "a bit");
		scope_add(c, cnames, xi_aprintf(c->arena, "%s_%s", prefix,
						  conv(c, v->name, XI_SPLIT_SNAKE, XI_CASE_UPPER_SNAKE)),
			  v->name, v->loc);
		scope_add(c, &rnames, rust(c, v->name, XI_SPLIT_SNAKE, XI_CASE_PASCAL), v->name, v->loc);
		if (p < 0)
			continue;
		uint64_t shift = v->value->lit.mag;
		unsigned width = xi_prims[p].size * 8;
		if (shift >= width) {
			xi_error(c->diag, v->value->loc, "bit %llu of '%s' is beyond the %u bits of '%s'",
				 (unsigned long long)shift, v->name, width, xi_prims[p].name);
			continue;
		}
		if (xi_prims[p].is_signed && shift == width - 1) {
			xi_error(c->diag, v->value->loc, "bit %llu of '%s' is the sign bit of '%s'; "
				 "xenbindgen's Rust (1 << %llu) overflows it", (unsigned long long)shift,
				 v->name, xi_prims[p].name, (unsigned long long)shift);
			continue;
		}
		if (p == XI_PRIM_I64 && shift >= 32) {
			xi_error(c->diag, v->value->loc, "bit %llu of '%s' in an i64 bitmap: xenbindgen's "
				 "C (1U << %llu) overflows; make the bitmap u64",
				 (unsigned long long)shift, v->name, (unsigned long long)shift);
			continue;
		}
		for (const struct xi_variant *o = d->variants; o != v; o = o->next) {
			if (o->value->lit.mag == shift) {
				xi_error(c->diag, v->value->loc, "bit %llu of '%s' is already bit '%s'",
					 (unsigned long long)shift, v->name, o->name);
				xi_note(c->diag, o->loc, "'%s' is declared here", o->name);
				break;
			}
		}
	}
	xi_map_free(&rnames.names);
}

/* --- Structs -------------------------------------------------------------- */

static const char *type_phrase(const struct xi_type *t)
{
	switch (t->kind) {
	case XI_TYPE_ARRAY: return "an array";
	case XI_TYPE_HANDLE: return "a pointer";
	case XI_TYPE_REF:
		return t->u.ref.want ? xi_xbg_kind_phrase((enum xi_decl_kind)t->u.ref.want_kind) : "a type";
	default: return "a type";
	}
}

/* A name used as a type: give it its kind when the spec wrote it bare
 * ("typ = 'name'"), by looking it up. False when it is unknown (the view
 * checks report that). */
static bool settle_kind(struct checker *c, const struct xi_xbg_dir *d, struct xi_type *t)
{
	if (t->u.ref.want)
		return true;
	const struct xi_xbg_dir *where;
	struct xi_decl *found = xi_xbg_find(c->x, d, t->u.ref.name, &where);
	if (!found)
		return false;
	t->u.ref.want = true;
	t->u.ref.want_kind = (int)found->kind;
	return true;
}

/* Mark every bare name of every struct with its kind. */
static void settle_kinds(struct checker *c)
{
	for (unsigned i = 0; i < c->x->ndirs; i++) {
		const struct xi_xbg_dir *d = &c->x->dirs[i];
		for (unsigned k = 0; k < d->structs.n; k++) {
			for (struct xi_member *m = d->structs.decls[k]->agg->members; m; m = m->next) {
				struct xi_type *t = m->type;
				while (t->kind == XI_TYPE_ARRAY || t->kind == XI_TYPE_HANDLE)
					t = t->kind == XI_TYPE_ARRAY ? t->u.array.elem : t->u.target;
				if (t->kind == XI_TYPE_REF && xi_xbg_prim(t) < 0)
					settle_kind(c, d, t);
			}
		}
	}
}

/* A struct of another directory: an include must import it, or neither
 * the C header includes its header nor the Rust module uses it. */
static void check_imported(struct checker *c, const struct xi_xbg_dir *d, const struct xi_type *t)
{
	const struct xi_xbg_dir *where;
	struct xi_decl *found = xi_xbg_find(c->x, d, t->u.ref.name, &where);
	if (!found || where == d)
		return;
	const char *from = !strncmp(where->name, "arch-", 5) ? "arch" : where->out;
	for (const struct xi_spec_include *inc = d->includes; inc; inc = inc->next) {
		if (strcmp(inc->from, from) != 0)
			continue;
		for (unsigned i = 0; i < inc->nnames; i++)
			if (inc->names[i] == t->u.ref.name)
				return;
	}
	xi_error(c->diag, t->loc, "'%s' comes from directory '%s', but no include of this "
		 "directory imports it (from \"%s\"); xenbindgen's Rust would not see it",
		 t->u.ref.name, where->name, from);
}

/* A struct used by value in directory d, by struct number `index`. */
static void check_struct_use(struct checker *c, const struct xi_xbg_dir *d, unsigned index,
			     const struct xi_type *t)
{
	const char *name = t->u.ref.name;
	check_imported(c, d, t);
	for (unsigned j = index; j < d->structs.n; j++) {
		const struct xi_decl *s = d->structs.decls[j];
		if (s->name != name)
			continue;
		if (j == index)
			xi_error(c->diag, t->loc, "struct '%s' contains itself", name);
		else
			xi_error(c->diag, t->loc, "struct '%s' is used before its definition; xenbindgen "
				 "writes structs in spec order, so its C would not compile", name);
		if (j != index)
			xi_note(c->diag, s->loc, "'%s' is defined here", name);
		return;
	}
	const char *c_def = conv(c, name, XI_SPLIT_DEFAULT, XI_CASE_SNAKE);
	if (strcmp(c_def, name) != 0)
		xi_error(c->diag, t->loc, "xenbindgen would define struct '%s' as 'struct %s' in C, but "
			 "refer to it here as 'struct %s'", name, c_def, name);
}

/* An enum or bitmap used by a struct of d: xenbindgen's C backend only
 * finds those of the same directory. */
static void check_enum_use(struct checker *c, const struct xi_xbg_dir *d, const struct xi_type *t)
{
	enum xi_decl_kind want = (enum xi_decl_kind)t->u.ref.want_kind;
	const struct xi_xbg_list *own = want == XI_DECL_ENUM ? &d->enums : &d->bitmaps;
	for (unsigned i = 0; i < own->n; i++)
		if (own->decls[i]->name == t->u.ref.name)
			goto found;
	const struct xi_xbg_dir *where;
	struct xi_decl *other = xi_xbg_find(c->x, d, t->u.ref.name, &where);
	if (other && other->kind == want) {
		xi_error(c->diag, t->loc, "%s '%s' is defined in directory '%s'; xenbindgen only "
			 "finds %ss of the same directory", xi_xbg_kind_word(want), t->u.ref.name, where->name,
			 xi_xbg_kind_word(want));
		xi_note(c->diag, other->loc, "'%s' is defined here", t->u.ref.name);
	}
	return;
found:
	if (want == XI_DECL_BITMAP) {
		const char *decl = conv(c, t->u.ref.name, XI_SPLIT_SNAKE, XI_CASE_PASCAL);
		const char *use = conv(c, t->u.ref.name, XI_SPLIT_DEFAULT, XI_CASE_PASCAL);
		if (strcmp(decl, use) != 0)
			xi_error(c->diag, t->loc, "xenbindgen would declare bitmap '%s' as '%s' in Rust, "
				 "but refer to it here as '%s'", t->u.ref.name, decl, use);
	}
}

static void check_field_type(struct checker *c, const struct xi_xbg_dir *d, unsigned index,
			     const struct xi_type *t)
{
	if (t->kind == XI_TYPE_ARRAY) {
		const struct xi_type *elem = t->u.array.elem;
		if (elem->kind == XI_TYPE_ARRAY) {
			xi_error(c->diag, elem->loc, "an array of arrays; xenbindgen writes invalid C for "
				 "it (make the element a struct)");
			return;
		}
		if (t->u.array.len->lit.mag == 0)
			xi_error(c->diag, t->u.array.len->loc, "an array needs a length of 1 or more");
		check_field_type(c, d, index, elem);
		return;
	}
	if (t->kind == XI_TYPE_HANDLE) {
		const struct xi_type *target = t->u.target;
		if (xi_xbg_prim(target) < 0)
			xi_error(c->diag, target->loc, "a pointer to %s; xenbindgen can only point to u8, "
				 "u16, u32, u64, i8, i16, i32 or i64 (its C backend crashes)",
				 type_phrase(target));
		return;
	}
	if (t->kind != XI_TYPE_REF || xi_xbg_prim(t) >= 0 || !t->u.ref.want)
		return;
	if (t->u.ref.want_kind == XI_DECL_STRUCT)
		check_struct_use(c, d, index, t);
	else
		check_enum_use(c, d, t);
}

static void check_struct(struct checker *c, const struct xi_xbg_dir *d, unsigned index,
			 struct scope *ctags, struct scope *rust_types)
{
	const struct xi_decl *s = d->structs.decls[index];
	check_description(c, s->doc, s->loc, "a struct");
	const char *c_def = conv(c, s->name, XI_SPLIT_DEFAULT, XI_CASE_SNAKE);
	check_keyword(c, c_def, s->loc);
	scope_add(c, ctags, c_def, s->name, s->loc);
	scope_add(c, rust_types, rust(c, s->name, XI_SPLIT_DEFAULT, XI_CASE_PASCAL), s->name, s->loc);
	struct scope cfields = { { 0 }, "C" }, rfields = { { 0 }, "Rust" };
	xi_map_init(&cfields.names);
	xi_map_init(&rfields.names);
	for (const struct xi_member *m = s->agg->members; m; m = m->next) {
		check_description(c, m->doc, m->loc, "a field");
		check_keyword(c, m->name, m->loc);
		scope_add(c, &cfields, m->name, m->name, m->loc);
		scope_add(c, &rfields, rust(c, m->name, XI_SPLIT_DEFAULT, XI_CASE_SNAKE), m->name,
			  m->loc);
		check_field_type(c, d, index, m->type);
	}
	xi_map_free(&cfields.names);
	xi_map_free(&rfields.names);
}

static void check_includes(struct checker *c, const struct xi_xbg_dir *d)
{
	for (const struct xi_spec_include *inc = d->includes; inc; inc = inc->next) {
		if (!strcmp(inc->from, "arch"))
			continue;
		bool found = false;
		for (unsigned i = 0; i < c->x->ndirs && !found; i++)
			found = !strcmp(c->x->dirs[i].out, inc->from);
		if (!found)
			xi_warning(c->diag, inc->from_loc, "no spec directory gives '%s.h'", inc->from);
	}
}

static void check_dir(struct checker *c, const struct xi_xbg_dir *d)
{
	struct scope cnames = { { 0 }, "C" }, ctags = { { 0 }, "C struct" };
	struct scope rust_types = { { 0 }, "Rust" };
	xi_map_init(&cnames.names);
	xi_map_init(&ctags.names);
	xi_map_init(&rust_types.names);
	check_includes(c, d);
	for (unsigned i = 0; i < d->enums.n; i++) {
		check_enum(c, d->enums.decls[i], &cnames);
		const struct xi_decl *e = d->enums.decls[i];
		scope_add(c, &rust_types, rust(c, e->name, XI_SPLIT_DEFAULT, XI_CASE_PASCAL), e->name,
			  e->loc);
	}
	for (unsigned i = 0; i < d->bitmaps.n; i++)
		check_bitmap(c, d->bitmaps.decls[i], &cnames, &ctags, &rust_types);
	for (unsigned i = 0; i < d->structs.n; i++)
		check_struct(c, d, i, &ctags, &rust_types);
	xi_map_free(&cnames.names);
	xi_map_free(&ctags.names);
	xi_map_free(&rust_types.names);
}

bool xi_xbg_check(struct xbg *x)
{
	struct checker c = { x, x->ctx, &x->ctx->diag, &x->ctx->arena };
	unsigned errors = c.diag->errors;
	settle_kinds(&c);
	xi_xbg_check_views(x);
	for (unsigned i = 0; i < x->ndirs && !c.diag->capped; i++)
		check_dir(&c, &x->dirs[i]);
	return c.diag->errors == errors;
}
