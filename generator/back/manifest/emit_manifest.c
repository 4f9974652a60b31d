/* The ABI manifest backend (-l manifest): one NAME.abi per input file, a
 * line-oriented record of every fact of the ABI that binaries rely on.
 *
 * Why lines and not JSON: a manifest is reviewed as a patch. One fact per
 * line makes every change one or two changed lines; declarations start in
 * column 0 and everything inside them is indented, so git's hunk headers
 * name the declaration a hunk is in; and the format needs no escaping
 * beyond quoted strings. The grammar is in doc/integration.md and the
 * reader in abidiff_read.c. */
#include "emit_manifest.h"

#include <string.h>

#include "abigroup.h"
#include "strbuf.h"

/* Indentation of one nesting level. */
#define MF_INDENT "    "

/* A bare value needs no quotes: not empty, no space, quote, backslash or
 * control byte. */
static bool is_bare(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if ((unsigned char)*s <= ' ' || *s == '"' || *s == '\\' || *s == 0x7f)
			return false;
	return true;
}

static bool needs_escape(unsigned char c)
{
	return c < ' ' || c == '"' || c == '\\' || c == 0x7f;
}

static void add_quoted(struct xi_strbuf *sb, const char *s)
{
	xi_sb_addc(sb, '"');
	for (;;) {
		/* The bytes that need no escape, in one piece. */
		const char *run = s;
		while (*s && !needs_escape((unsigned char)*s))
			s++;
		xi_sb_addn(sb, run, (size_t)(s - run));
		if (!*s)
			break;
		unsigned char c = (unsigned char)*s++;
		switch (c) {
		case '"': xi_sb_adds(sb, "\\\""); break;
		case '\\': xi_sb_adds(sb, "\\\\"); break;
		case '\n': xi_sb_adds(sb, "\\n"); break;
		case '\t': xi_sb_adds(sb, "\\t"); break;
		default: xi_sb_printf(sb, "\\x%02x", c); break;
		}
	}
	xi_sb_addc(sb, '"');
}

static void add_attr(struct xi_strbuf *sb, const char *key, const char *value)
{
	if (!value)
		return;
	xi_sb_addc(sb, ' ');
	xi_sb_adds(sb, key);
	xi_sb_addc(sb, '=');
	if (is_bare(value))
		xi_sb_adds(sb, value);
	else
		add_quoted(sb, value);
}

static void add_int_attr(struct xi_strbuf *sb, const char *key, struct xi_int v)
{
	char buf[24];
	xi_sb_printf(sb, " %s=%s", key, xi_int_format(v, buf));
}

/* A manifest being written: its output, an arena for scratch text, and
 * one buffer for every line made before it is written (a corpus has
 * thousands of them: a buffer each was a malloc and a free each). */
struct mf_writer {
	struct xi_out *o;
	struct xi_arena arena;
	struct xi_strbuf line;
};

/* The line buffer, emptied for a new line. */
static struct xi_strbuf *new_line(struct mf_writer *w)
{
	xi_sb_reset(&w->line);
	return &w->line;
}

/* The line buffer's text, written out. */
static void write_line(struct mf_writer *w)
{
	xi_out_write(w->o, xi_sb_str(&w->line), w->line.len);
}

static void put_doc(struct mf_writer *w, unsigned depth, const char *doc)
{
	if (!doc)
		return;
	struct xi_strbuf *sb = new_line(w);
	for (unsigned i = 0; i <= depth; i++)
		xi_sb_adds(sb, MF_INDENT);
	xi_sb_adds(sb, "doc ");
	add_quoted(sb, doc);
	xi_sb_addc(sb, '\n');
	write_line(w);
}

/* Lines that may differ per ABI: text[a] for each ABI of `abis`, written
 * once per group of ABIs with the same text, with "on=" unless the group
 * is `all` (the declaration's ABIs, which a line without "on=" means). The
 * doc follows the first line. */
static void put_grouped(struct mf_writer *w, xi_abi_mask abis, xi_abi_mask all,
			const char *const *text, unsigned depth, const char *doc)
{
	struct xi_out *o = w->o;
	struct xi_abi_group groups[XI_ABI_COUNT];
	unsigned n = xi_abi_group_by_text(groups, abis, text);
	for (unsigned k = 0; k < n; k++) {
		for (unsigned i = 0; i < depth; i++)
			xi_out_puts(o, MF_INDENT);
		xi_out_puts(o, groups[k].text);
		if (groups[k].abis != all)
			xi_out_printf(o, " on=%s", xi_mf_abi_list(&w->arena, groups[k].abis));
		xi_out_putc(o, '\n');
		if (doc) {
			put_doc(w, depth, doc);
			doc = NULL;
		}
	}
}

static const char *arm_text(struct mf_writer *w, const struct xi_mf_member *mm)
{
	if (!mm->is_arm)
		return NULL;
	if (mm->default_arm)
		return "_";
	struct xi_strbuf *sb = new_line(w);
	for (unsigned i = 0; i < mm->nlabels; i++) {
		char buf[24];
		const struct xi_mf_label *l = &mm->labels[i];
		xi_sb_printf(sb, "%s%s%s%s", i ? "," : "", l->name ? l->name : "", l->name ? ":" : "",
			     xi_int_format(l->value, buf));
	}
	return xi_strndup(&w->arena, xi_sb_str(sb), sb->len);
}

static bool same_text(const char *a, const char *b)
{
	return a == b || (a && b && !strcmp(a, b));
}

/* Whether a member's line reads the same on two ABIs: its type, offset,
 * size and alignment are all of it that depends on the ABI (and distinct
 * types are written distinctly). */
static bool same_member_line(const void *member, int a, int b)
{
	const struct xi_mf_member *mm = member;
	return same_text(mm->type[a], mm->type[b]) && mm->offset[a] == mm->offset[b] &&
	       mm->size[a] == mm->size[b] && mm->align[a] == mm->align[b];
}

static void put_member(struct mf_writer *w, const struct xi_mf_decl *d,
		       const struct xi_mf_member *mm)
{
	const char *text[XI_ABI_COUNT];
	const char *arm = arm_text(w, mm);
	/* ABIs whose lines read the same share one text, made once. */
	struct xi_abi_group groups[XI_ABI_COUNT];
	unsigned n = xi_abi_group(groups, mm->abis, same_member_line, mm);
	for (unsigned k = 0; k < n; k++) {
		int a = groups[k].first;
		struct xi_strbuf *sb = new_line(w);
		xi_sb_adds(sb, "member ");
		xi_sb_adds(sb, mm->path);
		add_attr(sb, "type", mm->type[a]);
		xi_sb_adds(sb, " offset=");
		xi_sb_add_u32(sb, mm->offset[a]);
		xi_sb_adds(sb, " size=");
		xi_sb_add_u32(sb, mm->size[a]);
		xi_sb_adds(sb, " align=");
		xi_sb_add_u32(sb, mm->align[a]);
		add_attr(sb, "dir", xi_mf_dir_name(mm->dir));
		if (mm->reserved)
			xi_sb_adds(sb, " reserved");
		if (mm->width) {
			xi_sb_adds(sb, " bit=");
			xi_sb_add_u32(sb, mm->bit);
			xi_sb_adds(sb, " width=");
			xi_sb_add_u32(sb, mm->width);
		}
		if (mm->alias)
			xi_sb_adds(sb, " alias");
		add_attr(sb, "arm", arm);
		add_attr(sb, "c", mm->c_name);
		add_attr(sb, "len", mm->len);
		add_attr(sb, "max", mm->max);
		add_attr(sb, "c_alias", mm->c_alias);
		add_attr(sb, "c_alias_if", mm->c_alias_if);
		const char *line = xi_strndup(&w->arena, xi_sb_str(sb), sb->len);
		XI_FOR_EACH_ABI(b, groups[k].abis)
			text[b] = line;
	}
	put_grouped(w, mm->abis & d->abis, d->abis, text, 1, mm->doc);
}

/* Whether a declaration's layout line reads the same on two ABIs. */
static bool same_layout_line(const void *decl, int a, int b)
{
	const struct xi_mf_decl *d = decl;
	return (d->kind != XI_MF_ALIAS || same_text(d->target[a], d->target[b])) &&
	       d->size[a] == d->size[b] && d->align[a] == d->align[b];
}

static void put_layouts(struct mf_writer *w, const struct xi_mf_decl *d)
{
	const char *text[XI_ABI_COUNT];
	/* As for members: equal lines share one text. */
	struct xi_abi_group groups[XI_ABI_COUNT];
	unsigned n = xi_abi_group(groups, d->laid_out, same_layout_line, d);
	for (unsigned k = 0; k < n; k++) {
		int a = groups[k].first;
		struct xi_strbuf *sb = new_line(w);
		xi_sb_adds(sb, "layout");
		if (d->kind == XI_MF_ALIAS)
			add_attr(sb, "type", d->target[a]);
		xi_sb_adds(sb, " size=");
		xi_sb_add_u32(sb, d->size[a]);
		xi_sb_adds(sb, " align=");
		xi_sb_add_u32(sb, d->align[a]);
		const char *line = xi_strndup(&w->arena, xi_sb_str(sb), sb->len);
		XI_FOR_EACH_ABI(b, groups[k].abis)
			text[b] = line;
	}
	put_grouped(w, d->laid_out, d->abis, text, 1, NULL);
}

static void put_variants(struct mf_writer *w, const struct xi_mf_decl *d)
{
	for (unsigned i = 0; i < d->nvariants; i++) {
		const struct xi_mf_variant *v = &d->variants[i];
		struct xi_strbuf *sb = new_line(w);
		xi_sb_adds(sb, MF_INDENT);
		if (d->kind == XI_MF_ENUM) {
			xi_sb_printf(sb, "variant %s", v->name);
			add_int_attr(sb, "value", v->value);
		} else if (v->lo == v->hi) {
			xi_sb_printf(sb, "bit %s bits=%u", v->name, v->lo);
		} else {
			xi_sb_printf(sb, "bit %s bits=%u..%u", v->name, v->lo, v->hi);
		}
		add_attr(sb, "c", v->c_name);
		add_attr(sb, "ctype", v->c_type);
		add_attr(sb, "if", v->cond);
		xi_sb_addc(sb, '\n');
		write_line(w);
		put_doc(w, 1, v->doc);
	}
}

static void put_decl(struct mf_writer *w, const struct xi_mf_decl *d, const struct xi_mf_module *mod)
{
	struct xi_strbuf *sb = new_line(w);
	xi_sb_printf(sb, "\n%s %s", xi_mf_kind_name(d->kind), d->name);
	if (d->legacy)
		xi_sb_adds(sb, " legacy");
	switch (d->kind) {
	case XI_MF_CONST:
		add_attr(sb, "type", d->type);
		if (d->string) {
			/* quoted always: the value is text, not a name */
			xi_sb_adds(sb, " string=");
			add_quoted(sb, d->string);
			if (d->c_asm)
				xi_sb_adds(sb, " c_asm");
			break;
		}
		if (d->body) {
			/* a parameterised constant: no value, a body */
			add_attr(sb, "params", d->params);
			add_attr(sb, "body", d->body);
			add_attr(sb, "ctype", d->c_type);
			break;
		}
		add_int_attr(sb, "value", d->value);
		XI_FOR_EACH_ABI(a, d->abis)
			if (!xi_int_eq(d->abi_value[a], d->value))
				add_int_attr(sb, xi_aprintf(&w->arena, "value.%s", xi_abis[a].name),
					     d->abi_value[a]);
		add_attr(sb, "ctype", d->c_type);
		add_attr(sb, "hvm_save", d->hvm_save);
		break;
	case XI_MF_ENUM:
	case XI_MF_BITMAP:
		add_attr(sb, "backing", d->type);
		add_attr(sb, "c_prefix", d->c_prefix);
		if (d->c_enum && !*d->c_enum)
			xi_sb_adds(sb, " c_enum");
		else
			add_attr(sb, "c_enum", d->c_enum);
		add_attr(sb, "c_typedef", d->c_typedef);
		break;
	case XI_MF_STRUCT:
	case XI_MF_UNION:
		add_attr(sb, "c_typedef", d->c_typedef);
		add_attr(sb, "c_typedef_if", d->c_typedef_if);
		add_attr(sb, "c_inline", d->c_inline);
		add_attr(sb, "c_name_if", d->c_name_if);
		add_attr(sb, "c_alias", d->c_alias);
		add_attr(sb, "c_old_name", d->c_old_name);
		add_attr(sb, "c_alias_if", d->c_alias_if);
		break;
	default:
		break;
	}
	add_attr(sb, "version", d->version);
	add_attr(sb, "c", d->c_name);
	add_attr(sb, "if", d->cond);
	/* Fewer ABIs than its module's: its condition holds on these only. */
	if (d->abis != mod->abis)
		add_attr(sb, "abis", xi_mf_abi_list(&w->arena, d->abis));
	if (d->c_only)
		xi_sb_adds(sb, " c_only");
	xi_sb_addc(sb, '\n');
	write_line(w);
	put_doc(w, 0, d->doc);
	if (d->kind == XI_MF_ALIAS || d->kind == XI_MF_STRUCT || d->kind == XI_MF_UNION)
		put_layouts(w, d);
	if (d->kind == XI_MF_ENUM || d->kind == XI_MF_BITMAP)
		put_variants(w, d);
	for (unsigned i = 0; i < d->nmembers; i++)
		put_member(w, d, &d->members[i]);
}

static void put_module(struct mf_writer *w, const struct xi_mf_model *m,
		       const struct xi_mf_module *mod)
{
	struct xi_strbuf *sb = new_line(w);
	xi_sb_printf(sb, "\nmodule %s", mod->rel);
	add_attr(sb, "abis", xi_mf_abi_list(&w->arena, mod->abis));
	add_attr(sb, "if", mod->tools_only ? "tools" : NULL);
	xi_sb_addc(sb, '\n');
	write_line(w);
	put_doc(w, 0, mod->doc);
	for (unsigned i = 0; i < m->ndecls; i++)
		if (m->decls[i]->module == mod->rel)
			put_decl(w, m->decls[i], mod);
}

void xi_mf_write(struct xi_out *o, const struct xi_mf_model *m, const struct xi_mf_module *mod)
{
	/* Scratch text lives in a local arena, freed at the end. */
	struct mf_writer w = { .o = o, .line = XI_STRBUF_INIT };
	xi_arena_init(&w.arena);
	struct xi_strbuf *sb = new_line(&w);
	xi_sb_printf(sb, "%s %d", XI_MF_MAGIC, XI_MF_FORMAT_VERSION);
	add_attr(sb, "abis", xi_mf_abi_list(&w.arena, m->abis));
	xi_sb_printf(sb, "\n# The ABI of %s, as laid out by xenidl. Generated: do not edit.\n"
		     "# Format: doc/integration.md, \"The ABI manifest\".\n", mod->rel);
	write_line(&w);
	put_module(&w, m, mod);
	/* The file's family groups: modules of their own, in its manifest. */
	for (unsigned i = 0; i < m->nmodules; i++)
		if (m->modules[i]->part_of && !strcmp(m->modules[i]->part_of, mod->rel))
			put_module(&w, m, m->modules[i]);
	xi_sb_free(&w.line);
	xi_arena_free(&w.arena);
}

void xi_emit_manifest(struct xi_ctx *ctx, const struct xi_gen_options *opt, struct xi_outset *out)
{
	struct xi_mf_model *m = xi_mf_of_backend(ctx);
	for (unsigned i = 0; i < m->nmodules; i++) {
		const struct xi_mf_module *mod = m->modules[i];
		if (!mod->input || mod->part_of)
			continue;
		struct xi_out *o = xi_out_open(out, xi_aprintf(&ctx->arena, "%s.abi", mod->rel));
		if (o)
			xi_mf_write(o, m, mod);
	}
	xi_mf_free(m);
}
