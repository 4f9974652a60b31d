/* Attributes: interpreted from the lists a reader recorded (ir.h, struct
 * xi_attrs_read), at the end of each declaration, in the order the reader
 * met them.
 * Every reader (xidl, YAML, TOML) records them the same way, so the rules
 * are the same whatever the input form; messages name an attribute as
 * that form writes it (the key 'c_prefix' of YAML is '@c_prefix' in
 * xidl). */
#include "attrs.h"

#include <stdlib.h>
#include <string.h>

#include "ascii.h"
#include "cond.h"
#include "ctypes.h"

#include "spelling.h"

static bool is_c_identifier(const char *s)
{
	return xi_is_identifier(s, strlen(s));
}

/* Where an attribute is written as "@name" in its source (a is at the
 * name): false for attributes a YAML or TOML key stands for. */
static bool attr_text(struct xi_ctx *ctx, const struct xi_attr *a, struct xi_loc *at)
{
	struct xi_source *src = xi_diag_source(&ctx->diag, a->loc.file);
	size_t len, n = strlen(a->name);
	const char *line = src ? xi_source_line(src, a->loc.line, &len) : NULL;
	if (!line || a->loc.col < 2 || a->loc.col - 1 + n > len || line[a->loc.col - 2] != '@' ||
	    memcmp(line + a->loc.col - 1, a->name, n) != 0)
		return false;
	*at = a->loc;
	at->col--;
	at->len = (uint16_t)(n + 1);
	return true;
}

/* Two directions: '@inout' says both. The fix-it makes the first one
 * '@inout' and takes the second away: one edit when they share a line. */
static void direction_conflict(struct xi_ctx *ctx, const struct xi_attr *first,
			       const struct xi_attr *second)
{
	struct xi_loc a, b;
	struct xi_fixit fix[2];
	unsigned n = 0;
	if (attr_text(ctx, first, &a) && attr_text(ctx, second, &b)) {
		if (a.line == b.line && a.col < b.col) {
			a.len = (uint16_t)(b.col + b.len - a.col);
			fix[n++] = xi_fixit_replace(a, "@inout");
		} else {
			fix[n++] = xi_fixit_replace(a, "@inout");
			fix[n++] = xi_fixit_replace(b, "");
		}
	}
	xi_error_fix(&ctx->diag, second->loc, fix, n, "'@%s' conflicts with '@%s'; write '@inout'",
		     second->name, first->name);
}

static bool attr_no_arg(struct xi_ctx *ctx, const struct xi_attr *a)
{
	if (a->arg_kind != XI_ATTR_ARG_NONE) {
		xi_error(&ctx->diag, a->arg_loc, "'@%s' takes no argument", a->name);
		return false;
	}
	return true;
}

static const char *attr_string(struct xi_ctx *ctx, const struct xi_attr *a, bool identifier)
{
	if (a->arg_kind != XI_ATTR_ARG_STRING) {
		xi_error(&ctx->diag, a->loc, "'@%s' needs a string argument, as in @%s(\"NAME\")",
			 a->name, a->name);
		return NULL;
	}
	if (identifier && !is_c_identifier(a->str)) {
		xi_error(&ctx->diag, a->arg_loc, "'%s' is not a valid C identifier", a->str);
		return NULL;
	}
	return a->str;
}

/* Report a repeated attribute; true if `a` repeats an earlier one. */
static bool attr_repeated(struct xi_ctx *ctx, const struct xi_attr *list, const struct xi_attr *a)
{
	for (const struct xi_attr *o = list; o != a; o = o->next) {
		if (o->name == a->name || !strcmp(o->name, a->name)) {
			xi_error(&ctx->diag, a->loc, "duplicate attribute '@%s'", a->name);
			return true;
		}
	}
	return false;
}

bool xi_attr_is_known(const char *n)
{
	static const char *const names[] = { "in", "out", "inout", "reserved", "legacy",
					     "c_name", "c_prefix", "version", "c_bitfields", "c_type", "c_enum",
					     "len", "max", "if", "interface_version", "c_handle", "c_bit_numbers",
					     "c_typedef", "c_field_macro", "c_fallback", "c_typedef_if",
					     "c_inline", "c_asm", "c_ifndef", "c_name_if", "c_alias",
					     "c_old_name", "c_alias_if", "hvm_save" };
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (!strcmp(n, names[i]))
			return true;
	return false;
}

/* @c_type(c_int): the C type of an integer macro. */
static enum xi_ctype attr_ctype(struct xi_ctx *ctx, const struct xi_attr *a)
{
	enum xi_ctype t = XI_CTYPE_NONE;
	if (a->arg_kind == XI_ATTR_ARG_EXPR && a->expr->kind == XI_EXPR_NAME)
		t = xi_ctype_parse(a->expr->name);
	if (t == XI_CTYPE_NONE)
		xi_error(&ctx->diag, a->arg_kind == XI_ATTR_ARG_NONE ? a->loc : a->arg_loc,
			 "'@c_type' needs a C integer type: c_int, c_uint, c_long, c_ulong, "
			 "c_longlong or c_ulonglong");
	return t;
}

static void attr_misplaced(struct xi_ctx *ctx, const struct xi_attr *a, const char *where)
{
	if (!strcmp(a->name, "if"))
		xi_error(&ctx->diag, a->loc, "'%s' applies to declarations only, not yet to %s",
			 xi_spell_attr(ctx, a->loc, a->name), where);
	else if (!xi_attr_is_known(a->name))
		xi_error(&ctx->diag, a->loc, "unknown attribute '@%s'", a->name);
	else
		xi_error(&ctx->diag, a->loc, "'%s' does not apply to %s",
			 xi_spell_attr(ctx, a->loc, a->name), where);
}

static void apply_spdx(struct xi_ctx *ctx, struct xi_module *m, const struct xi_attr *a)
{
	if (m->spdx) {
		xi_error(&ctx->diag, a->loc, "duplicate file attribute '@!spdx'");
		return;
	}
	if (a->arg_kind != XI_ATTR_ARG_STRING) {
		xi_error(&ctx->diag, a->arg_kind == XI_ATTR_ARG_NONE ? a->loc : a->arg_loc,
			 "'@!spdx' takes a license expression as a string, as in @!spdx(\"MIT\")");
		return;
	}
	if (!xi_spdx_is_valid(a->str)) {
		xi_error(&ctx->diag, a->arg_loc, "'%s' is not an SPDX license expression (letters, "
			 "digits, '.', '-', '+', ':', parentheses and single spaces)", a->str);
		return;
	}
	m->spdx = a->str;
	m->spdx_loc = a->loc;
}

static void apply_c_guard(struct xi_ctx *ctx, struct xi_module *m, const struct xi_attr *a)
{
	if (m->c_guard) {
		xi_error(&ctx->diag, a->loc, "duplicate file attribute '@!c_guard'");
		return;
	}
	if (a->arg_kind != XI_ATTR_ARG_STRING) {
		xi_error(&ctx->diag, a->arg_kind == XI_ATTR_ARG_NONE ? a->loc : a->arg_loc,
			 "'@!c_guard' takes the include guard's name as a string, as in "
			 "@!c_guard(\"__XEN_PUBLIC_IO_SCSI_H__\")");
		return;
	}
	if (!is_c_identifier(a->str)) {
		xi_error(&ctx->diag, a->arg_loc, "'%s' is not a valid C identifier", a->str);
		return;
	}
	m->c_guard = a->str;
	m->c_guard_loc = a->loc;
}

static void apply_file(struct xi_ctx *ctx, struct xi_module *m, const struct xi_attr *a)
{
	if (!strcmp(a->name, "spdx")) {
		apply_spdx(ctx, m, a);
		return;
	}
	if (!strcmp(a->name, "c_guard")) {
		apply_c_guard(ctx, m, a);
		return;
	}
	if (!strcmp(a->name, "c_prelude")) {
		if (m->c_prelude || m->c_prelude_hvm_save) {
			xi_error(&ctx->diag, a->loc, "duplicate file attribute '@!c_prelude'");
			return;
		}
		/* No argument: the guest handles and the rest of xen.h's part;
		 * (version): the interface version, as Xen's xen-compat.h. */
		if (a->arg_kind == XI_ATTR_ARG_EXPR && a->expr->kind == XI_EXPR_NAME &&
		    !strcmp(a->expr->name, "version"))
			m->c_prelude_version = true;
		/* (hvm_save): the save records' machinery only, as Xen's
		 * hvm/save.h; none of the rest. */
		else if (a->arg_kind == XI_ATTR_ARG_EXPR && a->expr->kind == XI_EXPR_NAME &&
			 !strcmp(a->expr->name, "hvm_save")) {
			m->c_prelude_hvm_save = true;
			m->c_prelude_loc = a->loc;
			return;
		} else if (a->arg_kind != XI_ATTR_ARG_NONE)
			xi_error(&ctx->diag, a->arg_loc,
				 "'@!c_prelude' takes no argument, 'version' or 'hvm_save'");
		m->c_prelude = true;
		m->c_prelude_loc = a->loc;
		return;
	}
	if (!strcmp(a->name, "c_handle")) {
		/* (NAME): the guest handles of an imported type, here. */
		if (a->arg_kind != XI_ATTR_ARG_EXPR || a->expr->kind != XI_EXPR_NAME) {
			xi_error(&ctx->diag, a->arg_kind == XI_ATTR_ARG_NONE ? a->loc : a->arg_loc,
				 "'@!c_handle' takes the name of an imported type, as in "
				 "@!c_handle(vcpu_time_info)");
			return;
		}
		struct xi_c_handle_of **tail = &m->c_handles;
		for (; *tail; tail = &(*tail)->next) {
			if (!strcmp((*tail)->name, a->expr->name)) {
				xi_error(&ctx->diag, a->arg_loc, "duplicate '@!c_handle(%s)'",
					 a->expr->name);
				return;
			}
		}
		*tail = XI_NEW(&ctx->arena, struct xi_c_handle_of);
		(*tail)->name = a->expr->name;
		(*tail)->loc = a->arg_loc;
		return;
	}
	if (strcmp(a->name, "if")) {
		xi_error(&ctx->diag, a->loc, "unknown file attribute '@!%s'", a->name);
		return;
	}
	if (m->tools_only) {
		xi_error(&ctx->diag, a->loc, "duplicate file attribute '@!if'");
		return;
	}
	/* The condition language has one word so far: 'tools', the file is
	 * for the hypervisor and the toolstack only. */
	if (a->arg_kind != XI_ATTR_ARG_EXPR || a->expr->kind != XI_EXPR_NAME ||
	    strcmp(a->expr->name, "tools")) {
		xi_error(&ctx->diag, a->arg_kind == XI_ATTR_ARG_NONE ? a->loc : a->arg_loc,
			 "'@!if' takes the condition 'tools', as in @!if(tools)");
		return;
	}
	m->tools_only = true;
	m->tools_only_loc = a->loc;
}

static void apply_decl(struct xi_ctx *ctx, struct xi_decl *d, const struct xi_attr *list)
{
	for (const struct xi_attr *a = list; a; a = a->next) {
		if (attr_repeated(ctx, list, a))
			continue;
		if (!strcmp(a->name, "legacy") &&
		    (d->kind == XI_DECL_STRUCT || d->kind == XI_DECL_UNION || d->kind == XI_DECL_ALIAS)) {
			if (attr_no_arg(ctx, a))
				d->legacy = true;
		} else if (!strcmp(a->name, "c_name")) {
			d->c_name = attr_string(ctx, a, true);
		} else if (!strcmp(a->name, "c_prefix") &&
			   (d->kind == XI_DECL_ENUM || d->kind == XI_DECL_BITMAP)) {
			d->c_prefix = attr_string(ctx, a, false);
			if (d->c_prefix && *d->c_prefix && !is_c_identifier(d->c_prefix)) {
				xi_error(&ctx->diag, a->arg_loc, "'%s' is not a valid C identifier prefix",
					 d->c_prefix);
				d->c_prefix = NULL;
			}
		} else if (!strcmp(a->name, "c_type") && (d->kind == XI_DECL_CONST ||
			   d->kind == XI_DECL_ENUM || d->kind == XI_DECL_BITMAP)) {
			d->c_type = attr_ctype(ctx, a);
		} else if (!strcmp(a->name, "c_enum") && d->kind == XI_DECL_ENUM) {
			d->c_enum = true;
			if (a->arg_kind != XI_ATTR_ARG_NONE)
				d->c_enum_typedef = attr_string(ctx, a, true);
		} else if (!strcmp(a->name, "c_bitfields") && d->kind == XI_DECL_BITMAP) {
			if (attr_no_arg(ctx, a))
				d->c_bitfields = true;
		} else if (!strcmp(a->name, "c_asm") && d->kind == XI_DECL_CONST) {
			/* (on a string constant only: see consteval.c) */
			if (attr_no_arg(ctx, a))
				d->c_asm = true;
		} else if (!strcmp(a->name, "c_ifndef") && d->kind == XI_DECL_CONST) {
			if (attr_no_arg(ctx, a))
				d->c_ifndef = true;
		} else if (!strcmp(a->name, "hvm_save") && d->kind == XI_DECL_CONST) {
			/* the resolver finds the type and checks the record */
			if (a->arg_kind != XI_ATTR_ARG_EXPR || a->expr->kind != XI_EXPR_NAME)
				xi_error(&ctx->diag, a->arg_kind == XI_ATTR_ARG_NONE ? a->loc : a->arg_loc,
					 "'%s' needs the struct of the record's data, as in "
					 "@hvm_save(hvm_hw_pit)", xi_spell_attr(ctx, a->loc, a->name));
			else {
				d->hvm_save = a->expr->name;
				d->hvm_save_loc = a->arg_loc;
			}
		} else if (!strcmp(a->name, "interface_version") && d->kind == XI_DECL_CONST) {
			if (attr_no_arg(ctx, a))
				d->interface_version = true;
		} else if (!strcmp(a->name, "if")) {
			/* The reader parsed it (and reported its errors). */
			if (a->arg_kind == XI_ATTR_ARG_COND)
				d->cond = a->cond;
			else
				xi_error(&ctx->diag, a->loc, "'%s' needs a condition, as in @if(tools)",
					 xi_spell_attr(ctx, a->loc, a->name));
		} else if (!strcmp(a->name, "c_bit_numbers") && d->kind == XI_DECL_BITMAP) {
			if (attr_no_arg(ctx, a))
				d->c_bit_numbers = true;
		} else if (!strcmp(a->name, "c_handle") && (d->kind == XI_DECL_STRUCT ||
			   d->kind == XI_DECL_UNION || d->kind == XI_DECL_ALIAS)) {
			if (attr_no_arg(ctx, a))
				d->c_handle = true;
		} else if (!strcmp(a->name, "c_inline") &&
			   (d->kind == XI_DECL_STRUCT || d->kind == XI_DECL_UNION)) {
			if (attr_no_arg(ctx, a))
				d->c_inline = true;
		} else if (!strcmp(a->name, "c_typedef") &&
			   (d->kind == XI_DECL_STRUCT || d->kind == XI_DECL_UNION ||
			    d->kind == XI_DECL_ENUM)) {
			/* no argument: NAME_t; ("name"): that name (an enum: with
			 * @c_enum, a tagged C enum that also has a typedef) */
			d->c_typedef = true;
			if (a->arg_kind != XI_ATTR_ARG_NONE)
				d->c_typedef_name = attr_string(ctx, a, true);
		} else if (!strcmp(a->name, "c_typedef_if") &&
			   (d->kind == XI_DECL_STRUCT || d->kind == XI_DECL_UNION)) {
			/* The reader parsed the condition (and reported its errors). */
			if (a->arg_kind != XI_ATTR_ARG_COND)
				xi_error(&ctx->diag, a->loc, "'%s' needs a condition, "
					 "as in @c_typedef_if(!xen)", xi_spell_attr(ctx, a->loc, a->name));
			else if (a->cond && (xi_cond_find_family(a->cond) ||
					     xi_cond_has_defined(a->cond)))
				xi_error(&ctx->diag, a->arg_loc, "'%s' takes a condition on xen, tools "
					 "and version only, not an architecture or defined(NAME)",
					 xi_spell_attr(ctx, a->loc, a->name));
			else
				d->c_typedef_cond = a->cond;
		} else if (!strcmp(a->name, "c_name_if") &&
			   (d->kind == XI_DECL_STRUCT || d->kind == XI_DECL_UNION)) {
			/* The reader parsed both arguments (and reported their errors). */
			if (a->arg_kind != XI_ATTR_ARG_COND)
				xi_error(&ctx->diag, a->loc, "'%s' needs a condition and a C name, "
					 "as in @c_name_if(xen, \"guest_user_regs\")",
					 xi_spell_attr(ctx, a->loc, a->name));
			else if (a->cond && (xi_cond_find_family(a->cond) ||
					     xi_cond_has_defined(a->cond)))
				xi_error(&ctx->diag, a->arg_loc, "'%s' takes a condition on xen, tools "
					 "and version only, not an architecture or defined(NAME)",
					 xi_spell_attr(ctx, a->loc, a->name));
			else if (a->cond && a->str && xi_cond_reference(ctx, a->cond))
				xi_error(&ctx->diag, a->arg_loc, "'%s' renames '%s' in the reference "
					 "configuration (a toolstack at the latest version), where the "
					 "other outputs name it as declared; use @c_name, or a condition "
					 "false there, such as xen", xi_spell_attr(ctx, a->loc, a->name),
					 d->name);
			else if (a->cond && a->str) {
				d->c_name_cond = a->cond;
				d->c_name_alt = a->str;
			}
		} else if ((!strcmp(a->name, "c_alias") || !strcmp(a->name, "c_old_name")) &&
			   (d->kind == XI_DECL_STRUCT || d->kind == XI_DECL_UNION)) {
			const char *name = attr_string(ctx, a, true);
			if (!strcmp(a->name, "c_alias"))
				d->c_alias = name;
			else
				d->c_old_name = name;
		} else if (!strcmp(a->name, "c_alias_if") &&
			   (d->kind == XI_DECL_STRUCT || d->kind == XI_DECL_UNION)) {
			if (a->arg_kind != XI_ATTR_ARG_COND)
				xi_error(&ctx->diag, a->loc, "'%s' needs a condition, as in "
					 "@c_alias_if(version < 0x00040400)",
					 xi_spell_attr(ctx, a->loc, a->name));
			else if (a->cond && (xi_cond_find_family(a->cond) ||
					     xi_cond_has_defined(a->cond)))
				xi_error(&ctx->diag, a->arg_loc, "'%s' takes a condition on xen, tools "
					 "and version only, not an architecture or defined(NAME)",
					 xi_spell_attr(ctx, a->loc, a->name));
			else
				d->c_alias_cond = a->cond;
		} else if (!strcmp(a->name, "version") &&
			   (d->kind == XI_DECL_STRUCT || d->kind == XI_DECL_UNION)) {
			if (a->arg_kind != XI_ATTR_ARG_EXPR || a->expr->kind != XI_EXPR_NAME)
				xi_error(&ctx->diag, a->loc,
					 "'@version' needs the name of a constant, as in @version(NAME_VERSION)");
			else
				d->version = a->expr;
		} else {
			attr_misplaced(ctx, a, xi_decl_kind_phrase(d->kind));
		}
	}
	/* @c_old_name renames the C type where a condition holds (elsewhere it
	 * would be @c_name); @c_alias_if conditions the two alias attributes
	 * (written, even if wrongly: one error is enough). */
	bool named = false;
	for (const struct xi_attr *a = list; a; a = a->next)
		named |= !strcmp(a->name, "c_alias") || !strcmp(a->name, "c_old_name");
	for (const struct xi_attr *a = list; a; a = a->next) {
		if (!strcmp(a->name, "c_typedef") && d->kind == XI_DECL_ENUM && !d->c_enum)
			xi_error(&ctx->diag, a->loc, "'%s' on an enum needs '@c_enum': without it "
				 "C has the enum's values as macros, and no type to name",
				 xi_spell_attr(ctx, a->loc, a->name));
		else if (!strcmp(a->name, "c_typedef") && d->kind == XI_DECL_ENUM &&
			 d->c_enum_typedef)
			xi_error(&ctx->diag, a->loc, "'%s' names the typedef of a tagged C enum; "
				 "'@c_enum(\"%s\")' already gives an anonymous one: write '@c_enum' "
				 "for both a tag and a typedef", xi_spell_attr(ctx, a->loc, a->name),
				 d->c_enum_typedef);
		else if (!strcmp(a->name, "c_old_name") && d->c_old_name && !d->c_alias_cond)
			xi_error(&ctx->diag, a->loc, "'%s' needs '@c_alias_if' with the condition "
				 "where C uses the old name, as in @c_alias_if(version < 0x0003020a)",
				 xi_spell_attr(ctx, a->loc, a->name));
		else if (!strcmp(a->name, "c_alias_if") && d->c_alias_cond && !named)
			xi_error(&ctx->diag, a->loc, "'%s' conditions '@c_alias' or '@c_old_name', "
				 "and '%s' has neither", xi_spell_attr(ctx, a->loc, a->name), d->name);
	}
}

/* The relation @len and @max give: on the member's own type node (an
 * array's or a handle's, made for this member alone), which the resolver
 * checks. NULL, with the error, when the member cannot have one. */
static struct xi_len *member_len(struct xi_ctx *ctx, struct xi_member *m, const struct xi_attr *a)
{
	struct xi_type *t = m->type;
	struct xi_len **slot = t == NULL ? NULL
			     : t->kind == XI_TYPE_ARRAY ? &t->u.array.rel
			     : t->kind == XI_TYPE_HANDLE || t->kind == XI_TYPE_NATIVE_HANDLE
				     ? &t->u.target_rel : NULL;
	if (!slot) {
		if (t)
			xi_error(&ctx->diag, a->loc,
				 "'%s' applies to an array, a flexible array or a handle member, "
				 "and '%s' is none", xi_spell_attr(ctx, a->loc, a->name), m->name);
		return NULL;
	}
	if (!*slot)
		*slot = XI_NEW(&ctx->arena, struct xi_len);
	return *slot;
}

static void apply_len(struct xi_ctx *ctx, struct xi_member *m, const struct xi_attr *a)
{
	bool is_len = !strcmp(a->name, "len");
	if (a->arg_kind != XI_ATTR_ARG_EXPR || (is_len && a->expr->kind != XI_EXPR_NAME)) {
		xi_error(&ctx->diag, a->arg_kind == XI_ATTR_ARG_NONE ? a->loc : a->arg_loc,
			 is_len ? "'%s' needs the name of the member holding the count, as in "
				  "@len(nr)"
				: "'%s' needs a bound, a constant expression, as in @max(16)",
			 xi_spell_attr(ctx, a->loc, a->name));
		return;
	}
	struct xi_len *rel = member_len(ctx, m, a);
	if (!rel)
		return;
	if (is_len)
		rel->count = a->expr;
	else
		rel->max = a->expr;
}

static void apply_member(struct xi_ctx *ctx, struct xi_member *m, const struct xi_attr *list)
{
	const struct xi_attr *direction = NULL, *reserved = NULL, *alias_if = NULL;
	const char *alias = NULL;
	bool named = false;
	for (const struct xi_attr *a = list; a; a = a->next) {
		if (attr_repeated(ctx, list, a))
			continue;
		if (xi_attr_is_direction(a->name)) {
			if (!attr_no_arg(ctx, a))
				continue;
			if (direction) {
				direction_conflict(ctx, direction, a);
				continue;
			}
			direction = a;
			m->flags |= !strcmp(a->name, "in") ? XI_MEMBER_IN
				  : !strcmp(a->name, "out") ? XI_MEMBER_OUT
				  : XI_MEMBER_IN | XI_MEMBER_OUT;
		} else if (!strcmp(a->name, "reserved")) {
			if (attr_no_arg(ctx, a)) {
				reserved = a;
				m->flags |= XI_MEMBER_RESERVED;
			}
		} else if (!strcmp(a->name, "c_name")) {
			m->c_name = attr_string(ctx, a, true);
		} else if (!strcmp(a->name, "len") || !strcmp(a->name, "max")) {
			apply_len(ctx, m, a);
		} else if (!strcmp(a->name, "if") && a->arg_kind == XI_ATTR_ARG_COND) {
			if (a->cond)
				xi_member_cond_set(ctx, m, a->cond);
		} else if (!strcmp(a->name, "c_fallback")) {
			/* the resolver checks that it is in an anonymous aggregate */
			if (attr_no_arg(ctx, a))
				m->flags |= XI_MEMBER_C_FALLBACK;
		} else if (!strcmp(a->name, "c_alias")) {
			named = true;
			alias = attr_string(ctx, a, true);
		} else if (!strcmp(a->name, "c_alias_if")) {
			if (a->arg_kind != XI_ATTR_ARG_COND)
				xi_error(&ctx->diag, a->loc, "'%s' needs a condition, as in "
					 "@c_alias_if(version < 0x00040400)",
					 xi_spell_attr(ctx, a->loc, a->name));
			else if (a->cond && (xi_cond_find_family(a->cond) ||
					     xi_cond_has_defined(a->cond)))
				xi_error(&ctx->diag, a->arg_loc, "'%s' takes a condition on xen, tools "
					 "and version only, not an architecture or defined(NAME)",
					 xi_spell_attr(ctx, a->loc, a->name));
			else if (a->cond)
				alias_if = a;
		} else {
			attr_misplaced(ctx, a, "a member");
		}
	}
	if (alias_if && !named)
		xi_error(&ctx->diag, alias_if->loc, "'%s' conditions '@c_alias', and '%s' has none",
			 xi_spell_attr(ctx, alias_if->loc, alias_if->name), m->name);
	if (alias) {
		struct xi_member_alias *ma = XI_NEW(&ctx->arena, struct xi_member_alias);
		ma->name = alias;
		ma->cond = alias_if ? alias_if->cond : NULL;
		xi_member_alias_set(ctx, m, ma);
	}
	if (direction && reserved && xi_form_at(ctx, reserved->loc) == XI_FORMAT_XIDL)
		xi_error(&ctx->diag, reserved->loc,
			 "a '@reserved' member carries no data and takes no direction");
	else if (direction && reserved)
		xi_error(&ctx->diag, reserved->loc,
			 "a field with %s carries no data and takes no 'direction'",
			 xi_spell_flag(ctx, reserved->loc, "reserved"));
}

static void apply_variant(struct xi_ctx *ctx, struct xi_variant *v, const struct xi_attr *list,
			  const char *what)
{
	for (const struct xi_attr *a = list; a; a = a->next) {
		if (attr_repeated(ctx, list, a))
			continue;
		if (!strcmp(a->name, "c_name"))
			v->c_name = attr_string(ctx, a, true);
		else if (!strcmp(a->name, "if") && a->arg_kind == XI_ATTR_ARG_COND)
			v->cond = a->cond;
		else if (!strcmp(a->name, "c_type"))
			v->c_type = attr_ctype(ctx, a);
		else if (!strcmp(a->name, "c_bit_numbers") && !strcmp(what, "a bit")) {
			if (attr_no_arg(ctx, a))
				v->c_bit_numbers = true;
		} else if (!strcmp(a->name, "c_field_macro") && !strcmp(what, "a bit")) {
			/* NAME(v) places a value in a field of several bits */
			if (!v->value_hi)
				xi_error(&ctx->diag, a->loc, "'%s' applies to a field of several bits "
					 "(as 'name = 4..7'), and '%s' is a single bit",
					 xi_spell_attr(ctx, a->loc, a->name), v->name);
			else if (attr_no_arg(ctx, a))
				v->c_field_macro = true;
		} else
			attr_misplaced(ctx, a, what);
	}
}

void xi_attrs_apply(struct xi_ctx *ctx, const struct xi_attr_site *sites, unsigned n)
{
	for (unsigned i = 0; i < n; i++) {
		const struct xi_attr_site *s = &sites[i];
		switch (s->place) {
		case XI_ATTRS_FILE:
			for (const struct xi_attr *a = s->list; a; a = a->next)
				apply_file(ctx, s->node, a);
			break;
		case XI_ATTRS_DECL:
			apply_decl(ctx, s->node, s->list);
			break;
		case XI_ATTRS_MEMBER:
			apply_member(ctx, s->node, s->list);
			break;
		case XI_ATTRS_VARIANT:
			apply_variant(ctx, s->node, s->list, "an enum variant");
			break;
		case XI_ATTRS_BIT:
			apply_variant(ctx, s->node, s->list, "a bit");
			break;
		}
	}
}

void xi_attrs_read_begin(struct xi_ctx *ctx, struct xi_attrs_read *r)
{
	memset(r, 0, sizeof(*r));
	r->apply = xi_attrs_apply;
	ctx->attrs_read = r;
}

void xi_attrs_read_end(struct xi_ctx *ctx, struct xi_attrs_read *r)
{
	xi_attrs_done(ctx);
	ctx->attrs_read = NULL;
	free(r->v);
}


/* --- Attributes rebuilt from the IR (for writers such as convert) ------ */

static struct xi_attr *push(struct xi_arena *a, struct xi_attr ***tail, const char *name);
static void push_ctype(struct xi_arena *a, struct xi_attr ***tail, enum xi_ctype t)
{
	if (t == XI_CTYPE_NONE)
		return;
	struct xi_attr *at = push(a, tail, "c_type");
	at->arg_kind = XI_ATTR_ARG_EXPR;
	struct xi_expr *e = XI_NEW(a, struct xi_expr);
	e->kind = XI_EXPR_NAME;
	e->name = xi_ctype_name(t);
	e->depth = 1;
	at->expr = e;
}

static struct xi_attr *push(struct xi_arena *a, struct xi_attr ***tail, const char *name)
{
	struct xi_attr *at = XI_NEW(a, struct xi_attr);
	at->name = name;
	**tail = at;
	*tail = &at->next;
	return at;
}

static void push_string(struct xi_arena *a, struct xi_attr ***tail, const char *name, const char *s)
{
	struct xi_attr *at = push(a, tail, name);
	at->arg_kind = XI_ATTR_ARG_STRING;
	at->str = s;
}

const struct xi_attr *xi_attrs_of_decl(struct xi_arena *a, const struct xi_decl *d)
{
	struct xi_attr *head = NULL, **tail = &head;
	if (d->legacy)
		push(a, &tail, "legacy");
	if (d->c_name)
		push_string(a, &tail, "c_name", d->c_name);
	if (d->c_prefix)
		push_string(a, &tail, "c_prefix", d->c_prefix);
	if (d->c_bitfields)
		push(a, &tail, "c_bitfields");
	if (d->c_handle)
		push(a, &tail, "c_handle");
	if (d->c_inline)
		push(a, &tail, "c_inline");
	if (d->c_asm)
		push(a, &tail, "c_asm");
	if (d->c_ifndef)
		push(a, &tail, "c_ifndef");
	if (d->c_typedef_name)
		push_string(a, &tail, "c_typedef", d->c_typedef_name);
	else if (d->c_typedef)
		push(a, &tail, "c_typedef");
	if (d->c_typedef_cond) {
		struct xi_attr *at = push(a, &tail, "c_typedef_if");
		at->arg_kind = XI_ATTR_ARG_COND;
		at->cond = d->c_typedef_cond;
	}
	if (d->c_name_cond) {
		struct xi_attr *at = push(a, &tail, "c_name_if");
		at->arg_kind = XI_ATTR_ARG_COND;
		at->cond = d->c_name_cond;
		at->str = d->c_name_alt;
	}
	if (d->c_alias)
		push_string(a, &tail, "c_alias", d->c_alias);
	if (d->c_old_name)
		push_string(a, &tail, "c_old_name", d->c_old_name);
	if (d->c_alias_cond) {
		struct xi_attr *at = push(a, &tail, "c_alias_if");
		at->arg_kind = XI_ATTR_ARG_COND;
		at->cond = d->c_alias_cond;
	}
	push_ctype(a, &tail, d->c_type);
	if (d->c_enum_typedef)
		push_string(a, &tail, "c_enum", d->c_enum_typedef);
	else if (d->c_enum)
		push(a, &tail, "c_enum");
	if (d->c_bit_numbers)
		push(a, &tail, "c_bit_numbers");
	if (d->version) {
		struct xi_attr *at = push(a, &tail, "version");
		at->arg_kind = XI_ATTR_ARG_EXPR;
		at->expr = d->version;
	}
	if (d->cond) {
		struct xi_attr *at = push(a, &tail, "if");
		at->arg_kind = XI_ATTR_ARG_COND;
		at->cond = d->cond;
	}
	if (d->interface_version)
		push(a, &tail, "interface_version");
	if (d->hvm_save) {
		struct xi_attr *at = push(a, &tail, "hvm_save");
		at->arg_kind = XI_ATTR_ARG_EXPR;
		struct xi_expr *e = XI_NEW(a, struct xi_expr);
		e->kind = XI_EXPR_NAME;
		e->name = d->hvm_save;
		e->depth = 1;
		at->expr = e;
	}
	return head;
}

const struct xi_attr *xi_attrs_of_member(struct xi_arena *a, const struct xi_member *m,
					 const struct xi_cond *cond,
					 const struct xi_member_alias *alias)
{
	struct xi_attr *head = NULL, **tail = &head;
	switch (m->flags & (XI_MEMBER_IN | XI_MEMBER_OUT)) {
	case XI_MEMBER_IN | XI_MEMBER_OUT:
		push(a, &tail, "inout");
		break;
	case XI_MEMBER_IN:
		push(a, &tail, "in");
		break;
	case XI_MEMBER_OUT:
		push(a, &tail, "out");
		break;
	}
	if (m->flags & XI_MEMBER_RESERVED)
		push(a, &tail, "reserved");
	if (m->c_name)
		push_string(a, &tail, "c_name", m->c_name);
	if (m->flags & XI_MEMBER_C_FALLBACK)
		push(a, &tail, "c_fallback");
	const struct xi_len *rel = m->type ? xi_type_len(m->type) : NULL;
	if (rel && rel->count) {
		struct xi_attr *at = push(a, &tail, "len");
		at->arg_kind = XI_ATTR_ARG_EXPR;
		at->expr = rel->count;
	}
	if (rel && rel->max) {
		struct xi_attr *at = push(a, &tail, "max");
		at->arg_kind = XI_ATTR_ARG_EXPR;
		at->expr = rel->max;
	}
	if (alias)
		push_string(a, &tail, "c_alias", alias->name);
	if (alias && alias->cond) {
		struct xi_attr *at = push(a, &tail, "c_alias_if");
		at->arg_kind = XI_ATTR_ARG_COND;
		at->cond = alias->cond;
	}
	if (cond) {
		struct xi_attr *at = push(a, &tail, "if");
		at->arg_kind = XI_ATTR_ARG_COND;
		at->cond = cond;
	}
	return head;
}

const struct xi_attr *xi_attrs_of_variant(struct xi_arena *a, const struct xi_variant *v)
{
	struct xi_attr *head = NULL, **tail = &head;
	if (v->c_name)
		push_string(a, &tail, "c_name", v->c_name);
	push_ctype(a, &tail, v->c_type);
	if (v->cond) {
		struct xi_attr *at = push(a, &tail, "if");
		at->arg_kind = XI_ATTR_ARG_COND;
		at->cond = v->cond;
	}
	if (v->c_bit_numbers)
		push(a, &tail, "c_bit_numbers");
	if (v->c_field_macro)
		push(a, &tail, "c_field_macro");
	return head;
}
