/* One module file of the Rust crate: constants, aliases, enums, bitmaps,
 * structs and unions, in the module's dependency order, each aggregate
 * followed by the inline aggregates it holds. */
#include "emit_rust.h"

#include <stdlib.h>
#include <string.h>

/* --- Small writers ------------------------------------------------------- */

static void line(struct rgen *g, unsigned indent, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void line(struct rgen *g, unsigned indent, const char *fmt, ...)
{
	va_list ap;
	xi_out_indent(g->out, indent);
	va_start(ap, fmt);
	xi_out_vprintf(g->out, fmt, ap);
	va_end(ap);
	xi_out_putc(g->out, '\n');
}

/* Fixed lines, written as they are: each with its indentation and
 * newline. */
static void text(struct rgen *g, const char *lines)
{
	xi_out_puts(g->out, lines);
}

static void blank(struct rgen *g)
{
	xi_out_putc(g->out, '\n');
}

static void cfg_attr(struct rgen *g, unsigned indent, const char *pred)
{
	xi_out_puts(g->out, xi_rust_cfg_attr(g->arena, indent, pred));
}

/* One arm of a match, `PAT => EXPR,`, or in a block when that is wider than
 * the line (as rustfmt writes it). */
static void match_arm(struct rgen *g, unsigned indent, const char *pat, const char *expr)
{
	if (indent + strlen(pat) + strlen(expr) + 5 <= RUST_MAX_WIDTH) {
		line(g, indent, "%s => %s,", pat, expr);
		return;
	}
	line(g, indent, "%s => {", pat);
	line(g, indent + RUST_INDENT, "%s", expr);
	line(g, indent, "}");
}

/* A function signature: on one line when it fits, else one parameter per
 * line (rustfmt's layout). params are "name: Type" strings. */
static void fn_sig_end(struct rgen *g, unsigned indent, const char *head, const char *const *params,
		       unsigned nparams, const char *ret, const char *end)
{
	struct xi_strbuf sb = XI_STRBUF_INIT;
	xi_sb_adds(&sb, head);
	xi_sb_addc(&sb, '(');
	for (unsigned i = 0; i < nparams; i++) {
		if (i)
			xi_sb_adds(&sb, ", ");
		xi_sb_adds(&sb, params[i]);
	}
	xi_sb_addc(&sb, ')');
	if (ret) {
		xi_sb_adds(&sb, " -> ");
		xi_sb_adds(&sb, ret);
	}
	xi_sb_adds(&sb, end);
	if (indent + sb.len <= RUST_MAX_WIDTH) {
		line(g, indent, "%s", xi_sb_str(&sb));
	} else {
		line(g, indent, "%s(", head);
		for (unsigned i = 0; i < nparams; i++)
			line(g, indent + RUST_INDENT, "%s,", params[i]);
		line(g, indent, ")%s%s%s", ret ? " -> " : "", ret ? ret : "", end);
	}
	xi_sb_free(&sb);
}

static void fn_sig(struct rgen *g, unsigned indent, const char *head, const char *const *params,
		   unsigned nparams, const char *ret)
{
	fn_sig_end(g, indent, head, params, nparams, ret, " {");
}

static const char *prim_name(enum xi_prim p)
{
	static const char *const names[XI_PRIM_COUNT] = {
		[XI_PRIM_U8] = "u8", [XI_PRIM_U16] = "u16", [XI_PRIM_U32] = "u32",
		[XI_PRIM_U64] = "u64", [XI_PRIM_I8] = "i8", [XI_PRIM_I16] = "i16",
		[XI_PRIM_I32] = "i32", [XI_PRIM_I64] = "i64", [XI_PRIM_CHAR] = "u8",
		[XI_PRIM_NATIVE_U64] = "u64", [XI_PRIM_NATIVE_I64] = "i64",
		XI_RUST_C_PRIM_NAMES
	};
	return names[p];
}

/* A `#[repr(...)]` takes only Rust's own integers: C's fixed-size ones
 * (the only C types an enum may be backed by) become the Rust integer of
 * their size and sign. */
static const char *repr_prim_name(enum xi_prim p)
{
	static const char *const fixed[XI_PRIM_COUNT] = {
		[XI_PRIM_C_SCHAR] = "i8", [XI_PRIM_C_UCHAR] = "u8", [XI_PRIM_C_SHORT] = "i16",
		[XI_PRIM_C_USHORT] = "u16", [XI_PRIM_C_INT] = "i32", [XI_PRIM_C_UINT] = "u32",
	};
	return fixed[p] ? fixed[p] : prim_name(p);
}

/* Emit per-ABI variants of an item: each group under its cfg. */
static void emit_per_abi(struct rgen *g, unsigned indent, const char *doc, const char **texts)
{
	struct xi_abi_group groups[XI_ABI_COUNT];
	unsigned n = xi_abi_group_by_text(groups, g->abis, texts);
	for (unsigned i = 0; i < n; i++) {
		if (!*groups[i].text)
			continue; /* absent on these ABIs */
		xi_rust_doc(g->out, indent, doc, false);
		const char *pred = xi_rust_cfg(g->arena, groups[i].abis, g->abis);
		if (pred)
			cfg_attr(g, indent, pred);
		xi_out_puts(g->out, groups[i].text);
	}
}

/* --- Constants and aliases ------------------------------------------------- */

static bool const_is_hex(const struct xi_decl *d)
{
	const struct xi_expr *e = d->expr;
	if (e->kind == XI_EXPR_INT)
		return e->hex;
	/* A computed value is shown in hex when its first operand was. */
	while ((e->kind == XI_EXPR_UNARY || e->kind == XI_EXPR_BINARY) && e->a)
		e = e->a;
	if (e->kind == XI_EXPR_INT)
		return e->hex;
	return e->kind == XI_EXPR_NAME && e->ref && e->ref->expr && e->ref->expr->kind == XI_EXPR_INT &&
	       e->ref->expr->hex;
}

/* A Rust string literal of a string constant's value. */
static const char *rust_string(struct rgen *g, const char *s)
{
	struct xi_strbuf sb = XI_STRBUF_INIT;
	xi_sb_addc(&sb, '"');
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\')
			xi_sb_printf(&sb, "\\%c", c);
		else if (c == '\n')
			xi_sb_adds(&sb, "\\n");
		else if (c == '\t')
			xi_sb_adds(&sb, "\\t");
		else if (c < 0x20 || c == 0x7f)
			xi_sb_printf(&sb, "\\x%02x", c);
		else
			xi_sb_addc(&sb, (char)c);
	}
	xi_sb_addc(&sb, '"');
	const char *r = xi_strdup(g->arena, xi_sb_str(&sb));
	xi_sb_free(&sb);
	return r;
}

/* A constant by its Rust path from the module being written. */
static const char *const_path(struct rgen *g, const struct xi_decl *c)
{
	return c->module == g->module ? xi_rust_ident(g->arena, c->name)
	       : xi_aprintf(g->arena, "crate::%s::%s", xi_rust_module_path(g->arena, c->module, true),
			    xi_rust_ident(g->arena, c->name));
}

/* A parameterised constant's body in Rust, each node of the type the
 * resolver gave it (xi_expr.prim): literals typed (`1u32`, `(1 as
 * core::ffi::c_uint)`), + - * and negation wrapping, as C's unsigned
 * arithmetic wraps, a conversion as `as`. */
static void put_rust_fn_body(struct rgen *g, struct xi_strbuf *sb, const struct xi_expr *e);

/* The same without its outer parentheses, where Rust needs none (the
 * body, an argument): rustc warns of unused ones. */
static void put_rust_unparenthesised(struct rgen *g, struct xi_strbuf *sb, const struct xi_expr *e)
{
	size_t start = sb->len;
	put_rust_fn_body(g, sb, e);
	bool wrapped = e->kind == XI_EXPR_BINARY || (e->kind == XI_EXPR_UNARY && e->op != XI_OP_PLUS) ||
		       (e->kind == XI_EXPR_CALL && !e->a->ref) ||
		       (e->kind == XI_EXPR_INT && xi_prim_is_c(e->prim));
	if (wrapped && sb->len - start >= 2 && sb->data[start] == '(') {
		memmove(sb->data + start, sb->data + start + 1, sb->len - start - 2);
		sb->len -= 2;
		sb->data[sb->len] = '\0';
	}
}

static void put_rust_fn_body(struct rgen *g, struct xi_strbuf *sb, const struct xi_expr *e)
{
	static const char *const wrapping[] = {
		[XI_OP_ADD] = "wrapping_add", [XI_OP_SUB] = "wrapping_sub", [XI_OP_MUL] = "wrapping_mul",
	};
	static const char *const ops[] = {
		[XI_OP_DIV] = "/", [XI_OP_MOD] = "%", [XI_OP_SHL] = "<<", [XI_OP_SHR] = ">>",
		[XI_OP_AND] = "&", [XI_OP_OR] = "|", [XI_OP_XOR] = "^",
	};
	switch (e->kind) {
	case XI_EXPR_INT: {
		const char *digits = xi_rust_int(g->arena, e->lit, e->hex);
		if (xi_prim_is_c(e->prim))
			xi_sb_printf(sb, "(%s as %s)", digits, prim_name(e->prim));
		else
			xi_sb_printf(sb, "%s%s", digits, prim_name(e->prim));
		return;
	}
	case XI_EXPR_PARAM:
		xi_sb_adds(sb, xi_rust_ident(g->arena, e->name));
		return;
	case XI_EXPR_NAME:
		xi_sb_adds(sb, const_path(g, e->ref));
		return;
	case XI_EXPR_UNARY:
		if (e->op == XI_OP_PLUS) {
			put_rust_fn_body(g, sb, e->a);
			return;
		}
		xi_sb_addc(sb, '(');
		if (e->op == XI_OP_NOT)
			xi_sb_addc(sb, '!');
		put_rust_fn_body(g, sb, e->a);
		xi_sb_adds(sb, e->op == XI_OP_NEG ? ".wrapping_neg())" : ")");
		return;
	case XI_EXPR_BINARY:
		xi_sb_addc(sb, '(');
		put_rust_fn_body(g, sb, e->a);
		if (e->op == XI_OP_ADD || e->op == XI_OP_SUB || e->op == XI_OP_MUL) {
			xi_sb_printf(sb, ".%s(", wrapping[e->op]);
			put_rust_unparenthesised(g, sb, e->b);
			xi_sb_adds(sb, "))");
			return;
		}
		xi_sb_printf(sb, " %s ", ops[e->op]);
		put_rust_fn_body(g, sb, e->b);
		xi_sb_addc(sb, ')');
		return;
	case XI_EXPR_CALL:
		if (!e->a->ref) {
			xi_sb_addc(sb, '(');
			put_rust_fn_body(g, sb, e->b->a);
			xi_sb_printf(sb, " as %s)", prim_name(e->a->prim));
			return;
		}
		xi_sb_printf(sb, "%s(", const_path(g, e->a->ref));
		for (const struct xi_expr *a = e->b; a; a = a->b) {
			put_rust_unparenthesised(g, sb, a->a);
			if (a->b)
				xi_sb_adds(sb, ", ");
		}
		xi_sb_addc(sb, ')');
		return;
	default:
		return;
	}
}

/* `const F(x: u32): u32 = ...;`: a const fn of C's function-like macro. */
static void emit_fn_const(struct rgen *g, const struct xi_decl *d)
{
	struct xi_strbuf sb = XI_STRBUF_INIT;
	for (const struct xi_param *q = d->params; q; q = q->next)
		xi_sb_printf(&sb, "%s%s: %s", q == d->params ? "" : ", ",
			     xi_rust_ident(g->arena, q->name), xi_rust_type(g, q->type, -1));
	xi_rust_doc(g->out, 0, d->doc, false);
	/* As C writes it: casts that may be no-ops, a rotation by shifts, an
	 * operation that may be the identity for some literal. */
	line(g, 0, "#[allow(non_snake_case)]");
	line(g, 0, "#[allow(clippy::unnecessary_cast, clippy::manual_rotate, clippy::identity_op)]");
	line(g, 0, "#[inline]");
	line(g, 0, "pub const fn %s(%s) -> %s {", xi_rust_ident(g->arena, d->name), xi_sb_str(&sb),
	     xi_rust_type(g, d->type, -1));
	xi_sb_reset(&sb);
	put_rust_unparenthesised(g, &sb, d->expr);
	line(g, 4, "%s", xi_sb_str(&sb));
	line(g, 0, "}");
	xi_sb_free(&sb);
}

static void emit_const(struct rgen *g, const struct xi_decl *d)
{
	if (xi_decl_is_string(d)) {
		/* The text, without C's NUL: a &str, as Rust writes strings. */
		xi_rust_doc(g->out, 0, d->doc, false);
		if (!xi_rust_is_upper(d->name))
			line(g, 0, "#[allow(non_upper_case_globals)]");
		line(g, 0, "pub const %s: &str = %s;", xi_rust_ident(g->arena, d->name),
		     rust_string(g, d->str_value ? d->str_value : ""));
		return;
	}
	if (d->parameterised) {
		emit_fn_const(g, d);
		return;
	}
	if (d->abi_value) {
		/* sizeof or alignof: each target's value, under its cfg */
		const char *texts[XI_ABI_COUNT];
		XI_FOR_EACH_ABI(a, g->abis)
			texts[a] = xi_aprintf(g->arena, "%spub const %s: %s = %s;\n",
					      xi_rust_is_upper(d->name) ? ""
					      : "#[allow(non_upper_case_globals)]\n",
					      xi_rust_ident(g->arena, d->name), xi_rust_type(g, d->type, -1),
					      xi_rust_int(g->arena, d->abi_value[a], const_is_hex(d)));
		emit_per_abi(g, 0, d->doc, texts);
		return;
	}
	xi_rust_doc(g->out, 0, d->doc, false);
	if (!xi_rust_is_upper(d->name))
		line(g, 0, "#[allow(non_upper_case_globals)]");
	line(g, 0, "pub const %s: %s = %s;", xi_rust_ident(g->arena, d->name),
	     xi_rust_type(g, d->type, -1), xi_rust_int(g->arena, d->value, const_is_hex(d)));
	if (d->hvm_save_decl) {
		/* the record's typecode, on its data type */
		line(g, 0, "impl crate::HvmSaveRecord for %s {", xi_rust_decl_name(g, d->hvm_save_decl));
		line(g, 4, "const CODE: u16 = %s;", xi_rust_ident(g->arena, d->name));
		line(g, 0, "}");
	}
}

static void emit_alias(struct rgen *g, const struct xi_decl *d)
{
	const char *name = xi_rust_decl_name(g, d);
	if (!xi_rust_type_varies(g, d->type)) {
		xi_rust_doc(g->out, 0, d->doc, false);
		line(g, 0, "pub type %s = %s;", name, xi_rust_type(g, d->type, xi_rust_first_abi(g)));
		return;
	}
	const char *texts[XI_ABI_COUNT];
	XI_FOR_EACH_ABI(a, g->abis)
		texts[a] = xi_aprintf(g->arena, "pub type %s = %s;\n", name, xi_rust_type(g, d->type, a));
	emit_per_abi(g, 0, d->doc, texts);
}

/* --- Enums ------------------------------------------------------------------ */

static bool variant_hex(const struct xi_variant *v)
{
	return v->value && v->value->kind == XI_EXPR_INT && v->value->hex;
}

static void emit_enum(struct rgen *g, const struct xi_decl *d)
{
	const char *name = xi_rust_decl_name(g, d);
	const char *prim = prim_name(d->backing);
	xi_rust_doc(g->out, 0, d->doc, false);
	if (d->doc)
		line(g, 0, "///");
	line(g, 0, "/// Any value of the backing integer is representable; [`%sKind`]", name);
	text(g, "/// holds only the declared ones, for exhaustive `match`.\n"
	        "#[repr(transparent)]\n"
	        "#[derive(Clone, Copy, Default, PartialEq, Eq, Hash)]\n");
	line(g, 0, "pub struct %s(pub %s);", name, prim);
	blank(g);
	line(g, 0, "impl %s {", name);
	for (const struct xi_variant *v = d->variants; v; v = v->next) {
		xi_rust_doc(g->out, 4, v->doc, false);
		line(g, 4, "pub const %s: Self = Self(%s);", xi_rust_upper(g->arena, v->name),
		     xi_rust_int(g->arena, v->v, variant_hex(v)));
	}
	if (d->variants)
		blank(g);
	line(g, 4, "/// The variant's name in the interface, if the value is a declared one.");
	line(g, 4, "pub const fn name(self) -> Option<&'static str> {");
	if (d->variants) {
		line(g, 8, "match self {");
		for (const struct xi_variant *v = d->variants; v; v = v->next)
			match_arm(g, 12, xi_aprintf(g->arena, "Self::%s", xi_rust_upper(g->arena, v->name)),
				  xi_aprintf(g->arena, "Some(\"%s\")", v->name));
		line(g, 12, "_ => None,");
		line(g, 8, "}");
	} else {
		line(g, 8, "None");
	}
	text(g, "    }\n"
	        "\n"
	        "    /// Whether the value is a declared one.\n"
	        "    pub const fn is_known(self) -> bool {\n"
	        "        self.name().is_some()\n"
	        "    }\n"
	        "\n"
	        "    /// Checks that the value is a declared one.\n"
	        "    pub fn check(self) -> Result<(), crate::CheckError> {\n"
	        "        if self.is_known() {\n"
	        "            return Ok(());\n"
	        "        }\n"
	        "        let kind = crate::CheckErrorKind::UnknownValue;\n"
	        "        let value = crate::Value::value(self.0);\n");
	line(g, 8, "let e = crate::CheckError::new(kind, \"%s\", value);", d->name);
	text(g, "        Err(e)\n"
	        "    }\n"
	        "}\n"
	        "\n");
	line(g, 0, "impl fmt::Debug for %s {", name);
	line(g, 4, "fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {");
	line(g, 8, "const TY: &str = \"%s\";", name);
	text(g, "        let value = crate::Value::value(self.0);\n"
	        "        crate::fmt_enum(f, TY, self.name(), value)\n"
	        "    }\n"
	        "}\n"
	        "\n"
	        "// SAFETY: a transparent wrapper of an integer.\n");
	line(g, 0, "unsafe impl crate::Plain for %s {}", name);
	blank(g);

	/* The plain enum. */
	line(g, 0, "/// The declared values of [`%s`].", name);
	if (d->variants)
		line(g, 0, "#[repr(%s)]", repr_prim_name(d->backing));
	line(g, 0, "#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]");
	if (!d->variants) {
		line(g, 0, "pub enum %sKind {}", name);
	} else {
		line(g, 0, "pub enum %sKind {", name);
		for (const struct xi_variant *v = d->variants; v; v = v->next) {
			xi_rust_doc(g->out, 4, v->doc, false);
			line(g, 4, "%s = %s,", xi_rust_pascal(g->arena, v->name),
			     xi_rust_int(g->arena, v->v, variant_hex(v)));
		}
		line(g, 0, "}");
	}
	blank(g);
	line(g, 0, "impl TryFrom<%s> for %sKind {", name, name);
	line(g, 4, "type Error = %s;", name);
	blank(g);
	line(g, 4, "/// The declared value, or the value itself when it is not one.");
	fn_sig(g, 4, "fn try_from", (const char *[]){ xi_aprintf(g->arena, "v: %s", name) }, 1,
	       xi_aprintf(g->arena, "Result<Self, %s>", name));
	if (d->variants) {
		line(g, 8, "match v {");
		for (const struct xi_variant *v = d->variants; v; v = v->next)
			match_arm(g, 12,
				  xi_aprintf(g->arena, "%s::%s", name, xi_rust_upper(g->arena, v->name)),
				  xi_aprintf(g->arena, "Ok(Self::%s)", xi_rust_pascal(g->arena, v->name)));
		line(g, 12, "_ => Err(v),");
		line(g, 8, "}");
	} else {
		line(g, 8, "Err(v)");
	}
	text(g, "    }\n"
	        "}\n"
	        "\n");
	line(g, 0, "impl From<%sKind> for %s {", name, name);
	line(g, 4, "fn from(v: %sKind) -> Self {", name);
	if (d->variants)
		line(g, 8, "Self(v as %s)", prim);
	else
		line(g, 8, "match v {}");
	line(g, 4, "}");
	line(g, 0, "}");
}

/* --- Bitmaps ------------------------------------------------------------------ */

static uint64_t field_mask(const struct xi_variant *v)
{
	unsigned width = v->hi - v->lo + 1;
	return (width == 64 ? UINT64_MAX : ((UINT64_C(1) << width) - 1)) << v->lo;
}

static void emit_bitmap(struct rgen *g, const struct xi_decl *d)
{
	const char *name = xi_rust_decl_name(g, d);
	const char *prim = prim_name(d->backing);
	unsigned bits = xi_prims[d->backing].size * 8;
	uint64_t full = bits == 64 ? UINT64_MAX : (UINT64_C(1) << bits) - 1;
	uint64_t all = 0;
	for (const struct xi_variant *v = d->variants; v; v = v->next)
		all |= field_mask(v);

	xi_rust_doc(g->out, 0, d->doc, false);
	line(g, 0, "#[repr(transparent)]");
	line(g, 0, "#[derive(Clone, Copy, Default, PartialEq, Eq, Hash)]");
	line(g, 0, "pub struct %s(pub %s);", name, prim);
	blank(g);
	line(g, 0, "bitmap_ops!(%s);", name);
	blank(g);
	line(g, 0, "impl %s {", name);
	for (const struct xi_variant *v = d->variants; v; v = v->next) {
		const char *upper = xi_rust_upper(g->arena, v->name);
		if (!v->value_hi) {
			xi_rust_doc(g->out, 4, v->doc, false);
			if (v->lo)
				line(g, 4, "pub const %s: Self = Self(1 << %u);", upper, v->lo);
			else
				line(g, 4, "pub const %s: Self = Self(1);", upper);
			continue;
		}
		xi_rust_doc(g->out, 4, v->doc, false);
		if (v->doc)
			line(g, 4, "///");
		line(g, 4, "/// The mask of the field `%s`, bits %u to %u.", v->name, v->lo, v->hi);
		line(g, 4, "pub const %s_MASK: Self = Self(%#llx);", upper,
		     (unsigned long long)field_mask(v));
	}
	if (d->variants)
		blank(g);
	line(g, 4, "/// Every declared bit.");
	line(g, 4, "pub const %s: Self = Self(%#llx);", xi_rust_bitmap_all(g->arena, d),
	     (unsigned long long)all);
	line(g, 4, "/// No bit.");
	line(g, 4, "pub const %s: Self = Self(0);", xi_rust_bitmap_empty(g->arena, d));
	blank(g);
	line(g, 4, "/// The raw value.");
	line(g, 4, "pub const fn bits(self) -> %s {", prim);
	text(g, "        self.0\n"
	        "    }\n"
	        "\n"
	        "    /// Whether every bit of `other` is set.\n"
	        "    pub const fn contains(self, other: Self) -> bool {\n"
	        "        self.0 & other.0 == other.0\n"
	        "    }\n"
	        "\n"
	        "    /// Whether any bit of `other` is set.\n"
	        "    pub const fn intersects(self, other: Self) -> bool {\n"
	        "        self.0 & other.0 != 0\n"
	        "    }\n"
	        "\n"
	        "    /// Whether no bit is set.\n"
	        "    pub const fn is_empty(self) -> bool {\n"
	        "        self.0 == 0\n"
	        "    }\n"
	        "\n"
	        "    /// The bits set that the interface does not declare.\n");
	line(g, 4, "pub const fn unknown_bits(self) -> %s {", prim);
	if ((all & full) == full)
		line(g, 8, "0");
	else
		line(g, 8, "self.0 & !Self::%s.0", xi_rust_bitmap_all(g->arena, d));
	text(g, "    }\n"
	        "\n"
	        "    /// Sets the bits of `other`.\n"
	        "    pub fn insert(&mut self, other: Self) {\n"
	        "        self.0 |= other.0;\n"
	        "    }\n"
	        "\n"
	        "    /// Clears the bits of `other`.\n"
	        "    pub fn remove(&mut self, other: Self) {\n"
	        "        self.0 &= !other.0;\n"
	        "    }\n");
	for (const struct xi_variant *v = d->variants; v; v = v->next) {
		if (!v->value_hi)
			continue;
		const char *lower = xi_rust_lower(g->arena, v->name);
		const char *plain = lower[0] == 'r' && lower[1] == '#' ? lower + 2 : lower;
		const char *upper = xi_rust_upper(g->arena, v->name);
		blank(g);
		line(g, 4, "/// The value of the field `%s` (bits %u to %u).", v->name, v->lo, v->hi);
		line(g, 4, "pub const fn %s(self) -> %s {", lower, prim);
		if (v->lo)
			line(g, 8, "(self.0 & Self::%s_MASK.0) >> %u", upper, v->lo);
		else
			line(g, 8, "self.0 & Self::%s_MASK.0", upper);
		line(g, 4, "}");
		blank(g);
		line(g, 4, "/// The same bits with the field `%s` set to `value` (truncated to", v->name);
		line(g, 4, "/// the field's width).");
		line(g, 4, "pub const fn with_%s(self, value: %s) -> Self {", plain, prim);
		line(g, 8, "let mask = Self::%s_MASK.0;", upper);
		if (v->lo)
			line(g, 8, "Self((self.0 & !mask) | ((value << %u) & mask))", v->lo);
		else
			line(g, 8, "Self((self.0 & !mask) | (value & mask))");
		line(g, 4, "}");
		blank(g);
		line(g, 4, "/// Sets the field `%s` to `value` (truncated to the field's width).", v->name);
		line(g, 4, "pub fn set_%s(&mut self, value: %s) {", plain, prim);
		line(g, 8, "*self = self.with_%s(value);", plain);
		line(g, 4, "}");
	}
	text(g, "\n"
	        "    /// Checks that only declared bits are set.\n"
	        "    pub fn check(self) -> Result<(), crate::CheckError> {\n"
	        "        if self.unknown_bits() == 0 {\n"
	        "            return Ok(());\n"
	        "        }\n"
	        "        let kind = crate::CheckErrorKind::UnknownBits;\n"
	        "        let value = crate::Value::value(self.unknown_bits());\n");
	line(g, 8, "let e = crate::CheckError::new(kind, \"%s\", value);", d->name);
	text(g, "        Err(e)\n"
	        "    }\n"
	        "}\n"
	        "\n");
	line(g, 0, "impl fmt::Debug for %s {", name);
	line(g, 4, "fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {");
	line(g, 8, "let value = crate::Value::value(self.0);");
	line(g, 8, "let mut bits = crate::BitsDebug::new(f, \"%s\", value);", name);
	for (const struct xi_variant *v = d->variants; v; v = v->next) {
		const char *upper = xi_rust_upper(g->arena, v->name);
		if (!v->value_hi)
			line(g, 8, "bits.bit(\"%s\", %u);", upper, v->lo);
		else
			line(g, 8, "bits.field(\"%s\", %u, %u);", upper, v->lo, v->hi - v->lo + 1);
	}
	text(g, "        bits.finish()\n"
	        "    }\n"
	        "}\n");
}

/* --- Aggregates ---------------------------------------------------------------- */

static const char *member_type(struct rgen *g, const struct xi_agg *agg, const struct xi_member *m,
			       int abi)
{
	const char *t = xi_rust_type(g, m->type, abi);
	if (xi_rust_member_wrapped(g, agg, m))
		return xi_aprintf(g->arena, "crate::Align8<%s>", t);
	return t;
}

static bool member_private(const struct xi_agg *agg, const struct xi_member *m)
{
	return (m->flags & XI_MEMBER_RESERVED) || agg->tag != NULL;
}

/* The tagged union held by a member (NULL when it holds none). */
static const struct xi_agg *tagged_of(const struct xi_member *m)
{
	return m->type->kind == XI_TYPE_AGG && m->type->u.agg->tag ? m->type->u.agg : NULL;
}

/* The arms that get an implementation of the union's arm trait: one label,
 * a type of their own (a declared struct, union, enum or bitmap, or an
 * inline aggregate) that no other arm of the union has. Sets has[i] for
 * the i-th arm (when has is not NULL); returns how many there are. Each
 * arm's type is spelled once, not once per pair of arms. */
static unsigned trait_arms(struct rgen *g, const struct xi_agg *u, bool *has)
{
	int abi = xi_rust_first_abi(g);
	const char **spelled = xi_xmalloc(sizeof(*spelled) * (u->nmembers + 1));
	unsigned n = 0;
	for (const struct xi_member *arm = u->members; arm; arm = arm->next)
		spelled[n++] = xi_rust_type(g, arm->type, abi);
	unsigned count = 0, i = 0;
	for (const struct xi_member *arm = u->members; arm; arm = arm->next, i++) {
		bool own = !arm->is_default_arm && arm->labels && !arm->labels->next &&
			   !xi_rust_type_varies(g, arm->type) && arm->type->kind != XI_TYPE_ARRAY;
		const struct xi_decl *d;
		if (own && (xi_rust_kind(arm->type, abi, &d) == RK_INT ||
			    (arm->type->kind == XI_TYPE_REF &&
			     xi_ref_decl(arm->type, abi)->kind == XI_DECL_ALIAS)))
			own = false;
		for (unsigned k = 0; own && k < n; k++)
			if (k != i && !strcmp(spelled[k], spelled[i]))
				own = false;
		if (has)
			has[i] = own;
		count += own;
	}
	free(spelled);
	return count;
}

static void emit_agg(struct rgen *g, const struct xi_agg *agg, const char *doc);

/* The index of an arm among a union's members. */
static unsigned arm_index(const struct xi_agg *u, const struct xi_member *arm)
{
	unsigned i = 0;
	for (const struct xi_member *m = u->members; m != arm; m = m->next)
		i++;
	return i;
}

/* "`status` is `Evtchnstat::UNBOUND`" (or one of several labels). */
static const char *arm_selection(struct rgen *g, const struct xi_agg *u, const struct xi_member *arm)
{
	if (arm->is_default_arm)
		return "`tag` selects no other arm";
	struct xi_strbuf sb = XI_STRBUF_INIT;
	for (const struct xi_arm_label *l = arm->labels; l; l = l->next)
		xi_sb_printf(&sb, "%s`%s`", sb.len ? l->next ? ", " : " or " : "",
			     xi_rust_label_expr(g, u, l));
	const char *r = xi_aprintf(g->arena, "`tag` is %s", xi_sb_str(&sb));
	xi_sb_free(&sb);
	return r;
}

/* Accessors, constructors and the check of a tagged union. */
static void emit_tagged_impl(struct rgen *g, const struct xi_agg *u, const char *name)
{
	int abi = xi_rust_first_abi(g);
	const char *tag_name = u->tag->name;
	const char *tag_ty = xi_rust_type(g, u->tag->type, abi);
	/* The tag is a parameter named `tag`, whatever the field's name. */
	const char *tag_param = xi_aprintf(g->arena, "tag: %s", tag_ty);
	const char *tag_var = "tag";

	line(g, 0, "impl %s {", name);
	/* Which arm a tag selects: one line per label, so that any number of
	 * them formats the same. */
	line(g, 4, "/// The index of the arm that `tag` (the value of `%s`) selects, in", tag_name);
	line(g, 4, "/// declaration order.");
	fn_sig(g, 4, "pub const fn selected", (const char *[]){ tag_param }, 1, "Option<usize>");
	line(g, 8, "match %s {", tag_var);
	const struct xi_member *dflt = NULL;
	for (const struct xi_member *arm = u->members; arm; arm = arm->next) {
		if (arm->is_default_arm) {
			dflt = arm;
			continue;
		}
		for (const struct xi_arm_label *l = arm->labels; l; l = l->next)
			match_arm(g, 12, xi_rust_label_expr(g, u, l),
				  xi_aprintf(g->arena, "Some(%u)", arm_index(u, arm)));
	}
	if (dflt)
		line(g, 12, "_ => Some(%u),", arm_index(u, dflt));
	else
		line(g, 12, "_ => None,");
	line(g, 8, "}");
	line(g, 4, "}");
	for (const struct xi_member *arm = u->members; arm; arm = arm->next) {
		/* (A legacy arm whose type differs between ABIs has no
		 * accessors: their signatures would too.) */
		if (xi_rust_type_varies(g, arm->type))
			continue;
		const char *field = xi_rust_ident(g->arena, arm->name);
		const char *plain = arm->name;
		const char *ty = member_type(g, u, arm, abi);
		const char *sel = arm_selection(g, u, arm);
		const char *cond = xi_aprintf(g->arena, "Self::selected(%s) == Some(%u)", tag_var,
					      arm_index(u, arm));
		blank(g);
		line(g, 4, "/// The union holding the arm `%s`, every other byte zero.", arm->name);
		fn_sig(g, 4, xi_aprintf(g->arena, "pub fn from_%s", plain),
		       (const char *[]){ xi_aprintf(g->arena, "value: %s", ty) }, 1, "Self");
		line(g, 8, "let mut u = Self::default();");
		line(g, 8, "u.%s = value;", field);
		text(g, "        u\n"
		        "    }\n"
		        "\n");
		line(g, 4, "/// The arm `%s`, when %s.", arm->name, sel);
		fn_sig(g, 4, xi_aprintf(g->arena, "pub fn %s", xi_rust_ident(g->arena, plain)),
		       (const char *[]){ "&self", tag_param }, 2, xi_aprintf(g->arena, "Option<&%s>", ty));
		line(g, 8, "if %s {", cond);
		line(g, 12, "// SAFETY: every arm is plain data and every byte of the union");
		line(g, 12, "// is initialized (its fields are private to the constructors).");
		line(g, 12, "Some(unsafe { &self.%s })", field);
		text(g, "        } else {\n"
		        "            None\n"
		        "        }\n"
		        "    }\n"
		        "\n");
		line(g, 4, "/// The arm `%s`, mutable, when %s.", arm->name, sel);
		fn_sig(g, 4, xi_aprintf(g->arena, "pub fn %s_mut", plain),
		       (const char *[]){ "&mut self", tag_param }, 2,
		       xi_aprintf(g->arena, "Option<&mut %s>", ty));
		line(g, 8, "if %s {", cond);
		line(g, 12, "// SAFETY: as for the shared accessor.");
		line(g, 12, "Some(unsafe { &mut self.%s })", field);
		text(g, "        } else {\n"
		        "            None\n"
		        "        }\n"
		        "    }\n");
	}

	/* check(tag, dir) */
	struct xi_strbuf body = XI_STRBUF_INIT;
	bool uses_dir = false;
	xi_rust_check_body(g, u, &body, &uses_dir);
	blank(g);
	line(g, 4, "/// Checks the arm that `tag` (the value of `%s`) selects; the `check`", tag_name);
	line(g, 4, "/// of the enclosing struct calls it.");
	fn_sig(g, 4, "pub fn check",
	       (const char *[]){ "&self", tag_param, uses_dir ? "dir: crate::Direction" : "_dir: crate::Direction" },
	       3, "Result<(), crate::CheckError>");
	xi_out_puts(g->out, xi_sb_str(&body));
	line(g, 4, "}");
	line(g, 0, "}");
	xi_sb_free(&body);

	/* The arm trait. */
	bool *has_trait = xi_xmalloc(sizeof(*has_trait) * (u->nmembers + 1));
	if (!trait_arms(g, u, has_trait)) {
		free(has_trait);
		return;
	}
	const char *trait = xi_aprintf(g->arena, "%sArm", name);
	blank(g);
	line(g, 0, "/// The arms of [`%s`] that have a type of their own, each tied to the", name);
	line(g, 0, "/// value of `%s` that selects it, so that code generic over the arm", tag_name);
	line(g, 0, "/// (a hypercall wrapper) sets a matching tag by construction.");
	line(g, 0, "pub trait %s: Copy {", trait);
	line(g, 4, "/// The value of `%s` that selects this arm.", tag_name);
	line(g, 4, "const TAG: %s;", tag_ty);
	blank(g);
	line(g, 4, "/// The union holding this arm.");
	line(g, 4, "fn into_union(self) -> %s;", name);
	blank(g);
	line(g, 4, "/// This arm of `u`, when `tag` (the value of `%s`) selects it.", tag_name);
	fn_sig_end(g, 4, "fn from_union",
		   (const char *[]){ xi_aprintf(g->arena, "u: &%s", name), tag_param }, 2,
		   "Option<&Self>", ";");
	line(g, 0, "}");
	unsigned i = 0;
	for (const struct xi_member *arm = u->members; arm; arm = arm->next) {
		if (!has_trait[i++])
			continue;
		const char *ty = member_type(g, u, arm, abi);
		blank(g);
		line(g, 0, "impl %s for %s {", trait, ty);
		line(g, 4, "const TAG: %s = %s;", tag_ty, xi_rust_label_expr(g, u, arm->labels));
		blank(g);
		line(g, 4, "fn into_union(self) -> %s {", name);
		if (8 + strlen(name) + strlen(arm->name) + 13 <= RUST_MAX_WIDTH) {
			line(g, 8, "%s::from_%s(self)", name, arm->name);
		} else {
			line(g, 8, "%s::from_%s(", name, arm->name);
			line(g, 12, "self,");
			line(g, 8, ")");
		}
		line(g, 4, "}");
		blank(g);
		fn_sig(g, 4, "fn from_union",
		       (const char *[]){ xi_aprintf(g->arena, "u: &%s", name), tag_param }, 2, "Option<&Self>");
		line(g, 8, "u.%s(%s)", xi_rust_ident(g->arena, arm->name), tag_var);
		line(g, 4, "}");
		line(g, 0, "}");
	}
	free(has_trait);
}

/* Methods of a struct that holds tagged unions: typed access through the
 * arm traits. */
static void emit_arm_methods(struct rgen *g, const struct xi_agg *agg)
{
	for (const struct xi_member *m = agg->members; m; m = m->next) {
		const struct xi_agg *u = tagged_of(m);
		if (!u)
			continue;
		if (!trait_arms(g, u, NULL))
			continue;
		const char *uname = xi_rust_agg_name_cached(g, u);
		const char *field = xi_rust_ident(g->arena, m->name);
		const char *tag = xi_rust_ident(g->arena, u->tag->name);
		blank(g);
		line(g, 4, "/// The arm of `%s` of type `A`, when `%s` selects it.", m->name, u->tag->name);
		line(g, 4, "pub fn %s_as<A: %sArm>(&self) -> Option<&A> {", m->name, uname);
		line(g, 8, "let tag = self.%s;", tag);
		line(g, 8, "A::from_union(&self.%s, tag)", field);
		line(g, 4, "}");
		blank(g);
		line(g, 4, "/// Stores `arm` in `%s` and sets `%s` to the value that selects it.", m->name,
		     u->tag->name);
		line(g, 4, "pub fn set_%s<A: %sArm>(&mut self, arm: A) {", m->name, uname);
		line(g, 8, "self.%s = A::TAG;", tag);
		line(g, 8, "self.%s = arm.into_union();", field);
		line(g, 4, "}");
	}
}

/* Whether a struct gets new() and with_FIELD(): when a reserved (private)
 * field keeps code outside the crate from writing it as a literal, and
 * every public field has one type on every ABI (so one signature). */
static bool has_builders(struct rgen *g, const struct xi_agg *agg)
{
	if (agg->is_union || agg->tag)
		return false;
	bool reserved = false;
	for (const struct xi_member *m = agg->members; m; m = m->next) {
		if (m->flags & XI_MEMBER_RESERVED)
			reserved = true;
		else if (xi_rust_type_varies(g, m->type))
			return false;
	}
	return reserved;
}

/* rustc's lint for an argument list it finds too long (clippy's default). */
#define RUST_CLIPPY_MAX_ARGS 7u

/* The ways to build a struct with reserved fields, which are private, from
 * its public fields without unsafe: T::new(every public field, in order)
 * and T::default().with_FIELD(v)...; both const, both leave the reserved
 * fields zero. */
static void emit_builders(struct rgen *g, const struct xi_agg *agg, int abi, bool snake)
{
	unsigned n = 0;
	for (const struct xi_member *m = agg->members; m; m = m->next)
		n += !(m->flags & XI_MEMBER_RESERVED);
	const char **params = XI_NEW_ARRAY(g->arena, const char *, n + 1);
	unsigned k = 0;
	for (const struct xi_member *m = agg->members; m; m = m->next)
		if (!(m->flags & XI_MEMBER_RESERVED))
			params[k++] = xi_aprintf(g->arena, "%s: %s", xi_rust_ident(g->arena, m->name),
						 member_type(g, agg, m, abi));
	line(g, 4, "/// A value with these fields, in the order of the interface, and its");
	line(g, 4, "/// reserved fields zero.");
	if (n > RUST_CLIPPY_MAX_ARGS)
		line(g, 4, "#[allow(clippy::too_many_arguments)]");
	if (!snake)
		line(g, 4, "#[allow(non_snake_case)]");
	fn_sig(g, 4, "pub const fn new", params, n, "Self");
	if (!n) {
		line(g, 8, "crate::zeroed()");
	} else {
		line(g, 8, "let mut v: Self = crate::zeroed();");
		for (const struct xi_member *m = agg->members; m; m = m->next) {
			if (m->flags & XI_MEMBER_RESERVED)
				continue;
			const char *field = xi_rust_ident(g->arena, m->name);
			line(g, 8, "v.%s = %s;", field, field);
		}
		line(g, 8, "v");
	}
	line(g, 4, "}");
	k = 0;
	for (const struct xi_member *m = agg->members; m; m = m->next) {
		if (m->flags & XI_MEMBER_RESERVED)
			continue;
		const char *field = xi_rust_ident(g->arena, m->name);
		blank(g);
		line(g, 4, "/// This value, with `%s` set.", m->name);
		if (!xi_rust_is_snake(m->name))
			line(g, 4, "#[allow(non_snake_case)]");
		fn_sig(g, 4, xi_aprintf(g->arena, "pub const fn with_%s", m->name),
		       (const char *[]){ "mut self", params[k++] }, 2, "Self");
		line(g, 8, "self.%s = %s;", field, field);
		line(g, 8, "self");
		line(g, 4, "}");
	}
	blank(g);
}

static const char *repr_line(struct rgen *g, const struct xi_agg *agg, const char **cfg_align)
{
	*cfg_align = NULL;
	xi_abi_mask need = xi_rust_agg_align_abis(g, agg);
	if (!need)
		return "#[repr(C)]";
	/* The C alignment where Rust's falls short. */
	uint32_t align = 0;
	bool same = true;
	XI_FOR_EACH_ABI(a, g->abis) {
		if (!align)
			align = agg->lay[a].align;
		else if (agg->lay[a].align != align)
			same = false;
	}
	if (same)
		return xi_aprintf(g->arena, "#[repr(C, align(%u))]", (unsigned)align);
	XI_FOR_EACH_ABI(a, need)
		align = agg->lay[a].align;
	*cfg_align = xi_aprintf(g->arena, "#[cfg_attr(%s, repr(align(%u)))]",
				xi_rust_cfg_exact(g->arena, need), (unsigned)align);
	return "#[repr(C)]";
}

/* A method per flexible array member: its elements, read from the bytes
 * that follow the struct, as a byte slice or a crate::FlexArray of
 * little-endian integers; counted by the member @len names, or by the
 * caller. Elements of other types get none (doc/rust.md). */
static void emit_flex_methods(struct rgen *g, const struct xi_agg *agg)
{
	const struct xi_member *m = xi_agg_flex_member(agg);
	if (!m)
		return;
	int abi = xi_rust_first_abi(g);
	const struct xi_type *et = xi_type_resolve(m->type->u.array.elem, abi);
	if (!et || et->kind != XI_TYPE_PRIM || xi_prims[et->prim].legacy_only)
		return;
	unsigned size = xi_prim_size(et->prim, abi);
	const char *ret = size == 1 ? "&'a [u8]"
			: xi_aprintf(g->arena, "crate::FlexArray<'a, %s>",
				     xi_rust_type(g, m->type->u.array.elem, abi));
	const struct xi_len *rel = xi_type_len(m->type);
	const struct xi_member *count = rel && rel->member ? rel->member : NULL;
	const char *name = xi_aprintf(g->arena, "%s_elems", m->name);
	blank(g);
	if (count) {
		line(g, 4, "/// The `%s` elements of the flexible array `%s`, read from `tail`, the",
		     count->name, m->name);
		line(g, 4, "/// bytes that follow this struct; `None` when `tail` holds fewer.");
		line(g, 4, "pub fn %s<'a>(&self, tail: &'a [u8]) -> Option<%s> {",
		     xi_rust_ident(g->arena, name), ret);
		const struct xi_type *ct = xi_type_resolve(count->type, abi);
		bool widens = ct && ct->kind == XI_TYPE_PRIM && !xi_prims[ct->prim].is_signed &&
			      xi_prim_size(ct->prim, abi) <= 2;
		const char *field = xi_aprintf(g->arena, "self.%s%s", xi_rust_ident(g->arena, count->name),
					       xi_rust_member_wrapped(g, agg, count) ? ".0" : "");
		if (widens)
			line(g, 8, "let n = usize::from(%s);", field);
		else
			line(g, 8, "let n = usize::try_from(%s).ok()?;", field);
	} else {
		line(g, 4, "/// The first `n` elements of the flexible array `%s`, read from `tail`,",
		     m->name);
		line(g, 4, "/// the bytes that follow this struct; `None` when `tail` holds fewer.");
		line(g, 4, "pub fn %s(tail: &[u8], n: usize) -> Option<%s> {",
		     xi_rust_ident(g->arena, name), size == 1 ? "&[u8]"
		     : xi_aprintf(g->arena, "crate::FlexArray<'_, %s>",
				  xi_rust_type(g, m->type->u.array.elem, abi)));
	}
	line(g, 8, size == 1 ? "tail.get(..n)" : "crate::FlexArray::new(tail, n)");
	line(g, 4, "}");
}

/* Accessors of the members of anonymous aggregates, which C reaches by
 * their own names: `eax()` reads `self.anon0.eax` and `set_eax(v)`
 * writes it. Reading a union field is unsafe in Rust because some types
 * have invalid bit patterns; the fields of generated types have none
 * (plain_data!), so the accessor can vouch for it. `path` is the fields
 * down to `anon` ("anon0", "anon0.anon3"), or NULL when the accessors are
 * `anon`'s own (an anonymous union that is a tagged-union arm). */
/* The getter and setter of each bitfield of a run: `pending_type()` reads
 * its bits of the storage bytes `self.AT`, `set_pending_type(v)` writes
 * them. In a union the storage is borrowed in an unsafe block, which the
 * generated types (plain_data!) make sound. */
static void emit_bit_accessors(struct rgen *g, const struct xi_member *run, const char *at,
			       bool in_union)
{
	for (const struct xi_member *f = run->bitfields; f; f = f->next) {
		const char *type = xi_rust_type(g, f->type, -1);
		bool is_signed = xi_prims[f->type->prim].is_signed;
		const char *field = xi_rust_ident(g->arena, f->name);
		xi_rust_doc(g->out, 4, f->doc, false);
		line(g, 4, "/// `%s`: %u bit%s from bit %u of `%s` (C: `%s:%u`).", f->name,
		     (unsigned)f->bit_width, f->bit_width == 1 ? "" : "s", (unsigned)f->offset,
		     run->name, type, (unsigned)f->bit_width);
		line(g, 4, "pub fn %s(&self) -> %s {", field, type);
		line(g, 8, "let bytes = %s&self.%s%s;", in_union ? "unsafe { " : "", at,
		     in_union ? " }" : "");
		line(g, 8, "crate::bits_get%s(bytes, %u, %u) as %s", is_signed ? "_signed" : "",
		     (unsigned)f->offset, (unsigned)f->bit_width, type);
		line(g, 4, "}");
		if (f->bit_width == 1)
			line(g, 4, "/// Sets `%s` (the low bit of `value`).", f->name);
		else
			line(g, 4, "/// Sets `%s` (the low %u bits of `value`).", f->name,
			     (unsigned)f->bit_width);
		line(g, 4, "pub fn set_%s(&mut self, value: %s) {", f->name, type);
		line(g, 8, "let bytes = %s&mut self.%s%s;", in_union ? "unsafe { " : "", at,
		     in_union ? " }" : "");
		line(g, 8, "crate::bits_set(bytes, %u, %u, value as u64)", (unsigned)f->offset,
		     (unsigned)f->bit_width);
		line(g, 4, "}");
	}
}

static void emit_anonymous_accessors(struct rgen *g, const struct xi_agg *outer,
				     const struct xi_agg *anon, const char *path, bool in_union)
{
	in_union |= anon->is_union;
	for (const struct xi_member *m = anon->members; m; m = m->next) {
		const char *field = xi_rust_ident(g->arena, m->name);
		const char *at = path ? xi_aprintf(g->arena, "%s.%s", path, field) : field;
		if (m->flags & XI_MEMBER_ANONYMOUS) {
			emit_anonymous_accessors(g, outer, m->type->u.agg, at, in_union);
			continue;
		}
		if (m->flags & XI_MEMBER_BITS) {
			emit_bit_accessors(g, m, at, in_union);
			continue;
		}
		const char *texts[XI_ABI_COUNT];
		XI_FOR_EACH_ABI(a, g->abis) {
			if (!xi_member_present(m, a)) {
				texts[a] = "";
				continue;
			}
			const char *type = member_type(g, anon, m, a);
			const char *read = in_union ? xi_aprintf(g->arena, "unsafe { self.%s }", at)
						    : xi_aprintf(g->arena, "self.%s", at);
			texts[a] = xi_aprintf(g->arena,
				"    /// `%s`%s.\n"
				"    pub fn %s(&self) -> %s {\n"
				"        %s\n"
				"    }\n",
				m->name, in_union ? ", an alias in an anonymous union"
						  : ", a member of an anonymous struct",
				field, type, read);
		}
		emit_per_abi(g, 4, NULL, texts);
		XI_FOR_EACH_ABI(a, g->abis) {
			if (!*texts[a])
				continue;
			texts[a] = xi_aprintf(g->arena,
				"    /// Sets `%s`.\n"
				"    pub fn set_%s(&mut self, value: %s) {\n"
				"        self.%s = value;\n"
				"    }\n",
				m->name, m->name, member_type(g, anon, m, a), at);
		}
		emit_per_abi(g, 4, NULL, texts);
	}
	(void)outer;
}

static void emit_agg(struct rgen *g, const struct xi_agg *agg, const char *doc)
{
	const char *name = xi_rust_agg_name_cached(g, agg);
	int abi = xi_rust_first_abi(g);
	bool is_union = agg->is_union;
	bool snake = true;
	for (const struct xi_member *m = agg->members; m; m = m->next)
		snake &= xi_rust_is_snake(m->name);

	blank(g);
	xi_rust_doc(g->out, 0, doc, false);
	const char *cfg_align;
	line(g, 0, "%s", repr_line(g, agg, &cfg_align));
	if (cfg_align)
		line(g, 0, "%s", cfg_align);
	if (is_union)
		line(g, 0, "#[derive(Clone, Copy)]");
	else if (xi_rust_holds_union(agg, -1))
		line(g, 0, "#[derive(Clone, Copy, Debug)]");
	else
		line(g, 0, "#[derive(Clone, Copy, Debug, PartialEq, Eq)]");
	if (!snake)
		line(g, 0, "#[allow(non_snake_case)]");
	if (!agg->members) {
		line(g, 0, "pub %s %s {}", is_union ? "union" : "struct", name);
	} else {
		line(g, 0, "pub %s %s {", is_union ? "union" : "struct", name);
		for (const struct xi_member *m = agg->members; m; m = m->next) {
			const char *vis = member_private(agg, m) ? "" : "pub ";
			const char *field = xi_rust_ident(g->arena, m->name);
			if (!xi_rust_type_varies(g, m->type)) {
				xi_rust_doc(g->out, 4, m->doc, false);
				line(g, 4, "%s%s: %s,", vis, field, member_type(g, agg, m, abi));
				continue;
			}
			const char *texts[XI_ABI_COUNT];
			XI_FOR_EACH_ABI(a, g->abis)
				texts[a] = !xi_rust_present(m->type, a) ? ""
					 : xi_aprintf(g->arena, "    %s%s: %s,\n", vis, field,
						      member_type(g, agg, m, a));
			emit_per_abi(g, 4, m->doc, texts);
		}
		/* An anonymous union of members that some ABIs lack has no
		 * field there, which Rust refuses: a zero-sized one stands in
		 * (the C member is absent there; this type has size 0). */
		xi_abi_mask absent = 0;
		XI_FOR_EACH_ABI(a, g->abis)
			if (agg->anonymous && !xi_agg_present(agg, a))
				absent |= XI_ABI_BIT(a);
		if (absent) {
			/* NULL: absent on every ABI of the crate */
			const char *pred = xi_rust_cfg(g->arena, absent, g->abis);
			if (pred)
				cfg_attr(g, 4, pred);
			line(g, 4, "_absent: [u8; 0],");
		}
		line(g, 0, "}");
	}
	blank(g);
	line(g, 0, "plain_data!(%s);", name);
	if (is_union)
		line(g, 0, "opaque_debug!(%s);", name);
	blank(g);

	if (agg->tag) {
		emit_tagged_impl(g, agg, name);
	} else {
		struct xi_strbuf body = XI_STRBUF_INIT;
		bool uses_dir = false;
		xi_rust_check_body(g, agg, &body, &uses_dir);
		line(g, 0, "impl %s {", name);
		const struct xi_decl *owner = agg->owner && agg->owner->agg == agg ? agg->owner : NULL;
		if (owner && owner->version && owner->version->ref) {
			const struct xi_decl *c = owner->version->ref;
			line(g, 4, "/// The interface version this type belongs to.");
			line(g, 4, "pub const VERSION: %s = %s;", xi_rust_type(g, c->type, -1),
			     c->module == g->module ? xi_rust_ident(g->arena, c->name)
			     : xi_aprintf(g->arena, "crate::%s::%s",
					  xi_rust_module_path(g->arena, c->module, true),
					  xi_rust_ident(g->arena, c->name)));
			blank(g);
		}
		if (has_builders(g, agg))
			emit_builders(g, agg, abi, snake);
		text(g, "    /// Checks what the interface requires of the fields `dir` selects:\n"
		        "    /// reserved fields zero, only declared bits and enum values, and tags\n"
		        "    /// that select an arm. Returns the first problem found.\n");
		line(g, 4, "pub fn check(&self, %s: crate::Direction) -> Result<(), crate::CheckError> {",
		     uses_dir ? "dir" : "_dir");
		xi_out_puts(g->out, xi_sb_str(&body));
		line(g, 4, "}");
		xi_sb_free(&body);
		emit_arm_methods(g, agg);
		emit_flex_methods(g, agg);
		for (const struct xi_member *m = agg->members; m; m = m->next)
			if (m->flags & XI_MEMBER_BITS)
				emit_bit_accessors(g, m, xi_rust_ident(g->arena, m->name), is_union);
		if (!agg->anonymous)
			for (const struct xi_member *m = agg->members; m; m = m->next)
				if (m->flags & XI_MEMBER_ANONYMOUS)
					emit_anonymous_accessors(g, agg, m->type->u.agg,
								 xi_rust_ident(g->arena, m->name),
								 false);
		/* The arm accessor of a tagged union returns this type itself:
		 * its names get accessors here. */
		if (agg->anonymous && agg->parent && agg->parent->tag)
			emit_anonymous_accessors(g, agg, agg, NULL, false);
		line(g, 0, "}");
	}

	/* The inline aggregates of the members. */
	for (const struct xi_member *m = agg->members; m; m = m->next) {
		unsigned dims;
		const struct xi_type *base = xi_rust_array_base(m->type, &dims);
		if (base->kind == XI_TYPE_AGG)
			emit_agg(g, base->u.agg, m->doc);
	}
}

/* --- The module ------------------------------------------------------------------ */

/* Items written at the top level, one level deeper: every line that is
 * not empty indented, the blank lines around them left out but one
 * before. */
static void put_indented(struct rgen *g, const char *items)
{
	while (*items == '\n')
		items++;
	size_t len = strlen(items);
	while (len && items[len - 1] == '\n')
		len--;
	xi_out_putc(g->out, '\n');
	for (const char *p = items, *end = items + len; p < end;) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
		if (n)
			xi_out_indent(g->out, RUST_INDENT);
		xi_out_write(g->out, p, n);
		xi_out_putc(g->out, '\n');
		p += n + 1;
	}
}

void xi_rust_emit_module(struct rgen *g)
{
	struct xi_module *m = g->module;
	xi_abi_mask module_abis = g->abis;
	for (unsigned i = 0; i < m->ndecls; i++) {
		const struct xi_decl *d = m->sorted[i];
		if (d->c_only)
			continue; /* only C has it (@if) */
		/* Under defined(NAME) it exists on some of the module's ABIs
		 * only: its items go in a module behind their cfg, and the
		 * module's names are used from here. */
		xi_abi_mask abis = module_abis & xi_decl_abis(g->ctx, d);
		const char *pred = abis != module_abis ? xi_rust_cfg(g->arena, abis, module_abis) : NULL;
		const char *inner = pred ? xi_aprintf(g->arena, "on_%s", xi_rust_lower(g->arena, d->name))
				      : NULL;
		size_t mark = 0;
		if (pred) {
			mark = xi_out_hold(g->out);
			g->abis = abis;
		}
		switch (d->kind) {
		case XI_DECL_CONST:
			blank(g);
			emit_const(g, d);
			break;
		case XI_DECL_ALIAS:
			blank(g);
			emit_alias(g, d);
			break;
		case XI_DECL_ENUM:
			blank(g);
			emit_enum(g, d);
			break;
		case XI_DECL_BITMAP:
			blank(g);
			emit_bitmap(g, d);
			break;
		case XI_DECL_STRUCT:
		case XI_DECL_UNION:
			emit_agg(g, d->agg, d->doc);
			break;
		}
		if (pred) {
			g->abis = module_abis;
			char *items = xi_out_take(g->out, mark);
			blank(g);
			xi_out_printf(g->out, "/// '%s', on the targets where its condition holds.\n",
				      d->name);
			xi_out_puts(g->out, xi_rust_cfg_attr(g->arena, 0, pred));
			xi_out_printf(g->out, "mod %s {\n", inner);
			xi_out_indent(g->out, RUST_INDENT);
			xi_out_puts(g->out, "#[allow(unused_imports)]\n");
			xi_out_indent(g->out, RUST_INDENT);
			xi_out_puts(g->out, "use super::*;\n");
			put_indented(g, items);
			free(items);
			xi_out_puts(g->out, "}\n");
			xi_out_puts(g->out, xi_rust_cfg_attr(g->arena, 0, pred));
			xi_out_printf(g->out, "pub use self::%s::*;\n", inner);
		}
	}
	xi_rust_emit_layout_asserts(g);
	xi_rust_emit_tests(g);
}
