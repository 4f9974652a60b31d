/* IR tables and queries shared by every phase. */
#include "ir.h"

#include <string.h>

#include "arena.h"
#include "ascii.h"

const struct xi_prim_info xi_prims[XI_PRIM_COUNT] = {
	[XI_PRIM_U8] = { "u8", 1, false, false, true },
	[XI_PRIM_U16] = { "u16", 2, false, false, true },
	[XI_PRIM_U32] = { "u32", 4, false, false, true },
	[XI_PRIM_U64] = { "u64", 8, false, false, true },
	[XI_PRIM_I8] = { "i8", 1, true, false, true },
	[XI_PRIM_I16] = { "i16", 2, true, false, true },
	[XI_PRIM_I32] = { "i32", 4, true, false, true },
	[XI_PRIM_I64] = { "i64", 8, true, false, true },
	[XI_PRIM_CHAR] = { "char", 1, false, false, false },
	[XI_PRIM_NATIVE_U64] = { "native_u64", 8, false, true, false },
	[XI_PRIM_NATIVE_I64] = { "native_i64", 8, true, true, false },
	[XI_PRIM_C_CHAR] = { "c_char", 1, false, false, false },
	[XI_PRIM_C_SCHAR] = { "c_schar", 1, true, false, true },
	[XI_PRIM_C_UCHAR] = { "c_uchar", 1, false, false, true },
	[XI_PRIM_C_SHORT] = { "c_short", 2, true, false, true },
	[XI_PRIM_C_USHORT] = { "c_ushort", 2, false, false, true },
	[XI_PRIM_C_INT] = { "c_int", 4, true, false, true },
	[XI_PRIM_C_UINT] = { "c_uint", 4, false, false, true },
	[XI_PRIM_C_LONG] = { "c_long", 8, true, true, false },
	[XI_PRIM_C_ULONG] = { "c_ulong", 8, false, true, false },
};

struct xi_type xi_prim_types[XI_PRIM_COUNT] = {
#define PRIM_TYPE(p) [p] = { .kind = XI_TYPE_PRIM, .prim = p }
	PRIM_TYPE(XI_PRIM_U8), PRIM_TYPE(XI_PRIM_U16), PRIM_TYPE(XI_PRIM_U32),
	PRIM_TYPE(XI_PRIM_U64), PRIM_TYPE(XI_PRIM_I8), PRIM_TYPE(XI_PRIM_I16),
	PRIM_TYPE(XI_PRIM_I32), PRIM_TYPE(XI_PRIM_I64), PRIM_TYPE(XI_PRIM_CHAR),
	PRIM_TYPE(XI_PRIM_NATIVE_U64), PRIM_TYPE(XI_PRIM_NATIVE_I64),
	PRIM_TYPE(XI_PRIM_C_CHAR), PRIM_TYPE(XI_PRIM_C_SCHAR), PRIM_TYPE(XI_PRIM_C_UCHAR),
	PRIM_TYPE(XI_PRIM_C_SHORT), PRIM_TYPE(XI_PRIM_C_USHORT), PRIM_TYPE(XI_PRIM_C_INT),
	PRIM_TYPE(XI_PRIM_C_UINT), PRIM_TYPE(XI_PRIM_C_LONG), PRIM_TYPE(XI_PRIM_C_ULONG),
#undef PRIM_TYPE
};

int xi_prim_by_name(const char *name)
{
	for (int p = 0; p < XI_PRIM_COUNT; p++)
		if (!strcmp(xi_prims[p].name, name))
			return p;
	return -1;
}

bool xi_prim_is_c(enum xi_prim p)
{
	return p >= XI_PRIM_C_CHAR && p < XI_PRIM_COUNT;
}

enum xi_prim xi_prim_of_size(unsigned size, bool is_signed)
{
	switch (size) {
	case 1: return is_signed ? XI_PRIM_I8 : XI_PRIM_U8;
	case 2: return is_signed ? XI_PRIM_I16 : XI_PRIM_U16;
	case 4: return is_signed ? XI_PRIM_I32 : XI_PRIM_U32;
	default: return is_signed ? XI_PRIM_I64 : XI_PRIM_U64;
	}
}

/* C's long is a machine word: 4 bytes on the 32-bit ABIs, 8 elsewhere. */
unsigned xi_prim_size(enum xi_prim p, int abi)
{
	if ((p == XI_PRIM_C_LONG || p == XI_PRIM_C_ULONG) &&
	    (abi == XI_ABI_X86_32 || abi == XI_ABI_ARM32))
		return 4;
	return xi_prims[p].size;
}

bool xi_int_fits_prim(struct xi_int v, enum xi_prim p)
{
	const struct xi_prim_info *pi = &xi_prims[p];
	unsigned bits = pi->size * 8;
	if (pi->is_signed) {
		uint64_t limit = UINT64_C(1) << (bits - 1);
		return v.neg ? v.mag <= limit : v.mag < limit;
	}
	if (v.neg)
		return false;
	return bits == 64 || v.mag < (UINT64_C(1) << bits);
}

const char *xi_decl_kind_name(enum xi_decl_kind k)
{
	switch (k) {
	case XI_DECL_CONST: return "constant";
	case XI_DECL_ALIAS: return "alias";
	case XI_DECL_ENUM: return "enum";
	case XI_DECL_BITMAP: return "bitmap";
	case XI_DECL_STRUCT: return "struct";
	case XI_DECL_UNION: return "union";
	}
	return "declaration";
}

const struct xi_type *xi_type_innermost(const struct xi_type *t)
{
	for (;;) {
		switch (t->kind) {
		case XI_TYPE_ARRAY:
			t = t->u.array.elem;
			break;
		case XI_TYPE_HANDLE:
		case XI_TYPE_NATIVE_HANDLE:
		case XI_TYPE_PTR:
			t = t->u.target;
			break;
		default:
			return t;
		}
	}
}

const char *xi_decl_kind_phrase(enum xi_decl_kind k)
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

int xi_ref_any_abi(const struct xi_type *t)
{
	for (int a = 0; a < XI_ABI_COUNT; a++)
		if (xi_ref_decl(t, a))
			return a;
	return -1;
}

struct xi_decl *xi_ref_some_decl(const struct xi_type *t)
{
	int a = xi_ref_any_abi(t);
	return a < 0 ? NULL : xi_ref_decl(t, a);
}

static struct xi_layout prim_layout(enum xi_prim p, int abi)
{
	unsigned size = xi_prim_size(p, abi);
	struct xi_layout l = { size, size };
	if (size == 8 && xi_prims[p].legacy_only)
		l.align = xi_abis[abi].native_u64_align;
	if (p == XI_PRIM_CHAR || p == XI_PRIM_C_CHAR)
		l.align = 1;
	return l;
}

struct xi_layout xi_decl_layout(const struct xi_decl *d, int abi)
{
	struct xi_layout none = { 0, 1 };
	switch (d->kind) {
	case XI_DECL_STRUCT:
	case XI_DECL_UNION:
		return d->agg->lay[abi];
	case XI_DECL_ENUM:
	case XI_DECL_BITMAP:
		return d->backing_ok ? prim_layout(d->backing, abi) : none;
	case XI_DECL_ALIAS:
		return xi_type_layout(d->type, abi);
	case XI_DECL_CONST:
		break;
	}
	return none;
}

struct xi_layout xi_type_layout(const struct xi_type *t, int abi)
{
	struct xi_layout l = { 0, 1 };
	switch (t->kind) {
	case XI_TYPE_PRIM:
		return prim_layout(t->prim, abi);
	case XI_TYPE_REF:
		if (xi_ref_decl(t, abi))
			return xi_decl_layout(xi_ref_decl(t, abi), abi);
		break;
	case XI_TYPE_ARRAY:
		l = xi_type_layout(t->u.array.elem, abi);
		l.size *= t->u.array.count;
		break;
	case XI_TYPE_HANDLE:
		l.size = l.align = 8;
		break;
	case XI_TYPE_NATIVE_HANDLE:
		l.size = l.align = xi_abis[abi].native_handle_size;
		break;
	case XI_TYPE_PTR:
		l.size = l.align = xi_abis[abi].pointer_size;
		break;
	case XI_TYPE_AGG:
		return t->u.agg->lay[abi];
	case XI_TYPE_ARCH:
		if (t->u.arch.abi && t->u.arch.abi[abi])
			return xi_type_layout(t->u.arch.abi[abi], abi);
		break;
	case XI_TYPE_VOID:
		break;
	}
	return l;
}

const struct xi_type *xi_type_resolve(const struct xi_type *t, int abi)
{
	for (unsigned hops = 0; hops < 4096; hops++) {
		if (t->kind == XI_TYPE_ARCH && t->u.arch.abi && t->u.arch.abi[abi]) {
			t = t->u.arch.abi[abi];
			continue;
		}
		if (t->kind != XI_TYPE_REF || !xi_ref_decl(t, abi) ||
		    xi_ref_decl(t, abi)->kind != XI_DECL_ALIAS)
			return t;
		t = xi_ref_decl(t, abi)->type;
	}
	return t;
}

/* An SPDX license expression: license names, WITH, AND, OR and
 * parentheses. What may end up in a C or Rust comment is checked; whether
 * the license names exist is SPDX's business. */
bool xi_spdx_is_valid(const char *s)
{
	if (!*s || *s == ' ')
		return false;
	for (const char *p = s; *p; p++)
		if (!(xi_is_alnum(*p) || strchr(".-+:() ", *p)) || (p[0] == ' ' && p[1] == ' '))
			return false;
	return s[strlen(s) - 1] != ' ';
}

const char *xi_import_family_path(struct xi_arena *a, const struct xi_import *im, int f)
{
	if (im->is_map)
		return im->family_path[f];
	return xi_aprintf(a, "%s/%s", xi_families[f].dir, im->path);
}

const char *xi_module_abi_parent_rel(struct xi_arena *a, const struct xi_module *m)
{
	if (!m->abi_only)
		return NULL;
	if (m->abi_importer)
		return xi_module_c_rel(m->abi_importer);
	const char *dash = strrchr(m->rel, '-');
	if (!dash || xi_abi_by_name(dash + 1, (unsigned)strlen(dash + 1)) < 0)
		return NULL;
	return xi_aprintf(a, "%.*s", (int)(dash - m->rel), m->rel);
}

int xi_import_key_slot(const char *key)
{
	int f = xi_family_by_name(key);
	if (f >= 0)
		return f;
	int a = xi_abi_by_name(key, (unsigned)strlen(key));
	return a >= 0 ? XI_IMPORT_ABI_SLOT(a) : -1;
}

const char *xi_import_slot_name(int slot)
{
	return slot < XI_FAM_COUNT ? xi_families[slot].name : xi_abis[slot - XI_FAM_COUNT].name;
}

bool xi_module_sees(const struct xi_module *m, const struct xi_module *other)
{
	return (m->visible[other->index / 64] >> (other->index % 64)) & 1;
}

const struct xi_member *xi_agg_flex_member(const struct xi_agg *agg)
{
	const struct xi_member *last = NULL;
	if (agg->is_union)
		return NULL;
	for (const struct xi_member *m = agg->members; m; m = m->next)
		last = m;
	return last && xi_type_is_flex(last->type) ? last : NULL;
}

const char *xi_module_source_name(struct xi_arena *a, const struct xi_module *m)
{
	const char *slash = strrchr(m->path, '/');
	const char *base = slash ? slash + 1 : m->path;
	const char *dot = strrchr(base, '.');
	if (m->part_of)
		return xi_aprintf(a, "%s%s (%s group)", m->part_of->rel, dot ? dot : "",
				  xi_families[m->family].name);
	return xi_aprintf(a, "%s%s", m->rel, dot ? dot : "");
}

/* An anonymous aggregate exists on an ABI where one of its members does. */
bool xi_agg_present(const struct xi_agg *agg, int abi)
{
	for (const struct xi_member *m = agg->members; m; m = m->next)
		if (xi_member_present(m, abi))
			return true;
	return false;
}

const struct xi_member *xi_anonymous_fallback(const struct xi_agg *anon, int abi)
{
	const struct xi_member *first = NULL;
	for (const struct xi_member *m = anon->members; m; m = m->next) {
		if (!xi_member_present(m, abi))
			continue;
		if (m->flags & XI_MEMBER_C_FALLBACK)
			return m;
		if (!first)
			first = m;
	}
	return first;
}

const struct xi_type *xi_type_array_base(const struct xi_type *t)
{
	while (t->kind == XI_TYPE_ARRAY)
		t = t->u.array.elem;
	return t;
}
