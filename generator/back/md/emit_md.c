/* The reference documentation backend (-l md): one Markdown page per input
 * file, with every declaration's doc text, a layout table per group of
 * ABIs that agree, value tables for enums and bitmaps, and, for types laid
 * out differently on different ABIs, a list of where they differ.
 *
 * It works from the ABI model (abidiff.h), the same facts the manifest
 * records, so the pages and the manifest cannot disagree. Names of types
 * link to their section on the page of the file that declares them, and
 * imports to their pages, whether this run writes those pages or not: a
 * page is the same whatever else is generated with it, and the run notes
 * the pages it leaves for another (refs.h). */
#include "emit_md.h"

#include <stdlib.h>
#include <string.h>

#include "abigroup.h"
#include "cnames.h"
#include "model.h"
#include "refs.h"
#include "strbuf.h"

/* One row of a layout table: a member, or a hole or padding. */
struct row {
	int member;          /* index in the declaration's members, or -1 */
	uint32_t off, size;
	const char *type;    /* a member's type, as Markdown (type_md) */
	const char *arm;     /* what selects a tagged-union arm (arm_md) */
	const char *gap;     /* for a gap: "hole", "padding", "tail padding" */
};

/* The rows of one ABI's table. */
struct rows {
	struct row *row;
	unsigned n, cap;
};

struct decl_link {
	bool done;
	const char *link;    /* NULL: the declaration's page does not exist */
};

/* What a member's row says of its type on the ABI asked about last, and
 * of the tag that selects it (when it is an arm). */
struct type_memo {
	const char *type;    /* the model's text of the type */
	const char *link;    /* type_link of it */
	const char *md;      /* type_md of it */
	const char *tagged;  /* the model's text of the enclosing union's type */
	const char *arm;     /* arm_md */
};

struct page {
	struct xi_ctx *ctx;
	const struct xi_mf_model *m;
	const struct xi_mf_module *mod;
	struct xi_out *o;
	struct xi_arena *arena;      /* scratch, freed with the page */
	struct rows table[XI_ABI_COUNT];   /* reused for every declaration */
	/* decl_link of each declaration of the model (by xi_mf_decl.index),
	 * once asked for: types name the same few declarations again and
	 * again. */
	struct decl_link *links;
	/* By member, for the declaration being written (member_type_md). */
	struct type_memo *memo;
	unsigned memo_cap;
	/* abi_names of each set of ABIs, once asked for. */
	const char *abi_names[1u << XI_ABI_COUNT];
};

/* "x86_32, x86_64", or "every ABI" when it is all those of the run. */
static const char *abi_names(struct page *pg, xi_abi_mask abis)
{
	if (abis == pg->m->abis)
		return "every ABI";
	if (pg->abi_names[abis])
		return pg->abi_names[abis];
	struct xi_strbuf sb = XI_STRBUF_INIT;
	XI_FOR_EACH_ABI(a, abis)
		xi_sb_printf(&sb, "%s%s", sb.len ? ", " : "", xi_abis[a].name);
	pg->abi_names[abis] = xi_strdup(pg->arena, xi_sb_str(&sb));
	xi_sb_free(&sb);
	return pg->abi_names[abis];
}

/* Text for a table cell: one line, '|' escaped. */
static const char *cell(struct page *pg, const char *text)
{
	if (!text)
		return "";
	if (!strpbrk(text, "|\n"))
		return text;
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
 * module is not known. Every module has a page, written by this run or by
 * another (a build may write one page per run): the link is recorded, and
 * the run says so if it is left dangling (refs.h). */
static const char *page_link(struct page *pg, const char *rel)
{
	const struct xi_mf_module *target = NULL;
	unsigned index = 0;
	for (unsigned i = 0; i < pg->m->nmodules; i++) {
		if (!strcmp(pg->m->modules[i]->rel, rel)) {
			target = pg->m->modules[i];
			index = i;
		}
	}
	if (!target)
		return NULL;
	if (target == pg->mod)
		return "";
	/* The model holds every module, in the order of ctx->modules. */
	xi_ref_add(pg->ctx, pg->o, "links to", "md", xi_aprintf(pg->arena, "%s.md", rel),
		   pg->ctx->modules[index]);
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
	struct decl_link *l = &pg->links[d->index];
	if (!l->done) {
		const char *p = page_link(pg, d->module);
		l->link = p ? xi_aprintf(pg->arena, "%s#%s", p, d->name) : NULL;
		l->done = true;
	}
	return l->link;
}

struct link_search {
	struct page *pg;
	int abi;
	const char *link;
};

static void link_name(void *ctx, const char *name, size_t len)
{
	struct link_search *ls = ctx;
	const struct xi_mf_decl *d = ls->link ? NULL : xi_mf_lookup_n(ls->pg->m, name, len, ls->abi);
	if (d)
		ls->link = decl_link(ls->pg, d);
}

/* The link of a type: to the first declaration it names (on this ABI)
 * that has a page, or NULL. */
static const char *type_link(struct page *pg, const char *type, int abi)
{
	struct link_search ls = { pg, abi, NULL };
	xi_mf_type_names(type, link_name, &ls);
	return ls.link;
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
	const char *link = type_link(pg, type, abi);
	return link ? xi_aprintf(pg->arena, "[`%s`](%s)", type, link)
		    : xi_aprintf(pg->arena, "`%s`", type);
}

/* type_md of a member on one ABI. A member's type is most often the same
 * text on every ABI (the model shares it) and links to the same place (the
 * links of a page are made once): then the Markdown made for the ABI
 * before is the answer. */
static const char *member_type_md(struct page *pg, const struct xi_mf_member *mm, unsigned i,
				  int abi)
{
	struct type_memo *memo = &pg->memo[i];
	const char *type = mm->type[abi];
	const char *link = xi_mf_type_is_inline(type) ? NULL : type_link(pg, type, abi);
	if (memo->md && memo->type == type && memo->link == link)
		return memo->md;
	memo->type = type;
	memo->link = link;
	memo->md = type_md(pg, type, abi);
	return memo->md;
}

/* " (on x86_32, x86_64 only)" for a declaration on fewer ABIs than its
 * module (its condition has defined(NAME)), else "". */
static const char *only_on(struct page *pg, const struct xi_mf_decl *d)
{
	if (d->abis == pg->mod->abis)
		return "";
	return xi_aprintf(pg->arena, " (on %s only)", abi_names(pg, d->abis));
}

static void heading(struct page *pg, const struct xi_mf_decl *d, const char *title)
{
	xi_out_printf(pg->o, "<a id=\"%s\"></a>\n\n## %s `%s`%s%s\n\n", d->name, title, d->name,
		      d->legacy ? " (legacy)" : "", only_on(pg, d));
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

/* A constant's value; one that differs by ABI (sizeof) as "1024 (0x400)
 * on x86_32; 4096 (0x1000) on x86_64, arm32, ...", ABIs in order. */
static const char *const_value_md(struct page *pg, const struct xi_mf_decl *d)
{
	/* a string, quoted, as code unless a backquote is in it */
	if (d->string) {
		const char *q = strchr(d->string, '`') ? "" : "`";
		return xi_aprintf(pg->arena, "%s\"%s\"%s", q, cell(pg, d->string), q);
	}
	if (d->body)  /* a parameterised constant: what it computes */
		return xi_aprintf(pg->arena, "`%s`", d->body);
	struct xi_strbuf sb = XI_STRBUF_INIT;
	xi_abi_mask done = 0;
	XI_FOR_EACH_ABI(a, d->abis) {
		if (done & XI_ABI_BIT(a))
			continue;
		xi_abi_mask same = 0;
		XI_FOR_EACH_ABI(b, d->abis & ~done)
			if (xi_int_eq(d->abi_value[b], d->abi_value[a]))
				same |= XI_ABI_BIT(b);
		if (same == d->abis) {
			xi_sb_free(&sb);
			return value_md(pg, d->value);
		}
		if (done)
			xi_sb_adds(&sb, "; ");
		xi_sb_printf(&sb, "%s on ", value_md(pg, d->abi_value[a]));
		xi_sb_add_abi_names(&sb, same);
		done |= same;
	}
	const char *r = xi_strdup(pg->arena, xi_sb_str(&sb));
	xi_sb_free(&sb);
	return r;
}

/* A run of constants: one table. Returns the index after the run. */
/* " (C `unsigned long`)" after a macro that @c_type gives a C type. */
static const char *c_type_md(struct page *pg, const char *c_type)
{
	if (!c_type)
		return "";
	return xi_aprintf(pg->arena, " (C `%s`)", xi_ctype_c(xi_ctype_parse(c_type)));
}

static unsigned constants(struct page *pg, unsigned i)
{
	xi_out_puts(pg->o, "## Constants\n\n| Name | Type | Value | Description |\n|---|---|---|---|\n");
	for (; i < pg->m->ndecls; i++) {
		const struct xi_mf_decl *d = pg->m->decls[i];
		if (d->module != pg->mod->rel || d->c_only)
			continue;
		if (d->kind != XI_MF_CONST)
			break;
		int abi = 0;
		XI_FOR_EACH_ABI(a, d->abis) {
			abi = a;
			break;
		}
		/* a save record: the typecode of records of its data type */
		const char *doc = d->doc ? cell(pg, d->doc) : "";
		if (d->hvm_save)
			doc = xi_aprintf(pg->arena, "Save record: the typecode of %s.%s%s",
					 type_md(pg, d->hvm_save, abi), *doc ? " " : "", doc);
		xi_out_printf(pg->o, "| <a id=\"%s\"></a>`%s%s%s%s`%s | %s%s | %s | %s |\n", d->name,
			      d->c_name ? d->c_name : d->name, d->body ? "(" : "",
			      d->body ? d->params : "", d->body ? ")" : "", only_on(pg, d), type_md(pg, d->type, abi),
			      c_type_md(pg, d->c_type), const_value_md(pg, d), doc);
	}
	xi_out_putc(pg->o, '\n');
	return i;
}

static bool same_target(const void *decl, int a, int b)
{
	const struct xi_mf_decl *d = decl;
	return !strcmp(d->target[a], d->target[b]) && d->size[a] == d->size[b] &&
	       d->align[a] == d->align[b];
}

static void alias(struct page *pg, const struct xi_mf_decl *d)
{
	heading(pg, d, "type");
	paragraph(pg, d->doc);
	xi_out_puts(pg->o, "| ABIs | Type | Size | Alignment |\n|---|---|---:|---:|\n");
	struct xi_abi_group groups[XI_ABI_COUNT];
	unsigned n = xi_abi_group(groups, d->abis, same_target, d);
	for (unsigned k = 0; k < n; k++) {
		int a = groups[k].first;
		xi_out_printf(pg->o, "| %s | %s | %u | %u |\n", abi_names(pg, groups[k].abis),
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
		xi_out_printf(pg->o, "| %s | `%s` | `%s`%s | %s |\n", val, v->name, v->c_name,
			      c_type_md(pg, v->c_type), cell(pg, v->doc));
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

/* arm_md of a member on one ABI, kept from the ABI before while the
 * enclosing union's type (which names the tag) is the same text. */
static const char *member_arm_md(struct page *pg, const struct xi_mf_decl *d,
				 const struct xi_mf_member *mm, unsigned i, int abi)
{
	if (!mm->is_arm)
		return "";
	struct type_memo *memo = &pg->memo[i];
	const char *tagged = mm->parent >= 0 ? d->members[mm->parent].type[abi] : NULL;
	if (!memo->arm || memo->tagged != tagged) {
		memo->tagged = tagged;
		memo->arm = arm_md(pg, d, mm, abi);
	}
	return memo->arm;
}

static struct row *add_row(struct rows *t)
{
	if (t->n == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 32;
		t->row = xi_xrealloc(t->row, sizeof(*t->row) * t->cap);
	}
	struct row *r = &t->row[t->n++];
	memset(r, 0, sizeof(*r));
	return r;
}

static void gap_row(struct rows *t, uint32_t at, uint32_t n, const char *what)
{
	struct row *r = add_row(t);
	r->member = -1;
	r->off = at;
	r->size = n;
	r->gap = what;
}

/* The rows of the members directly inside `parent` (-1: the declaration),
 * which spans [base, base + size); holes and tail padding of structs get
 * rows of their own. */
static void rows(struct page *pg, const struct xi_mf_decl *d, int abi, int parent, uint32_t base,
		 uint32_t size, bool is_union, bool gaps, struct rows *t)
{
	uint32_t end = base;
	for (unsigned i = 0; i < d->nmembers; i++) {
		const struct xi_mf_member *mm = &d->members[i];
		if (mm->parent != parent || !(mm->abis & XI_ABI_BIT(abi)))
			continue;
		uint32_t off = mm->offset[abi], msize = mm->size[abi];
		if (gaps && !is_union && off > end)
			gap_row(t, end, off - end, "hole");
		struct row *r = add_row(t);
		r->member = (int)i;
		r->off = off;
		r->size = msize;
		r->type = member_type_md(pg, mm, i, abi);
		r->arm = member_arm_md(pg, d, mm, i, abi);
		const char *type = mm->type[abi];
		if (xi_mf_type_is_inline(type))
			rows(pg, d, abi, (int)i, off, msize, !strncmp(type, "union", 5),
			     gaps && !mm->leaf, t);
		if (off + msize > end)
			end = off + msize;
	}
	if (gaps && !is_union && base + size > end)
		gap_row(t, end, base + size - end, parent < 0 ? "tail padding" : "padding");
}

static bool same_text(const char *a, const char *b)
{
	return a == b || (a && b && !strcmp(a, b));
}

/* Whether two tables read the same. A row's text is made of these fields
 * (and of the member's path, documentation and direction, which do not
 * depend on the ABI), so comparing them compares the texts. */
static bool same_rows(const void *tables, int abi_a, int abi_b)
{
	const struct rows *a = (const struct rows *)tables + abi_a;
	const struct rows *b = (const struct rows *)tables + abi_b;
	if (a->n != b->n)
		return false;
	for (unsigned i = 0; i < a->n; i++) {
		const struct row *x = &a->row[i], *y = &b->row[i];
		if (x->member != y->member || x->off != y->off || x->size != y->size ||
		    !same_text(x->type, y->type) || !same_text(x->arm, y->arm) ||
		    !same_text(x->gap, y->gap))
			return false;
	}
	return true;
}

/* "*Flexible array member: `nr` elements, at most 16.*": what a member's type
 * and length relation (@len, @max) say of how many elements it has. */
static const char *len_md(struct page *pg, const struct xi_mf_member *mm, const char *type)
{
	/* the type cell, as `u8[]` */
	bool flex = type && strstr(type, "[]") != NULL;
	if (!flex && !mm->len)
		return "";
	struct xi_strbuf sb = XI_STRBUF_INIT;
	xi_sb_adds(&sb, flex ? "*Flexible array member" : "*");
	if (mm->len)
		xi_sb_printf(&sb, "%s`%s` elements", flex ? ": " : "", mm->len);
	if (mm->max)
		xi_sb_printf(&sb, ", at most %s", mm->max);
	xi_sb_adds(&sb, ".*");
	const char *r = xi_strdup(pg->arena, xi_sb_str(&sb));
	xi_sb_free(&sb);
	return r;
}

/* Write a table's rows. */
static void write_rows(struct page *pg, const struct xi_mf_decl *d, const struct rows *t)
{
	struct xi_out *o = pg->o;
	for (unsigned i = 0; i < t->n; i++) {
		const struct row *r = &t->row[i];
		xi_out_printf(o, "| %u | %u ", (unsigned)r->off, (unsigned)r->size);
		if (r->member < 0) {
			xi_out_printf(o, "| *(%s)* | | | |\n", r->gap);
			continue;
		}
		const struct xi_mf_member *mm = &d->members[r->member];
		const char *len = len_md(pg, mm, r->type);
		/* a member of an anonymous union shares its bytes with the others */
		if (mm->alias)
			len = *len ? xi_aprintf(pg->arena, "*Alias (anonymous union).* %s", len)
				   : "*Alias (anonymous union).*";
		/* a bitfield: its bits in the bytes of the row */
		if (mm->width)
			len = xi_aprintf(pg->arena, "*Bitfield: bit%s %u%s%s of these bytes "
					 "(C `:%u`).*%s%s", mm->width > 1 ? "s" : "", mm->bit,
					 mm->width > 1 ? ".." : "",
					 mm->width > 1 ? xi_aprintf(pg->arena, "%u", mm->bit + mm->width - 1)
						       : "", mm->width, *len ? " " : "", len);
		xi_out_printf(o, "| `%s` | %s | %s | %s%s%s%s%s |\n", mm->path, r->type, dir_md(mm),
			      r->arm, *r->arm && *len ? " " : "", len,
			      (*r->arm || *len) && mm->doc ? " " : "", cell(pg, mm->doc));
	}
}

/* Whether a member is absent on both ABIs, or at the same offset with the
 * same size and type. */
static bool same_place(const void *member, int a, int b)
{
	const struct xi_mf_member *mm = member;
	bool here = (mm->abis & XI_ABI_BIT(a)) != 0;
	bool there = (mm->abis & XI_ABI_BIT(b)) != 0;
	return here == there && (!here || (mm->offset[a] == mm->offset[b] &&
					   mm->size[a] == mm->size[b] &&
					   !strcmp(mm->type[a], mm->type[b])));
}

/* Per member, the ABIs on which it has different offsets, sizes or types. */
static void differences(struct page *pg, const struct xi_mf_decl *d)
{
	bool any = false;
	for (unsigned i = 0; i < d->nmembers; i++) {
		const struct xi_mf_member *mm = &d->members[i];
		struct xi_abi_group groups[XI_ABI_COUNT];
		unsigned n = xi_abi_group(groups, d->abis, same_place, mm);
		if (n < 2)
			continue;
		struct xi_strbuf sb = XI_STRBUF_INIT;
		for (unsigned k = 0; k < n; k++) {
			int a = groups[k].first;
			const char *on = abi_names(pg, groups[k].abis);
			if (mm->abis & XI_ABI_BIT(a))
				xi_sb_printf(&sb, "%s%s at %u, %u bytes on %s", k ? "; " : "",
					     type_md(pg, mm->type[a], a), (unsigned)mm->offset[a],
					     (unsigned)mm->size[a], on);
			else
				xi_sb_printf(&sb, "%sabsent on %s", k ? "; " : "", on);
		}
		if (!any)
			xi_out_puts(pg->o, "Where the ABIs differ:\n\n");
		any = true;
		xi_out_printf(pg->o, "- `%s`: %s\n", mm->path, xi_sb_str(&sb));
		xi_sb_free(&sb);
	}
	if (any)
		xi_out_putc(pg->o, '\n');
}

static bool same_size(const void *decl, int a, int b)
{
	const struct xi_mf_decl *d = decl;
	return d->size[a] == d->size[b] && d->align[a] == d->align[b];
}

static void aggregate(struct page *pg, const struct xi_mf_decl *d)
{
	heading(pg, d, xi_mf_kind_name(d->kind));
	paragraph(pg, d->doc);
	if (d->c_inline) {
		const struct xi_mf_decl *o = xi_mf_lookup_any(pg->m, d->c_inline);
		const char *link = o ? decl_link(pg, o) : NULL;
		if (link)
			xi_out_printf(pg->o, "C declares it inside [`%s`](%s), in the member that has it.\n\n",
				      d->c_inline, link);
		else
			xi_out_printf(pg->o, "C declares it inside `%s`, in the member that has it.\n\n",
				      d->c_inline);
	}
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
	struct xi_abi_group groups[XI_ABI_COUNT];
	unsigned n = xi_abi_group(groups, d->abis, same_size, d);
	for (unsigned k = 0; k < n; k++) {
		int a = groups[k].first;
		xi_out_printf(pg->o, "| %s | %u | %u |\n", abi_names(pg, groups[k].abis),
			      (unsigned)d->size[a], (unsigned)d->align[a]);
	}
	xi_out_putc(pg->o, '\n');
	differences(pg, d);
	if (!d->nmembers) {
		xi_out_puts(pg->o, "It has no members.\n\n");
		return;
	}
	/* A layout table per group of ABIs whose tables read the same. */
	if (d->nmembers > pg->memo_cap) {
		pg->memo_cap = d->nmembers;
		pg->memo = xi_xrealloc(pg->memo, sizeof(*pg->memo) * pg->memo_cap);
	}
	memset(pg->memo, 0, sizeof(*pg->memo) * d->nmembers);
	XI_FOR_EACH_ABI(a, d->abis) {
		pg->table[a].n = 0;
		rows(pg, d, a, -1, 0, d->size[a], d->kind == XI_MF_UNION, true, &pg->table[a]);
	}
	n = xi_abi_group(groups, d->abis, same_rows, pg->table);
	for (unsigned k = 0; k < n; k++) {
		int a = groups[k].first;
		if (groups[k].abis == d->abis)
			xi_out_puts(pg->o, "Layout:\n\n");
		else
			xi_out_printf(pg->o, "Layout on %s:\n\n", abi_names(pg, groups[k].abis));
		xi_out_puts(pg->o, "| Offset | Size | Field | Type | Direction | Description |\n"
				   "|---:|---:|---|---|---|---|\n");
		write_rows(pg, d, &pg->table[a]);
		xi_out_putc(pg->o, '\n');
	}
}

/* --- Pages ------------------------------------------------------------------------ */

static const char *source_name(struct page *pg, const struct xi_module *m)
{
	return xi_module_source_name(pg->arena, m);
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
		if (im->is_part)
			xi_out_puts(pg->o, "its family groups (");
		else if (im->is_map)
			xi_out_puts(pg->o, "a file per architecture (");
		else
			xi_out_printf(pg->o, "`%s` per architecture (", im->path);
		bool f1 = true;
		for (int f = 0; f < XI_IMPORT_SLOTS; f++) {
			if (!im->module[f])
				continue;
			const char *link = page_link(pg, im->module[f]->rel);
			xi_out_printf(pg->o, "%s", f1 ? "" : ", ");
			xi_out_printf(pg->o, link ? "[%s](%s)" : "%s", xi_import_slot_name(f), link);
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
		if (d->module != pg->mod->rel || d->kind == XI_MF_CONST || d->c_only)
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
	if (m->spdx)
		xi_out_printf(pg->o, "<!-- SPDX-License-Identifier: %s -->\n", m->spdx);
	xi_out_printf(pg->o, "# %s\n\n", src);
	paragraph(pg, pg->mod->doc);
	xi_out_printf(pg->o, "*Generated by xenidl from `%s`; do not edit. Layouts are given for %s.*\n\n",
		      src, abi_names(pg, pg->mod->abis));
	imports(pg, m);
	contents(pg);
	for (unsigned i = 0; i < pg->m->ndecls;) {
		const struct xi_mf_decl *d = pg->m->decls[i];
		/* The documentation is of the reference configuration. */
		if (d->module != pg->mod->rel || d->c_only) {
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
	struct xi_mf_model *m = xi_mf_of_backend(ctx);
	unsigned k = 0;
	for (unsigned i = 0; i < ctx->nmodules; i++) {
		struct xi_module *mod = ctx->modules[i];
		const struct xi_mf_module *mm = m->modules[k++];
		if (!mod->is_input)
			continue;
		struct xi_arena arena;
		xi_arena_init(&arena);
		struct page pg = { .ctx = ctx, .m = m, .mod = mm, .arena = &arena };
		pg.links = XI_NEW_ARRAY(&arena, struct decl_link, m->ndecls);
		pg.o = xi_out_open(out, xi_aprintf(&ctx->arena, "%s.md", mod->rel));
		if (pg.o)
			write_page(&pg, mod);
		for (int a = 0; a < XI_ABI_COUNT; a++)
			free(pg.table[a].row);
		free(pg.memo);
		xi_arena_free(&arena);
	}
	xi_mf_free(m);
}
