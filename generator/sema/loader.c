/* Loading: read input files, parse them, and follow their imports.
 *
 * Each file is parsed once, whatever the path it is reached by (files are
 * identified by their canonical path). Imports are looked up next to the
 * importing file, then along the -I directories. `import arch "f.xidl"`
 * means arch-x86/f.xidl, arch-arm/f.xidl, arch-ppc/f.xidl and
 * arch-riscv/f.xidl, of which the families of the selected ABIs must
 * exist. The file's extension picks its reader: .yaml, .yml and .toml
 * files are specs (spec_load.c), anything else is xidl.
 *
 * A converting run (ctx->converting, convert.c) loads the same way, but
 * keeps each file's comments, reads imported files only with
 * --with-imports (a conversion needs none), and takes `import arch` to
 * mean the families that have the file (it builds for no ABI). */
#include "loader.h"

#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "attrs.h"
#include "cond.h"
#include "comments.h"
#include "limits.h"
#include "parse.h"
#include "resolve.h"
#include "spec_load.h"

static bool is_regular_file(struct xi_ctx *ctx, const char *path)
{
	/* Files already loaded were regular then: they stay so for a run. */
	if (xi_map_get(&ctx->canon_of_path, path, strlen(path)))
		return true;
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* The realpath of a file to load, or NULL; the same path asks the system
 * once per run. */
static const char *canonical_path(struct xi_ctx *ctx, const char *path)
{
	size_t len = strlen(path);
	const char *canon = xi_map_get(&ctx->canon_of_path, path, len);
	if (canon)
		return canon;
	char *buf = realpath(path, NULL);
	if (!buf)
		return NULL;
	canon = xi_strdup(&ctx->arena, buf);
	free(buf);
	xi_map_put(&ctx->canon_of_path, xi_strndup(&ctx->arena, path, len), len, (void *)canon);
	return canon;
}

/* Read a whole file into memory followed by two NUL bytes. */
char *xi_read_file(struct xi_ctx *ctx, const char *path, struct xi_loc from, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		if (from.file)
			xi_error(&ctx->diag, from, "cannot open '%s': %s", path, strerror(errno));
		else
			xi_error_at_file(&ctx->diag, path, "cannot open: %s", strerror(errno));
		return NULL;
	}
	size_t cap = 64 * 1024, n = 0;
	char *buf = xi_xmalloc(cap + 2);
	for (;;) {
		size_t got = fread(buf + n, 1, cap - n, f);
		n += got;
		if (n > XI_MAX_FILE_SIZE)
			break;
		if (got == 0)
			break;
		if (n == cap) {
			cap *= 2;
			buf = xi_xrealloc(buf, cap + 2);
		}
	}
	bool failed = ferror(f);
	fclose(f);
	if (failed) {
		xi_error_at_file(&ctx->diag, path, "read error");
		free(buf);
		return NULL;
	}
	if (n > XI_MAX_FILE_SIZE) {
		xi_error_at_file(&ctx->diag, path, "file is larger than %u bytes", XI_MAX_FILE_SIZE);
		free(buf);
		return NULL;
	}
	buf[n] = buf[n + 1] = '\0';
	*len = n;
	return buf;
}

/* Check that a file can be read and is not too large; readers stream it. */
static bool check_input_file(struct xi_ctx *ctx, const char *path, struct xi_loc from)
{
	struct stat st;
	if (stat(path, &st) != 0) {
		if (from.file)
			xi_error(&ctx->diag, from, "cannot open '%s': %s", path, strerror(errno));
		else
			xi_error_at_file(&ctx->diag, path, "cannot open: %s", strerror(errno));
		return false;
	}
	if (!S_ISREG(st.st_mode)) {
		xi_error_at_file(&ctx->diag, path, "not a regular file");
		return false;
	}
	if ((uintmax_t)st.st_size > XI_MAX_FILE_SIZE) {
		xi_error_at_file(&ctx->diag, path, "file is larger than %u bytes", XI_MAX_FILE_SIZE);
		return false;
	}
	return true;
}

/* The arch family a path belongs to: the first arch-<family> directory,
 * or a file arch-<family>.EXT. */
static int path_family(const char *path)
{
	const char *p = path;
	while (*p) {
		const char *e = strchr(p, '/');
		size_t n = e ? (size_t)(e - p) : strlen(p);
		/* The last component is the file: arch-arm.xidl is Arm's as
		 * Xen's arch-arm.h is. */
		if (!e) {
			const char *dot = strrchr(p, '.');
			if (dot && dot != p)
				n = (size_t)(dot - p);
		}
		for (int f = 0; f < XI_FAM_COUNT; f++)
			if (strlen(xi_families[f].dir) == n && !memcmp(xi_families[f].dir, p, n))
				return f;
		if (!e)
			break;
		p = e + 1;
	}
	return XI_FAM_NONE;
}

/* The ABI a file of family f is for when its name says so, as Xen's
 * arch-x86/xen-x86_64.h: the name without extension ends in '-' and the
 * name of one of f's ABIs. 0 otherwise. */
static xi_abi_mask path_abi(const char *path, int f)
{
	if (f == XI_FAM_NONE)
		return 0;
	const char *slash = strrchr(path, '/');
	const char *base = slash ? slash + 1 : path;
	const char *dot = strrchr(base, '.');
	size_t n = dot && dot != base ? (size_t)(dot - base) : strlen(base);
	for (int a = 0; a < XI_ABI_COUNT; a++) {
		size_t k = strlen(xi_abis[a].name);
		if ((int)xi_abis[a].family == f && n > k && base[n - k - 1] == '-' &&
		    !memcmp(base + n - k, xi_abis[a].name, k))
			return XI_ABI_BIT(a);
	}
	return 0;
}

static void add_module(struct xi_ctx *ctx, struct xi_module *m)
{
	m->index = ctx->nmodules;
	if (ctx->nmodules == ctx->cap_modules) {
		ctx->cap_modules = ctx->cap_modules ? ctx->cap_modules * 2 : 16;
		ctx->modules = xi_xrealloc(ctx->modules, sizeof(*ctx->modules) * ctx->cap_modules);
	}
	ctx->modules[ctx->nmodules++] = m;
}

static struct xi_module *new_module(struct xi_ctx *ctx, const char *path, const char *canon)
{
	struct xi_module *m = XI_NEW(&ctx->arena, struct xi_module);
	m->path = path;
	m->canon = canon;
	m->family = path_family(path);
	m->abi_only = path_abi(path, m->family);
	add_module(ctx, m);
	xi_map_put(&ctx->modules_by_path, canon, strlen(canon), m);
	return m;
}

/* --- Family groups --------------------------------------------------------- */

/* The part of file m for family f (xi_module.part_of), made on first use:
 * it sees what m imports, and m imports it. */
static struct xi_module *family_part(struct xi_ctx *ctx, struct xi_module *m, int f,
				     struct xi_loc at)
{
	if (m->parts[f])
		return m->parts[f];
	struct xi_module *p = XI_NEW(&ctx->arena, struct xi_module);
	p->path = m->path;
	p->canon = xi_aprintf(&ctx->arena, "%s#%s", m->canon, xi_families[f].name);
	p->src = m->src;
	p->import_root = m->import_root;
	p->spec_root = m->spec_root;
	p->family = f;
	p->family_set = true;
	p->family_loc = at;
	p->tools_only = m->tools_only;
	p->tools_only_loc = m->tools_only_loc;
	p->spdx = m->spdx;
	p->spdx_loc = m->spdx_loc;
	p->parsed_ok = m->parsed_ok;
	p->part_of = m;
	add_module(ctx, p);
	struct xi_import **tail = &p->imports;
	struct xi_import *link = NULL;
	for (struct xi_import *im = m->imports; im; im = im->next) {
		if (im->is_part) {
			link = im;
			continue;
		}
		struct xi_import *copy = XI_NEW(&ctx->arena, struct xi_import);
		*copy = *im;
		copy->next = NULL;
		*tail = copy;
		tail = &copy->next;
	}
	if (!link) {
		link = XI_NEW(&ctx->arena, struct xi_import);
		link->loc = at;
		link->is_arch = true;
		link->is_part = true;
		struct xi_import **end = &m->imports;
		while (*end)
			end = &(*end)->next;
		*end = link;
	}
	link->module[f] = p;
	m->parts[f] = p;
	return p;
}

/* Move the declarations of m's family groups (`@if(x86) { ... }`, or
 * @if(x86) on one declaration) into m's part of that family. A family
 * may only be a declaration's condition or a conjunct of it. convert
 * keeps them where they are: it writes the conditions back. */
static void split_family_groups(struct xi_ctx *ctx, struct xi_module *m)
{
	struct xi_decl **link = &m->decls;
	struct xi_decl *tails[XI_FAM_COUNT] = { NULL };
	while (*link) {
		struct xi_decl *d = *link;
		for (const struct xi_variant *v = d->variants; v; v = v->next) {
			const struct xi_cond *f = xi_cond_find_family(v->cond);
			if (f)
				xi_error(&ctx->diag, f->loc, "a family condition ('%s') applies to "
					 "declarations and groups of them, not to %s",
					 xi_families[f->value].name,
					 d->kind == XI_DECL_BITMAP ? "bits" : "variants");
		}
		int f = XI_FAM_NONE;
		const struct xi_cond *bad = NULL;
		const struct xi_cond *rest = xi_cond_take_family(ctx, d->cond, &f, &bad);
		if (bad) {
			xi_error(&ctx->diag, bad->loc, "a family ('%s') must be the whole condition "
				 "or joined to the rest with '&&': it chooses where '%s' is declared",
				 xi_families[bad->value].name, d->name);
			f = XI_FAM_NONE;
		}
		if (f == XI_FAM_NONE || ctx->converting) {
			link = &d->next;
			continue;
		}
		d->cond = rest;
		if (m->family != XI_FAM_NONE) {
			if (m->family != f)
				xi_error(&ctx->diag, d->loc, "'%s' is for the %s family in a file of the "
					 "%s family", d->name, xi_families[f].name,
					 xi_families[m->family].name);
			link = &d->next;
			continue;
		}
		struct xi_module *p = family_part(ctx, m, f, d->loc);
		*link = d->next;
		d->next = NULL;
		d->module = p;
		if (tails[f])
			tails[f]->next = d;
		else
			p->decls = d;
		tails[f] = d;
		m->ndecls--;
		p->ndecls++;
	}
}

static struct xi_module *load(struct xi_ctx *ctx, const char *path, struct xi_loc from,
			      struct xi_module **stack, unsigned depth);

/* Read module m as a file of form `form`, its attributes interpreted as
 * its reader hands them over (attrs.c). Errors in attributes are not
 * reading errors (m->parsed_ok): resolution still runs and reports what
 * else is wrong. */
static void read_as(struct xi_ctx *ctx, struct xi_module *m, enum xi_spec_format form)
{
	ctx->comments = m->comments;
	struct xi_attrs_read attrs;
	xi_attrs_read_begin(ctx, &attrs);
	/* xidl is streamed by its lexer; YAML and TOML readers take the
	 * whole text. */
	if (form == XI_FORMAT_XIDL)
		xi_parse_module(ctx, m);
	else if (xi_source_load(m->src))
		xi_spec_parse_module(ctx, m);
	else
		xi_error_at_file(&ctx->diag, m->path, "cannot read: %s", strerror(errno));
	ctx->comments = NULL;
	xi_attrs_read_end(ctx, &attrs);
}

void xi_read_module(struct xi_ctx *ctx, struct xi_module *m)
{
	enum xi_spec_format form = xi_format_of_path(m->path);
	if (ctx->converting) {
		m->comments = xi_comments_new(ctx, m->src, form);
		/* Comments are read back from the text: scan it from memory
		 * rather than read the file twice. */
		xi_source_load(m->src);
	}
	read_as(ctx, m, form);
}

/* Print "a.xidl imports b.xidl imports a.xidl" for a cycle. */
static void report_cycle(struct xi_ctx *ctx, struct xi_loc at, struct xi_module **stack,
			 unsigned depth, struct xi_module *again)
{
	struct xi_strbuf chain = XI_STRBUF_INIT;
	unsigned first = 0;
	for (unsigned i = 0; i < depth; i++)
		if (stack[i] == again)
			first = i;
	for (unsigned i = first; i < depth; i++)
		xi_sb_printf(&chain, "'%s' -> ", stack[i]->path);
	xi_sb_printf(&chain, "'%s'", again->path);
	xi_error(&ctx->diag, at, "import cycle: %s", xi_sb_str(&chain));
	xi_sb_free(&chain);
}

char *xi_find_import(struct xi_ctx *ctx, const char *importer_dir, const char *root,
		     const char *rel)
{
	char *candidate = xi_path_join(&ctx->arena, importer_dir, rel);
	if (is_regular_file(ctx, candidate))
		return candidate;
	if (rel[0] == '/')
		return NULL;
	if (root) {
		candidate = xi_path_join(&ctx->arena, root, rel);
		if (is_regular_file(ctx, candidate))
			return candidate;
	}
	for (unsigned i = 0; i < ctx->opt.ninclude_dirs; i++) {
		candidate = xi_path_join(&ctx->arena, ctx->opt.include_dirs[i], rel);
		if (is_regular_file(ctx, candidate))
			return candidate;
	}
	return NULL;
}

/* After an import was not found: one note per directory find_import
 * looked in, in its order. */
static void note_searched(struct xi_ctx *ctx, const struct xi_module *m, const char *dir,
			  const char *rel)
{
	struct xi_loc none = { 0, 0, 0, 0 };
	if (rel[0] == '/')
		return;
	xi_note(&ctx->diag, none, "looked in '%s', the directory of '%s'", dir, m->path);
	if (m->import_root)
		xi_note(&ctx->diag, none, "looked in '%s', the root of its spec tree", m->import_root);
	for (unsigned i = 0; i < ctx->opt.ninclude_dirs; i++)
		xi_note(&ctx->diag, none, "looked in '%s', from -I", ctx->opt.include_dirs[i]);
	if (ctx->opt.ninclude_dirs == 0)
		xi_note(&ctx->diag, none, "no -I directory was given");
}

static xi_abi_mask families_needed(const struct xi_ctx *ctx)
{
	xi_abi_mask fams = 0;
	XI_FOR_EACH_ABI(a, ctx->opt.abis)
		fams |= 1u << xi_abis[a].family;
	return fams;
}

/* Check the keys of an arch import map, and note each key's file. */
static bool map_families(struct xi_ctx *ctx, struct xi_import *im)
{
	bool ok = true;
	const struct xi_import_file *by_family[XI_IMPORT_SLOTS] = { NULL };
	for (const struct xi_import_file *e = im->files; e; e = e->next) {
		int f = xi_import_key_slot(e->key);
		if (f < 0) {
			xi_error(&ctx->diag, e->key_loc,
				 "unknown family or ABI '%s' in 'import arch' (expected x86, arm, "
				 "ppc, riscv or an ABI: x86_32, x86_64, arm32, arm64, riscv64, "
				 "ppc64le)", e->key);
			ok = false;
			continue;
		}
		if (by_family[f]) {
			xi_error(&ctx->diag, e->key_loc, "duplicate %s '%s' in 'import arch'",
				 f < XI_FAM_COUNT ? "family" : "ABI", e->key);
			xi_note(&ctx->diag, by_family[f]->key_loc, "previous file for '%s' is here",
				e->key);
			ok = false;
			continue;
		}
		by_family[f] = e;
		im->family_path[f] = e->path;
		im->family_none[f] = e->none;
	}
	return ok;
}

/* A module an arch import map names for family f belongs to f: its path
 * need not say so (Xen's arch-arm.h is not in an arch-arm directory). A
 * path that puts it in another family, or another map that names it for
 * another family, is an error. */
static void set_family(struct xi_ctx *ctx, const struct xi_import *im, int f, struct xi_module *dep)
{
	if (dep->family == XI_FAM_NONE) {
		dep->family = f;
		dep->family_loc = im->loc;
		dep->family_set = true;
		/* Its family groups were split off before the map was read. */
		for (int g = 0; g < XI_FAM_COUNT; g++) {
			struct xi_module *p = dep->parts[g];
			if (p && g != f)
				xi_error(&ctx->diag, p->decls->loc, "'%s' is for the %s family in a "
					 "file of the %s family", p->decls->name,
					 xi_families[g].name, xi_families[f].name);
		}
		return;
	}
	if (dep->family == f)
		return;
	const struct xi_import_file *e = im->files;
	while (e && xi_family_by_name(e->key) != f)
		e = e->next;
	xi_error(&ctx->diag, e ? e->loc : im->loc,
		 "'import arch' names '%s' for the %s family, but it belongs to the %s family",
		 dep->path, xi_families[f].name, xi_families[dep->family].name);
	if (dep->family_set)
		xi_note(&ctx->diag, dep->family_loc, "an 'import arch' names it for the %s family here",
			xi_families[dep->family].name);
	else
		xi_note(&ctx->diag, (struct xi_loc){ 0, 0, 0, 0 },
			"its path puts it in the %s family (a directory or file named %s)",
			xi_families[dep->family].name, xi_families[dep->family].dir);
}

/* The names of the ABIs of a mask, for messages: "x86_32, x86_64". */
static const char *abi_names(struct xi_ctx *ctx, xi_abi_mask abis)
{
	struct xi_strbuf sb = XI_STRBUF_INIT;
	xi_sb_add_abi_names(&sb, abis);
	const char *r = xi_strdup(&ctx->arena, xi_sb_str(&sb));
	xi_sb_free(&sb);
	return r;
}

/* A module an arch import map names under an ABI key (`x86_64:`) exists on
 * that ABI only, and belongs to its family; one it names under a family
 * key next to ABI keys of that family exists on the family's other ABIs
 * (an ABI key beats a family key). A module that already belongs to
 * other ABIs (by its name or another map) is an error. */
static void set_abis(struct xi_ctx *ctx, struct xi_import *im, int slot, xi_abi_mask abis,
		     struct xi_module *dep)
{
	int f = slot < XI_FAM_COUNT ? slot : (int)xi_abis[slot - XI_FAM_COUNT].family;
	const struct xi_import_file *e = im->files;
	while (e && xi_import_key_slot(e->key) != slot)
		e = e->next;
	struct xi_loc at = e ? e->loc : im->loc;
	if (dep->family != XI_FAM_NONE && dep->family != f)
		return; /* set_family reported it */
	if (dep->abi_only == abis) {
		if (!dep->abi_importer)
			dep->abi_importer = im->importer;
		return;
	}
	if (dep->abi_only) {
		xi_error(&ctx->diag, at, "'import arch' names '%s' for %s, but it is for %s",
			 dep->path, abi_names(ctx, abis), abi_names(ctx, dep->abi_only));
		if (dep->abi_set)
			xi_note(&ctx->diag, dep->abi_loc, "an 'import arch' names it for %s here",
				abi_names(ctx, dep->abi_only));
		else
			xi_note(&ctx->diag, (struct xi_loc){ 0, 0, 0, 0 },
				"its name puts it on %s (a file named ...-%s)",
				abi_names(ctx, dep->abi_only), abi_names(ctx, dep->abi_only));
		return;
	}
	dep->abi_only = abis;
	dep->abi_set = true;
	dep->abi_loc = at;
	dep->abi_importer = im->importer;
}

/* The ABIs an arch import of module m must provide files for: the
 * selected ones, of m's own ABIs (an arch-x86 file's map needs no Arm
 * file). */
static xi_abi_mask abis_needed(const struct xi_ctx *ctx, const struct xi_module *m)
{
	return ctx->opt.abis & xi_module_home_abis(m);
}

static void load_imports(struct xi_ctx *ctx, struct xi_module *m, struct xi_module **stack,
			 unsigned depth)
{
	char *dir = xi_path_dirname(&ctx->arena, m->path);
	xi_abi_mask fams = families_needed(ctx);
	for (struct xi_import *im = m->imports; im; im = im->next) {
		if (ctx->diag.capped)
			return;
		if (!im->is_arch) {
			char *found = xi_find_import(ctx, dir, m->import_root, im->path);
			if (!found) {
				xi_error(&ctx->diag, im->loc, "cannot find imported file '%s'", im->path);
				note_searched(ctx, m, dir, im->path);
				continue;
			}
			im->module[0] = load(ctx, found, im->loc, stack, depth);
			continue;
		}
		im->importer = m;
		if (im->is_map && !map_families(ctx, im))
			continue;
		/* The slots the run needs: an ABI's key where the map has one,
		 * else its family's. */
		bool needed[XI_IMPORT_SLOTS] = { false };
		if (im->is_map) {
			XI_FOR_EACH_ABI(a, abis_needed(ctx, m)) {
				if (im->family_path[XI_IMPORT_ABI_SLOT(a)])
					needed[XI_IMPORT_ABI_SLOT(a)] = true;
				else
					needed[xi_abis[a].family] = true;
			}
			/* convert builds for no ABI: it reads every file the map names. */
			for (int k = 0; ctx->converting && k < XI_IMPORT_SLOTS; k++)
				needed[k] = im->family_path[k] != NULL;
		} else {
			for (int f = 0; f < XI_FAM_COUNT; f++)
				needed[f] = (fams & (1u << f)) != 0;
		}
		struct xi_strbuf missing = XI_STRBUF_INIT, unnamed = XI_STRBUF_INIT;
		const char *missing_rel = NULL;
		for (int f = 0; f < XI_IMPORT_SLOTS; f++) {
			if (!needed[f])
				continue;
			const char *rel = xi_import_family_path(&ctx->arena, im, f);
			if (!rel && im->family_none[f])
				continue;
			if (!rel) {
				xi_sb_printf(&unnamed, "%s%s", unnamed.len ? ", " : "",
					     xi_families[f].name);
				continue;
			}
			char *found = xi_find_import(ctx, dir, m->import_root, rel);
			/* convert builds for no ABI: it reads the families
			 * there are. */
			if (!found && !ctx->converting) {
				xi_sb_printf(&missing, "%s'%s'", missing.len ? ", " : "", rel);
				missing_rel = rel;
			}
			if (!found)
				continue;
			im->module[f] = load(ctx, found, im->loc, stack, depth);
			if (!im->is_map || !im->module[f])
				continue;
			int fam = f < XI_FAM_COUNT ? f : (int)xi_abis[f - XI_FAM_COUNT].family;
			set_family(ctx, im, fam, im->module[f]);
			if (f >= XI_FAM_COUNT) {
				set_abis(ctx, im, f, XI_ABI_BIT(f - XI_FAM_COUNT), im->module[f]);
				continue;
			}
			/* The family's ABIs that no ABI key takes. */
			xi_abi_mask rest = xi_family_abis((enum xi_family)f);
			XI_FOR_EACH_ABI(a, rest)
				if (im->family_path[XI_IMPORT_ABI_SLOT(a)])
					rest &= ~XI_ABI_BIT(a);
			if (rest != xi_family_abis((enum xi_family)f))
				set_abis(ctx, im, f, rest, im->module[f]);
		}
		if (unnamed.len && !ctx->converting)
			xi_error(&ctx->diag, im->loc, "'import arch' names no file for %s; restrict the ABIs "
				 "with --abi to build without them", xi_sb_str(&unnamed));
		if (missing.len) {
			xi_error(&ctx->diag, im->loc,
				 "cannot find %s for 'import arch'; restrict the ABIs with --abi "
				 "to build without them", xi_sb_str(&missing));
			note_searched(ctx, m, dir, im->is_map ? missing_rel : im->path);
		}
		xi_sb_free(&missing);
		xi_sb_free(&unnamed);
	}
}

static struct xi_module *load(struct xi_ctx *ctx, const char *path, struct xi_loc from,
			      struct xi_module **stack, unsigned depth)
{
	const char *canon = canonical_path(ctx, path);
	if (!canon)
		canon = path;

	struct xi_module *m = xi_map_get(&ctx->modules_by_path, canon, strlen(canon));
	if (m) {
		if (m->loading)
			report_cycle(ctx, from, stack, depth, m);
		return m;
	}
	if (depth >= XI_MAX_IMPORT_DEPTH) {
		xi_error(&ctx->diag, from, "imports are nested deeper than %u files",
			 XI_MAX_IMPORT_DEPTH);
		return NULL;
	}
	if (!check_input_file(ctx, path, from))
		return NULL;
	m = new_module(ctx, path, canon);
	m->src = xi_diag_add_source(&ctx->diag, xi_xstrdup(path), NULL, 0);
	m->loading = true;
	xi_read_module(ctx, m);
	stack[depth] = m;
	/* A conversion needs no imported file: convert reads them only to
	 * convert them too. */
	if (!ctx->converting || ctx->opt.with_imports)
		load_imports(ctx, m, stack, depth + 1);
	split_family_groups(ctx, m);
	m->loading = false;
	return m;
}

/* A module named on the command line: it gets outputs. */
static void mark_input(struct xi_ctx *ctx, struct xi_module *m)
{
	if (m->is_input)
		return;
	m->is_input = true;
	if (ctx->ninputs == ctx->cap_inputs) {
		ctx->cap_inputs = ctx->cap_inputs ? ctx->cap_inputs * 2 : 16;
		ctx->inputs = xi_xrealloc(ctx->inputs, sizeof(*ctx->inputs) * ctx->cap_inputs);
	}
	ctx->inputs[ctx->ninputs++] = m;
	for (int f = 0; f < XI_FAM_COUNT; f++)
		if (m->parts[f])
			mark_input(ctx, m->parts[f]);
}

/* Mark m and what it imports, directly or not, in `reached` (by module
 * index), but for the files left out of the run. */
static void reach(const struct xi_module *m, bool *reached)
{
	if (reached[m->index])
		return;
	reached[m->index] = true;
	for (const struct xi_import *im = m->imports; im; im = im->next)
		for (int f = 0; f < XI_IMPORT_SLOTS; f++)
			if (im->module[f] && !im->module[f]->left_out)
				reach(im->module[f], reached);
	/* An ABI's file: the header that includes it (load_abi_parent). */
	if (m->abi_importer && !m->abi_importer->left_out)
		reach(m->abi_importer, reached);
	if (m->family_parent && !m->family_parent->left_out)
		reach(m->family_parent, reached);
}

void xi_inputs_add_imports(struct xi_ctx *ctx)
{
	bool *reached = xi_xmalloc(sizeof(*reached) * (ctx->nmodules + 1));
	memset(reached, 0, sizeof(*reached) * (ctx->nmodules + 1));
	for (unsigned i = 0; i < ctx->ninputs; i++)
		reach(ctx->inputs[i], reached);
	for (unsigned i = 0; i < ctx->nmodules; i++)
		if (reached[i])
			mark_input(ctx, ctx->modules[i]);
	free(reached);
}

struct xi_module *xi_load_buffer(struct xi_ctx *ctx, const char *name, const char *data,
				 size_t len)
{
	struct xi_module *stack[XI_MAX_IMPORT_DEPTH + 1];
	if (len > XI_MAX_FILE_SIZE) {
		xi_error_at_file(&ctx->diag, name, "file is larger than %u bytes", XI_MAX_FILE_SIZE);
		return NULL;
	}
	const char *norm = xi_path_normalize(&ctx->arena, name);
	if (xi_map_get(&ctx->modules_by_path, norm, strlen(norm))) {
		xi_error_at_file(&ctx->diag, name, "a source of this name is already loaded");
		return NULL;
	}
	char *text = xi_xmalloc(len + 2);
	memcpy(text, data, len);
	text[len] = text[len + 1] = '\0';
	struct xi_module *m = new_module(ctx, norm, norm);
	m->src = xi_diag_add_source(&ctx->diag, xi_xstrdup(norm), text, len);
	m->loading = true;
	read_as(ctx, m, XI_FORMAT_XIDL);
	stack[0] = m;
	load_imports(ctx, m, stack, 1);
	split_family_groups(ctx, m);
	m->loading = false;
	mark_input(ctx, m);
	m->named = true;
	return m;
}

/* A file its name puts on one ABI (arch-x86/xen-x86_64.xidl) is a part of
 * the header of the file next to it without the `-ABI` (arch-x86/xen.xidl,
 * whose arch import names it): its C header needs that one's machinery,
 * and its marshal code and checks include that one. Given alone, the file
 * is read with it, so that what its outputs include exists
 * (--with-imports writes it). Nothing is read when no such file exists. */
static void load_abi_parent(struct xi_ctx *ctx, struct xi_module *m)
{
	if (!m->abi_only || m->abi_set || m->abi_importer || ctx->converting)
		return;
	const char *slash = strrchr(m->path, '/');
	const char *base = slash ? slash + 1 : m->path;
	const char *dash = strrchr(base, '-');
	const char *dot = strrchr(base, '.');
	if (!dash || (dot && dot < dash))
		return;
	const char *parent = xi_aprintf(&ctx->arena, "%.*s%s", (int)(dash - m->path), m->path,
					dot ? dot : "");
	struct stat st;
	if (stat(parent, &st) != 0 || !S_ISREG(st.st_mode))
		return;
	struct xi_module *stack[XI_MAX_IMPORT_DEPTH + 1];
	load(ctx, parent, (struct xi_loc){ 0, 0, 0, 0 }, stack, 0);
}

/* A family's file with save records (arch-x86/hvm/save.xidl) has a C
 * header that includes the shared file's (hvm/save.h, the file of the same
 * path outside the family's directory, which holds the records'
 * machinery; the C backend's emit_hvm_save_include). Given alone, the
 * file is read with that one, so that what its outputs include exists
 * (--with-imports writes it). */
static void load_family_parent(struct xi_ctx *ctx, struct xi_module *m)
{
	if (m->family == XI_FAM_NONE || ctx->converting)
		return;
	bool records = false;
	for (const struct xi_decl *d = m->decls; d && !records; d = d->next)
		records = d->hvm_save != NULL;
	if (!records)
		return;
	/* The path without the family's directory: idl/arch-x86/hvm/save.xidl
	 * gives idl/hvm/save.xidl (the file's place in the tree is known
	 * before the root is: the last component naming the directory). */
	const char *dir = xi_families[m->family].dir;
	size_t n = strlen(dir);
	const char *at = NULL;
	for (const char *p = strstr(m->path, dir); p; p = strstr(p + 1, dir))
		if ((p == m->path || p[-1] == '/') && p[n] == '/')
			at = p;
	if (!at)
		return;
	const char *parent = xi_aprintf(&ctx->arena, "%.*s%s", (int)(at - m->path), m->path,
					at + n + 1);
	struct stat st;
	if (stat(parent, &st) != 0 || !S_ISREG(st.st_mode))
		return;
	struct xi_module *stack[XI_MAX_IMPORT_DEPTH + 1];
	m->family_parent = load(ctx, parent, (struct xi_loc){ 0, 0, 0, 0 }, stack, 0);
}

static struct xi_module *load_input(struct xi_ctx *ctx, const char *path, bool named)
{
	struct xi_module *stack[XI_MAX_IMPORT_DEPTH + 1];
	struct xi_loc none = { 0, 0, 0, 0 };
	if (!check_input_file(ctx, path, none))
		return NULL;
	const char *norm = xi_path_normalize(&ctx->arena, path);
	struct xi_module *m = load(ctx, norm, none, stack, 0);
	if (m) {
		mark_input(ctx, m);
		m->named |= named;
		load_abi_parent(ctx, m);
		load_family_parent(ctx, m);
	}
	return m;
}

struct xi_module *xi_load_input(struct xi_ctx *ctx, const char *path)
{
	return load_input(ctx, path, true);
}

struct xi_module *xi_load_found_input(struct xi_ctx *ctx, const char *path)
{
	return load_input(ctx, path, false);
}

/* --- Modules on no selected ABI ------------------------------------------ */

void xi_warn_left_out(struct xi_diag *diag, const char *path, xi_abi_mask abis)
{
	struct xi_strbuf names = XI_STRBUF_INIT;
	xi_sb_add_abi_names(&names, abis);
	int family = -1;
	for (int f = 0; f < XI_FAM_COUNT && family < 0; f++)
		if (xi_family_abis((enum xi_family)f) == abis)
			family = f;
	if (family >= 0)
		xi_warning_at_file(diag, path,
				   "skipped: the file is for the %s family (%s), which --abi leaves out",
				   xi_families[family].name, xi_sb_str(&names));
	else
		xi_warning_at_file(diag, path, "skipped: the file is for %s, which --abi leaves out",
				   xi_sb_str(&names));
	xi_sb_free(&names);
}

/* An arch-* file of a family that --abi leaves out declares nothing on the
 * ABIs of the run. Taken out before any phase reads it, it cannot be half
 * processed: resolution would find its names on no ABI, and layout would
 * have no ABI to lay its types out on. Such files are loaded only when
 * named on the command line or imported by one another (`import arch`
 * loads the selected families' files only). An input the user named gets
 * a warning when it is left out, as gcc warns about an input file it does
 * not use; one found by searching a directory does not (abi-diff's sides:
 * the directory holds every family's files, and --abi says which). */
void xi_leave_out_unselected(struct xi_ctx *ctx)
{
	unsigned kept = 0;
	for (unsigned i = 0; i < ctx->nmodules; i++) {
		struct xi_module *m = ctx->modules[i];
		if (xi_module_abis(ctx, m)) {
			m->index = kept;
			ctx->modules[kept++] = m;
			continue;
		}
		m->left_out = true;
		if (ctx->nleft_out == ctx->cap_left_out) {
			ctx->cap_left_out = ctx->cap_left_out ? ctx->cap_left_out * 2 : 8;
			ctx->left_out = xi_xrealloc(ctx->left_out,
						    sizeof(*ctx->left_out) * ctx->cap_left_out);
		}
		ctx->left_out[ctx->nleft_out++] = m;
	}
	ctx->nmodules = kept;
	unsigned inputs = 0;
	for (unsigned i = 0; i < ctx->ninputs; i++) {
		struct xi_module *m = ctx->inputs[i];
		if (!m->left_out) {
			ctx->inputs[inputs++] = m;
			continue;
		}
		if (m->named)
			xi_warn_left_out(&ctx->diag, m->path, xi_module_home_abis(m));
	}
	ctx->ninputs = inputs;
}

/* --- Visibility ---------------------------------------------------------- */

static void visit(struct xi_ctx *ctx, struct xi_module *m, unsigned words)
{
	if (m->visible)
		return;
	m->visible = XI_NEW_ARRAY(&ctx->arena, uint64_t, words);
	m->visible[m->index / 64] |= UINT64_C(1) << (m->index % 64);
	for (struct xi_import *im = m->imports; im; im = im->next) {
		for (int f = 0; f < XI_IMPORT_SLOTS; f++) {
			struct xi_module *dep = im->module[f];
			if (!dep || dep->left_out)
				continue;
			visit(ctx, dep, words);
			for (unsigned w = 0; w < words; w++)
				m->visible[w] |= dep->visible[w];
		}
	}
}

void xi_compute_visibility(struct xi_ctx *ctx)
{
	unsigned words = (ctx->nmodules + 63) / 64;
	for (unsigned i = 0; i < ctx->nmodules; i++)
		visit(ctx, ctx->modules[i], words ? words : 1);
}

/* --- Output paths -------------------------------------------------------- */

/* Length of the leading part of `path` that is the directory `dir`, or 0
 * when path does not lie under dir. */
static size_t under_dir(const char *path, const char *dir)
{
	size_t n = strlen(dir);
	if (n == 1 && dir[0] == '/')
		return 1;
	if (strncmp(path, dir, n) == 0 && path[n] == '/')
		return n + 1;
	return 0;
}

static char *canonical_dir(struct xi_arena *a, const char *dir)
{
	char *c = realpath(dir, NULL);
	if (!c)
		return NULL;
	char *r = xi_strdup(a, c);
	free(c);
	return r;
}

static const char *strip_extension(struct xi_arena *a, const char *rel)
{
	const char *slash = strrchr(rel, '/');
	const char *dot = strrchr(rel, '.');
	if (dot && (!slash || dot > slash) && dot != rel && !(slash && dot == slash + 1))
		return xi_strndup(a, rel, (size_t)(dot - rel));
	return rel;
}

/* Every module's output path mirrors its place relative to a root: --root
 * if given, else the first -I directory holding it, else the deepest
 * directory that holds every input. */
void xi_assign_output_paths(struct xi_ctx *ctx)
{
	struct xi_arena *a = &ctx->arena;
	char *common = NULL;
	for (unsigned i = 0; i < ctx->ninputs; i++) {
		char *dir = xi_path_dirname(a, ctx->inputs[i]->canon);
		if (!common)
			common = dir;
		else
			xi_path_narrow_common(common, dir);
	}
	char *root = ctx->opt.root ? canonical_dir(a, ctx->opt.root) : NULL;
	for (unsigned i = 0; i < ctx->nmodules; i++) {
		struct xi_module *m = ctx->modules[i];
		size_t skip = root ? under_dir(m->canon, root) : 0;
		for (unsigned d = 0; !skip && !root && d < ctx->opt.ninclude_dirs; d++) {
			char *inc = canonical_dir(a, ctx->opt.include_dirs[d]);
			if (inc)
				skip = under_dir(m->canon, inc);
		}
		if (!skip && common)
			skip = under_dir(m->canon, common);
		if (m->part_of) {
			/* domctl's x86 part: arch-x86/domctl, hvm/params's:
			 * hvm/arch-x86/params (the paths of Xen's old parts). */
			const char *pr = m->part_of->rel, *slash = strrchr(pr, '/');
			int n = slash ? (int)(slash - pr + 1) : 0;
			m->rel = xi_aprintf(a, "%.*s%s/%s", n, pr, xi_families[m->family].dir, pr + n);
			continue;
		}
		const char *rel = skip ? m->canon + skip : strrchr(m->canon, '/') ? strrchr(m->canon, '/') + 1 : m->canon;
		m->rel = strip_extension(a, rel);
	}
}
