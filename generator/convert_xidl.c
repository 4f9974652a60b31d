/* The xidl printer: a module's IR as xidl, in one format.
 *
 *   //! file doc                      then a blank line
 *   import "x.xidl";                  imports, then a blank line
 *   /// doc                           declarations, a blank line apart
 *                                     (but for runs of constants),
 *   @attribute                        each preceded by its doc comment and
 *   struct name {                     its attributes, one per line;
 *       /// doc                       members indented by four spaces,
 *       @in name: type;               their attributes on their line;
 *   }                                 variants and bits end with ','.
 *
 * Plain comments are not part of the IR and are not kept. */
#include <inttypes.h>
#include <string.h>

#include "attrs.h"
#include "convert.h"

#define XIDL_INDENT 4u

struct xprinter {
	struct xi_ctx *ctx;
	struct xi_out *o;
	const char *(*rename)(struct xi_ctx *, const char *);
};

/* --- Expressions ---------------------------------------------------------- */

enum { PREC_OR = 1, PREC_XOR, PREC_AND, PREC_SHIFT, PREC_ADD, PREC_MUL, PREC_UNARY };

static int precedence(enum xi_op op)
{
	switch (op) {
	case XI_OP_OR: return PREC_OR;
	case XI_OP_XOR: return PREC_XOR;
	case XI_OP_AND: return PREC_AND;
	case XI_OP_SHL:
	case XI_OP_SHR: return PREC_SHIFT;
	case XI_OP_ADD:
	case XI_OP_SUB: return PREC_ADD;
	case XI_OP_MUL:
	case XI_OP_DIV:
	case XI_OP_MOD: return PREC_MUL;
	default: return PREC_UNARY;
	}
}

static const char *op_text(enum xi_op op)
{
	static const char *const text[] = {
		[XI_OP_NEG] = "-", [XI_OP_NOT] = "~", [XI_OP_PLUS] = "+", [XI_OP_ADD] = "+",
		[XI_OP_SUB] = "-", [XI_OP_MUL] = "*", [XI_OP_DIV] = "/", [XI_OP_MOD] = "%",
		[XI_OP_SHL] = "<<", [XI_OP_SHR] = ">>", [XI_OP_AND] = "&", [XI_OP_OR] = "|",
		[XI_OP_XOR] = "^",
	};
	return text[op];
}

static void print_expr(struct xi_strbuf *sb, const struct xi_expr *e, int min)
{
	switch (e->kind) {
	case XI_EXPR_INT:
		if (e->hex)
			xi_sb_printf(sb, "0x%" PRIX64, e->lit.mag);
		else
			xi_sb_printf(sb, "%" PRIu64, e->lit.mag);
		return;
	case XI_EXPR_NAME:
		xi_sb_adds(sb, e->name);
		return;
	case XI_EXPR_UNARY:
		xi_sb_adds(sb, op_text(e->op));
		print_expr(sb, e->a, PREC_UNARY);
		return;
	case XI_EXPR_BINARY: {
		int p = precedence(e->op);
		bool parens = p < min;
		if (parens)
			xi_sb_addc(sb, '(');
		print_expr(sb, e->a, p);
		xi_sb_printf(sb, " %s ", op_text(e->op));
		/* Operators are left-associative: a right operand of the same
		 * precedence was parenthesized. */
		print_expr(sb, e->b, p + 1);
		if (parens)
			xi_sb_addc(sb, ')');
		return;
	}
	}
}

void xi_print_expr(struct xi_strbuf *sb, const struct xi_expr *e)
{
	print_expr(sb, e, 0);
}

/* --- Pieces --------------------------------------------------------------- */

static void put_doc(struct xprinter *p, const char *doc, unsigned indent, const char *marker)
{
	if (!doc)
		return;
	for (const char *s = doc;;) {
		const char *nl = strchr(s, '\n');
		size_t n = nl ? (size_t)(nl - s) : strlen(s);
		xi_out_indent(p->o, indent);
		xi_out_puts(p->o, marker);
		if (n) {
			xi_out_putc(p->o, ' ');
			xi_out_write(p->o, s, n);
		}
		xi_out_putc(p->o, '\n');
		if (!nl)
			break;
		s = nl + 1;
	}
}

static void put_string(struct xi_strbuf *sb, const char *s)
{
	xi_sb_addc(sb, '"');
	for (; *s; s++) {
		switch (*s) {
		case '"': xi_sb_adds(sb, "\\\""); break;
		case '\\': xi_sb_adds(sb, "\\\\"); break;
		case '\n': xi_sb_adds(sb, "\\n"); break;
		case '\t': xi_sb_adds(sb, "\\t"); break;
		default: xi_sb_addc(sb, *s); break;
		}
	}
	xi_sb_addc(sb, '"');
}

static void attr_text(struct xi_strbuf *sb, const struct xi_attr *a)
{
	xi_sb_printf(sb, "@%s", a->name);
	if (a->arg_kind == XI_ATTR_ARG_STRING) {
		xi_sb_addc(sb, '(');
		put_string(sb, a->str);
		xi_sb_addc(sb, ')');
	} else if (a->arg_kind == XI_ATTR_ARG_EXPR) {
		xi_sb_addc(sb, '(');
		xi_print_expr(sb, a->expr);
		xi_sb_addc(sb, ')');
	}
}

/* Attributes each on a line of their own. */
static void put_attr_lines(struct xprinter *p, const struct xi_attr *a, unsigned indent)
{
	for (; a; a = a->next) {
		struct xi_strbuf sb = XI_STRBUF_INIT;
		attr_text(&sb, a);
		xi_out_indent(p->o, indent);
		xi_out_printf(p->o, "%s\n", xi_sb_str(&sb));
		xi_sb_free(&sb);
	}
}

/* --- Types ---------------------------------------------------------------- */

static void put_members(struct xprinter *p, const struct xi_member *m, unsigned indent,
			bool arms);

/* A type; inline aggregates span lines, their closing brace at `indent`. */
static void put_type(struct xprinter *p, const struct xi_type *t, unsigned indent)
{
	switch (t->kind) {
	case XI_TYPE_PRIM:
		xi_out_puts(p->o, xi_prims[t->prim].name);
		return;
	case XI_TYPE_REF:
		xi_out_puts(p->o, t->u.ref.name);
		return;
	case XI_TYPE_VOID:
		xi_out_puts(p->o, "void");
		return;
	case XI_TYPE_ARRAY: {
		/* T[N][M]: the dimensions follow the element, outermost first. */
		const struct xi_type *base = t;
		while (base->kind == XI_TYPE_ARRAY)
			base = base->u.array.elem;
		put_type(p, base, indent);
		for (const struct xi_type *a = t; a->kind == XI_TYPE_ARRAY; a = a->u.array.elem) {
			struct xi_strbuf sb = XI_STRBUF_INIT;
			xi_print_expr(&sb, a->u.array.len);
			xi_out_printf(p->o, "[%s]", xi_sb_str(&sb));
			xi_sb_free(&sb);
		}
		return;
	}
	case XI_TYPE_HANDLE:
	case XI_TYPE_NATIVE_HANDLE:
		xi_out_puts(p->o, t->kind == XI_TYPE_HANDLE ? "handle<" : "native_handle<");
		put_type(p, t->u.target, indent);
		xi_out_putc(p->o, '>');
		return;
	case XI_TYPE_AGG: {
		const struct xi_agg *agg = t->u.agg;
		if (agg->tag_name)
			xi_out_printf(p->o, "union switch (%s) {\n", agg->tag_name);
		else
			xi_out_printf(p->o, "%s {\n", agg->is_union ? "union" : "struct");
		put_members(p, agg->members, indent + XIDL_INDENT, agg->tag_name != NULL);
		xi_out_indent(p->o, indent);
		xi_out_putc(p->o, '}');
		return;
	}
	case XI_TYPE_ARCH:
		xi_out_puts(p->o, "arch { ");
		for (const struct xi_arch_choice *c = t->u.arch.choices; c; c = c->next) {
			xi_out_printf(p->o, "%s: ", c->key);
			put_type(p, c->type, indent);
			xi_out_puts(p->o, c->next ? ", " : " }");
		}
		return;
	}
}

static void put_members(struct xprinter *p, const struct xi_member *m, unsigned indent, bool arms)
{
	for (; m; m = m->next) {
		put_doc(p, m->doc, indent, "///");
		xi_out_indent(p->o, indent);
		for (const struct xi_attr *a = xi_attrs_of_member(&p->ctx->arena, m); a; a = a->next) {
			struct xi_strbuf sb = XI_STRBUF_INIT;
			attr_text(&sb, a);
			xi_out_printf(p->o, "%s ", xi_sb_str(&sb));
			xi_sb_free(&sb);
		}
		if (arms && m->is_default_arm) {
			xi_out_puts(p->o, "_ => ");
		} else if (arms) {
			for (const struct xi_arm_label *l = m->labels; l; l = l->next) {
				struct xi_strbuf sb = XI_STRBUF_INIT;
				xi_print_expr(&sb, l->expr);
				xi_out_printf(p->o, "%s%s", xi_sb_str(&sb), l->next ? ", " : " => ");
				xi_sb_free(&sb);
			}
		}
		xi_out_printf(p->o, "%s: ", m->name);
		put_type(p, m->type, indent);
		xi_out_puts(p->o, ";\n");
	}
}

/* --- Declarations --------------------------------------------------------- */

static void put_variants(struct xprinter *p, const struct xi_decl *d)
{
	for (const struct xi_variant *v = d->variants; v; v = v->next) {
		put_doc(p, v->doc, XIDL_INDENT, "///");
		put_attr_lines(p, xi_attrs_of_variant(&p->ctx->arena, v), XIDL_INDENT);
		struct xi_strbuf sb = XI_STRBUF_INIT;
		xi_print_expr(&sb, v->value);
		if (v->value_hi) {
			xi_sb_adds(&sb, "..");
			xi_print_expr(&sb, v->value_hi);
		}
		xi_out_indent(p->o, XIDL_INDENT);
		xi_out_printf(p->o, "%s = %s,\n", v->name, xi_sb_str(&sb));
		xi_sb_free(&sb);
	}
}

static void put_decl(struct xprinter *p, const struct xi_decl *d)
{
	put_doc(p, d->doc, 0, "///");
	put_attr_lines(p, xi_attrs_of_decl(&p->ctx->arena, d), 0);
	struct xi_out *o = p->o;
	switch (d->kind) {
	case XI_DECL_CONST: {
		struct xi_strbuf sb = XI_STRBUF_INIT;
		xi_print_expr(&sb, d->expr);
		xi_out_printf(o, "const %s: ", d->name);
		put_type(p, d->type, 0);
		xi_out_printf(o, " = %s;\n", xi_sb_str(&sb));
		xi_sb_free(&sb);
		return;
	}
	case XI_DECL_ALIAS:
		xi_out_printf(o, "type %s = ", d->name);
		put_type(p, d->type, 0);
		xi_out_puts(o, ";\n");
		return;
	case XI_DECL_ENUM:
	case XI_DECL_BITMAP:
		xi_out_printf(o, "%s %s : ", d->kind == XI_DECL_ENUM ? "enum" : "bitmap", d->name);
		put_type(p, d->type, 0);
		xi_out_puts(o, " {\n");
		put_variants(p, d);
		xi_out_puts(o, "}\n");
		return;
	case XI_DECL_STRUCT:
	case XI_DECL_UNION:
		xi_out_printf(o, "%s %s {\n", d->kind == XI_DECL_UNION ? "union" : "struct", d->name);
		put_members(p, d->agg->members, XIDL_INDENT, false);
		xi_out_puts(o, "}\n");
		return;
	}
}

void xi_print_xidl(struct xi_ctx *ctx, const struct xi_module *m,
		   const char *(*rename)(struct xi_ctx *, const char *), struct xi_out *o)
{
	struct xprinter p = { ctx, o, rename };
	bool blank = false;
	if (m->doc) {
		put_doc(&p, m->doc, 0, "//!");
		blank = true;
	}
	if (m->imports && blank)
		xi_out_putc(o, '\n');
	for (const struct xi_import *im = m->imports; im; im = im->next) {
		struct xi_strbuf sb = XI_STRBUF_INIT;
		put_string(&sb, rename(ctx, im->path));
		xi_out_printf(o, "import %s%s;\n", im->is_arch ? "arch " : "", xi_sb_str(&sb));
		xi_sb_free(&sb);
		blank = true;
	}
	for (const struct xi_decl *d = m->decls, *prev = NULL; d; prev = d, d = d->next) {
		/* A run of constants stays together; the rest is a blank line apart. */
		if (blank && !(prev && prev->kind == XI_DECL_CONST && d->kind == XI_DECL_CONST))
			xi_out_putc(o, '\n');
		put_decl(&p, d);
		blank = true;
	}
}
