/* xidl's constructs as each form writes them (see spelling.h). */
#include "spelling.h"

#include <string.h>

enum xi_spec_format xi_format_of_path(const char *path)
{
	const char *slash = strrchr(path, '/');
	const char *dot = strrchr(slash ? slash + 1 : path, '.');
	if (!dot)
		return XI_FORMAT_XIDL;
	if (!strcmp(dot, ".yaml") || !strcmp(dot, ".yml"))
		return XI_FORMAT_YAML;
	if (!strcmp(dot, ".toml"))
		return XI_FORMAT_TOML;
	return XI_FORMAT_XIDL;
}

enum xi_spec_format xi_form_at(const struct xi_ctx *ctx, struct xi_loc loc)
{
	const struct xi_source *src = xi_diag_source(&ctx->diag, loc.file);
	return src ? xi_format_of_path(src->path) : XI_FORMAT_XIDL;
}

bool xi_attr_is_direction(const char *attr)
{
	return !strcmp(attr, "in") || !strcmp(attr, "out") || !strcmp(attr, "inout");
}

const char *xi_spell_attr(struct xi_ctx *ctx, struct xi_loc loc, const char *attr)
{
	if (xi_form_at(ctx, loc) == XI_FORMAT_XIDL)
		return xi_aprintf(&ctx->arena, "@%s", attr);
	return xi_attr_is_direction(attr) ? "direction" : attr;
}

const char *xi_spell_flag(struct xi_ctx *ctx, struct xi_loc loc, const char *attr)
{
	switch (xi_form_at(ctx, loc)) {
	case XI_FORMAT_YAML:
		if (xi_attr_is_direction(attr))
			return xi_aprintf(&ctx->arena, "'direction: %s'", attr);
		return xi_aprintf(&ctx->arena, "'%s: true'", attr);
	case XI_FORMAT_TOML:
		if (xi_attr_is_direction(attr))
			return xi_aprintf(&ctx->arena, "'direction = \"%s\"'", attr);
		return xi_aprintf(&ctx->arena, "'%s = true'", attr);
	case XI_FORMAT_XIDL:
		break;
	}
	return xi_aprintf(&ctx->arena, "'@%s'", attr);
}

const char *xi_spell_legacy_decls(struct xi_ctx *ctx, struct xi_loc loc)
{
	if (xi_form_at(ctx, loc) == XI_FORMAT_XIDL)
		return "@legacy declarations";
	return xi_aprintf(&ctx->arena, "declarations with %s", xi_spell_flag(ctx, loc, "legacy"));
}

const char *xi_spell_mark_legacy(struct xi_ctx *ctx, struct xi_loc loc)
{
	if (xi_form_at(ctx, loc) == XI_FORMAT_XIDL)
		return "mark the declaration @legacy";
	return xi_aprintf(&ctx->arena, "give the declaration %s", xi_spell_flag(ctx, loc, "legacy"));
}

/* The type of a reserved member: u8, or an array of bytes u8. */
static const char *reserved_type(struct xi_ctx *ctx, enum xi_spec_format form,
				 enum xi_type_spelling types, uint32_t bytes)
{
	struct xi_arena *a = &ctx->arena;
	bool toml = form == XI_FORMAT_TOML;
	if (types == XI_TYPES_TAGGED) {
		if (bytes == 1)
			return toml ? "{ tag = \"u8\" }" : "{tag: u8}";
		return xi_aprintf(a, toml ? "{ tag = \"array\", args = [{ tag = \"u8\" }, %u] }"
					  : "{tag: array, args: [{tag: u8}, %u]}",
				  (unsigned)bytes);
	}
	if (bytes == 1)
		return toml ? "\"u8\"" : "u8";
	return xi_aprintf(a, toml ? "{ array = [\"u8\", %u] }" : "{array: [u8, %u]}", (unsigned)bytes);
}

static const char *type_key(enum xi_type_spelling types)
{
	return types == XI_TYPES_TAGGED ? "typ" : "type";
}

const char *xi_spell_reserved_member(struct xi_ctx *ctx, enum xi_spec_format form,
				     enum xi_type_spelling types, const char *name, uint32_t bytes)
{
	struct xi_arena *a = &ctx->arena;
	switch (form) {
	case XI_FORMAT_YAML:
		return xi_aprintf(a, "{name: %s, reserved: true, %s: %s}", name, type_key(types),
				  reserved_type(ctx, form, types, bytes));
	case XI_FORMAT_TOML:
		return xi_aprintf(a, "{ name = \"%s\", reserved = true, %s = %s }", name,
				  type_key(types), reserved_type(ctx, form, types, bytes));
	case XI_FORMAT_XIDL:
		break;
	}
	if (bytes == 1)
		return xi_aprintf(a, "@reserved %s: u8;", name);
	return xi_aprintf(a, "@reserved %s: u8[%u];", name, (unsigned)bytes);
}

const char *xi_spell_reserved_keys(struct xi_ctx *ctx, enum xi_type_spelling types,
				   const char *indent, const char *name, uint32_t bytes)
{
	return xi_aprintf(&ctx->arena, "%sname = \"%s\"\n%sreserved = true\n%s%s = %s\n", indent,
			  name, indent, indent, type_key(types),
			  reserved_type(ctx, XI_FORMAT_TOML, types, bytes));
}
