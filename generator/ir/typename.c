#include "typename.h"

#include "strbuf.h"

static void put(struct xi_strbuf *sb, const struct xi_type *t, int abi)
{
	switch (t->kind) {
	case XI_TYPE_PRIM:
		xi_sb_adds(sb, xi_prims[t->prim].name);
		break;
	case XI_TYPE_REF:
		/* X_t names X: the manifest and the docs record X. */
		xi_sb_adds(sb, t->u.ref.via_c_typedef && t->u.ref.decl ? t->u.ref.decl->name
									: t->u.ref.name);
		break;
	case XI_TYPE_VOID:
		xi_sb_adds(sb, "void");
		break;
	case XI_TYPE_ARRAY:
		put(sb, t->u.array.elem, abi);
		if (xi_type_is_flex(t))
			xi_sb_adds(sb, "[]");
		else
			xi_sb_printf(sb, "[%u]", (unsigned)t->u.array.count);
		break;
	case XI_TYPE_HANDLE:
		xi_sb_adds(sb, t->target_const ? "handle<const " : "handle<");
		put(sb, t->u.target, abi);
		xi_sb_addc(sb, '>');
		break;
	case XI_TYPE_NATIVE_HANDLE:
		xi_sb_adds(sb, t->target_const ? "native_handle<const " : "native_handle<");
		put(sb, t->u.target, abi);
		xi_sb_addc(sb, '>');
		break;
	case XI_TYPE_PTR:
		xi_sb_adds(sb, t->target_const ? "ptr<const " : "ptr<");
		put(sb, t->u.target, abi);
		xi_sb_addc(sb, '>');
		break;
	case XI_TYPE_AGG:
		if (t->u.agg->tag_name)
			xi_sb_printf(sb, "union switch (%s) { ... }", t->u.agg->tag_name);
		else
			xi_sb_adds(sb, t->u.agg->is_union ? "union { ... }" : "struct { ... }");
		break;
	case XI_TYPE_ARCH:
		if (abi >= 0 && t->u.arch.abi && t->u.arch.abi[abi])
			put(sb, t->u.arch.abi[abi], abi);
		else
			xi_sb_adds(sb, "arch { ... }");
		break;
	}
}

const char *xi_type_idl_name(struct xi_arena *a, const struct xi_type *t, int abi)
{
	/* Most types are spelled as a bare name: no buffer needed. */
	if (t->kind == XI_TYPE_PRIM)
		return xi_strdup(a, xi_prims[t->prim].name);
	if (t->kind == XI_TYPE_REF && !t->u.ref.via_c_typedef)
		return xi_strdup(a, t->u.ref.name);
	struct xi_strbuf sb = XI_STRBUF_INIT;
	put(&sb, t, abi);
	const char *r = xi_strdup(a, xi_sb_str(&sb));
	xi_sb_free(&sb);
	return r;
}
