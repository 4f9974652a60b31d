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
 * Besides, it keeps what the author wrote (doc/idl.md, "Formatting"):
 *   - every comment, in its slot (comments.h): a comment on a line of its
 *     own is written on a line of its own, at the indentation of what
 *     follows it; one that follows a token on its line ends the line
 *     that token is written on;
 *   - a blank line where the source had one or more, except after an
 *     opening brace and before a closing one;
 *   - integer literals as they were spelled (0x0018, 1_000, 0b101). */
#include <inttypes.h>
#include <string.h>

#include "attrs.h"
#include "cond.h"
#include "comments.h"
#include "convert.h"

#define XIDL_INDENT 4u

struct xprinter {
	struct xi_ctx *ctx;
	struct xi_out *o;
	const char *(*rename)(struct xi_ctx *, const char *);
	const struct xi_comments *cm;  /* the module's comments, or NULL */
	bool blank;                    /* a blank line goes before the next line */
	bool block_start;              /* after an opening brace: no blank line */
	struct xi_strbuf trail;        /* comments that end the current line */
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

/* `spell`: the context whose sources give integer literals as written;
 * NULL: in the canonical spelling. */
static void print_expr(struct xi_strbuf *sb, const struct xi_expr *e, int min, struct xi_ctx *spell)
{
	switch (e->kind) {
	case XI_EXPR_INT: {
		size_t len;
		const char *as_written = spell ? xi_int_spelling(spell, e, &len) : NULL;
		if (as_written)
			xi_sb_addn(sb, as_written, len);
		else if (e->hex)
			xi_sb_printf(sb, "0x%" PRIX64 "%s", e->lit.mag, xi_lit_suffix_text(e->suffix));
		else
			xi_sb_printf(sb, "%" PRIu64 "%s", e->lit.mag, xi_lit_suffix_text(e->suffix));
		return;
	}
	case XI_EXPR_NAME:
	case XI_EXPR_PARAM:
		xi_sb_adds(sb, e->name);
		return;
	case XI_EXPR_CALL:
		/* `F(a, b)`, or a conversion `u32(x)` */
		xi_sb_printf(sb, "%s(", e->a->name);
		for (const struct xi_expr *a = e->b; a; a = a->b) {
			print_expr(sb, a->a, 0, spell);
			if (a->b)
				xi_sb_adds(sb, ", ");
		}
		xi_sb_addc(sb, ')');
		return;
	case XI_EXPR_ARG:
		return;
	case XI_EXPR_SIZEOF:
	case XI_EXPR_ALIGNOF:
		/* the type is a name (parser.y, spec_expr.c) */
		xi_sb_printf(sb, "%s(%s)", e->kind == XI_EXPR_SIZEOF ? "sizeof" : "alignof",
			     e->type->kind == XI_TYPE_PRIM ? xi_prims[e->type->prim].name
			     : e->type->kind == XI_TYPE_VOID ? "void" : e->type->u.ref.name);
		return;
	case XI_EXPR_UNARY:
		xi_sb_adds(sb, op_text(e->op));
		print_expr(sb, e->a, PREC_UNARY, spell);
		return;
	case XI_EXPR_BINARY: {
		int p = precedence(e->op);
		bool parens = p < min;
		if (parens)
			xi_sb_addc(sb, '(');
		print_expr(sb, e->a, p, spell);
		xi_sb_printf(sb, " %s ", op_text(e->op));
		/* Operators are left-associative: a right operand of the same
		 * precedence was parenthesized. */
		print_expr(sb, e->b, p + 1, spell);
		if (parens)
			xi_sb_addc(sb, ')');
		return;
	}
	}
}

void xi_print_expr(struct xi_strbuf *sb, const struct xi_expr *e)
{
	print_expr(sb, e, 0, NULL);
}

void xi_print_expr_as_written(struct xi_ctx *ctx, struct xi_strbuf *sb, const struct xi_expr *e)
{
	print_expr(sb, e, 0, ctx);
}

/* --- Lines and comments --------------------------------------------------- */

static void begin_line(struct xprinter *p, unsigned indent)
{
	if (p->blank && !p->block_start)
		xi_out_putc(p->o, '\n');
	p->blank = p->block_start = false;
	xi_out_indent(p->o, indent);
}

static void end_line(struct xprinter *p)
{
	if (p->trail.len)
		xi_out_write(p->o, p->trail.data, p->trail.len);
	xi_sb_reset(&p->trail);
	xi_out_putc(p->o, '\n');
}

/* After an opening brace. */
static void open_block(struct xprinter *p)
{
	p->block_start = true;
	p->blank = false;
}

static const struct xi_cmt_node *slots(const struct xprinter *p, const void *node)
{
	return xi_comments_find(p->cm, node);
}

/* Comments on lines of their own, before a line at `indent`. */
static void put_comments(struct xprinter *p, const struct xi_cmt_list *l, unsigned indent,
			 bool may_be_doc)
{
	for (unsigned i = 0; i < l->n; i++) {
		struct xi_comment *c = (struct xi_comment *)l->v[i];
		c->printed = true;
		if (c->dropped)
			continue;
		if (c->blank_before)
			p->blank = true;
		begin_line(p, indent);
		xi_out_puts(p->o, xi_comment_xidl(&p->ctx->arena, c, may_be_doc));
		end_line(p);
	}
}

/* Comments that end the line being written. */
static void add_trail(struct xprinter *p, const struct xi_cmt_list *l)
{
	for (unsigned i = 0; i < l->n; i++) {
		struct xi_comment *c = (struct xi_comment *)l->v[i];
		c->printed = true;
		if (c->dropped)
			continue;
		xi_sb_addc(&p->trail, ' ');
		xi_sb_adds(&p->trail, xi_comment_xidl(&p->ctx->arena, c, false));
	}
}

static void put_doc(struct xprinter *p, const char *doc, unsigned indent, const char *marker)
{
	if (!doc)
		return;
	for (const char *s = doc;;) {
		const char *nl = strchr(s, '\n');
		size_t n = nl ? (size_t)(nl - s) : strlen(s);
		/* What a doc comment cannot hold (convert refuses it, or with
		 * --lossy drops it). */
		while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
			n--;
		begin_line(p, indent);
		xi_out_puts(p->o, marker);
		if (n) {
			xi_out_putc(p->o, ' ');
			xi_out_write(p->o, s, n);
		}
		end_line(p);
		if (!nl)
			break;
		s = nl + 1;
	}
}

/* What goes before an item's first line: the comments before its doc, its
 * doc, the comments after it. */
static void put_lead(struct xprinter *p, const struct xi_cmt_node *n, const char *doc,
		     unsigned indent)
{
	if (n) {
		put_comments(p, &n->before_doc, indent, false);
		if (n->blank_before)
			p->blank = true;
	}
	put_doc(p, doc, indent, "///");
	if (n && n->after_doc.n) {
		put_comments(p, &n->after_doc, indent, false);
		if (n->blank_before_start)
			p->blank = true;
	}
}

/* The end of a block: its last comments, at the block's indentation, and
 * the closing brace (whose line the caller ends). */
static void close_block(struct xprinter *p, const struct xi_cmt_node *n, unsigned indent)
{
	if (n)
		put_comments(p, &n->inner_end, indent + XIDL_INDENT, true);
	p->block_start = false;
	p->blank = false;
	begin_line(p, indent);
	xi_out_putc(p->o, '}');
	if (n)
		add_trail(p, &n->close_trail);
}

/* --- Pieces --------------------------------------------------------------- */

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

static void attr_text(struct xprinter *p, struct xi_strbuf *sb, const struct xi_attr *a)
{
	xi_sb_printf(sb, "@%s", a->name);
	if (a->arg_kind == XI_ATTR_ARG_STRING) {
		xi_sb_addc(sb, '(');
		put_string(sb, a->str);
		xi_sb_addc(sb, ')');
	} else if (a->arg_kind == XI_ATTR_ARG_EXPR) {
		xi_sb_addc(sb, '(');
		xi_print_expr_as_written(p->ctx, sb, a->expr);
		xi_sb_addc(sb, ')');
	} else if (a->arg_kind == XI_ATTR_ARG_COND && a->cond) {
		xi_sb_addc(sb, '(');
		xi_cond_text(sb, a->cond);
		if (a->str) { /* @c_name_if(xen, "guest_user_regs") */
			xi_sb_adds(sb, ", ");
			put_string(sb, a->str);
		}
		xi_sb_addc(sb, ')');
	}
}

static void put_expr(struct xprinter *p, const struct xi_expr *e)
{
	struct xi_strbuf sb = XI_STRBUF_INIT;
	xi_print_expr_as_written(p->ctx, &sb, e);
	xi_out_write(p->o, sb.data, sb.len);
	xi_sb_free(&sb);
}

/* Attributes each on a line of their own. */
static void put_attr_lines(struct xprinter *p, const struct xi_attr *a, unsigned indent)
{
	for (; a; a = a->next) {
		struct xi_strbuf sb = XI_STRBUF_INIT;
		attr_text(p, &sb, a);
		begin_line(p, indent);
		xi_out_puts(p->o, xi_sb_str(&sb));
		end_line(p);
		xi_sb_free(&sb);
	}
}

/* --- Types ---------------------------------------------------------------- */

static void put_members(struct xprinter *p, const struct xi_member *m, unsigned indent,
			bool arms);

/* A type; inline aggregates span lines, their closing brace at `indent`
 * (and the line of the closing brace is left for the caller to end). */
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
			xi_out_putc(p->o, '[');
			if (a->u.array.len)     /* else a flexible array: T[] */
				put_expr(p, a->u.array.len);
			xi_out_putc(p->o, ']');
		}
		return;
	}
	case XI_TYPE_HANDLE:
	case XI_TYPE_NATIVE_HANDLE:
	case XI_TYPE_PTR:
		xi_out_puts(p->o, t->kind == XI_TYPE_HANDLE ? "handle<"
				  : t->kind == XI_TYPE_PTR ? "ptr<" : "native_handle<");
		if (t->target_const)
			xi_out_puts(p->o, "const ");
		put_type(p, t->u.target, indent);
		xi_out_putc(p->o, '>');
		return;
	case XI_TYPE_AGG: {
		const struct xi_agg *agg = t->u.agg;
		const struct xi_cmt_node *n = slots(p, agg);
		if (agg->tag_name)
			xi_out_printf(p->o, "union switch (%s) {", agg->tag_name);
		else
			xi_out_printf(p->o, "%s {", agg->is_union ? "union" : "struct");
		if (n)
			add_trail(p, &n->head_trail);
		end_line(p);
		open_block(p);
		put_members(p, agg->members, indent + XIDL_INDENT, agg->tag_name != NULL);
		close_block(p, n, indent);
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
		const struct xi_cmt_node *n = slots(p, m);
		put_lead(p, n, m->doc, indent);
		begin_line(p, indent);
		if (n)
			add_trail(p, &n->trail);
		const struct xi_attr *attrs = xi_attrs_of_member(&p->ctx->arena, m,
								 xi_member_cond(p->ctx, m),
								 xi_member_alias(p->ctx, m));
		for (const struct xi_attr *a = attrs; a; a = a->next) {
			struct xi_strbuf sb = XI_STRBUF_INIT;
			attr_text(p, &sb, a);
			xi_out_printf(p->o, "%s ", xi_sb_str(&sb));
			xi_sb_free(&sb);
		}
		if (arms && m->is_default_arm) {
			xi_out_puts(p->o, "_ => ");
		} else if (arms) {
			for (const struct xi_arm_label *l = m->labels; l; l = l->next) {
				put_expr(p, l->expr);
				xi_out_puts(p->o, l->next ? ", " : " => ");
			}
		}
		/* an anonymous member is its type alone */
		if (!(m->flags & XI_MEMBER_ANONYMOUS))
			xi_out_printf(p->o, "%s: ", m->name);
		put_type(p, m->type, indent);
		if (m->is_bitfield)
			xi_out_printf(p->o, " : %u", (unsigned)m->bit_width);
		xi_out_putc(p->o, ';');
		end_line(p);
	}
}

/* --- Declarations --------------------------------------------------------- */

static void put_variants(struct xprinter *p, const struct xi_decl *d)
{
	for (const struct xi_variant *v = d->variants; v; v = v->next) {
		const struct xi_cmt_node *n = slots(p, v);
		put_lead(p, n, v->doc, XIDL_INDENT);
		put_attr_lines(p, xi_attrs_of_variant(&p->ctx->arena, v), XIDL_INDENT);
		begin_line(p, XIDL_INDENT);
		if (n)
			add_trail(p, &n->trail);
		xi_out_printf(p->o, "%s = ", v->name);
		put_expr(p, v->value);
		if (v->value_hi) {
			xi_out_puts(p->o, "..");
			put_expr(p, v->value_hi);
		}
		xi_out_putc(p->o, ',');
		end_line(p);
	}
}

static void put_decl(struct xprinter *p, const struct xi_decl *d)
{
	const struct xi_cmt_node *n = slots(p, d);
	put_lead(p, n, d->doc, 0);
	put_attr_lines(p, xi_attrs_of_decl(&p->ctx->arena, d), 0);
	struct xi_out *o = p->o;
	begin_line(p, 0);
	if (n)
		add_trail(p, &n->trail);
	switch (d->kind) {
	case XI_DECL_CONST:
		xi_out_printf(o, "const %s", d->name);
		if (d->parameterised) {
			xi_out_putc(o, '(');
			for (const struct xi_param *q = d->params; q; q = q->next) {
				xi_out_printf(o, "%s%s: ", q == d->params ? "" : ", ", q->name);
				put_type(p, q->type, 0);
			}
			xi_out_putc(o, ')');
		}
		if (!d->const_alias) {
			xi_out_puts(o, ": ");
			put_type(p, d->type, 0);
		}
		xi_out_puts(o, " = ");
		if (d->str_parts) {
			struct xi_strbuf sb = XI_STRBUF_INIT;
			for (const struct xi_str_part *s = d->str_parts; s; s = s->next) {
				if (s != d->str_parts)
					xi_sb_addc(&sb, ' ');
				if (s->text)
					put_string(&sb, s->text);
				else
					xi_sb_adds(&sb, s->name);
			}
			xi_out_puts(o, xi_sb_str(&sb));
			xi_sb_free(&sb);
		} else {
			put_expr(p, d->expr);
		}
		xi_out_putc(o, ';');
		end_line(p);
		return;
	case XI_DECL_ALIAS:
		xi_out_printf(o, "type %s = ", d->name);
		put_type(p, d->type, 0);
		xi_out_putc(o, ';');
		end_line(p);
		return;
	case XI_DECL_ENUM:
	case XI_DECL_BITMAP:
		xi_out_printf(o, "%s %s : ", d->kind == XI_DECL_ENUM ? "enum" : "bitmap", d->name);
		put_type(p, d->type, 0);
		xi_out_puts(o, " {");
		if (n)
			add_trail(p, &n->head_trail);
		end_line(p);
		open_block(p);
		put_variants(p, d);
		close_block(p, n, 0);
		end_line(p);
		return;
	case XI_DECL_STRUCT:
	case XI_DECL_UNION:
		xi_out_printf(o, "%s %s {", d->kind == XI_DECL_UNION ? "union" : "struct", d->name);
		if (n)
			add_trail(p, &n->head_trail);
		end_line(p);
		open_block(p);
		put_members(p, d->agg->members, XIDL_INDENT, false);
		close_block(p, n, 0);
		end_line(p);
		return;
	}
}

void xi_print_xidl(struct xi_ctx *ctx, const struct xi_module *m,
		   const char *(*rename)(struct xi_ctx *, const char *), struct xi_out *o)
{
	struct xprinter p = { ctx, o, rename, m->comments, false, true, XI_STRBUF_INIT };
	const struct xi_comments *cm = m->comments;
	if (cm) {
		put_comments(&p, &cm->head, 0, false);
		/* Without a doc, a blank line ended the comments at the top. */
		if (cm->head.n && (!m->doc || cm->blank_before_doc))
			p.blank = true;
	}
	/* Something is written: the next item is a blank line apart. */
	bool any = false;
	if (m->doc) {
		put_doc(&p, m->doc, 0, "//!");
		any = true;
	}
	/* The file attributes are one block, with no blank line between
	 * them. */
	if (any && (m->spdx || m->c_guard || m->tools_only || m->c_prelude || m->c_prelude_hvm_save ||
		    m->c_handles))
		xi_out_putc(o, '\n');
	if (m->spdx) {
		struct xi_strbuf sb = XI_STRBUF_INIT;
		put_string(&sb, m->spdx);
		xi_out_printf(o, "@!spdx(%s)\n", xi_sb_str(&sb));
		xi_sb_free(&sb);
		any = true;
	}
	if (m->c_guard) {
		xi_out_printf(o, "@!c_guard(\"%s\")\n", m->c_guard);
		any = true;
	}
	if (m->tools_only) {
		xi_out_puts(o, "@!if(tools)\n");
		any = true;
	}
	if (m->c_prelude) {
		xi_out_puts(o, m->c_prelude_version ? "@!c_prelude(version)\n" : "@!c_prelude\n");
		any = true;
	}
	if (m->c_prelude_hvm_save) {
		xi_out_puts(o, "@!c_prelude(hvm_save)\n");
		any = true;
	}
	for (const struct xi_c_handle_of *h = m->c_handles; h; h = h->next) {
		xi_out_printf(o, "@!c_handle(%s)\n", h->name);
		any = true;
	}
	for (const struct xi_import *im = m->imports; im; im = im->next) {
		const struct xi_cmt_node *n = slots(&p, im);
		if (any && im == m->imports)
			p.blank = true;
		put_lead(&p, n, NULL, 0);
		begin_line(&p, 0);
		if (n)
			add_trail(&p, &n->trail);
		struct xi_strbuf sb = XI_STRBUF_INIT;
		if (im->is_map) {
			/* One file a line, as written. */
			xi_out_puts(o, "import arch {");
			end_line(&p);
			for (const struct xi_import_file *e = im->files; e; e = e->next) {
				xi_sb_reset(&sb);
				if (e->none)
					xi_sb_adds(&sb, "none");
				else
					put_string(&sb, rename(ctx, e->path));
				begin_line(&p, 4);
				xi_out_printf(o, "%s: %s,", e->key, xi_sb_str(&sb));
				end_line(&p);
			}
			begin_line(&p, 0);
			xi_out_puts(o, "};");
		} else {
			put_string(&sb, rename(ctx, im->path));
			xi_out_printf(o, "import %s%s;", im->is_arch ? "arch " : "", xi_sb_str(&sb));
		}
		xi_sb_free(&sb);
		end_line(&p);
		any = true;
	}
	for (const struct xi_decl *d = m->decls, *prev = NULL; d; prev = d, d = d->next) {
		/* A run of constants stays together; the rest is a blank line apart. */
		if (any && !(prev && prev->kind == XI_DECL_CONST && d->kind == XI_DECL_CONST))
			p.blank = true;
		put_decl(&p, d);
		any = true;
	}
	if (cm)
		put_comments(&p, &cm->eof, 0, true);
	xi_sb_free(&p.trail);
}
