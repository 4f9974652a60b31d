/* `xenidl layout`: a pahole-style table of a type's layout, one per group of
 * ABIs that agree, or a TSV of every member of every type (the format of
 * the tests' tables). */
#include <stdio.h>
#include <string.h>

#include "layout_cmd.h"
#include "resolve.h"
#include "strbuf.h"
#include "typename.h"
#include "xenidl.h"

/* Columns of the table: the type, and the offset/size comment. */
#define LAYOUT_TYPE_WIDTH 24
#define LAYOUT_COMMENT_COLUMN 60

static void table_agg(struct xi_ctx *ctx, struct xi_strbuf *sb, const struct xi_agg *agg,
		      int abi, unsigned depth, uint32_t base);

static void table_hole(struct xi_strbuf *sb, unsigned depth, uint32_t bytes, const char *what)
{
	xi_sb_printf(sb, "%*s/* XXX %u byte%s %s */\n", (int)(depth * 4), "", (unsigned)bytes,
		     bytes == 1 ? "" : "s", what);
}

/* A line of the table: its text, padded to the comment column, then the
 * offset, size and direction. */
static void table_row(struct xi_strbuf *sb, const char *text, uint32_t offset, uint32_t size,
		      const char *flags)
{
	size_t start = sb->len;
	xi_sb_adds(sb, text);
	int n = (int)(sb->len - start);
	xi_sb_printf(sb, "%*s /* %5u %5u%s */\n",
		     n < LAYOUT_COMMENT_COLUMN ? LAYOUT_COMMENT_COLUMN - n : 0, "", (unsigned)offset,
		     (unsigned)size, flags);
}

static const char *direction(const struct xi_member *m)
{
	if (m->flags & XI_MEMBER_RESERVED)
		return " reserved";
	switch (m->flags & (XI_MEMBER_IN | XI_MEMBER_OUT)) {
	case XI_MEMBER_IN | XI_MEMBER_OUT: return " inout";
	case XI_MEMBER_IN: return " in";
	case XI_MEMBER_OUT: return " out";
	default: return "";
	}
}

/* A run of bitfields: a line per bitfield, as written, with the bytes of
 * the run and the bitfield's bits in them. */
static void table_bits(struct xi_ctx *ctx, struct xi_strbuf *sb, const struct xi_member *m,
		       int abi, unsigned depth, uint32_t base)
{
	uint32_t offset = base + xi_member_offset(m, abi);
	uint32_t size = xi_type_layout(m->type, abi).size;
	for (const struct xi_member *f = m->bitfields; f; f = f->next) {
		struct xi_strbuf line = XI_STRBUF_INIT;
		xi_sb_printf(&line, "%*s%-*s %s : %u;", (int)(depth * 4), "", LAYOUT_TYPE_WIDTH,
			     xi_type_idl_name(&ctx->arena, f->type, abi), f->name,
			     (unsigned)f->bit_width);
		table_row(sb, xi_sb_str(&line), offset, size,
			  xi_aprintf(&ctx->arena, " bit %u%s", (unsigned)f->offset, direction(f)));
		xi_sb_free(&line);
	}
}

static void table_member(struct xi_ctx *ctx, struct xi_strbuf *sb, const struct xi_member *m,
			 int abi, unsigned depth, uint32_t base)
{
	if (m->flags & XI_MEMBER_BITS) {
		table_bits(ctx, sb, m, abi, depth, base);
		return;
	}
	struct xi_layout l = xi_type_layout(m->type, abi);
	uint32_t offset = base + xi_member_offset(m, abi);
	const struct xi_type *t = m->type;
	struct xi_strbuf dims = XI_STRBUF_INIT, line = XI_STRBUF_INIT;
	while (t->kind == XI_TYPE_ARRAY) {
		xi_sb_printf(&dims, "[%u]", (unsigned)t->u.array.count);
		t = t->u.array.elem;
	}
	if (t->kind == XI_TYPE_AGG) {
		const struct xi_agg *inner = t->u.agg;
		if (inner->tag_name)
			xi_sb_printf(sb, "%*sunion switch (%s) {\n", (int)(depth * 4), "",
				     inner->tag_name);
		else
			xi_sb_printf(sb, "%*s%s {\n", (int)(depth * 4), "",
				     inner->is_union ? "union" : "struct");
		table_agg(ctx, sb, inner, abi, depth + 1, offset);
		/* an anonymous member is its aggregate alone, as in xidl */
		if (m->flags & XI_MEMBER_ANONYMOUS)
			xi_sb_printf(&line, "%*s};", (int)(depth * 4), "");
		else
			xi_sb_printf(&line, "%*s} %s%s;", (int)(depth * 4), "", m->name,
				     xi_sb_str(&dims));
	} else {
		xi_sb_printf(&line, "%*s%-*s %s%s;", (int)(depth * 4), "", LAYOUT_TYPE_WIDTH,
			     xi_type_idl_name(&ctx->arena, t, abi), m->name, xi_sb_str(&dims));
	}
	table_row(sb, xi_sb_str(&line), offset, l.size, direction(m));
	xi_sb_free(&dims);
	xi_sb_free(&line);
}

static void table_agg(struct xi_ctx *ctx, struct xi_strbuf *sb, const struct xi_agg *agg,
		      int abi, unsigned depth, uint32_t base)
{
	uint32_t end = 0;
	for (const struct xi_member *m = agg->members; m; m = m->next) {
		if (!xi_member_present(m, abi))
			continue;
		if (m->labels || m->is_default_arm) {
			struct xi_strbuf arms = XI_STRBUF_INIT;
			if (m->is_default_arm)
				xi_sb_adds(&arms, "_");
			for (const struct xi_arm_label *l = m->labels; l; l = l->next) {
				char buf[32];
				xi_sb_printf(&arms, "%s%s", l == m->labels ? "" : ", ",
					     l->variant ? l->variant
					     : l->expr->kind == XI_EXPR_NAME ? l->expr->name
					     : xi_int_format(l->value, buf));
			}
			xi_sb_printf(sb, "%*s/* %s => */\n", (int)(depth * 4), "", xi_sb_str(&arms));
			xi_sb_free(&arms);
		}
		if (!agg->is_union && xi_member_offset(m, abi) > end)
			table_hole(sb, depth, xi_member_offset(m, abi) - end, "hole");
		table_member(ctx, sb, m, abi, depth, base);
		uint32_t mend = xi_member_offset(m, abi) + xi_type_layout(m->type, abi).size;
		if (mend > end)
			end = mend;
	}
	if (agg->lay[abi].size > end)
		table_hole(sb, depth, agg->lay[abi].size - end, "padding");
}

/* The table of a type on one ABI, without its heading. */
static void make_table(struct xi_ctx *ctx, struct xi_strbuf *sb, const struct xi_decl *d, int abi)
{
	const struct xi_agg *agg = d->agg;
	xi_sb_printf(sb, "%s %s {\n", xi_decl_kind_name(d->kind), d->name);
	table_agg(ctx, sb, agg, abi, 1, 0);
	xi_sb_printf(sb, "    /* size: %u, align: %u */\n};\n", (unsigned)agg->lay[abi].size,
		     (unsigned)agg->lay[abi].align);
}

/* One table per group of ABIs whose tables are the same, headed by the
 * ABIs of the group, in ABI order of their first member. The tables are
 * small and made for a person to read: the same text is what "the same
 * table" means, so texts are compared (not the figures behind them). */
static void print_tables(struct xi_ctx *ctx, const struct xi_decl *d, xi_abi_mask abis)
{
	struct xi_strbuf text[XI_ABI_COUNT];
	XI_FOR_EACH_ABI(a, abis) {
		text[a] = (struct xi_strbuf)XI_STRBUF_INIT;
		make_table(ctx, &text[a], d, a);
	}
	xi_abi_mask left = abis;
	while (left) {
		int first = __builtin_ctz(left);
		xi_abi_mask group = 0;
		XI_FOR_EACH_ABI(b, left)
			if (text[b].len == text[first].len &&
			    !memcmp(text[b].data, text[first].data, text[b].len))
				group |= XI_ABI_BIT(b);
		struct xi_strbuf heading = XI_STRBUF_INIT;
		xi_sb_add_abi_names(&heading, group);
		printf("/* %s */\n%s", xi_sb_str(&heading), xi_sb_str(&text[first]));
		xi_sb_free(&heading);
		left &= ~group;
	}
	XI_FOR_EACH_ABI(a, abis)
		xi_sb_free(&text[a]);
}

/* TSV rows: type, member path, ABI, size, align, offset; a bitfield's row
 * (size, align and offset those of its run's bytes) adds its bit offset
 * from the start of the type, its width and its type. */
static void tsv_members(struct xi_ctx *ctx, const struct xi_decl *d, const struct xi_agg *agg,
			const char *prefix, int abi, uint32_t base)
{
	for (const struct xi_member *m = agg->members; m; m = m->next) {
		if (!xi_member_present(m, abi))
			continue;
		if (m->flags & XI_MEMBER_ANONYMOUS) {
			/* no row: its members are listed by their own names, as
			 * C reaches them (and as xen-layouts.tsv lists Xen's) */
			tsv_members(ctx, d, m->type->u.agg, prefix, abi, base + xi_member_offset(m, abi));
			continue;
		}
		if (m->flags & XI_MEMBER_BITS) {
			uint32_t at = base + xi_member_offset(m, abi);
			for (const struct xi_member *f = m->bitfields; f; f = f->next)
				printf("%s\t%s%s\t%s\t%u\t%u\t%u\t%u\t%u\t%s\n", d->name, prefix, f->name,
				       xi_abis[abi].name, (unsigned)xi_type_layout(m->type, abi).size,
				       (unsigned)xi_type_layout(f->type, abi).align, (unsigned)at,
				       (unsigned)(at * 8 + f->offset), (unsigned)f->bit_width,
				       xi_type_idl_name(&ctx->arena, f->type, abi));
			continue;
		}
		struct xi_layout l = xi_type_layout(m->type, abi);
		const char *path = xi_aprintf(&ctx->arena, "%s%s", prefix, m->name);
		printf("%s\t%s\t%s\t%u\t%u\t%u\n", d->name, path, xi_abis[abi].name, (unsigned)l.size,
		       (unsigned)l.align, (unsigned)(base + xi_member_offset(m, abi)));
		const struct xi_type *t = m->type;
		while (t->kind == XI_TYPE_ARRAY)
			t = t->u.array.elem;
		if (t->kind == XI_TYPE_AGG && t == m->type)
			tsv_members(ctx, d, t->u.agg, xi_aprintf(&ctx->arena, "%s.", path), abi,
				    base + xi_member_offset(m, abi));
	}
}

static void print_tsv(struct xi_ctx *ctx, const struct xi_decl *d, xi_abi_mask abis)
{
	XI_FOR_EACH_ABI(a, abis) {
		printf("%s\t\t%s\t%u\t%u\t\n", d->name, xi_abis[a].name, (unsigned)d->agg->lay[a].size,
		       (unsigned)d->agg->lay[a].align);
		tsv_members(ctx, d, d->agg, "", a, 0);
	}
}

/* A type asked for by name that exists only in files --abi leaves out
 * (xi_leave_out_unselected): say so, and where it is. */
static bool report_left_out(struct xi_ctx *ctx, const char *type)
{
	for (unsigned i = 0; i < ctx->nleft_out; i++) {
		const struct xi_module *m = ctx->left_out[i];
		for (const struct xi_decl *d = m->decls; d; d = d->next) {
			if (!xi_decl_is_aggregate(d) || d->c_only || strcmp(d->name, type) != 0)
				continue;
			struct xi_strbuf selected = XI_STRBUF_INIT, family = XI_STRBUF_INIT;
			xi_sb_add_abi_names(&selected, ctx->opt.abis);
			xi_sb_add_abi_names(&family, xi_family_abis((enum xi_family)m->family));
			xi_error_at_file(&ctx->diag, NULL, "'%s' does not exist on %s", type,
					 xi_sb_str(&selected));
			xi_note(&ctx->diag, d->loc, "'%s' is declared here, for %s only", type,
				xi_sb_str(&family));
			xi_sb_free(&selected);
			xi_sb_free(&family);
			return true;
		}
	}
	return false;
}

int xi_cmd_layout(const struct xi_options *opt, bool tsv, bool all, int argc, char **argv)
{
	const char *type = all ? NULL : argv[0];
	struct xi_ctx *ctx = xi_create(opt, stderr);
	for (int i = all ? 0 : 1; i < argc; i++)
		xi_add_input(ctx, argv[i]);
	int status = 0;
	if (!xi_analyze(ctx)) {
		status = 1;
		goto out;
	}
	bool found = false;
	for (unsigned i = 0; i < ctx->nmodules; i++) {
		struct xi_module *m = ctx->modules[i];
		for (unsigned k = 0; k < m->ndecls; k++) {
			const struct xi_decl *d = m->sorted[k];
			if (!xi_decl_is_aggregate(d) || d->c_only || (type && strcmp(d->name, type) != 0))
				continue;
			xi_abi_mask abis = xi_decl_abis(ctx, d);
			if (all && !m->is_input)
				continue;
			found = true;
			if (tsv) {
				print_tsv(ctx, d, abis);
				continue;
			}
			print_tables(ctx, d, abis);
		}
	}
	if (!found && type && !report_left_out(ctx, type))
		xi_error_at_file(&ctx->diag, NULL, "no struct or union named '%s'", type);
	if (xi_diag_failed(&ctx->diag))
		status = 1;
out:
	xi_destroy(ctx);
	return status;
}
