/* xenbindgen mode, reading: every entry of the input directory is a spec
 * directory, every entry of a spec directory a spec file (TOML, or YAML by
 * its extension). Entries are taken in name order, where xenbindgen took
 * the file system's. */
#include <errno.h>
#include <string.h>

#include "ascii.h"

#include "dirlist.h"
#include "loader.h"
#include "spec_load.h"
#include "xbg.h"
#include "xbg_case.h"

const char *const xi_xbg_view_names[XI_XBG_VIEW_COUNT] = { "x86", "arm", "riscv", "ppc" };

static void list_add(struct xi_xbg_list *l, struct xi_decl *d)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 16;
		l->decls = xi_xrealloc(l->decls, sizeof(*l->decls) * l->cap);
	}
	l->decls[l->n++] = d;
}

/* arch-x86 and the like are in one view; other arch-* directories are in
 * none (xenbindgen never checks them, but writes them); the rest in all. */
static unsigned views_of(const char *name)
{
	if (strncmp(name, "arch-", 5) != 0)
		return XI_XBG_ALL_VIEWS;
	for (unsigned v = 0; v < XI_XBG_VIEW_COUNT; v++)
		if (!strcmp(name + 5, xi_xbg_view_names[v]))
			return 1u << v;
	return 0;
}

static bool valid_dir_name(const char *name)
{
	bool letter = false;
	for (const char *p = name; *p; p++) {
		if (!(xi_is_ident(*p) || *p == '-'))
			return false;
		letter |= *p != '-';
	}
	return letter;
}

/* Parse one file and append its lists to the directory's. */
static bool load_file(struct xbg *x, struct xi_xbg_dir *d, const char *path)
{
	struct xi_ctx *ctx = x->ctx;
	struct xi_loc none = { 0, 0, 0, 0 };
	size_t len;
	char *text = xi_read_file(ctx, path, none, &len);
	if (!text)
		return false;
	struct xi_module *m = XI_NEW(&ctx->arena, struct xi_module);
	m->path = path;
	m->canon = path;
	m->family = XI_FAM_NONE;
	m->index = (unsigned)(d - x->dirs); /* xi_xbg_dir_of() */
	m->src = xi_diag_add_source(&ctx->diag, xi_xstrdup(path), text, len);
	enum xi_spec_format f = xi_format_of_path(path) == XI_FORMAT_YAML ? XI_FORMAT_YAML
									 : XI_FORMAT_TOML;
	struct xi_dnode *root = xi_spec_read(ctx, m->src, f);
	if (!root)
		return false;
	struct xi_spec spec;
	if (!xi_spec_map(ctx, m, root, f, XI_DIALECT_XENBINDGEN, &spec))
		return false;
	struct xi_spec_include **tail = &d->includes;
	while (*tail)
		tail = &(*tail)->next;
	*tail = spec.includes;
	for (struct xi_decl *decl = spec.decls; decl; decl = decl->next) {
		switch (decl->kind) {
		case XI_DECL_ENUM: list_add(&d->enums, decl); break;
		case XI_DECL_BITMAP: list_add(&d->bitmaps, decl); break;
		default: list_add(&d->structs, decl); break;
		}
	}
	return true;
}

static bool load_dir(struct xbg *x, struct xi_xbg_dir *d)
{
	struct xi_ctx *ctx = x->ctx;
	unsigned n;
	struct xi_dirent *files = xi_list_dir(&ctx->arena, d->path, &n);
	if (!files) {
		xi_error_at_file(&ctx->diag, d->path, "cannot read directory: %s", strerror(errno));
		return false;
	}
	bool ok = true;
	for (unsigned i = 0; i < n && !ctx->diag.capped; i++) {
		const char *path = xi_aprintf(&ctx->arena, "%s/%s", d->path, files[i].name);
		if (!files[i].is_file) {
			xi_error_at_file(&ctx->diag, path,
					 "not a regular file (a spec directory holds spec files only)");
			ok = false;
			continue;
		}
		ok &= load_file(x, d, path);
	}
	return ok;
}

bool xi_xbg_load(struct xbg *x, const char *indir)
{
	struct xi_ctx *ctx = x->ctx;
	indir = xi_path_normalize(&ctx->arena, indir);
	x->indir = indir;
	unsigned n;
	struct xi_dirent *entries = xi_list_dir(&ctx->arena, indir, &n);
	if (!entries) {
		xi_error_at_file(&ctx->diag, indir, "cannot read directory: %s", strerror(errno));
		return false;
	}
	x->dirs = XI_NEW_ARRAY(&ctx->arena, struct xi_xbg_dir, n + 1);
	bool ok = true;
	for (unsigned i = 0; i < n && !ctx->diag.capped; i++) {
		const char *path = xi_aprintf(&ctx->arena, "%s/%s", indir, entries[i].name);
		if (!entries[i].is_dir) {
			xi_error_at_file(&ctx->diag, path, "not a directory (every entry of the input "
					 "directory is a directory of specs)");
			ok = false;
			continue;
		}
		if (!valid_dir_name(entries[i].name)) {
			xi_error_at_file(&ctx->diag, path, "a spec directory's name must be letters, "
					 "digits, '_' and '-', to give a C header name and guard");
			ok = false;
			continue;
		}
		struct xi_xbg_dir *d = &x->dirs[x->ndirs++];
		d->name = entries[i].name;
		d->path = path;
		d->out = xi_case_convert(&ctx->arena, d->name, XI_SPLIT_KEBAB, XI_CASE_SNAKE);
		d->guard = xi_case_convert(&ctx->arena, d->name, XI_SPLIT_KEBAB, XI_CASE_UPPER_SNAKE);
		d->views = views_of(d->name);
		for (unsigned k = 0; k + 1 < x->ndirs; k++) {
			if (!strcmp(x->dirs[k].out, d->out)) {
				xi_error_at_file(&ctx->diag, path, "'%s' and '%s' would both write '%s'",
						 x->dirs[k].name, d->name, d->out);
				ok = false;
			}
		}
		ok &= load_dir(x, d);
	}
	return ok;
}

/* --- Lookups in what was read ---------------------------------------------- */

const char *xi_xbg_kind_phrase(enum xi_decl_kind k)
{
	switch (k) {
	case XI_DECL_ENUM: return "an enum";
	case XI_DECL_BITMAP: return "a bitmap";
	case XI_DECL_STRUCT: return "a struct";
	default: return "a declaration";
	}
}

const char *xi_xbg_kind_word(enum xi_decl_kind k)
{
	return k == XI_DECL_ENUM ? "enum" : k == XI_DECL_BITMAP ? "bitmap" : "struct";
}

const struct xi_xbg_dir *xi_xbg_dir_of(const struct xbg *x, const struct xi_decl *decl)
{
	return &x->dirs[decl->module->index];
}

int xi_xbg_prim(const struct xi_type *t)
{
	if (t->kind != XI_TYPE_REF || t->u.ref.want)
		return -1;
	int p = xi_prim_by_name(t->u.ref.name);
	return p >= 0 && xi_prims[p].integer ? p : -1;
}

struct xi_decl *xi_xbg_find_in(const struct xi_xbg_dir *d, const char *name)
{
	const struct xi_xbg_list *lists[] = { &d->structs, &d->enums, &d->bitmaps };
	for (unsigned l = 0; l < 3; l++)
		for (unsigned i = 0; i < lists[l]->n; i++)
			if (lists[l]->decls[i]->name == name)
				return lists[l]->decls[i];
	return NULL;
}

struct xi_decl *xi_xbg_find(struct xbg *x, const struct xi_xbg_dir *d, const char *name,
			 const struct xi_xbg_dir **where)
{
	struct xi_decl *found = xi_xbg_find_in(d, name);
	if (found) {
		*where = d;
		return found;
	}
	unsigned views = d->views ? d->views : XI_XBG_ALL_VIEWS;
	for (unsigned i = 0; i < x->ndirs; i++) {
		const struct xi_xbg_dir *e = &x->dirs[i];
		if (e == d || !(e->views & views) || (!d->views && e->views != XI_XBG_ALL_VIEWS))
			continue;
		found = xi_xbg_find_in(e, name);
		if (found) {
			*where = e;
			return found;
		}
	}
	return NULL;
}
