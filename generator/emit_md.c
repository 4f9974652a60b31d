/* The reference documentation backend (-l md): one Markdown page per input
 * file, with every declaration's doc text, a layout table per group of
 * ABIs that agree, value tables for enums and bitmaps, and, for types laid
 * out differently on different ABIs, a list of where they differ.
 *
 * It works from the ABI model (abidiff.h), the same facts the manifest
 * records, so the pages and the manifest cannot disagree. Names of types
 * link to their section on the page of the file that declares them, when
 * that file is an input too (its page exists). */
#include "backend.h"

#include <string.h>

#include "abidiff.h"
#include "strbuf.h"

struct page {
	struct xi_ctx *ctx;
	const struct xi_mf_model *m;
	const struct xi_mf_module *mod;
	struct xi_out *o;
	struct xi_arena *arena;      /* scratch, freed with the page */
};

/* "x86_32, x86_64", or "every ABI" when it is all those of the run. */
static const char *abi_names(struct page *pg, xi_abi_mask abis)
{
	if (abis == pg->m->abis)
		return "every ABI";
	struct xi_strbuf sb = XI_STRBUF_INIT;
	XI_FOR_EACH_ABI(a, abis)
		xi_sb_printf(&sb, "%s%s", sb.len ? ", " : "", xi_abis[a].name);
	const char *r = xi_strdup(pg->arena, xi_sb_str(&sb));
	xi_sb_free(&sb);
	return r;
}

/* Text for a table cell: one line, '|' escaped. */
static const char *cell(struct page *pg, const char *text)
{
	if (!text)
		return "";
	struct xi_strbuf sb = XI_STRBUF_INIT;
	for (const char *p = text; *p; p++) {
		if (*p == '|')
			xi_sb_adds(&sb, "\\|");
		else if (*p == '\n')
			xi_sb_adds(&sb, "<br>");
		else
			xi_sb_addc(&sb, *p);
	}
	const char *r = xi_strdup(pg->arena, xi_sb_str(&sb));
	xi_sb_free(&sb);
	return r;
}

/* The first line of a doc text, for summaries. */
static const char *first_line(struct page *pg, const char *doc)
{
	if (!doc)
		return "";
	const char *nl = strchr(doc, '\n');
	return cell(pg, nl ? xi_strndup(pg->arena, doc, (size_t)(nl - doc)) : doc);
}

static void paragraph(struct page *pg, const char *doc)
{
	if (doc)
		xi_out_printf(pg->o, "%s\n\n", doc);
}

/* The relative link from this page to a module's page, or NULL when that
 * module has no page. */
static const char *page_link(struct page *pg, const char *rel)
{
	const struct xi_mf_module *target = NULL;
	for (unsigned i = 0; i < pg->m->nmodules; i++)
		if (!strcmp(pg->m->modules[i]->rel, rel))
			target = pg->m->modules[i];
	if (!target || !target->input)
		return NULL;
	if (target == pg->mod)
		return "";
	struct xi_strbuf sb = XI_STRBUF_INIT;
	for (const char *p = pg->mod->rel; *p; p++)
		if (*p == '/')
			xi_sb_adds(&sb, "../");
	xi_sb_printf(&sb, "%s.md", rel);
	const char *r = xi_strdup(pg->arena, xi_sb_str(&sb));
	xi_sb_free(&sb);
	return r;
}

static const char *decl_link(struct page *pg, const struct xi_mf_decl *d)
{
	const char *p = page_link(pg, d->module);
	return p ? xi_aprintf(pg->arena, "%s#%s", p, d->name) : NULL;
}

/* A type as a code span, linked to the declaration it names (on this ABI). */
static const char *type_md(struct page *pg, const char *type, int abi)
{
	if (xi_mf_type_is_inline(type)) {
		const char *brace = strstr(type, " {");
		size_t n = brace ? (size_t)(brace - type) : strlen(type);
		const char *dims = strrchr(type, '}');
		return xi_aprintf(pg->arena, "`%.*s%s`", (int)n, type, dims ? dims + 1 : "");
	}
	const char *link = NULL;
	for (const char *p = type; *p && !link;) {
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || *p == '_')) {
			p++;
			continue;
		}
		const char *q = p;
		while ((*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z') || (*q >= '0' && *q <= '9') ||
		       *q == '_')
			q++;
		const struct xi_mf_decl *d =
			xi_mf_lookup(pg->m, xi_strndup(pg->arena, p, (size_t)(q - p)), abi);
		if (d)
			link = decl_link(pg, d);
		p = q;
	}
	return link ? xi_aprintf(pg->arena, "[`%s`](%s)", type, link)
		    : xi_aprintf(pg->arena, "`%s`", type);
}

static void heading(struct page *pg, const struct xi_mf_decl *d, const char *title)
{
	xi_out_printf(pg->o, "<a id=\"%s\"></a>\n\n## %s `%s`%s\n\n", d->name, title, d->name,
		      d->legacy ? " (legacy)" : "");
}

/* --- Constants, aliases, enums and bitmaps ------------------------------------- */

static const char *value_md(struct page *pg, struct xi_int v)
{
	char buf[24];
	xi_int_format(v, buf);
	if (v.neg || v.mag < 10)
		return xi_strdup(pg->arena, buf);
	return xi_aprintf(pg->arena, "%s (0x%llx)", buf, (unsigned long long)v.mag);
}

/* A run of constants: one table. Returns the index after the run. */
static unsigned constants(struct page *pg, unsigned i)
{
	xi_out_puts(pg->o, "## Constants\n\n| Name | Type | Value | Description |\n|---|---|---|---|\n");
	for (; i < pg->m->ndecls; i++) {
		const struct xi_mf_decl *d = pg->m->decls[i];
		if (d->module != pg->mod->rel)
			continue;
		if (d->kind != XI_MF_CONST)
			break;
		int abi = 0;
		XI_FOR_EACH_ABI(a, d->abis) {
			abi = a;
			break;
		}
		xi_out_printf(pg->o, "| <a id=\"%s\"></a>`%s` | %s | %s | %s |\n", d->name,
			      d->c_name ? d->c_name : d->name, type_md(pg, d->type, abi),
			      value_md(pg, d->value), cell(pg, d->doc));
	}
	xi_out_putc(pg->o, '\n');
	return i;
}

static void alias(struct page *pg, const struct xi_mf_decl *d)
{
	heading(pg, d, "type");
	paragraph(pg, d->doc);
	xi_out_puts(pg->o, "| ABIs | Type | Size | Alignment |\n|---|---|---:|---:|\n");
	xi_abi_mask done = 0;
	XI_FOR_EACH_ABI(a, d->abis) {
		if (done & XI_ABI_BIT(a))
			continue;
		xi_abi_mask group = 0;
		XI_FOR_EACH_ABI(b, d->abis)
			if (!strcmp(d->target[a], d->target[b]) && d->size[a] == d->size[b] &&
			    d->align[a] == d->align[b])
				group |= XI_ABI_BIT(b);
		done |= group;
		xi_out_printf(pg->o, "| %s | %s | %u | %u |\n", abi_names(pg, group),
			      type_md(pg, d->target[a], a), (unsigned)d->size[a], (unsigned)d->align[a]);
	}
	xi_out_putc(pg->o, '\n');
}

static void variants(struct page *pg, const struct xi_mf_decl *d)
{
	bool is_enum = d->kind == XI_MF_ENUM;
	heading(pg, d, is_enum ? "enum" : "bitmap");
	paragraph(pg, d->doc);
	xi_out_printf(pg->o, "Stored as `%s`.\n\n| %s | Name | C macro | Description |\n|---:|---|---|---|\n",
		      d->type, is_enum ? "Value" : "Bits");
	for (unsigned i = 0; i < d->nvariants; i++) {
		const struct xi_mf_variant *v = &d->variants[i];
		const char *val = is_enum ? value_md(pg, v->value)
				: v->lo == v->hi ? xi_aprintf(pg->arena, "%u", v->lo)
				: xi_aprintf(pg->arena, "%u..%u", v->lo, v->hi);
		xi_out_printf(pg->o, "| %s | `%s` | `%s` | %s |\n", val, v->name, v->c_name,
			      cell(pg, v->doc));
	}
	xi_out_putc(pg->o, '\n');
}

/* --- Structs and unions --------------------------------------------------------- */

static const char *dir_md(const struct xi_mf_member *mm)
{
	if (mm->reserved)
		return "reserved";
	switch (mm->dir) {
	case XI_MF_DIR_IN: return "in";
	case XI_MF_DIR_OUT: return "out";
	case XI_MF_DIR_IN | XI_MF_DIR_OUT: return "in/out";
	default: return "";
	}
}

/* "When `status` is `unbound` (1)." for a tagged-union arm. */
static const char *arm_md(struct page *pg, const struct xi_mf_decl *d, const struct xi_mf_member *mm,
			  int abi)
{
	if (!mm->is_arm)
		return "";
	const char *tag = "the tag";
	if (mm->parent >= 0) {
		const char *t = d->members[mm->parent].type[abi];
		const char *open = strchr(t, '('), *close = strchr(t, ')');
		if (open && close && close > open)
			tag = xi_aprintf(pg->arena, "`%.*s`", (int)(close - open - 1), open + 1);
	}
	if (mm->default_arm)
		return xi_aprintf(pg->arena, "*For any other %s.*", tag);
	struct xi_strbuf sb = XI_STRBUF_INIT;
	for (unsigned i = 0; i < mm->nlabels; i++) {
		char buf[24];
		const struct xi_mf_label *l = &mm->labels[i];
		xi_sb_adds(&sb, i == 0 ? "" : i + 1 == mm->nlabels ? " or " : ", ");
		if (l->name)
			xi_sb_printf(&sb, "`%s` (%s)", l->name, xi_int_format(l->value, buf));
		else
			xi_sb_printf(&sb, "%s", xi_int_format(l->value, buf));
	}
	const char *r = xi_aprintf(pg->arena, "*When %s is %s.*", tag, xi_sb_str(&sb));
	xi_sb_free(&sb);
	return r;
}

static void gap_row(struct xi_strbuf *sb, uint32_t at, uint32_t n, const char *what)
{
	xi_sb_printf(sb, "| %u | %u | *(%s)* | | | |\n", (unsigned)at, (unsigned)n, what);
}

/* The rows of the members directly inside `parent` (-1: the declaration),
 * which spans [base, base + size); holes and tail padding of structs get
 * rows of their own. */
static void rows(struct page *pg, const struct xi_mf_decl *d, int abi, int parent, uint32_t base,
		 uint32_t size, bool is_union, bool gaps, struct xi_strbuf *sb)
{
	uint32_t end = base;
	for (unsigned i = 0; i < d->nmembers; i++) {
		const struct xi_mf_member *mm = &d->members[i];
		if (mm->parent != parent || !(mm->abis & XI_ABI_BIT(abi)))
			continue;
		uint32_t off = mm->offset[abi], msize = mm->size[abi];
		if (gaps && !is_union && off > end)
			gap_row(sb, end, off - end, "hole");
		const char *arm = arm_md(pg, d, mm, abi);
		xi_sb_printf(sb, "| %u | %u | `%s` | %s | %s | %s%s%s |\n", (unsigned)off, (unsigned)msize,
			     mm->path, type_md(pg, mm->type[abi], abi), dir_md(mm), arm,
			     *arm && mm->doc ? " " : "", cell(pg, mm->doc));
		const char *t = mm->type[abi];
		if (xi_mf_type_is_inline(t))
			rows(pg, d, abi, (int)i, off, msize, !strncmp(t, "union", 5), gaps && !mm->leaf, sb);
		if (off + msize > end)
			end = off + msize;
	}
	if (gaps && !is_union && base + size > end)
		gap_row(sb, end, base + size - end, parent < 0 ? "tail padding" : "padding");
}

/* Per member, the ABIs on which it has different offsets, sizes or types. */
static void differences(struct page *pg, const struct xi_mf_decl *d)
{
	bool any = false;
	for (unsigned i = 0; i < d->nmembers; i++) {
		const struct xi_mf_member *mm = &d->members[i];
		struct xi_strbuf sb = XI_STRBUF_INIT;
		xi_abi_mask done = 0;
		unsigned groups = 0;
		XI_FOR_EACH_ABI(a, d->abis) {
			if (done & XI_ABI_BIT(a))
				continue;
			xi_abi_mask group = 0;
			bool here = (mm->abis & XI_ABI_BIT(a)) != 0;
			XI_FOR_EACH_ABI(b, d->abis) {
				bool there = (mm->abis & XI_ABI_BIT(b)) != 0;
				if (here == there && (!here || (mm->offset[a] == mm->offset[b] &&
				    mm->size[a] == mm->size[b] && !strcmp(mm->type[a], mm->type[b]))))
					group |= XI_ABI_BIT(b);
			}
			done |= group;
			if (here)
				xi_sb_printf(&sb, "%s%s at %u, %u bytes on %s", groups ? "; " : "",
					     type_md(pg, mm->type[a], a), (unsigned)mm->offset[a],
					     (unsigned)mm->size[a], abi_names(pg, group));
			else
				xi_sb_printf(&sb, "%sabsent on %s", groups ? "; " : "", abi_names(pg, group));
			groups++;
		}
		if (groups > 1) {
			if (!any)
				xi_out_puts(pg->o, "Where the ABIs differ:\n\n");
			any = true;
			xi_out_printf(pg->o, "- `%s`: %s\n", mm->path, xi_sb_str(&sb));
		}
		xi_sb_free(&sb);
	}
	if (any)
		xi_out_putc(pg->o, '\n');
}

static void aggregate(struct page *pg, const struct xi_mf_decl *d)
{
	heading(pg, d, xi_mf_kind_name(d->kind));
	paragraph(pg, d->doc);
	if (d->version) {
		const struct xi_mf_decl *v = xi_mf_lookup_any(pg->m, d->version);
		const char *link = v ? decl_link(pg, v) : NULL;
		if (link)
			xi_out_printf(pg->o, "Interface version: [`%s`](%s).\n\n", d->version, link);
		else
			xi_out_printf(pg->o, "Interface version: `%s`.\n\n", d->version);
	}
	/* Size and alignment, per group of ABIs. */
	xi_out_puts(pg->o, "| ABIs | Size | Alignment |\n|---|---:|---:|\n");
	xi_abi_mask done = 0;
	XI_FOR_EACH_ABI(a, d->abis) {
		if (done & XI_ABI_BIT(a))
			continue;
		xi_abi_mask group = 0;
		XI_FOR_EACH_ABI(b, d->abis)
			if (d->size[a] == d->size[b] && d->align[a] == d->align[b])
				group |= XI_ABI_BIT(b);
		done |= group;
		xi_out_printf(pg->o, "| %s | %u | %u |\n", abi_names(pg, group),
			      (unsigned)d->size[a], (unsigned)d->align[a]);
	}
	xi_out_putc(pg->o, '\n');
	differences(pg, d);
	if (!d->nmembers) {
		xi_out_puts(pg->o, "It has no members.\n\n");
		return;
	}
	/* A layout table per group of ABIs whose tables read the same. */
	const char *tables[XI_ABI_COUNT] = { NULL };
	XI_FOR_EACH_ABI(a, d->abis) {
		struct xi_strbuf sb = XI_STRBUF_INIT;
		rows(pg, d, a, -1, 0, d->size[a], d->kind == XI_MF_UNION, true, &sb);
		tables[a] = xi_strdup(pg->arena, xi_sb_str(&sb));
		xi_sb_free(&sb);
	}
	done = 0;
	XI_FOR_EACH_ABI(a, d->abis) {
		if (done & XI_ABI_BIT(a))
			continue;
		xi_abi_mask group = 0;
		XI_FOR_EACH_ABI(b, d->abis)
			if (!strcmp(tables[a], tables[b]))
				group |= XI_ABI_BIT(b);
		done |= group;
		if (group == d->abis)
			xi_out_puts(pg->o, "Layout:\n\n");
		else
			xi_out_printf(pg->o, "Layout on %s:\n\n", abi_names(pg, group));
		xi_out_puts(pg->o, "| Offset | Size | Field | Type | Direction | Description |\n"
				   "|---:|---:|---|---|---|---|\n");
		xi_out_puts(pg->o, tables[a]);
		xi_out_putc(pg->o, '\n');
	}
}

/* --- Pages ------------------------------------------------------------------------ */

static const char *source_name(struct page *pg, const struct xi_module *m)
{
	const char *slash = strrchr(m->path, '/');
	const char *base = slash ? slash + 1 : m->path;
	const char *dot = strrchr(base, '.');
	return xi_aprintf(pg->arena, "%s%s", m->rel, dot ? dot : "");
}

static void imports(struct page *pg, const struct xi_module *m)
{
	if (!m->imports)
		return;
	xi_out_puts(pg->o, "Imports:");
	bool first = true;
	for (const struct xi_import *im = m->imports; im; im = im->next) {
		xi_out_puts(pg->o, first ? " " : "; ");
		first = false;
		if (!im->is_arch) {
			const char *link = im->module[0] ? page_link(pg, im->module[0]->rel) : NULL;
			xi_out_printf(pg->o, link ? "[`%s`](%s)" : "`%s`", im->path, link);
			continue;
		}
		xi_out_printf(pg->o, "`%s` per architecture (", im->path);
		bool f1 = true;
		for (int f = 0; f < XI_FAM_COUNT; f++) {
			if (!im->module[f])
				continue;
			const char *link = page_link(pg, im->module[f]->rel);
			xi_out_printf(pg->o, "%s", f1 ? "" : ", ");
			xi_out_printf(pg->o, link ? "[%s](%s)" : "%s", xi_families[f].name, link);
			f1 = false;
		}
		xi_out_putc(pg->o, ')');
	}
	xi_out_puts(pg->o, ".\n\n");
}

static void contents(struct page *pg)
{
	bool any = false;
	for (unsigned i = 0; i < pg->m->ndecls; i++) {
		const struct xi_mf_decl *d = pg->m->decls[i];
		if (d->module != pg->mod->rel || d->kind == XI_MF_CONST)
			continue;
		if (!any)
			xi_out_puts(pg->o, "| Type | Kind | Summary |\n|---|---|---|\n");
		any = true;
		xi_out_printf(pg->o, "| [`%s`](#%s) | %s | %s |\n", d->name, d->name,
			      d->kind == XI_MF_ALIAS ? "type" : xi_mf_kind_name(d->kind),
			      first_line(pg, d->doc));
	}
	if (any)
		xi_out_putc(pg->o, '\n');
}

static void write_page(struct page *pg, const struct xi_module *m)
{
	const char *src = source_name(pg, m);
	xi_out_printf(pg->o, "# %s\n\n", src);
	paragraph(pg, pg->mod->doc);
	xi_out_printf(pg->o, "*Generated by xenidl from `%s`; do not edit. Layouts are given for %s.*\n\n",
		      src, abi_names(pg, pg->mod->abis));
	imports(pg, m);
	contents(pg);
	for (unsigned i = 0; i < pg->m->ndecls;) {
		const struct xi_mf_decl *d = pg->m->decls[i];
		if (d->module != pg->mod->rel) {
			i++;
			continue;
		}
		switch (d->kind) {
		case XI_MF_CONST:
			i = constants(pg, i);
			continue;
		case XI_MF_ALIAS: alias(pg, d); break;
		case XI_MF_ENUM:
		case XI_MF_BITMAP: variants(pg, d); break;
		case XI_MF_STRUCT:
		case XI_MF_UNION: aggregate(pg, d); break;
		}
		i++;
	}
}

void xi_emit_md(struct xi_ctx *ctx, const struct xi_gen_options *opt, struct xi_outset *out)
{
	struct xi_mf_model *m = xi_mf_from_ir(ctx, false);
	unsigned k = 0;
	for (unsigned i = 0; i < ctx->nmodules; i++) {
		struct xi_module *mod = ctx->modules[i];
		const struct xi_mf_module *mm = m->modules[k++];
		if (!mod->is_input)
			continue;
		struct xi_arena arena;
		xi_arena_init(&arena);
		struct page pg = { ctx, m, mm, NULL, &arena };
		pg.o = xi_out_open(out, xi_aprintf(&ctx->arena, "%s.md", mod->rel));
		if (pg.o)
			write_page(&pg, mod);
		xi_arena_free(&arena);
	}
	xi_mf_free(m);
}
