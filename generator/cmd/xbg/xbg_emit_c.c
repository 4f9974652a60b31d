/* xenbindgen mode: the C header of one spec directory, exactly as
 * xenbindgen wrote it (banner, guard, includes, enums, bitmaps, structs).
 * The one deliberate difference: a bitmap's __ALL mask is computed in 64
 * bits, where xenbindgen's was wrong for bits 32 and up. */
#include <inttypes.h>
#include <string.h>

#include "strbuf.h"
#include "xbg.h"
#include "xbg_case.h"

struct cemit {
	struct xbg *x;
	const struct xi_xbg_dir *dir;
	struct xi_out *o;
	struct xi_arena *arena;
};

/* One line "/ * text * /", or a block of " * line" lines when the text
 * has several; indented by four spaces per level. */
static void comment(struct cemit *e, const char *text, unsigned level)
{
	unsigned indent = 4 * level;
	if (!strchr(text, '\n')) {
		xi_out_indent(e->o, indent);
		xi_out_printf(e->o, "/* %s */\n", text);
		return;
	}
	xi_out_indent(e->o, indent);
	xi_out_puts(e->o, "/*\n");
	xi_out_prefixed_lines(e->o, indent, &(struct xi_line_style){ " *", false, NULL }, text);
	xi_out_indent(e->o, indent);
	xi_out_puts(e->o, " */\n");
}

static const char *upper_snake(struct cemit *e, const char *name)
{
	return xi_case_convert(e->arena, name, XI_SPLIT_SNAKE, XI_CASE_UPPER_SNAKE);
}

static const char *c_prim(int p)
{
	static const char *const names[] = {
		[XI_PRIM_U8] = "uint8_t", [XI_PRIM_U16] = "uint16_t", [XI_PRIM_U32] = "uint32_t",
		[XI_PRIM_U64] = "uint64_aligned_t", [XI_PRIM_I8] = "int8_t", [XI_PRIM_I16] = "int16_t",
		[XI_PRIM_I32] = "int32_t", [XI_PRIM_I64] = "int64_aligned_t",
	};
	return names[p];
}

static const char *handle_name(int p)
{
	static const char *const names[] = {
		[XI_PRIM_U8] = "uint8", [XI_PRIM_U16] = "uint16", [XI_PRIM_U32] = "uint32",
		[XI_PRIM_U64] = "uint64_aligned_t", [XI_PRIM_I8] = "int8", [XI_PRIM_I16] = "int16",
		[XI_PRIM_I32] = "int32", [XI_PRIM_I64] = "int64_aligned_t",
	};
	return names[p];
}

static const struct xi_decl *own(const struct xi_xbg_list *l, const char *name)
{
	for (unsigned i = 0; i < l->n; i++)
		if (l->decls[i]->name == name)
			return l->decls[i];
	return NULL;
}

/* The declaration of `name` with type t, as xenbindgen composes it: an
 * array is the declaration of its element with no name, then the name
 * and [N] (so `uint32_t  / * See e * /x[4]` for an array of enum). */
static void declaration(struct cemit *e, struct xi_strbuf *sb, const struct xi_type *t,
			const char *name)
{
	int p = xi_xbg_prim(t);
	if (p >= 0) {
		xi_sb_printf(sb, "%s %s", c_prim(p), name);
		return;
	}
	switch (t->kind) {
	case XI_TYPE_ARRAY:
		declaration(e, sb, t->u.array.elem, "");
		xi_sb_printf(sb, "%s[%" PRIu64 "]", name, t->u.array.len->lit.mag);
		return;
	case XI_TYPE_HANDLE:
		xi_sb_printf(sb, "XEN_GUEST_HANDLE_64(%s) %s", handle_name(xi_xbg_prim(t->u.target)), name);
		return;
	default:
		break;
	}
	if (t->u.ref.want_kind == XI_DECL_STRUCT) {
		xi_sb_printf(sb, "struct %s %s", t->u.ref.name, name);
		return;
	}
	const struct xi_decl *d = own(t->u.ref.want_kind == XI_DECL_ENUM ? &e->dir->enums
						     : &e->dir->bitmaps, t->u.ref.name);
	declaration(e, sb, d->type, name);
	xi_sb_printf(sb, " /* See %s */", d->name);
}

static void emit_include(struct cemit *e, const struct xi_spec_include *inc)
{
	if (inc->nnames) {
		struct xi_strbuf sb = XI_STRBUF_INIT;
		xi_sb_adds(&sb, "for ");
		for (unsigned i = 0; i < inc->nnames; i++)
			xi_sb_printf(&sb, "%s%s", i ? ",\n    " : "", inc->names[i]);
		comment(e, xi_sb_str(&sb), 0);
		xi_sb_free(&sb);
	}
	if (!strcmp(inc->from, "arch"))
		xi_out_puts(e->o, "#if defined(__i386__) || defined(__x86_64__)\n"
			    "#include \"arch_x86.h\"\n"
			    "#elif defined(__arm__) || defined(__aarch64__)\n"
			    "#include \"arch_arm.h\"\n"
			    "#elif defined(__powerpc64__)\n"
			    "#include \"arch_ppc.h\"\n"
			    "#elif defined(__riscv)\n"
			    "#include \"arch_riscv.h\"\n"
			    "#else\n"
			    "#error \"Unsupported architecture\"\n"
			    "#endif\n");
	else
		xi_out_printf(e->o, "#include \"%s.h\"\n", inc->from);
	xi_out_putc(e->o, '\n');
}

static void emit_enum(struct cemit *e, const struct xi_decl *d)
{
	const char *prefix = upper_snake(e, d->name);
	comment(e, d->doc, 0);
	xi_out_printf(e->o, "enum %s {\n", d->name);
	for (const struct xi_variant *v = d->variants; v; v = v->next) {
		comment(e, v->doc, 1);
		xi_out_printf(e->o, "    %s_%s = %" PRIu64 ",\n", prefix, upper_snake(e, v->name),
			      v->value->lit.mag);
	}
	xi_out_puts(e->o, "};\n\n");
}

static void emit_bitmap(struct cemit *e, const struct xi_decl *d)
{
	const char *prefix = upper_snake(e, d->name);
	const char *suffix = xi_xbg_prim(d->type) == XI_PRIM_U64 ? "ULL" : "U";
	uint64_t mask = 0;
	comment(e, d->doc, 0);
	xi_out_printf(e->o, "struct %s {}; /* GREP FODDER */\n", d->name);
	for (const struct xi_variant *v = d->variants; v; v = v->next) {
		uint64_t shift = v->value->lit.mag;
		comment(e, v->doc, 0);
		xi_out_printf(e->o, "#define %s_%s (1%s << %" PRIu64 ")\n", prefix,
			      upper_snake(e, v->name), suffix, shift);
		mask |= UINT64_C(1) << shift;
	}
	xi_out_printf(e->o, "/* Mask covering all defined bits */\n"
		      "#define %s__ALL (0x%" PRIX64 "%s)\n\n", prefix, mask, suffix);
}

static void emit_struct(struct cemit *e, const struct xi_decl *d)
{
	comment(e, d->doc, 0);
	xi_out_printf(e->o, "struct %s {\n",
		      xi_case_convert(e->arena, d->name, XI_SPLIT_DEFAULT, XI_CASE_SNAKE));
	for (const struct xi_member *m = d->agg->members; m; m = m->next) {
		struct xi_strbuf sb = XI_STRBUF_INIT;
		declaration(e, &sb, m->type, m->name);
		comment(e, m->doc, 1);
		xi_out_printf(e->o, "    %s;\n", xi_sb_str(&sb));
		xi_sb_free(&sb);
	}
	xi_out_puts(e->o, "};\n\n");
}

void xi_xbg_emit_c(struct xbg *x, const struct xi_xbg_dir *d, struct xi_out *o)
{
	struct cemit e = { x, d, o, &x->ctx->arena };
	xi_out_printf(o, "/*\n * %s\n *\n * AUTOGENERATED. DO NOT MODIFY\n */\n", d->name);
	xi_out_printf(o, "#ifndef __XEN_AUTOGEN_%s_H\n#define __XEN_AUTOGEN_%s_H\n\n", d->guard,
		      d->guard);
	for (const struct xi_spec_include *inc = d->includes; inc; inc = inc->next)
		emit_include(&e, inc);
	for (unsigned i = 0; i < d->enums.n; i++)
		emit_enum(&e, d->enums.decls[i]);
	for (unsigned i = 0; i < d->bitmaps.n; i++)
		emit_bitmap(&e, d->bitmaps.decls[i]);
	for (unsigned i = 0; i < d->structs.n; i++)
		emit_struct(&e, d->structs.decls[i]);
	xi_out_printf(o, "#endif /* __XEN_AUTOGEN_%s_H */\n\n", d->guard);
}
