/* The C header backend: one header per input file, in the manner of
 * xen/include/public. The checks of their layouts are another output
 * (emit_c_checks.c). */
#include "emit_c.h"

#include <inttypes.h>
#include <string.h>

#include "ascii.h"
#include "limits.h"

#include "abigroup.h"
#include "cdoc.h"
#include "cnames.h"
#include "cond.h"
#include "cprelude.h"
#include "refs.h"
#include "resolve.h"
#include "templates/templates.h"

/* Indentation of struct members, as in Xen's headers. */
#define C_INDENT 4u

struct cgen {
	struct xi_ctx *ctx;
	struct xi_arena *arena;
	const struct xi_gen_options *opt;
	struct xi_module *module;
	struct xi_out *out;
	xi_abi_mask abis;      /* ABIs the module exists on */
	/* Inside an anonymous aggregate that exists on `abis` only (under an
	 * #if of them): a text for all of them needs no condition. */
	bool abis_guarded;
	/* Reused text buffers: the backend allocates nothing per member. */
	struct xi_strbuf line;
	struct xi_strbuf abi_text[XI_ABI_COUNT];
	/* Structs and unions whose typedef and handle come before every
	 * declaration: a handle to them is used before their definition
	 * (a struct holding a handle to itself), by name. */
	struct xi_map early;
};

static const char *guard_name(struct xi_arena *a, const char *rel)
{
	char *g = xi_aprintf(a, "__XEN_PUBLIC_%s_H__", rel);
	for (char *p = g + 13; *p; p++) {
		if (xi_is_lower(*p))
			*p = xi_to_upper(*p);
		else if (!(xi_is_upper(*p) || xi_is_digit(*p)))
			*p = '_';
	}
	return g;
}

/* The name a handle's target has in XEN_GUEST_HANDLE_64(name): Xen's
 * (uint8, uint64_t for native_u64, int, ...), with const_ for a
 * handle<const T>. */
static void put_handle_name(struct xi_arena *a, struct xi_strbuf *sb, const struct xi_type *handle)
{
	const struct xi_type *t = handle->u.target;
	if (handle->target_const)
		xi_sb_adds(sb, "const_");
	static const char *const prim_names[XI_PRIM_COUNT] = {
		[XI_PRIM_U8] = "uint8", [XI_PRIM_U16] = "uint16", [XI_PRIM_U32] = "uint32",
		[XI_PRIM_U64] = "uint64", [XI_PRIM_I8] = "int8", [XI_PRIM_I16] = "int16",
		[XI_PRIM_I32] = "int32", [XI_PRIM_I64] = "int64", [XI_PRIM_CHAR] = "char",
		[XI_PRIM_NATIVE_U64] = "uint64_t", [XI_PRIM_NATIVE_I64] = "int64_t",
		/* Xen's names for the handles of C's own types */
		[XI_PRIM_C_CHAR] = "char", [XI_PRIM_C_SCHAR] = "schar", [XI_PRIM_C_UCHAR] = "uchar",
		[XI_PRIM_C_SHORT] = "short", [XI_PRIM_C_USHORT] = "ushort", [XI_PRIM_C_INT] = "int",
		[XI_PRIM_C_UINT] = "uint", [XI_PRIM_C_LONG] = "long", [XI_PRIM_C_ULONG] = "ulong",
	};
	if (t->kind == XI_TYPE_VOID) {
		xi_sb_adds(sb, "void");
		return;
	}
	if (t->kind == XI_TYPE_PRIM) {
		xi_sb_adds(sb, prim_names[t->prim]);
		return;
	}
	const struct xi_decl *d = xi_ref_some_decl(t);
	switch (d->kind) {
	case XI_DECL_STRUCT:
	case XI_DECL_UNION: {
		/* Its typedef's name (a handle needs one: @c_handle gives it) */
		const char *type = xi_c_typedef_name(a, d);
		if (type)
			xi_sb_adds(sb, type);
		else
			xi_sb_printf(sb, "%s_t", xi_c_decl_name(d));
		break;
	}
	case XI_DECL_ENUM:
	case XI_DECL_BITMAP:
		xi_sb_adds(sb, prim_names[d->backing]);
		break;
	default:
		xi_sb_adds(sb, xi_c_decl_name(d));
		break;
	}
}

/* Set while a member is written for the configuration of its type's
 * @c_name_if: the struct or union is then spelled by that name (Xen's
 * `struct guest_user_regs user_regs;` under __XEN__). */
static bool spell_c_name_if;

static const char *tag_name(const struct xi_decl *d)
{
	return spell_c_name_if && d->c_name_alt ? d->c_name_alt : xi_c_decl_name(d);
}

/* The declaration specifier of a (non-array, non-aggregate) type. For
 * enums and bitmaps, *note is set to the declaration the comment names. */
static void put_type_spec(struct xi_arena *a, struct xi_strbuf *sb, const struct xi_type *t,
			  int abi, const struct xi_decl **note)
{
	*note = NULL;
	switch (t->kind) {
	case XI_TYPE_PRIM:
		xi_sb_adds(sb, xi_c_prim(t->prim));
		break;
	case XI_TYPE_REF: {
		const struct xi_decl *d = abi >= 0 ? xi_ref_decl(t, abi) : xi_ref_some_decl(t);
		/* Written by its typedef name: spelled so where C has that
		 * typedef, else by its tag. */
		const char *type = t->u.ref.via_c_typedef ? xi_c_typedef_name(a, d) : NULL;
		if (type) {
			xi_sb_adds(sb, type);
			break;
		}
		switch (d->kind) {
		case XI_DECL_STRUCT:
			xi_sb_adds(sb, "struct ");
			xi_sb_adds(sb, tag_name(d));
			break;
		case XI_DECL_UNION:
			xi_sb_adds(sb, "union ");
			xi_sb_adds(sb, tag_name(d));
			break;
		case XI_DECL_ENUM:
		case XI_DECL_BITMAP:
			if (d->c_bitfields) {
				xi_sb_printf(sb, "struct %s", xi_c_decl_name(d));
				break;
			}
			*note = d;
			xi_sb_adds(sb, xi_c_prim(d->backing));
			break;
		default:
			xi_sb_adds(sb, xi_c_decl_name(d));
			break;
		}
		break;
	}
	case XI_TYPE_HANDLE:
	case XI_TYPE_NATIVE_HANDLE:
		xi_sb_adds(sb, t->kind == XI_TYPE_HANDLE ? "XEN_GUEST_HANDLE_64(" : "XEN_GUEST_HANDLE(");
		put_handle_name(a, sb, t);
		xi_sb_addc(sb, ')');
		break;
	case XI_TYPE_PTR: {
		/* ptr<const T>: "const T *", as Xen writes its raw pointers */
		const struct xi_decl *target_note;
		if (t->target_const)
			xi_sb_adds(sb, "const ");
		put_type_spec(a, sb, t->u.target, abi, &target_note);
		xi_sb_adds(sb, " *");
		break;
	}
	case XI_TYPE_VOID:  /* the target of a ptr */
		xi_sb_adds(sb, "void");
		break;
	default:
		xi_sb_addc(sb, '?');
		break;
	}
}

/* Does the expression use sizeof or alignof? C then writes it as written:
 * the value, and the C type (size_t), are the compiler's on each ABI. */
static bool uses_sizeof(const struct xi_expr *e)
{
	switch (e->kind) {
	case XI_EXPR_SIZEOF:
	case XI_EXPR_ALIGNOF:
		return true;
	case XI_EXPR_NAME:
		return e->ref && e->ref->abi_value;
	case XI_EXPR_UNARY:
		return uses_sizeof(e->a);
	case XI_EXPR_BINARY:
		return uses_sizeof(e->a) || uses_sizeof(e->b);
	default:
		return false;
	}
}

/* The body of a parameterised constant as Xen writes its macros: every
 * parameter and every operation parenthesised, literals with their C
 * suffix, a conversion as a cast: `((uint32_t)((physid) >> 32))`. An
 * argument that is a parameter alone is not parenthesised again: the
 * macro called does it (`XENMEMF_node(n)`). */
static void put_c_fn_body(struct xi_strbuf *sb, const struct xi_expr *e);

/* An operand of a binary operator: a conversion binds tighter than any,
 * so it needs no parentheses of its own: `((unsigned int)(pfn) << 12)`. */
static void put_c_fn_operand(struct xi_strbuf *sb, const struct xi_expr *e)
{
	if (e->kind == XI_EXPR_CALL && !e->a->ref) {
		xi_sb_printf(sb, "(%s)", xi_c_prim_plain(e->a->prim));
		put_c_fn_body(sb, e->b->a);
		return;
	}
	put_c_fn_body(sb, e);
}

static void put_c_fn_body(struct xi_strbuf *sb, const struct xi_expr *e)
{
	static const char *const ops[] = {
		[XI_OP_NEG] = "-", [XI_OP_NOT] = "~", [XI_OP_PLUS] = "+", [XI_OP_ADD] = "+",
		[XI_OP_SUB] = "-", [XI_OP_MUL] = "*", [XI_OP_DIV] = "/", [XI_OP_MOD] = "%",
		[XI_OP_SHL] = "<<", [XI_OP_SHR] = ">>", [XI_OP_AND] = "&", [XI_OP_OR] = "|",
		[XI_OP_XOR] = "^",
	};
	switch (e->kind) {
	case XI_EXPR_INT:
		xi_sb_printf(sb, e->hex ? "0x%" PRIx64 "%s" : "%" PRIu64 "%s", e->lit.mag,
			     xi_lit_suffix_text(e->suffix));
		return;
	case XI_EXPR_PARAM:
		xi_sb_printf(sb, "(%s)", e->name);
		return;
	case XI_EXPR_NAME:
		xi_sb_adds(sb, e->ref ? xi_c_decl_name(e->ref) : e->name);
		return;
	case XI_EXPR_UNARY:
		xi_sb_printf(sb, "(%s", ops[e->op]);
		put_c_fn_body(sb, e->a);
		xi_sb_addc(sb, ')');
		return;
	case XI_EXPR_BINARY:
		xi_sb_addc(sb, '(');
		put_c_fn_operand(sb, e->a);
		xi_sb_printf(sb, " %s ", ops[e->op]);
		put_c_fn_operand(sb, e->b);
		xi_sb_addc(sb, ')');
		return;
	case XI_EXPR_CALL:
		if (!e->a->ref) {
			xi_sb_addc(sb, '(');
			put_c_fn_operand(sb, e);
			xi_sb_addc(sb, ')');
			return;
		}
		xi_sb_printf(sb, "%s(", xi_c_decl_name(e->a->ref));
		for (const struct xi_expr *a = e->b; a; a = a->b) {
			if (a->a->kind == XI_EXPR_PARAM)
				xi_sb_adds(sb, a->a->name);
			else
				put_c_fn_body(sb, a->a);
			if (a->b)
				xi_sb_adds(sb, ", ");
		}
		xi_sb_addc(sb, ')');
		return;
	default:
		xi_sb_addc(sb, '?');
		return;
	}
}

/* Does the expression name a constant? An array dimension then keeps the
 * name, as written (Xen's MTRR_VCNT * 2). */
static bool names_const(const struct xi_expr *e)
{
	switch (e->kind) {
	case XI_EXPR_NAME:
		return e->ref != NULL;
	case XI_EXPR_UNARY:
		return names_const(e->a);
	case XI_EXPR_BINARY:
		return names_const(e->a) || names_const(e->b);
	default:
		return false;
	}
}

/* C's precedence of xidl's operators (higher binds tighter). */
static int c_precedence(enum xi_op op)
{
	switch (op) {
	case XI_OP_OR: return 1;
	case XI_OP_XOR: return 2;
	case XI_OP_AND: return 3;
	case XI_OP_SHL: case XI_OP_SHR: return 4;
	case XI_OP_ADD: case XI_OP_SUB: return 5;
	case XI_OP_MUL: case XI_OP_DIV: case XI_OP_MOD: return 6;
	default: return 7;
	}
}

/* An expression in C: constants by their C names, sizeof(T) with T's C
 * name, alignof(T) as GNU C's __alignof__ (C89 has no alignof). */
static void put_c_expr(struct xi_strbuf *sb, const struct xi_expr *e, int min)
{
	static const char *const ops[] = {
		[XI_OP_NEG] = "-", [XI_OP_NOT] = "~", [XI_OP_PLUS] = "+", [XI_OP_ADD] = "+",
		[XI_OP_SUB] = "-", [XI_OP_MUL] = "*", [XI_OP_DIV] = "/", [XI_OP_MOD] = "%",
		[XI_OP_SHL] = "<<", [XI_OP_SHR] = ">>", [XI_OP_AND] = "&", [XI_OP_OR] = "|",
		[XI_OP_XOR] = "^",
	};
	switch (e->kind) {
	case XI_EXPR_INT:
		if (e->hex)
			xi_sb_printf(sb, "0x%" PRIX64, e->lit.mag);
		else
			xi_sb_printf(sb, "%" PRIu64, e->lit.mag);
		return;
	case XI_EXPR_NAME:
		xi_sb_adds(sb, e->ref ? xi_c_decl_name(e->ref) : e->name);
		return;
	case XI_EXPR_SIZEOF:
	case XI_EXPR_ALIGNOF: {
		const struct xi_decl *note;
		xi_sb_adds(sb, e->kind == XI_EXPR_SIZEOF ? "sizeof(" : "__alignof__(");
		/* No arena: sizeof takes no struct, so no typedef name is made. */
		put_type_spec(NULL, sb, e->type, -1, &note);
		xi_sb_addc(sb, ')');
		return;
	}
	case XI_EXPR_UNARY:
		xi_sb_adds(sb, ops[e->op]);
		put_c_expr(sb, e->a, 7);
		return;
	case XI_EXPR_BINARY: {
		int p = c_precedence(e->op);
		if (p < min)
			xi_sb_addc(sb, '(');
		put_c_expr(sb, e->a, p);
		xi_sb_printf(sb, " %s ", ops[e->op]);
		put_c_expr(sb, e->b, p + 1);
		if (p < min)
			xi_sb_addc(sb, ')');
		return;
	}
	default:  /* a parameterised constant's body: put_c_fn_body */
		xi_sb_addc(sb, '?');
		return;
	}
}

/* The "[N][M]" suffix of an array type; a dimension written with a named
 * constant keeps it. */
static void put_dims(struct xi_strbuf *sb, const struct xi_type *t)
{
	for (; t->kind == XI_TYPE_ARRAY; t = t->u.array.elem) {
		const struct xi_expr *len = t->u.array.len;
		xi_sb_addc(sb, '[');
		if (!len) {
			/* a flexible array member, as Xen writes one */
			xi_sb_adds(sb, "XEN_FLEX_ARRAY_DIM");
		} else if (len->kind == XI_EXPR_NAME && len->ref) {
			xi_sb_adds(sb, xi_c_decl_name(len->ref));
		} else if (uses_sizeof(len) || names_const(len)) {
			put_c_expr(sb, len, 0);
		} else {
			xi_sb_add_u32(sb, t->u.array.count);
		}
		xi_sb_addc(sb, ']');
	}
}

/* One member declaration line, such as "uint32_t flags; (comment naming
 * the bitmap)". */
static void put_member_line(struct xi_arena *a, struct xi_strbuf *sb, const struct xi_type *t,
			    const char *name, unsigned indent, int abi)
{
	const struct xi_type *base = xi_type_array_base(t);
	const struct xi_type *choice = NULL;
	if (base->kind == XI_TYPE_ARCH) {
		/* The choice may itself be an array (its dimensions are inner),
		 * or void: then the member does not exist on this ABI. */
		choice = base->u.arch.abi[abi];
		base = xi_type_array_base(choice);
		if (base->kind == XI_TYPE_VOID)
			return;
	}
	const struct xi_decl *note;
	static const char spaces[] = "                                ";
	xi_sb_addn(sb, spaces, indent < sizeof(spaces) - 1 ? indent : sizeof(spaces) - 1);
	put_type_spec(a, sb, base, abi, &note);
	if (base->kind != XI_TYPE_PTR)  /* "T *name": the spec ends with the star */
		xi_sb_addc(sb, ' ');
	xi_sb_adds(sb, name);
	put_dims(sb, t);
	if (choice)
		put_dims(sb, choice);
	xi_sb_addc(sb, ';');
	if (note) {
		xi_sb_adds(sb, note->kind == XI_DECL_ENUM ? " /* enum " : " /* bitmap ");
		xi_sb_adds(sb, note->name);
		xi_sb_adds(sb, " */");
	}
	xi_sb_addc(sb, '\n');
}

static void emit_members(struct cgen *g, const struct xi_agg *agg, unsigned indent);

/* Emit per-ABI variants of a text as an #if chain; a single variant for
 * every ABI needs no condition. */
static void emit_abi_chain(struct cgen *g, struct xi_abi_group *groups, unsigned n, bool all_abis)
{
	if (n == 1 && all_abis) {
		xi_out_puts(g->out, groups[0].text);
		return;
	}
	for (unsigned i = 0; i < n; i++) {
		/* The last of several spellings covers every other ABI, as in
		 * Xen's own headers: "#if x86_32 ... #else ... #endif". */
		if (i && i == n - 1 && all_abis)
			xi_out_puts(g->out, "#else\n");
		else
			xi_out_printf(g->out, "#%s %s\n", i ? "elif" : "if",
				      xi_c_abi_condition(g->arena, groups[i].abis));
		xi_out_puts(g->out, groups[i].text);
	}
	xi_out_puts(g->out, "#endif\n");
}

static bool type_has_arch(const struct xi_type *t)
{
	return xi_type_array_base(t)->kind == XI_TYPE_ARCH;
}

static const char *packed_attr(struct cgen *g, const struct xi_agg *agg)
{
	return g->opt->packed && agg->owner && !agg->owner->legacy ? " __attribute__((__packed__))" : "";
}

/* Emit a declaration line that depends on the ABI (an arch type) as an
 * #if chain of its distinct spellings. `prefix` goes before each line. */
static void emit_per_abi_line(struct cgen *g, const char *prefix, const struct xi_type *t,
			      const char *name, unsigned indent)
{
	const char *texts[XI_ABI_COUNT];
	struct xi_abi_group groups[XI_ABI_COUNT];
	XI_FOR_EACH_ABI(a, g->abis) {
		struct xi_strbuf *sb = &g->abi_text[a];
		xi_sb_reset(sb);
		xi_sb_adds(sb, prefix);
		size_t empty = sb->len;
		put_member_line(g->arena, sb, t, name, indent, a);
		/* Where a member is absent (void) the line stays empty. */
		texts[a] = sb->len == empty ? "" : xi_sb_str(sb);
	}
	unsigned n = xi_abi_group_by_text(groups, g->abis, texts);
	/* ABIs where the member is absent need no branch; then the last
	 * spelling cannot take "#else". */
	unsigned kept = 0;
	for (unsigned i = 0; i < n; i++)
		if (*groups[i].text)
			groups[kept++] = groups[i];
	emit_abi_chain(g, groups, kept, kept == n && (g->abis == XI_ABI_ALL || g->abis_guarded));
}

static void emit_member(struct cgen *g, const struct xi_member *m, unsigned indent);
static void open_c_name_if(struct cgen *g, const struct xi_cond *c);

/* The condition under which C writes an anonymous aggregate: Xen's test
 * for a compiler that has anonymous unions; strict ISO C89/C99 and C++98
 * modes take the fallback member instead (C++ has no anonymous structs). */
#define C_ANONYMOUS_CONDITION "defined(__GNUC__) && !defined(__STRICT_ANSI__)"

/* An anonymous struct or union member: written whole where the compiler
 * has anonymous aggregates, as its fallback member (xi_anonymous_fallback,
 * whose layout the layout pass checked) elsewhere; on the ABIs where it
 * has members only. */
static void emit_anonymous(struct cgen *g, const struct xi_member *m, unsigned indent)
{
	const struct xi_agg *agg = m->type->u.agg;
	xi_abi_mask present = 0;
	XI_FOR_EACH_ABI(a, g->abis)
		if (xi_agg_present(agg, a))
			present |= XI_ABI_BIT(a);
	if (!present)
		return;
	/* an anonymous aggregate in another goes with the outermost one */
	bool outermost = !agg->parent || !agg->parent->anonymous;
	xi_abi_mask all = g->abis;
	if (present != all)
		xi_out_printf(g->out, "#if %s\n", xi_c_abi_condition(g->arena, present));
	/* Inside, only the ABIs where it exists matter: a member that
	 * exists on all of them needs no #if of its own. */
	bool guarded = g->abis_guarded;
	g->abis = present;
	g->abis_guarded = guarded || present != all;
	if (outermost)
		xi_out_puts(g->out, "#if " C_ANONYMOUS_CONDITION "\n");
	xi_out_indent(g->out, indent);
	xi_out_printf(g->out, "%s%s {\n", agg->is_union ? "union" : "struct", packed_attr(g, agg));
	emit_members(g, agg, indent + C_INDENT);
	xi_out_indent(g->out, indent);
	xi_out_puts(g->out, "};\n");
	if (outermost) {
		xi_out_puts(g->out, "#else\n");
		/* The fallback may differ per ABI (the first member that
		 * exists there): one block for each, under the condition of
		 * its ABIs unless the member's own #if says just that. */
		xi_abi_mask left = present;
		while (left) {
			int first = __builtin_ctz(left);
			const struct xi_member *fb = xi_anonymous_fallback(agg, first);
			xi_abi_mask same = 0, has = 0;
			XI_FOR_EACH_ABI(a, left)
				if (xi_anonymous_fallback(agg, a) == fb)
					same |= XI_ABI_BIT(a);
			XI_FOR_EACH_ABI(a, present)
				if (xi_member_present(fb, a))
					has |= XI_ABI_BIT(a);
			left &= ~same;
			bool guard = same != has;
			if (guard)
				xi_out_printf(g->out, "#if %s\n", xi_c_abi_condition(g->arena, same));
			emit_member(g, fb, indent);
			if (guard)
				xi_out_puts(g->out, "#endif\n");
		}
		xi_out_puts(g->out, "#endif\n");
	}
	g->abis = all;
	g->abis_guarded = guarded;
	if (present != all)
		xi_out_puts(g->out, "#endif\n");
}

/* A bitfield, as declared: "uint8_t name:3;". ISO C knows bitfields of
 * int and unsigned int only (uint32_t and int32_t on the six ABIs): others,
 * as Xen's, are a GNU extension, which __extension__ keeps -pedantic
 * quiet about. */
static void emit_bitfield(struct cgen *g, const struct xi_member *f, unsigned indent)
{
	xi_sb_reset(&g->line);
	bool iso = f->type->prim == XI_PRIM_U32 || f->type->prim == XI_PRIM_I32;
	if (!iso) {
		xi_sb_indent(&g->line, indent);
		xi_sb_adds(&g->line, "__extension__ ");
		indent = 0;
	}
	put_member_line(g->arena, &g->line, f->type, xi_member_c_name(f), indent, -1);
	g->line.len -= 2; /* ";\n" */
	xi_sb_printf(&g->line, ":%u;\n", (unsigned)f->bit_width);
	xi_out_write(g->out, g->line.data, g->line.len);
}

static void emit_member(struct cgen *g, const struct xi_member *m, unsigned indent)
{
	if (m->flags & XI_MEMBER_BITS) {
		for (const struct xi_member *f = m->bitfields; f; f = f->next)
			emit_member(g, f, indent);
		return;
	}
	xi_c_comment(g->out, indent, m->doc);
	if (m->is_bitfield) {
		emit_bitfield(g, m, indent);
		return;
	}
	if (m->flags & XI_MEMBER_ANONYMOUS) {
		emit_anonymous(g, m, indent);
		return;
	}
	const char *name = xi_member_c_name(m);
	const struct xi_type *base = xi_type_array_base(m->type);
	/* A @c_inline type, declared where its first member is, with its
	 * tag: `struct gnttab_copy_ptr { ... } source;` */
	const struct xi_decl *inline_decl = base->kind == XI_TYPE_REF ? xi_ref_some_decl(base) : NULL;
	if (inline_decl && inline_decl->c_inline && inline_decl->c_inline_member == m) {
		const struct xi_agg *agg = inline_decl->agg;
		xi_c_comment(g->out, indent, inline_decl->doc);
		xi_out_indent(g->out, indent);
		xi_out_printf(g->out, "%s%s %s {\n", agg->is_union ? "union" : "struct",
			      packed_attr(g, agg), xi_c_decl_name(inline_decl));
		emit_members(g, agg, indent + C_INDENT);
		xi_out_indent(g->out, indent);
		xi_out_printf(g->out, "} %s", name);
		xi_sb_reset(&g->line);
		put_dims(&g->line, m->type);
		xi_out_write(g->out, g->line.data ? g->line.data : "", g->line.len);
		xi_out_puts(g->out, ";\n");
		return;
	}
	if (base->kind == XI_TYPE_AGG) {
		const struct xi_agg *agg = base->u.agg;
		xi_out_indent(g->out, indent);
		xi_out_printf(g->out, "%s%s {\n", agg->is_union ? "union" : "struct", packed_attr(g, agg));
		emit_members(g, agg, indent + C_INDENT);
		xi_out_indent(g->out, indent);
		xi_out_printf(g->out, "} %s", name);
		xi_sb_reset(&g->line);
		put_dims(&g->line, m->type);
		xi_out_write(g->out, g->line.data ? g->line.data : "", g->line.len);
		xi_out_puts(g->out, ";\n");
		return;
	}
	if (type_has_arch(m->type)) {
		emit_per_abi_line(g, "", m->type, name, indent);
		return;
	}
	/* A struct that C names otherwise under a condition (@c_name_if):
	 * the member is spelled with each name, as Xen writes user_regs. */
	const struct xi_decl *target = base->kind == XI_TYPE_REF && !base->u.ref.via_c_typedef
					       ? xi_ref_some_decl(base) : NULL;
	if (target && target->c_name_cond) {
		open_c_name_if(g, target->c_name_cond);
		spell_c_name_if = true;
		xi_sb_reset(&g->line);
		put_member_line(g->arena, &g->line, m->type, name, indent, -1);
		xi_out_write(g->out, g->line.data, g->line.len);
		spell_c_name_if = false;
		xi_out_puts(g->out, "#else\n");
	}
	xi_sb_reset(&g->line);
	put_member_line(g->arena, &g->line, m->type, name, indent, -1);
	xi_out_write(g->out, g->line.data, g->line.len);
	if (target && target->c_name_cond)
		xi_out_puts(g->out, "#endif\n");
}

static void emit_conditional_members(struct cgen *g, const struct xi_agg *agg, unsigned indent);

static void emit_members(struct cgen *g, const struct xi_agg *agg, unsigned indent)
{
	if (!agg->c_members) {
		for (const struct xi_member *m = agg->members; m; m = m->next)
			emit_member(g, m, indent);
		return;
	}
	emit_conditional_members(g, agg, indent);
}

/* --- Declarations -------------------------------------------------------- */

/* Show a constant in hex when it was written so, or computed with bit
 * operations (it is then a mask or a bit pattern). `hops` bounds the walk
 * through other constants. */
static bool prefers_hex(const struct xi_expr *e, unsigned hops)
{
	switch (e->kind) {
	case XI_EXPR_INT:
		return e->hex;
	case XI_EXPR_NAME:
		return e->ref && hops < 16 && prefers_hex(e->ref->expr, hops + 1);
	case XI_EXPR_SIZEOF:
	case XI_EXPR_ALIGNOF:
		return false;
	case XI_EXPR_UNARY:
		return e->op == XI_OP_NOT || prefers_hex(e->a, hops);
	case XI_EXPR_BINARY:
		switch (e->op) {
		case XI_OP_SHL: case XI_OP_SHR: case XI_OP_AND: case XI_OP_OR: case XI_OP_XOR:
			return true;
		default:
			return prefers_hex(e->a, hops) || prefers_hex(e->b, hops);
		}
	default:  /* a parameterised constant's body */
		return false;
	}
	return false;
}

/* A C string literal: quotes, backslashes and control bytes escaped
 * (octal, three digits, so that no following digit joins the escape). */
static void put_c_string(struct xi_strbuf *sb, const char *s)
{
	xi_sb_addc(sb, '"');
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\')
			xi_sb_printf(sb, "\\%c", c);
		else if (c == '\n')
			xi_sb_adds(sb, "\\n");
		else if (c == '\t')
			xi_sb_adds(sb, "\\t");
		else if (c < 0x20 || c == 0x7f)
			xi_sb_printf(sb, "\\%03o", c);
		else
			xi_sb_addc(sb, (char)c);
	}
	xi_sb_addc(sb, '"');
}

/* A string constant's pieces as C writes them: literals quoted (or, for
 * the assembler, bare, without their trailing blanks) and other string
 * constants by name, side by side as C concatenates them. */
static void put_str_parts(struct xi_strbuf *sb, const struct xi_decl *d, bool bare)
{
	for (const struct xi_str_part *s = d->str_parts; s; s = s->next) {
		if (s != d->str_parts)
			xi_sb_addc(sb, ' ');
		if (!s->text) {
			xi_sb_adds(sb, s->ref ? xi_c_decl_name(s->ref) : s->name);
		} else if (!bare) {
			put_c_string(sb, s->text);
		} else {
			size_t n = strlen(s->text);
			while (n && (s->text[n - 1] == ' ' || s->text[n - 1] == '\t'))
				n--;
			xi_sb_addn(sb, s->text, n);
		}
	}
}

/* `#define NAME "text"`; for @c_asm, Xen's two forms: the bare text for
 * assembler sources, the string for C's asm() elsewhere. */
static void emit_string_const(struct cgen *g, const struct xi_decl *d)
{
	struct xi_strbuf sb = XI_STRBUF_INIT;
	const char *name = xi_c_decl_name(d);
	if (d->c_asm) {
		put_str_parts(&sb, d, true);
		xi_out_printf(g->out, "#ifdef __ASSEMBLER__\n#define %s %s\n#else\n", name, xi_sb_str(&sb));
		xi_sb_reset(&sb);
	}
	put_str_parts(&sb, d, false);
	xi_out_printf(g->out, "#define %s %s\n", name, xi_sb_str(&sb));
	if (d->c_asm)
		xi_out_puts(g->out, "#endif\n");
	xi_sb_free(&sb);
}

/* A save record: Xen's DECLARE_HVM_SAVE_TYPE, after its data's type (the
 * header declaring the machinery is included first). */
static void emit_hvm_save(struct cgen *g, const struct xi_decl *d)
{
	const struct xi_decl *t = d->hvm_save_decl;
	xi_out_printf(g->out, "DECLARE_HVM_SAVE_TYPE(%s, %" PRIu64 ", %s %s);\n", xi_c_decl_name(d),
		      d->value.mag, t->kind == XI_DECL_UNION ? "union" : "struct", xi_c_decl_name(t));
}

static void emit_const_macro(struct cgen *g, const struct xi_decl *d);

static void emit_const(struct cgen *g, const struct xi_decl *d)
{
	xi_c_comment(g->out, 0, d->doc);
	if (!d->c_ifndef) {
		emit_const_macro(g, d);
		return;
	}
	xi_out_printf(g->out, "#ifndef %s\n", xi_c_decl_name(d));
	emit_const_macro(g, d);
	xi_out_puts(g->out, "#endif\n");
}

static void emit_const_macro(struct cgen *g, const struct xi_decl *d)
{
	if (d->str_parts) {
		emit_string_const(g, d);
		return;
	}
	if (d->hvm_save_decl) {
		emit_hvm_save(g, d);
		return;
	}
	enum xi_ctype t = d->c_type ? d->c_type : xi_ctype_of_prim(d->const_prim);
	if (d->parameterised) {
		/* A function-like macro, as Xen's: `#define XENMEMF_node(x) (((x) + 1) << 8)` */
		struct xi_strbuf sb = XI_STRBUF_INIT;
		for (const struct xi_param *q = d->params; q; q = q->next)
			xi_sb_printf(&sb, "%s%s", q == d->params ? "" : ", ", q->name);
		xi_out_printf(g->out, "#define %s(%s) ", xi_c_decl_name(d), xi_sb_str(&sb));
		xi_sb_reset(&sb);
		put_c_fn_body(&sb, d->expr);
		xi_out_printf(g->out, "%s\n", xi_sb_str(&sb));
		xi_sb_free(&sb);
		return;
	}
	if (d->const_alias && d->expr->ref) {
		/* Xen's `#define FLAT_KERNEL_DS64 FLAT_RING3_DS64`. */
		xi_out_printf(g->out, "#define %s %s\n", xi_c_decl_name(d),
			      xi_c_decl_name(d->expr->ref));
	} else if (uses_sizeof(d->expr)) {
		struct xi_strbuf sb = XI_STRBUF_INIT;
		put_c_expr(&sb, d->expr, 0);
		xi_out_printf(g->out, "#define %s (%s)\n", xi_c_decl_name(d), xi_sb_str(&sb));
		xi_sb_free(&sb);
	} else {
		xi_out_printf(g->out, "#define %s %s\n", xi_c_decl_name(d),
			      xi_c_ctype_literal(g->arena, d->value, t, prefers_hex(d->expr, 0)));
	}
	if (!d->interface_version)
		return;
	/* The version @if(version ...) compares: the hypervisor and the
	 * toolstack are built at the latest; a guest says which it was
	 * written for, or gets the oldest. */
	const char *latest = xi_c_decl_name(d);
	xi_out_printf(g->out, "\n#if defined(__XEN__) || defined(__XEN_TOOLS__)\n"
		      "#define __XEN_INTERFACE_VERSION__ %s\n"
		      "#elif !defined(__XEN_INTERFACE_VERSION__)\n"
		      "#define __XEN_INTERFACE_VERSION__ 0x00000000\n"
		      "#endif\n"
		      "\n#if __XEN_INTERFACE_VERSION__ > %s\n"
		      "#error \"the requested __XEN_INTERFACE_VERSION__ is later than these headers\"\n"
		      "#endif\n", latest, latest);
}

static void emit_alias(struct cgen *g, const struct xi_decl *d)
{
	xi_c_comment(g->out, 0, d->doc);
	const char *name = xi_c_decl_name(d);
	if (type_has_arch(d->type)) {
		emit_per_abi_line(g, "typedef ", d->type, name, 0);
	} else {
		xi_sb_reset(&g->line);
		xi_sb_adds(&g->line, "typedef ");
		put_member_line(g->arena, &g->line, d->type, name, 0, -1);
		xi_out_write(g->out, g->line.data, g->line.len);
	}
	if (xi_c_defines_handle(d))
		xi_out_printf(g->out, "DEFINE_XEN_GUEST_HANDLE(%s);\n", name);
}

/* --- Conditions (@if) ------------------------------------------------------ */

/* The #if block being written: the condition of its current branch and
 * the union of the branches so far. */
struct cond_block {
	const struct xi_cond *branch;
	const struct xi_cond *chain;
	const struct xi_cond *first; /* the condition of the #if */
};

/* The directive #KW COND (no newline); Xen's #ifdef / #ifndef when the
 * whole condition of an #if is one defined(NAME) or compat_gen. */
static const char *cond_directive(struct cgen *g, const char *kw, const struct xi_cond *c)
{
	bool not = c->kind == XI_COND_NOT && xi_cond_macro(c->a);
	if (!strcmp(kw, "if") && (xi_cond_macro(c) || not))
		return xi_aprintf(g->arena, "#%s %s", not ? "ifndef" : "ifdef",
				  xi_cond_macro(not ? c->a : c));
	struct xi_strbuf sb = XI_STRBUF_INIT;
	xi_cond_c_text(&sb, c);
	const char *line = xi_aprintf(g->arena, "#%s %s", kw, xi_sb_str(&sb));
	xi_sb_free(&sb);
	return line;
}

static void cond_line(struct cgen *g, const char *kw, const struct xi_cond *c)
{
	xi_out_printf(g->out, "%s\n", cond_directive(g, kw, c));
}

/* #else or #endif (kw) of a block opened with #if c. After an #ifdef NAME
 * the line names NAME in a comment, as Xen writes it: Xen's compat scripts
 * (tools/compat-build-source.py) keep such a block in the compat header
 * only when its #ifdef, #else and #endif all name it. */
static void cond_close(struct cgen *g, const char *kw, const struct xi_cond *c)
{
	if (c && c->kind == XI_COND_NOT)
		c = c->a;
	if (xi_cond_macro(c))
		xi_out_printf(g->out, "#%s /* %s */\n", kw, xi_cond_macro(c));
	else
		xi_out_printf(g->out, "#%s\n", kw);
}

/* Before an item (a declaration, variant or bit) under condition c (NULL:
 * none, or the end): adjacent items of one condition share an #if; an item
 * whose condition never holds with those of the block (alternatives of one
 * name, old and new variants) continues it with #elif, or #else when the
 * branches cover every configuration. `blank`: a blank line before an #if. */
static void cond_enter(struct cgen *g, struct cond_block *b, const struct xi_cond *c, bool blank)
{
	if (b->branch && c && xi_cond_same(b->branch, c))
		return;
	if (b->branch && c && !xi_cond_overlap(b->chain, c)) {
		struct xi_cond *either = XI_NEW(g->arena, struct xi_cond);
		either->kind = XI_COND_OR;
		either->a = b->chain;
		either->b = c;
		if (xi_cond_implies(NULL, either))
			cond_close(g, "else", b->first);
		else
			cond_line(g, "elif", c);
		b->branch = c;
		b->chain = either;
		return;
	}
	if (b->branch)
		cond_close(g, "endif", b->first);
	b->branch = b->chain = b->first = c;
	if (c) {
		if (blank)
			xi_out_putc(g->out, '\n');
		cond_line(g, "if", c);
	}
}

/* Members under @if: each under its #if, alternatives in one chain. */
static void emit_conditional_members(struct cgen *g, const struct xi_agg *agg, unsigned indent)
{
	struct cond_block block = { NULL, NULL, NULL };
	for (const struct xi_cmember *cm = agg->c_members; cm; cm = cm->next) {
		cond_enter(g, &block, cm->cond, false);
		emit_member(g, cm->member, indent);
	}
	cond_enter(g, &block, NULL, false);
}

/* A @c_enum enum is a C enum, as Xen declares a few: `enum NAME { ... };`,
 * given a typedef name `typedef enum { ... } NAME_t;`, and with @c_typedef
 * both: `typedef enum NAME { ... } NAME_t;`. */
static void emit_c_enum(struct cgen *g, const struct xi_decl *d)
{
	xi_c_comment(g->out, 0, d->doc);
	const char *type = xi_c_enum_typedef_name(g->arena, d);
	if (d->c_enum_typedef)
		xi_out_puts(g->out, "typedef enum {\n");
	else
		xi_out_printf(g->out, "%senum %s {\n", type ? "typedef " : "", xi_c_decl_name(d));
	struct cond_block block = { NULL, NULL, NULL };
	for (const struct xi_variant *v = xi_c_variants(d); v; v = xi_c_variant_next(d, v)) {
		cond_enter(g, &block, v->cond, false);
		xi_c_comment(g->out, C_INDENT, v->doc);
		xi_out_printf(g->out, "%*s%s = %s%s\n", (int)C_INDENT, "", xi_c_variant_name(g->arena, d, v),
			      xi_c_ctype_literal(g->arena, v->v, XI_CTYPE_INT,
						 v->value->kind == XI_EXPR_INT && v->value->hex),
			      xi_c_variant_next(d, v) ? "," : "");
	}
	cond_enter(g, &block, NULL, false);
	if (type)
		xi_out_printf(g->out, "} %s;\n", type);
	else
		xi_out_puts(g->out, "};\n");
}

static void emit_enum(struct cgen *g, const struct xi_decl *d)
{
	if (d->c_enum) {
		emit_c_enum(g, d);
		return;
	}
	xi_c_comment(g->out, 0, d->doc);
	struct cond_block block = { NULL, NULL, NULL };
	for (const struct xi_variant *v = xi_c_variants(d); v; v = xi_c_variant_next(d, v)) {
		cond_enter(g, &block, v->cond, false);
		xi_c_comment(g->out, 0, v->doc);
		enum xi_ctype t = v->c_type ? v->c_type : d->c_type;
		bool hex = v->value->kind == XI_EXPR_INT && v->value->hex;
		xi_out_printf(g->out, "#define %s %s\n", xi_c_variant_name(g->arena, d, v),
			      t ? xi_c_ctype_literal(g->arena, v->v, t, hex)
				: xi_c_int_literal_min(g->arena, v->v, hex));
	}
	cond_enter(g, &block, NULL, false);
}

/* A @c_bitfields bitmap is a C struct of bitfields of its backing type, as
 * Xen declares some flag words (struct xen_processor_flags). Its bits are
 * declared from the lowest; unnamed bitfields fill the gaps. Little-endian
 * ABIs allocate bitfields from the least significant bit, so the struct
 * and the bitmap agree on every supported ABI. */
static void emit_bitfields(struct cgen *g, const struct xi_decl *d)
{
	const char *unit = xi_c_prim_plain(d->backing);
	xi_c_comment(g->out, 0, d->doc);
	xi_out_printf(g->out, "struct %s {\n", xi_c_decl_name(d));
	unsigned next = 0;
	for (;;) {
		const struct xi_variant *low = NULL;
		for (const struct xi_variant *v = d->variants; v; v = v->next)
			if (!v->invalid && v->lo >= next && (!low || v->lo < low->lo))
				low = v;
		if (!low)
			break;
		if (low->lo > next)
			xi_out_printf(g->out, "%*s%s :%u;\n", (int)C_INDENT, "", unit, low->lo - next);
		xi_c_comment(g->out, C_INDENT, low->doc);
		xi_out_printf(g->out, "%*s%s %s:%u;\n", (int)C_INDENT, "", unit,
			      low->c_name ? low->c_name : low->name, low->hi - low->lo + 1);
		next = low->hi + 1;
	}
	xi_out_puts(g->out, "};\n");
}

/* "_NAME" where the bit's number has a macro, else the number. */
static const char *bit_shift(struct cgen *g, const char *name, unsigned lo, bool numbered)
{
	return numbered ? xi_aprintf(g->arena, "_%s", name) : xi_aprintf(g->arena, "%u", lo);
}

static void emit_bitmap(struct cgen *g, const struct xi_decl *d)
{
	if (d->c_bitfields) {
		emit_bitfields(g, d);
		return;
	}
	bool wide = xi_prims[d->backing].size == 8;
	enum xi_ctype own = d->c_type ? d->c_type : xi_ctype_of_prim(d->backing);
	uint64_t all = 0;
	xi_c_comment(g->out, 0, d->doc);
	struct cond_block block = { NULL, NULL, NULL };
	for (const struct xi_variant *v = xi_c_variants(d); v; v = xi_c_variant_next(d, v)) {
		cond_enter(g, &block, v->cond, false);
		const char *name = xi_c_variant_name(g->arena, d, v);
		unsigned width = v->hi - v->lo + 1;
		uint64_t mask = (width == 64 ? UINT64_MAX : ((UINT64_C(1) << width) - 1)) << v->lo;
		/* The mask of every bit is the reference configuration's. */
		if (xi_cond_reference(g->ctx, v->cond))
			all |= mask;
		xi_c_comment(g->out, 0, v->doc);
		/* The bit number's macro, _NAME, where Xen has one (the bit's or
		 * its bitmap's @c_bit_numbers), or with --c-extras. */
		bool numbered = v->c_bit_numbers || d->c_bit_numbers || g->opt->c_extras;
		if (numbered)
			xi_out_printf(g->out, "#define _%s %u\n", name, v->lo);
		const char *shift = bit_shift(g, name, v->lo, numbered);
		/* The bit's C type (@c_type) is the literal's: a shift keeps it. */
		const char *suffix = xi_ctype_suffix(v->c_type ? v->c_type : own);
		if (!v->value_hi) {
			xi_out_printf(g->out, "#define %s (1%s << %s)\n", name, suffix, shift);
			continue;
		}
		uint64_t field = mask >> v->lo;
		xi_out_printf(g->out, "#define %s_mask (0x%llx%s << %s)\n", name,
			      (unsigned long long)field, suffix, shift);
		/* The maker of a field's value, where Xen has one (@c_field_macro),
		 * in a file that does not follow Xen, or with --c-extras. */
		if (v->c_field_macro || !xi_c_follows_xen(d->module) || g->opt->c_extras)
			xi_out_printf(g->out, "#define %s(v) (((v) << %s) & %s_mask)\n", name, shift,
				      name);
	}
	cond_enter(g, &block, NULL, false);
	/* Every bit at once: a name Xen's headers lack (--c-extras). */
	if (g->opt->c_extras)
		xi_out_printf(g->out, "#define %s 0x%llx%s\n", xi_c_all_mask_name(g->arena, d),
			      (unsigned long long)all, wide ? "ULL" : "U");
}

/* #if COND of @c_name_if, in Xen's spelling for (!)xen: #ifdef __XEN__. */
static void open_c_name_if(struct cgen *g, const struct xi_cond *c)
{
	if (c->kind == XI_COND_NOT && c->a->kind == XI_COND_XEN)
		xi_out_puts(g->out, "#ifndef __XEN__\n");
	else if (c->kind == XI_COND_XEN)
		xi_out_puts(g->out, "#ifdef __XEN__\n");
	else
		cond_line(g, "if", c);
}

/* @c_old_name: where the condition holds, the tag is the old name and the
 * declaration's names are macros for it (Xen's grant_entry_v1, called
 * grant_entry before interface 0x0003020a). Written before the type. */
static void emit_old_names(struct cgen *g, const struct xi_decl *d, const char *name,
			   const char *type)
{
	cond_line(g, "if", d->c_alias_cond);
	xi_out_printf(g->out, "#define %s %s\n", name, d->c_old_name);
	if (type)
		xi_out_printf(g->out, "#define %s %s_t\n", type, d->c_old_name);
	xi_out_puts(g->out, "#endif\n");
}

/* @c_alias: another C name of the type where the condition holds (Xen's
 * xen_add_to_physmap_range before interface 0x00040400). */
static void emit_alias_name(struct cgen *g, const struct xi_decl *d, const char *name)
{
	if (d->c_alias_cond)
		cond_line(g, "if", d->c_alias_cond);
	xi_out_printf(g->out, "#define %s %s\n", d->c_alias, name);
	if (d->c_alias_cond)
		xi_out_puts(g->out, "#endif\n");
}

/* @c_alias on members: `#define NAME path.to.member` after the type, for
 * every member of it and of its inline structs and unions (an anonymous
 * one adds nothing to the path), C's members all (alternatives too). */
static void emit_member_aliases(struct cgen *g, const struct xi_agg *agg, const char *prefix,
				unsigned depth);

static void emit_member_alias(struct cgen *g, const struct xi_member *m, const char *prefix,
			      unsigned depth)
{
	const char *name = m->c_name ? m->c_name : m->name;
	const struct xi_type *t = m->type;
	bool anonymous = t && t->kind == XI_TYPE_AGG && t->u.agg->anonymous;
	const char *path = anonymous ? prefix
			   : *prefix ? xi_aprintf(g->arena, "%s.%s", prefix, name) : name;
	const struct xi_member_alias *ma = xi_member_alias(g->ctx, m);
	if (ma) {
		if (ma->cond)
			cond_line(g, "if", ma->cond);
		xi_out_printf(g->out, "#define %s %s\n", ma->name, path);
		if (ma->cond)
			xi_out_puts(g->out, "#endif\n");
	}
	if (t && t->kind == XI_TYPE_AGG)
		emit_member_aliases(g, t->u.agg, path, depth + 1);
}

static void emit_member_aliases(struct cgen *g, const struct xi_agg *agg, const char *prefix,
				unsigned depth)
{
	if (!g->ctx->member_aliases.count || depth > XI_MAX_NESTING)
		return;
	if (agg->c_members) {
		for (const struct xi_cmember *cm = agg->c_members; cm; cm = cm->next)
			emit_member_alias(g, cm->member, prefix, depth);
	} else {
		for (const struct xi_member *m = agg->members; m; m = m->next)
			emit_member_alias(g, m, prefix, depth);
	}
}

static void emit_aggregate(struct cgen *g, const struct xi_decl *d)
{
	const char *kw = d->kind == XI_DECL_UNION ? "union" : "struct";
	const char *name = xi_c_decl_name(d);
	const char *type = xi_c_typedef_name(g->arena, d);
	if (type && (xi_map_get(&g->ctx->symbols, type, strlen(type)) ||
		     xi_map_get(&g->early, name, strlen(name))))
		type = NULL;
	if (d->c_old_name)
		emit_old_names(g, d, name, type);
	xi_c_comment(g->out, 0, d->doc);
	/* Only @legacy types can be empty: a GNU extension (size 0 in C, 1 in
	 * C++), which __extension__ keeps -pedantic quiet about. */
	if (!d->agg->members)
		xi_out_puts(g->out, "__extension__ ");
	/* A flexible array member is XEN_FLEX_ARRAY_DIM elements: none in
	 * C99, a GNU zero-length array in C89 and C++, where -pedantic
	 * needs the same __extension__. */
	else if (xi_agg_flex_member(d->agg))
		xi_out_puts(g->out, "__extension__ ");
	/* @c_name_if: Xen renames the tag with a macro around the
	 * definition (`#define cpu_user_regs guest_user_regs`), so that the
	 * text between keeps the name the interface knows it by. */
	if (d->c_name_cond) {
		open_c_name_if(g, d->c_name_cond);
		xi_out_printf(g->out, "#define %s %s\n#endif\n", name, d->c_name_alt);
	}
	xi_out_printf(g->out, "%s%s %s {\n", kw, packed_attr(g, d->agg), name);
	emit_members(g, d->agg, C_INDENT);
	xi_out_puts(g->out, "};\n");
	if (d->c_name_cond) {
		open_c_name_if(g, d->c_name_cond);
		xi_out_printf(g->out, "#undef %s\n#endif\n", name);
	}
	/* The typedef where C has one (xi_c_typedef_name). An alias declared
	 * under its name takes its place (Xen's x86_32 xen_callback_t names
	 * struct xen_callback, its x86_64 one an integer). */
	if (d->c_alias)
		emit_alias_name(g, d, name);
	emit_member_aliases(g, d->agg, "", 0);
	if (!type)
		return;
	/* @c_typedef_if: Xen's spelling, #ifndef __XEN__ for !xen. */
	const struct xi_cond *c = d->c_typedef_cond;
	if (c && c->kind == XI_COND_NOT && c->a->kind == XI_COND_XEN)
		xi_out_puts(g->out, "#ifndef __XEN__\n");
	else if (c && c->kind == XI_COND_XEN)
		xi_out_puts(g->out, "#ifdef __XEN__\n");
	else if (c)
		cond_line(g, "if", c);
	xi_out_printf(g->out, "typedef %s %s %s;\n", kw, name, type);
	if (xi_c_defines_handle(d))
		xi_out_printf(g->out, "DEFINE_XEN_GUEST_HANDLE(%s);\n", type);
	if (c)
		xi_out_puts(g->out, "#endif\n");
}

/* --- Files --------------------------------------------------------------- */

static const char *include_path(struct xi_arena *a, const char *import)
{
	const char *slash = strrchr(import, '/');
	const char *dot = strrchr(import, '.');
	if (dot && (!slash || dot > slash))
		return xi_aprintf(a, "%.*s.h", (int)(dot - import), import);
	return xi_aprintf(a, "%s.h", import);
}

/* The header of an imported module, which this one includes. */
static void refer(struct cgen *g, const struct xi_module *m)
{
	if (m)
		xi_ref_add(g->ctx, g->out, "includes", "c", xi_aprintf(g->arena, "%s.h", m->rel), m);
}

static void emit_includes(struct cgen *g)
{
	const struct xi_import *im = g->module->imports;
	if (!im || im->is_part)
		return; /* the link to its family groups comes last */
	xi_out_putc(g->out, '\n');
	for (; im; im = im->next) {
		if (im->is_part)
			continue;
		if (!im->is_arch) {
			xi_out_printf(g->out, "#include \"%s\"\n", include_path(g->arena, im->path));
			refer(g, im->module[0]);
			continue;
		}
		/* An ABI's file comes before its family's: the first branch
		 * that holds wins, as an ABI key beats a family key. */
		bool first = true;
		for (int k = 0; k < XI_IMPORT_SLOTS; k++) {
			int f = (k + XI_FAM_COUNT) % XI_IMPORT_SLOTS;
			if (f < XI_FAM_COUNT && im->family_none[f] && !first) {
				/* the map's `none`: nothing to include there */
				xi_out_printf(g->out, "#elif %s\n/* no file for this architecture */\n",
					      xi_families[f].c_cond);
				continue;
			}
			if (!im->module[f])
				continue;
			const char *inc = include_path(g->arena, xi_import_family_path(g->arena, im, f));
			const char *cond = f < XI_FAM_COUNT ? xi_families[f].c_cond
							    : xi_abis[f - XI_FAM_COUNT].c_cond;
			xi_out_printf(g->out, "#%s %s\n#include \"%s\"\n", first ? "if" : "elif",
				      cond, inc);
			refer(g, im->module[f]);
			first = false;
		}
		if (first)
			continue;
		/* A family's file is read on its family only: its chain of
		 * ABIs needs no catch-all (Xen's arch-x86/xen.h has none). */
		if (g->module->family != XI_FAM_NONE)
			xi_out_puts(g->out, "#endif\n");
		else
			xi_out_puts(g->out, "#else\n#error \"xenidl: no definitions for this architecture\"\n#endif\n");
	}
}

/* --- The shared machinery (cprelude.h) ------------------------------------ */

/* An architecture's part: guest handles as its ABIs lay them out. */
static void emit_family_machinery(struct xi_out *o, int family)
{
	static const char *const aligned_by_family[XI_FAM_COUNT] = {
		[XI_FAM_ARM] = "defined(__XEN__) || defined(__XEN_TOOLS__) || defined(__GNUC__)",
		[XI_FAM_PPC] = "1",
		[XI_FAM_RISCV] = "1",
	};
	static const char *const extra_by_family[XI_FAM_COUNT] = {
		[XI_FAM_ARM] = "",
		[XI_FAM_PPC] = "#ifdef __XEN_TOOLS__\n"
			       "#define get_xen_guest_handle(val, hnd) do { (val) = (hnd).p; } while (0)\n"
			       "#endif\n",
		[XI_FAM_RISCV] = "",
	};
	if (family == XI_FAM_X86) {
		xi_out_puts(o, xi_template_c_handles_x86);
		return;
	}
	const char *vars[] = {
		"family", xi_families[family].name,
		"aligned_cond", aligned_by_family[family],
		"extra", extra_by_family[family],
		NULL,
	};
	xi_out_template(o, xi_template_c_handles_union, vars);
}

/* The part every architecture shares (Xen's xen.h), with the handles of
 * the types the architectures' parts declare (`word_handles`). */
static void emit_shared_machinery(struct xi_out *o, const char *word_handles)
{
	const char *vars[] = { "word_handles", word_handles, NULL };
	xi_out_template(o, xi_template_c_xen, vars);
}

/* The handles a @!c_prelude file defines for the @c_handle aliases of the
 * architectures' parts it imports (xen_pfn_t, xen_ulong_t), once each. */
static const char *deferred_handles(struct cgen *g)
{
	struct xi_strbuf sb = XI_STRBUF_INIT;
	struct xi_map seen;
	xi_map_init(&seen);
	for (const struct xi_import *im = g->module->imports; im; im = im->next) {
		for (int f = 0; f < XI_IMPORT_SLOTS; f++) {
			const struct xi_module *am = im->module[f];
			if (!am || !im->is_arch)
				continue;
			for (const struct xi_decl *d = am->decls; d; d = d->next) {
				const char *name = xi_c_decl_name(d);
				if (!xi_c_handle_deferred(d) || xi_map_get(&seen, name, strlen(name)))
					continue;
				xi_map_put(&seen, name, strlen(name), (void *)d);
				xi_sb_printf(&sb, "DEFINE_XEN_GUEST_HANDLE(%s);\n", name);
			}
		}
	}
	xi_map_free(&seen);
	const char *r = xi_strdup(g->arena, sb.data ? xi_sb_str(&sb) : "");
	xi_sb_free(&sb);
	return r;
}

/* "xenidl-c.h" as a header at `rel` includes it: "../xenidl-c.h" from
 * arch-x86/. */
/* The include path, from the header of module path `rel`, of `path`
 * (relative to the root of the C outputs). */
static const char *include_from_root(struct xi_arena *a, const char *rel, const char *path)
{
	struct xi_strbuf sb = XI_STRBUF_INIT;
	for (const char *p = rel; *p; p++)
		if (*p == '/')
			xi_sb_adds(&sb, "../");
	xi_sb_adds(&sb, path);
	const char *r = xi_strdup(a, xi_sb_str(&sb));
	xi_sb_free(&sb);
	return r;
}

static const char *support_include(struct xi_arena *a, const char *rel)
{
	return include_from_root(a, rel, XI_C_SUPPORT_HEADER);
}

/* An architecture's part with save records (arch-x86/hvm/save.xidl)
 * includes the header of the shared file of the same path outside the
 * architecture's directory (hvm/save.h, which holds the records'
 * machinery and reaches the part through its arch import), so that it
 * compiles on its own. The path alone decides, not what else the run
 * reads: a header depends on its own module only. */
static void emit_hvm_save_include(struct cgen *g)
{
	const struct xi_module *m = g->module;
	if (m->family == XI_FAM_NONE || m->c_prelude_hvm_save)
		return;
	bool records = false;
	for (const struct xi_decl *d = m->decls; d && !records; d = d->next)
		records = d->hvm_save_decl != NULL;
	const char *dir = xi_families[m->family].dir;
	size_t n = strlen(dir);
	if (!records || strncmp(m->rel, dir, n) || m->rel[n] != '/')
		return;
	const char *shared = m->rel + n + 1;
	const char *path = xi_aprintf(g->arena, "%s.h", shared);
	xi_out_printf(g->out, "#include \"%s\"\n", include_from_root(g->arena, m->rel, path));
	for (unsigned i = 0; i < g->ctx->nmodules; i++)
		if (!strcmp(g->ctx->modules[i]->rel, shared))
			refer(g, g->ctx->modules[i]);
}

/* Does a header with no @!c_prelude file among its imports need the
 * support header? Not when it declares no C type: its file and family
 * groups declare only constants, enums and bitmaps (macros of integer
 * literals), it imports nothing and names no guest handle, as Xen's
 * features.h and elfnote.h, which include no header at all. A fixed-width
 * integer type (uint32_t) is a need: the support header includes
 * <stdint.h>. */
static bool decls_need_support(const struct xi_module *m)
{
	for (const struct xi_decl *d = m->decls; d; d = d->next) {
		if (d->kind != XI_DECL_CONST && d->kind != XI_DECL_ENUM && d->kind != XI_DECL_BITMAP)
			return true;
		if (d->kind == XI_DECL_BITMAP && d->c_bitfields)
			return true;
	}
	return false;
}

static bool needs_support_header(const struct xi_module *m)
{
	if (m->c_prelude || xi_c_follows_xen(m))
		return false;
	if (m->c_handles || decls_need_support(m))
		return true;
	for (const struct xi_import *im = m->imports; im; im = im->next)
		if (!im->is_part)
			return true;
	for (int f = 0; f < XI_FAM_COUNT; f++)
		if (m->parts[f] && !m->parts[f]->left_out && decls_need_support(m->parts[f]))
			return true;
	return false;
}

/* The support header of the headers that reach no @!c_prelude file: the
 * machinery of every architecture, chosen by the compiler's, and the
 * shared part, with the handles of every integer type an interface may
 * point to (Xen defines some only). */
static void emit_support_header(struct xi_out *o)
{
	xi_out_puts(o, "/*\n"
		    " * The C definitions the headers generated by xenidl rely on, where no\n"
		    " * interface marked @!c_prelude (as Xen's xen.xidl) provides them.\n"
		    " *\n"
		    " * Generated by xenidl. Do not edit.\n"
		    " */\n"
		    "#ifndef XENIDL_C_SUPPORT_H\n#define XENIDL_C_SUPPORT_H\n\n");
	xi_out_puts(o, xi_template_c_prelude);
	for (int f = 0; f < XI_FAM_COUNT; f++) {
		xi_out_printf(o, "\n#%s %s\n", f ? "elif" : "if", xi_families[f].c_cond);
		emit_family_machinery(o, f);
	}
	xi_out_puts(o, "#else\n#error \"xenidl: no definitions for this architecture\"\n#endif\n\n");
	emit_shared_machinery(o, "__DEFINE_XEN_GUEST_HANDLE(int8, int8_t);\n"
			      "__DEFINE_XEN_GUEST_HANDLE(int16, int16_t);\n"
			      "__DEFINE_XEN_GUEST_HANDLE(int32, int32_t);\n"
			      "__DEFINE_XEN_GUEST_HANDLE(int64, int64_t);\n"
			      "DEFINE_XEN_GUEST_HANDLE(int64_t);\n"
			      "__DEFINE_XEN_GUEST_HANDLE(schar, signed char);\n"
			      "DEFINE_XEN_GUEST_HANDLE(short);\n"
			      "__DEFINE_XEN_GUEST_HANDLE(ushort, unsigned short);\n");
	xi_out_puts(o, "\n#endif /* XENIDL_C_SUPPORT_H */\n");
}

/* The struct or union declared in this module that a handle type points
 * to, or NULL. */
static const struct xi_decl *local_handle_target(const struct cgen *g, const struct xi_type *t)
{
	const struct xi_type *target = t->u.target;
	if (target->kind != XI_TYPE_REF)
		return NULL;
	const struct xi_decl *d = xi_ref_some_decl(target);
	return d && d->module == g->module && xi_decl_is_aggregate(d) ? d : NULL;
}

/* Find the handles in a type to aggregates not declared before `pos`
 * (their position in module->sorted: the map holds each one's). */
static void find_early(struct cgen *g, const struct xi_type *t, unsigned pos,
		       const struct xi_map *position)
{
	switch (t->kind) {
	case XI_TYPE_HANDLE:
	case XI_TYPE_NATIVE_HANDLE: {
		const struct xi_decl *d = local_handle_target(g, t);
		if (!d || !xi_c_defines_handle(d))
			return;
		const char *name = xi_c_decl_name(d);
		const unsigned *at = xi_map_get(position, d->name, strlen(d->name));
		if (at && *at >= pos && !xi_map_get(&g->early, name, strlen(name)))
			xi_map_put(&g->early, name, strlen(name), (void *)d);
		return;
	}
	case XI_TYPE_ARRAY:
		find_early(g, t->u.array.elem, pos, position);
		return;
	case XI_TYPE_AGG:
		for (const struct xi_member *m = t->u.agg->members; m; m = m->next)
			find_early(g, m->type, pos, position);
		return;
	case XI_TYPE_ARCH:
		for (const struct xi_arch_choice *c = t->u.arch.choices; c; c = c->next)
			find_early(g, c->type, pos, position);
		return;
	default:
		return;
	}
}

/* Typedefs and handles declared before their structs' definitions, where
 * a handle to a struct is used first (by itself, or in a cycle of
 * handles): `typedef struct X X_t; DEFINE_XEN_GUEST_HANDLE(X_t);` then
 * `struct X { XEN_GUEST_HANDLE(X_t) next; };`. */
static void emit_early_handles(struct cgen *g)
{
	struct xi_module *m = g->module;
	struct xi_map position;
	xi_map_init(&position);
	unsigned *pos = XI_NEW_ARRAY(g->arena, unsigned, m->ndecls ? m->ndecls : 1);
	for (unsigned i = 0; i < m->ndecls; i++) {
		pos[i] = i;
		xi_map_put(&position, m->sorted[i]->name, strlen(m->sorted[i]->name), &pos[i]);
	}
	for (unsigned i = 0; i < m->ndecls; i++) {
		const struct xi_decl *d = m->sorted[i];
		if (xi_decl_is_aggregate(d))
			for (const struct xi_member *mb = d->agg->members; mb; mb = mb->next)
				find_early(g, mb->type, i, &position);
	}
	xi_map_free(&position);
	for (unsigned i = 0; i < m->ndecls; i++) {
		const struct xi_decl *d = m->sorted[i];
		const char *name = xi_c_decl_name(d);
		if (!xi_map_get(&g->early, name, strlen(name)))
			continue;
		const char *kw = d->kind == XI_DECL_UNION ? "union" : "struct";
		const char *type = xi_c_typedef_name(g->arena, d);
		xi_out_printf(g->out, "\n/* A handle to %s %s comes before its definition. */\n"
			      "typedef %s %s %s;\nDEFINE_XEN_GUEST_HANDLE(%s);\n", kw, name, kw,
			      name, type, type);
	}
}

/* @!c_handle(NAME): the guest handles of types of imported headers. */
static void emit_imported_handles(struct cgen *g)
{
	bool first = true;
	for (const struct xi_c_handle_of *h = g->module->c_handles; h; h = h->next) {
		if (!h->decl)
			continue;
		const char *type = h->decl->kind == XI_DECL_ALIAS ? xi_c_decl_name(h->decl)
			: xi_c_typedef_name(g->arena, h->decl);
		if (!type)
			type = xi_c_decl_name(h->decl);
		if (first)
			xi_out_putc(g->out, '\n');
		first = false;
		xi_out_printf(g->out, "DEFINE_XEN_GUEST_HANDLE(%s);\n", type);
	}
}

/* Assembler sources include xen.h and the architecture headers (Xen's
 * entry.S, head.S) for their macros: those headers, the files with the
 * shared machinery (@!c_prelude) and an ABI's own file, keep their C
 * declarations under #ifndef __ASSEMBLER__, as Xen's do; their macros
 * stay outside. */
static bool guards_c_for_assembler(const struct xi_module *m)
{
	return m->c_prelude || m->abi_only;
}

/* Does the declaration write C that an assembler cannot read: a type, a
 * C enum, a bitfield struct, a save record's declaration? */
static bool declares_c(const struct xi_decl *d)
{
	switch (d->kind) {
	case XI_DECL_CONST: return d->hvm_save_decl != NULL;
	case XI_DECL_ENUM: return d->c_enum;
	case XI_DECL_BITMAP: return d->c_bitfields;
	default: return true;
	}
}

static void emit_decls(struct cgen *g)
{
	struct xi_module *m = g->module;
	struct cond_block block = { NULL, NULL, NULL };
	bool guard = guards_c_for_assembler(m);
	bool in_guard = false;  /* an #ifndef __ASSEMBLER__ is open */
	for (unsigned i = 0; i < m->ndecls; i++) {
		const struct xi_decl *d = m->sorted[i];
		if (d->c_inline && d->c_inline_owner)
			continue; /* in its member's declaration (emit_member) */
		bool c_only = guard && declares_c(d);
		/* The guard nests inside the #if of a condition: it closes
		 * before the condition changes. */
		bool same_cond = block.branch ? d->cond && xi_cond_same(block.branch, d->cond) : !d->cond;
		if (in_guard && (!c_only || !same_cond)) {
			xi_out_puts(g->out, "\n#endif /* !__ASSEMBLER__ */\n");
			in_guard = false;
		}
		cond_enter(g, &block, d->cond, true);
		xi_out_putc(g->out, '\n');
		if (c_only && !in_guard) {
			xi_out_puts(g->out, "#ifndef __ASSEMBLER__\n");
			in_guard = true;
		}
		/* Under defined(NAME), on the ABIs where it holds only. */
		xi_abi_mask module_abis = g->abis;
		g->abis = xi_decl_abis(g->ctx, d);
		switch (d->kind) {
		case XI_DECL_CONST: emit_const(g, d); break;
		case XI_DECL_ALIAS: emit_alias(g, d); break;
		case XI_DECL_ENUM: emit_enum(g, d); break;
		case XI_DECL_BITMAP: emit_bitmap(g, d); break;
		case XI_DECL_STRUCT:
		case XI_DECL_UNION: emit_aggregate(g, d); break;
		}
		g->abis = module_abis;
	}
	if (in_guard)
		xi_out_puts(g->out, "\n#endif /* !__ASSEMBLER__ */\n");
	cond_enter(g, &block, NULL, true);
}

/* The file's family groups (xi_module.part_of): each family's
 * declarations under the family's #if, as Xen writes them in a shared
 * header, before the declarations of the file (which may use them). */
static void emit_parts(struct cgen *g)
{
	struct xi_module *m = g->module;
	xi_abi_mask abis = g->abis;
	bool first = true;
	for (int f = 0; f < XI_FAM_COUNT; f++) {
		struct xi_module *p = m->parts[f];
		if (!p || p->left_out)
			continue;
		xi_out_printf(g->out, "\n#%s %s\n", first ? "if" : "elif", xi_families[f].c_cond);
		first = false;
		g->module = p;
		g->abis = xi_module_abis(g->ctx, p);
		emit_early_handles(g);
		emit_decls(g);
		g->module = m;
		g->abis = abis;
	}
	if (!first)
		xi_out_puts(g->out, "\n#endif\n");
}

static void emit_module(struct cgen *g)
{
	struct xi_module *m = g->module;
	const char *guard = m->c_guard ? m->c_guard : guard_name(g->arena, m->rel);
	struct xi_out *o = g->out;
	/* Xen's headers start with their SPDX tag, alone on the first line. */
	if (m->spdx)
		xi_out_printf(o, "/* SPDX-License-Identifier: %s */\n", m->spdx);
	xi_out_puts(o, "/*\n");
	if (m->doc) {
		xi_c_comment_lines(o, 0, m->doc);
		xi_out_puts(o, " *\n");
	}
	xi_out_printf(o, " * Generated by xenidl from %s. Do not edit.\n */\n", xi_module_source_name(g->arena, m));
	xi_out_printf(o, "#ifndef %s\n#define %s\n", guard, guard);
	if (m->tools_only)
		xi_out_printf(o, "\n#if !defined(__XEN__) && !defined(__XEN_TOOLS__)\n"
			      "#error \"%s.h is for the hypervisor and the toolstack only "
			      "(define __XEN_TOOLS__)\"\n#endif\n", m->rel);
	if (m->c_prelude) {
		xi_out_putc(o, '\n');
		xi_out_puts(o, xi_template_c_prelude);
		if (m->family != XI_FAM_NONE && !m->c_prelude_version) {
			xi_out_putc(o, '\n');
			emit_family_machinery(o, m->family);
		}
	} else if (needs_support_header(m)) {
		const char *inc = support_include(g->arena, m->rel);
		xi_out_printf(o, "\n#include \"%s\"\n", inc);
		xi_ref_add(g->ctx, g->out, "includes", "c", XI_C_SUPPORT_HEADER, m);
	}
	if (m->c_prelude_hvm_save) {
		/* before the includes: the architectures' records use it */
		xi_out_putc(o, '\n');
		xi_out_puts(o, xi_template_c_hvm_save);
	}
	emit_includes(g);
	emit_hvm_save_include(g);
	if (m->c_prelude && m->family == XI_FAM_NONE && !m->c_prelude_version) {
		xi_out_putc(o, '\n');
		emit_shared_machinery(o, deferred_handles(g));
	}
	emit_early_handles(g);
	emit_imported_handles(g);
	emit_parts(g);
	emit_decls(g);
	if (m->c_prelude_version) {
		xi_out_putc(o, '\n');
		xi_out_puts(o, xi_template_c_version);
	}
	xi_out_printf(o, "\n#endif /* %s */\n", guard);
}

void xi_emit_c(struct xi_ctx *ctx, const struct xi_gen_options *opt, struct xi_outset *out)
{
	bool support = false;
	for (unsigned i = 0; i < ctx->ninputs; i++)
		if (!ctx->inputs[i]->part_of && needs_support_header(ctx->inputs[i]))
			support = true;
	if (support) {
		struct xi_out *o = xi_out_open(out, XI_C_SUPPORT_HEADER);
		if (o)
			emit_support_header(o);
	}
	for (unsigned i = 0; i < ctx->ninputs; i++) {
		struct xi_module *m = ctx->inputs[i];
		if (m->part_of)
			continue; /* in its file's header (emit_parts) */
		struct cgen g;
		memset(&g, 0, sizeof(g));
		g.ctx = ctx;
		g.arena = &ctx->arena;
		g.opt = opt;
		g.module = m;
		g.abis = xi_module_abis(ctx, m);
		g.out = xi_out_open(out, xi_aprintf(&ctx->arena, "%s.h", m->rel));
		xi_map_init(&g.early);
		if (g.out)
			emit_module(&g);
		xi_map_free(&g.early);
		xi_sb_free(&g.line);
		for (int a = 0; a < XI_ABI_COUNT; a++)
			xi_sb_free(&g.abi_text[a]);
	}
}
