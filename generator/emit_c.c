/* The C header backend: one header per input file, in the manner of
 * xen/include/public, with compile-time checks of every layout. */
#include "backend.h"

#include <string.h>

#include "cdoc.h"
#include "cnames.h"
#include "resolve.h"

/* Indentation of struct members, as in Xen's headers. */
#define C_INDENT 4u

struct cgen {
	struct xi_ctx *ctx;
	struct xi_arena *arena;
	const struct xi_gen_options *opt;
	struct xi_module *module;
	struct xi_out *out;
	xi_abi_mask abis;      /* ABIs the module exists on */
};

/* Definitions every generated header relies on. The first header
 * included provides them; Xen's own win where the includer has them. */
static const char c_prelude[] =
	"#ifndef XENIDL_C_PRELUDE\n"
	"#define XENIDL_C_PRELUDE\n"
	"\n"
	"/* Fixed-width integers: from <stdint.h>, except where the environment\n"
	" * provides them (the hypervisor, a kernel, or XENIDL_NO_STDINT). */\n"
	"#if !defined(__XEN__) && !defined(__KERNEL__) && !defined(XENIDL_NO_STDINT)\n"
	"#include <stdint.h>\n"
	"#endif\n"
	"\n"
	"/* 64-bit integers are 8-aligned on every ABI, also on x86_32. */\n"
	"#ifndef uint64_aligned_t\n"
	"#if defined(__GNUC__)\n"
	"#define uint64_aligned_t uint64_t __attribute__((__aligned__(8)))\n"
	"#elif defined(__cplusplus) && __cplusplus >= 201103L\n"
	"#define uint64_aligned_t alignas(8) uint64_t\n"
	"#elif defined(__STDC_VERSION__) && __STDC_VERSION__ >= 201112L\n"
	"#define uint64_aligned_t _Alignas(8) uint64_t\n"
	"#else\n"
	"#error \"uint64_aligned_t needs GCC, Clang, C11 or C++11\"\n"
	"#endif\n"
	"#endif\n"
	"#ifndef int64_aligned_t\n"
	"#if defined(__GNUC__)\n"
	"#define int64_aligned_t int64_t __attribute__((__aligned__(8)))\n"
	"#elif defined(__cplusplus) && __cplusplus >= 201103L\n"
	"#define int64_aligned_t alignas(8) int64_t\n"
	"#elif defined(__STDC_VERSION__) && __STDC_VERSION__ >= 201112L\n"
	"#define int64_aligned_t _Alignas(8) int64_t\n"
	"#else\n"
	"#error \"int64_aligned_t needs GCC, Clang, C11 or C++11\"\n"
	"#endif\n"
	"#endif\n"
	"\n"
	"/* Guest handles. Outside Xen's headers, a 64-bit handle is the guest\n"
	" * address in an 8-byte, 8-aligned integer, and a native one is\n"
	" * pointer-sized on x86 and 8 bytes elsewhere. */\n"
	"#ifndef XEN_GUEST_HANDLE_64\n"
	"#define XEN_GUEST_HANDLE_64(name) uint64_aligned_t\n"
	"#endif\n"
	"#ifndef XEN_GUEST_HANDLE\n"
	"#if defined(__i386__) || defined(__x86_64__)\n"
	"#define XEN_GUEST_HANDLE(name) unsigned long\n"
	"#else\n"
	"#define XEN_GUEST_HANDLE(name) uint64_aligned_t\n"
	"#endif\n"
	"#endif\n"
	"\n"
	"/* Compile-time layout checks that work in C89 and C++98 too. */\n"
	"#define XENIDL_CAT_(a, b) a##b\n"
	"#define XENIDL_CAT(a, b) XENIDL_CAT_(a, b)\n"
	"#if defined(__cplusplus) && __cplusplus >= 201103L\n"
	"#define XENIDL_STATIC_ASSERT(tag, cond) static_assert(cond, #cond)\n"
	"#elif defined(__STDC_VERSION__) && __STDC_VERSION__ >= 201112L\n"
	"#define XENIDL_STATIC_ASSERT(tag, cond) _Static_assert(cond, #cond)\n"
	"#else\n"
	"#define XENIDL_STATIC_ASSERT(tag, cond) \\\n"
	"    typedef char XENIDL_CAT(xenidl_check_, tag)[(cond) ? 1 : -1]\n"
	"#endif\n"
	"#if defined(__GNUC__)\n"
	"#define XENIDL_OFFSETOF(type, member) __builtin_offsetof(type, member)\n"
	"#else\n"
	"#include <stddef.h>\n"
	"#define XENIDL_OFFSETOF(type, member) offsetof(type, member)\n"
	"#endif\n"
	"#if defined(__cplusplus) && __cplusplus >= 201103L\n"
	"#define XENIDL_ALIGNOF(type) alignof(type)\n"
	"#elif defined(__STDC_VERSION__) && __STDC_VERSION__ >= 201112L\n"
	"#define XENIDL_ALIGNOF(type) _Alignof(type)\n"
	"#else\n"
	"#define XENIDL_ALIGNOF(type) __alignof__(type)\n"
	"#endif\n"
	"#define XENIDL_CHECK_SIZE(kind, name, size) \\\n"
	"    XENIDL_STATIC_ASSERT(name##_size, sizeof(kind name) == (size))\n"
	"#define XENIDL_CHECK_ALIGN(kind, name, align) \\\n"
	"    XENIDL_STATIC_ASSERT(name##_align, XENIDL_ALIGNOF(kind name) == (align))\n"
	"#define XENIDL_CHECK_OFFSET(kind, name, member, offset) \\\n"
	"    XENIDL_STATIC_ASSERT(XENIDL_CAT(name##_offset_, __LINE__), \\\n"
	"                         XENIDL_OFFSETOF(kind name, member) == (offset))\n"
	"#define XENIDL_CHECK_TYPE_SIZE(name, size) \\\n"
	"    XENIDL_STATIC_ASSERT(name##_size, sizeof(name) == (size))\n"
	"\n"
	"#endif /* XENIDL_C_PRELUDE */\n";

static const char *guard_name(struct xi_arena *a, const char *rel)
{
	char *g = xi_aprintf(a, "__XEN_PUBLIC_%s_H__", rel);
	for (char *p = g + 13; *p; p++) {
		if (*p >= 'a' && *p <= 'z')
			*p = (char)(*p - 'a' + 'A');
		else if (!((*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9')))
			*p = '_';
	}
	return g;
}

static const char *source_name(struct xi_arena *a, const struct xi_module *m)
{
	const char *slash = strrchr(m->path, '/');
	const char *base = slash ? slash + 1 : m->path;
	const char *dot = strrchr(base, '.');
	return xi_aprintf(a, "%s%s", m->rel, dot ? dot : "");
}

/* The name a handle's target has in XEN_GUEST_HANDLE_64(name). */
static const char *handle_name(struct cgen *g, const struct xi_type *t)
{
	static const char *const prim_names[XI_PRIM_COUNT] = {
		[XI_PRIM_U8] = "uint8", [XI_PRIM_U16] = "uint16", [XI_PRIM_U32] = "uint32",
		[XI_PRIM_U64] = "uint64", [XI_PRIM_I8] = "int8", [XI_PRIM_I16] = "int16",
		[XI_PRIM_I32] = "int32", [XI_PRIM_I64] = "int64", [XI_PRIM_CHAR] = "char",
		[XI_PRIM_NATIVE_U64] = "uint64", [XI_PRIM_NATIVE_I64] = "int64",
	};
	if (t->kind == XI_TYPE_VOID)
		return "void";
	if (t->kind == XI_TYPE_PRIM)
		return prim_names[t->prim];
	int a = xi_ref_any_abi(t);
	const struct xi_decl *d = t->u.ref.decl[a];
	switch (d->kind) {
	case XI_DECL_STRUCT:
	case XI_DECL_UNION:
		return xi_aprintf(g->arena, "%s_t", xi_c_decl_name(d));
	case XI_DECL_ENUM:
	case XI_DECL_BITMAP:
		return prim_names[d->backing];
	default:
		return xi_c_decl_name(d);
	}
}

/* The declaration specifier of a (non-array, non-aggregate) type; for
 * enums and bitmaps also the comment that names them. */
static const char *type_spec(struct cgen *g, const struct xi_type *t, int abi, const char **note)
{
	*note = NULL;
	switch (t->kind) {
	case XI_TYPE_PRIM:
		return xi_c_prim(t->prim);
	case XI_TYPE_REF: {
		const struct xi_decl *d = t->u.ref.decl[abi >= 0 ? abi : xi_ref_any_abi(t)];
		switch (d->kind) {
		case XI_DECL_STRUCT:
			return xi_aprintf(g->arena, "struct %s", xi_c_decl_name(d));
		case XI_DECL_UNION:
			return xi_aprintf(g->arena, "union %s", xi_c_decl_name(d));
		case XI_DECL_ENUM:
			*note = xi_aprintf(g->arena, "enum %s", d->name);
			return xi_c_prim(d->backing);
		case XI_DECL_BITMAP:
			*note = xi_aprintf(g->arena, "bitmap %s", d->name);
			return xi_c_prim(d->backing);
		default:
			return xi_c_decl_name(d);
		}
	}
	case XI_TYPE_HANDLE:
		return xi_aprintf(g->arena, "XEN_GUEST_HANDLE_64(%s)", handle_name(g, t->u.target));
	case XI_TYPE_NATIVE_HANDLE:
		return xi_aprintf(g->arena, "XEN_GUEST_HANDLE(%s)", handle_name(g, t->u.target));
	default:
		return "?";
	}
}

/* Strip array dimensions: the element type and the "[N][M]" suffix. */
static const struct xi_type *array_base(struct cgen *g, const struct xi_type *t, const char **dims)
{
	struct xi_strbuf sb = XI_STRBUF_INIT;
	while (t->kind == XI_TYPE_ARRAY) {
		const struct xi_expr *len = t->u.array.len;
		if (len->kind == XI_EXPR_NAME && len->ref)
			xi_sb_printf(&sb, "[%s]", xi_c_decl_name(len->ref));
		else
			xi_sb_printf(&sb, "[%u]", (unsigned)t->u.array.count);
		t = t->u.array.elem;
	}
	*dims = xi_strdup(g->arena, xi_sb_str(&sb));
	xi_sb_free(&sb);
	return t;
}

static void emit_members(struct cgen *g, const struct xi_agg *agg, unsigned indent);

/* The groups of ABIs on which a per-ABI text is the same, each with its
 * preprocessor condition. */
struct abi_group {
	xi_abi_mask abis;
	const char *text;
};

static const char *abi_condition(struct xi_arena *a, xi_abi_mask abis)
{
	struct xi_strbuf sb = XI_STRBUF_INIT;
	bool first = true;
	for (int f = 0; f < XI_FAM_COUNT; f++) {
		xi_abi_mask fam = xi_family_abis((enum xi_family)f);
		if ((abis & fam) == fam && fam) {
			xi_sb_printf(&sb, "%s%s", first ? "" : " || ", xi_families[f].c_cond);
			first = false;
			abis &= ~fam;
		}
	}
	XI_FOR_EACH_ABI(x, abis) {
		xi_sb_printf(&sb, "%s%s", first ? "" : " || ", xi_abis[x].c_cond);
		first = false;
	}
	const char *r = xi_strdup(a, xi_sb_str(&sb));
	xi_sb_free(&sb);
	return r;
}

/* Emit per-ABI variants of a text as an #if chain; a single variant for
 * every ABI needs no condition. */
static void emit_abi_chain(struct cgen *g, struct abi_group *groups, unsigned n, bool all_abis)
{
	if (n == 1 && all_abis) {
		xi_out_puts(g->out, groups[0].text);
		return;
	}
	for (unsigned i = 0; i < n; i++) {
		xi_out_printf(g->out, "#%s %s\n", i ? "elif" : "if",
			      abi_condition(g->arena, groups[i].abis));
		xi_out_puts(g->out, groups[i].text);
	}
	xi_out_puts(g->out, "#endif\n");
}

static unsigned group_by_text(struct abi_group *groups, xi_abi_mask abis, const char **texts)
{
	unsigned n = 0;
	XI_FOR_EACH_ABI(a, abis) {
		unsigned i;
		for (i = 0; i < n; i++)
			if (!strcmp(groups[i].text, texts[a]))
				break;
		if (i == n) {
			groups[n].abis = 0;
			groups[n].text = texts[a];
			n++;
		}
		groups[i].abis |= XI_ABI_BIT(a);
	}
	return n;
}

/* One member declaration line (or block, for inline aggregates). */
static const char *member_line(struct cgen *g, const struct xi_type *t, const char *name,
			       unsigned indent, int abi)
{
	const char *dims;
	const struct xi_type *base = array_base(g, t, &dims);
	if (base->kind == XI_TYPE_ARCH)
		base = base->u.arch.abi[abi];
	const char *note = NULL;
	const char *spec = type_spec(g, base, abi, &note);
	return xi_aprintf(g->arena, "%*s%s %s%s;%s%s%s\n", (int)indent, "", spec, name, dims,
			  note ? " /* " : "", note ? note : "", note ? " */" : "");
}

static bool type_has_arch(const struct xi_type *t)
{
	while (t->kind == XI_TYPE_ARRAY)
		t = t->u.array.elem;
	return t->kind == XI_TYPE_ARCH;
}

static const char *packed_attr(struct cgen *g, const struct xi_agg *agg)
{
	return g->opt->packed && agg->owner && !agg->owner->legacy ? " __attribute__((__packed__))" : "";
}

static void emit_member(struct cgen *g, const struct xi_member *m, unsigned indent)
{
	xi_c_comment(g->out, indent, m->doc);
	const char *name = xi_member_c_name(m);
	const char *dims;
	const struct xi_type *base = array_base(g, m->type, &dims);
	if (base->kind == XI_TYPE_AGG) {
		const struct xi_agg *agg = base->u.agg;
		xi_out_indent(g->out, indent);
		xi_out_printf(g->out, "%s%s {\n", agg->is_union ? "union" : "struct", packed_attr(g, agg));
		emit_members(g, agg, indent + C_INDENT);
		xi_out_indent(g->out, indent);
		xi_out_printf(g->out, "} %s%s;\n", name, dims);
		return;
	}
	if (type_has_arch(m->type)) {
		const char *texts[XI_ABI_COUNT];
		struct abi_group groups[XI_ABI_COUNT];
		XI_FOR_EACH_ABI(a, g->abis)
			texts[a] = member_line(g, m->type, name, indent, a);
		unsigned n = group_by_text(groups, g->abis, texts);
		emit_abi_chain(g, groups, n, false);
		return;
	}
	xi_out_puts(g->out, member_line(g, m->type, name, indent, -1));
}

static void emit_members(struct cgen *g, const struct xi_agg *agg, unsigned indent)
{
	for (const struct xi_member *m = agg->members; m; m = m->next)
		emit_member(g, m, indent);
}

/* --- Declarations -------------------------------------------------------- */

static void emit_const(struct cgen *g, const struct xi_decl *d)
{
	xi_c_comment(g->out, 0, d->doc);
	bool hex = d->expr->kind == XI_EXPR_INT ? d->expr->hex : false;
	if (d->expr->kind != XI_EXPR_INT) {
		/* A computed value is shown in hex when its operands were. */
		const struct xi_expr *e = d->expr;
		while (e->kind != XI_EXPR_INT && e->kind != XI_EXPR_NAME && e->a)
			e = e->a;
		hex = e->kind == XI_EXPR_INT ? e->hex
		    : (e->kind == XI_EXPR_NAME && e->ref && e->ref->expr->kind == XI_EXPR_INT
		       && e->ref->expr->hex);
	}
	xi_out_printf(g->out, "#define %s %s\n", xi_c_decl_name(d),
		      xi_c_int_literal(g->arena, d->value, d->const_prim, hex));
}

static void emit_alias(struct cgen *g, const struct xi_decl *d)
{
	xi_c_comment(g->out, 0, d->doc);
	const char *name = xi_c_decl_name(d);
	if (type_has_arch(d->type)) {
		const char *texts[XI_ABI_COUNT];
		struct abi_group groups[XI_ABI_COUNT];
		XI_FOR_EACH_ABI(a, g->abis)
			texts[a] = xi_aprintf(g->arena, "typedef %s", member_line(g, d->type, name, 0, a));
		unsigned n = group_by_text(groups, g->abis, texts);
		emit_abi_chain(g, groups, n, false);
	} else {
		xi_out_printf(g->out, "typedef %s", member_line(g, d->type, name, 0, -1));
	}
	xi_out_printf(g->out, "#ifdef DEFINE_XEN_GUEST_HANDLE\nDEFINE_XEN_GUEST_HANDLE(%s);\n#endif\n", name);
}

static void emit_enum(struct cgen *g, const struct xi_decl *d)
{
	xi_c_comment(g->out, 0, d->doc);
	for (const struct xi_variant *v = d->variants; v; v = v->next) {
		xi_c_comment(g->out, 0, v->doc);
		xi_out_printf(g->out, "#define %s %s\n", xi_c_variant_name(g->arena, d, v),
			      xi_c_int_literal_min(g->arena, v->v, v->value->kind == XI_EXPR_INT && v->value->hex));
	}
}

static void emit_bitmap(struct cgen *g, const struct xi_decl *d)
{
	bool wide = xi_prims[d->backing].size == 8;
	const char *one = wide ? "1ULL" : "1U";
	uint64_t all = 0;
	xi_c_comment(g->out, 0, d->doc);
	for (const struct xi_variant *v = d->variants; v; v = v->next) {
		const char *name = xi_c_variant_name(g->arena, d, v);
		unsigned width = v->hi - v->lo + 1;
		uint64_t mask = (width == 64 ? UINT64_MAX : ((UINT64_C(1) << width) - 1)) << v->lo;
		all |= mask;
		xi_c_comment(g->out, 0, v->doc);
		xi_out_printf(g->out, "#define _%s %u\n", name, v->lo);
		if (!v->value_hi) {
			xi_out_printf(g->out, "#define %s (%s << _%s)\n", name, one, name);
			continue;
		}
		uint64_t field = mask >> v->lo;
		xi_out_printf(g->out, "#define %s_mask (0x%llx%s << _%s)\n", name,
			      (unsigned long long)field, wide ? "ULL" : "U", name);
		xi_out_printf(g->out, "#define %s(v) (((v) << _%s) & %s_mask)\n", name, name, name);
	}
	xi_out_printf(g->out, "#define %s 0x%llx%s\n", xi_c_all_mask_name(g->arena, d),
		      (unsigned long long)all, wide ? "ULL" : "U");
}

static void emit_aggregate(struct cgen *g, const struct xi_decl *d)
{
	const char *kw = d->kind == XI_DECL_UNION ? "union" : "struct";
	const char *name = xi_c_decl_name(d);
	xi_c_comment(g->out, 0, d->doc);
	/* Only @legacy types can be empty: a GNU extension (size 0 in C, 1 in
	 * C++), which __extension__ keeps -pedantic quiet about. */
	xi_out_printf(g->out, "%s%s%s %s {\n", d->agg->members ? "" : "__extension__ ", kw,
		      packed_attr(g, d->agg), name);
	emit_members(g, d->agg, C_INDENT);
	xi_out_puts(g->out, "};\n");
	xi_out_printf(g->out, "typedef %s %s %s_t;\n", kw, name, name);
	xi_out_printf(g->out, "#ifdef DEFINE_XEN_GUEST_HANDLE\nDEFINE_XEN_GUEST_HANDLE(%s_t);\n#endif\n",
		      name);
}

/* --- Layout checks ------------------------------------------------------- */

/* The check lines of one aggregate's members, for one ABI. */
static void member_checks(struct cgen *g, struct xi_strbuf *sb, const char *kw, const char *name,
			  const struct xi_agg *agg, const char *prefix, uint32_t base, int abi)
{
	for (const struct xi_member *m = agg->members; m; m = m->next) {
		const char *path = xi_aprintf(g->arena, "%s%s", prefix, xi_member_c_name(m));
		uint32_t offset = base + m->offset[abi];
		xi_sb_printf(sb, "XENIDL_CHECK_OFFSET(%s, %s, %s, %u);\n", kw, name, path,
			     (unsigned)offset);
		const struct xi_type *t = m->type;
		const char *sub = path;
		while (t->kind == XI_TYPE_ARRAY) {
			sub = xi_aprintf(g->arena, "%s[0]", sub);
			t = t->u.array.elem;
		}
		if (t->kind == XI_TYPE_AGG)
			member_checks(g, sb, kw, name, t->u.agg, xi_aprintf(g->arena, "%s.", sub),
				      offset, abi);
	}
}

static void emit_checks_for(struct cgen *g, const struct xi_decl *d)
{
	const char *kw = d->kind == XI_DECL_UNION ? "union" : "struct";
	const char *name = xi_c_decl_name(d);
	const struct xi_agg *agg = d->agg;
	bool packed = g->opt->packed && !d->legacy;
	const char *texts[XI_ABI_COUNT];
	XI_FOR_EACH_ABI(a, g->abis) {
		struct xi_strbuf sb = XI_STRBUF_INIT;
		xi_sb_printf(&sb, "XENIDL_CHECK_SIZE(%s, %s, %u);\n", kw, name, (unsigned)agg->lay[a].size);
		if (!packed)
			xi_sb_printf(&sb, "XENIDL_CHECK_ALIGN(%s, %s, %u);\n", kw, name,
				     (unsigned)agg->lay[a].align);
		member_checks(g, &sb, kw, name, agg, "", 0, a);
		texts[a] = xi_strdup(g->arena, xi_sb_str(&sb));
		xi_sb_free(&sb);
	}
	struct abi_group groups[XI_ABI_COUNT];
	unsigned n = group_by_text(groups, g->abis, texts);
	bool all = g->abis == XI_ABI_ALL;
	/* C++ gives empty structs size 1, so what holds one is checked in C only. */
	bool cxx_differs = (agg->empty_abis & g->abis) != 0;
	xi_out_printf(g->out, "\n/* %s %s */\n", kw, name);
	if (n == 1 && all && !cxx_differs) {
		xi_out_puts(g->out, groups[0].text);
		return;
	}
	for (unsigned i = 0; i < n; i++) {
		const char *cond = abi_condition(g->arena, groups[i].abis);
		if (n == 1 && all)
			cond = "1";
		if (agg->empty_abis & groups[i].abis)
			xi_out_printf(g->out, "#%s (%s) && !defined(__cplusplus)\n", i ? "elif" : "if", cond);
		else
			xi_out_printf(g->out, "#%s %s\n", i ? "elif" : "if", cond);
		xi_out_puts(g->out, groups[i].text);
	}
	xi_out_puts(g->out, "#endif\n");
}

static void emit_checks(struct cgen *g)
{
	bool any = false;
	for (unsigned i = 0; i < g->module->ndecls; i++)
		if (xi_decl_is_aggregate(g->module->sorted[i]))
			any = true;
	if (!any)
		return;
	xi_out_puts(g->out,
		    "\n/*\n"
		    " * Layout checks: the compiler confirms the size, alignment and member\n"
		    " * offsets xenidl computed for this ABI. Define XENIDL_NO_LAYOUT_CHECKS\n"
		    " * to leave them out.\n"
		    " */\n"
		    "#ifndef XENIDL_NO_LAYOUT_CHECKS\n");
	for (unsigned i = 0; i < g->module->ndecls; i++) {
		const struct xi_decl *d = g->module->sorted[i];
		if (xi_decl_is_aggregate(d))
			emit_checks_for(g, d);
	}
	xi_out_puts(g->out, "\n#endif /* XENIDL_NO_LAYOUT_CHECKS */\n");
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

static void emit_includes(struct cgen *g)
{
	const struct xi_import *im = g->module->imports;
	if (!im)
		return;
	xi_out_putc(g->out, '\n');
	for (; im; im = im->next) {
		const char *inc = include_path(g->arena, im->path);
		if (!im->is_arch) {
			xi_out_printf(g->out, "#include \"%s\"\n", inc);
			continue;
		}
		bool first = true;
		for (int f = 0; f < XI_FAM_COUNT; f++) {
			if (!im->module[f])
				continue;
			xi_out_printf(g->out, "#%s %s\n#include \"%s/%s\"\n", first ? "if" : "elif",
				      xi_families[f].c_cond, xi_families[f].dir, inc);
			first = false;
		}
		if (first)
			continue;
		xi_out_puts(g->out, "#else\n#error \"xenidl: no definitions for this architecture\"\n#endif\n");
	}
}

static void emit_module(struct cgen *g)
{
	struct xi_module *m = g->module;
	const char *guard = guard_name(g->arena, m->rel);
	struct xi_out *o = g->out;
	xi_out_puts(o, "/*\n");
	if (m->doc) {
		const char *p = m->doc;
		for (;;) {
			const char *nl = strchr(p, '\n');
			size_t n = nl ? (size_t)(nl - p) : strlen(p);
			if (n) {
				xi_out_puts(o, " * ");
				xi_out_write(o, p, n);
				xi_out_putc(o, '\n');
			} else {
				xi_out_puts(o, " *\n");
			}
			if (!nl)
				break;
			p = nl + 1;
		}
		xi_out_puts(o, " *\n");
	}
	xi_out_printf(o, " * Generated by xenidl from %s. Do not edit.\n */\n", source_name(g->arena, m));
	xi_out_printf(o, "#ifndef %s\n#define %s\n\n", guard, guard);
	xi_out_puts(o, c_prelude);
	emit_includes(g);
	for (unsigned i = 0; i < m->ndecls; i++) {
		const struct xi_decl *d = m->sorted[i];
		xi_out_putc(o, '\n');
		switch (d->kind) {
		case XI_DECL_CONST: emit_const(g, d); break;
		case XI_DECL_ALIAS: emit_alias(g, d); break;
		case XI_DECL_ENUM: emit_enum(g, d); break;
		case XI_DECL_BITMAP: emit_bitmap(g, d); break;
		case XI_DECL_STRUCT:
		case XI_DECL_UNION: emit_aggregate(g, d); break;
		}
	}
	emit_checks(g);
	xi_out_printf(o, "\n#endif /* %s */\n", guard);
}

void xi_emit_c(struct xi_ctx *ctx, const struct xi_gen_options *opt, struct xi_outset *out)
{
	for (unsigned i = 0; i < ctx->ninputs; i++) {
		struct xi_module *m = ctx->inputs[i];
		struct cgen g = { ctx, &ctx->arena, opt, m, NULL, xi_module_abis(ctx, m) };
		g.out = xi_out_open(out, xi_aprintf(&ctx->arena, "%s.h", m->rel));
		if (!g.out)
			continue;
		emit_module(&g);
	}
}
