/* Spec files as modules.
 *
 * A YAML or TOML file is a module like an xidl file: its `imports` name
 * files, found as xidl imports are. Its xenbindgen `includes` name
 * directories of the spec tree the file lives in (the parent of its own
 * directory, xenbindgen's --indir), by their output name:
 *   - `from = "xen"` imports every spec file of the directory whose output
 *     name is xen (`xen/types.toml`, ...);
 *   - `from = "arch"` imports, with `import arch`, every spec file name of
 *     the arch-* directories (`arch-x86/sched.toml` and its siblings).
 * Both are resolved against the tree's root (module->import_root), so the
 * C output includes "xen/types.h" and "arch-x86/sched.h", as an xidl file
 * converted from the spec does. */
#include "spec_load.h"

#include <stdlib.h>
#include <string.h>

#include "dirlist.h"
#include "path.h"
#include "xbg_case.h"

/* Is this file name one of a spec (.yaml, .yml or .toml, not hidden)? */
static bool xi_is_spec_file_name(const char *name)
{
	return name[0] != '.' && xi_format_of_path(name) != XI_FORMAT_XIDL;
}

struct xi_dnode *xi_spec_read(struct xi_ctx *ctx, struct xi_source *src, enum xi_spec_format f)
{
	return f == XI_FORMAT_YAML ? xi_yaml_read(ctx, src) : xi_toml_read(ctx, src);
}

/* Read and map a module, its includes not lowered yet. */
static bool load_module(struct xi_ctx *ctx, struct xi_module *m, struct xi_spec *spec)
{
	memset(spec, 0, sizeof(*spec));
	enum xi_spec_format f = xi_format_of_path(m->path);
	struct xi_dnode *root = xi_spec_read(ctx, m->src, f);
	if (!root)
		return false;
	bool ok = xi_spec_map(ctx, m, root, f, XI_DIALECT_XENIDL, spec);
	m->spec_root = root;
	m->doc = spec->doc;
	m->decls = spec->decls;
	m->ndecls = spec->ndecls;
	m->imports = spec->imports;
	return ok;
}

static void add_import(struct xi_ctx *ctx, struct xi_module *m, const char *path, bool is_arch,
		       const struct xi_spec_include *inc)
{
	struct xi_import *im = XI_NEW(&ctx->arena, struct xi_import);
	im->path = path;
	im->loc = inc->loc;
	im->is_arch = is_arch;
	im->include = inc;
	struct xi_import **tail = &m->imports;
	while (*tail)
		tail = &(*tail)->next;
	*tail = im;
}

/* The spec files of a directory, sorted. */
static unsigned spec_files(struct xi_ctx *ctx, const char *dir, struct xi_dirent **out)
{
	unsigned n = 0;
	struct xi_dirent *all = xi_list_dir(&ctx->arena, dir, &n);
	unsigned k = 0;
	for (unsigned i = 0; all && i < n; i++)
		if (all[i].is_file && xi_is_spec_file_name(all[i].name))
			all[k++] = all[i];
	*out = all;
	return k;
}

static bool lower_arch(struct xi_ctx *ctx, struct xi_module *m, const char *root,
		       const struct xi_spec_include *inc)
{
	/* The union of the file names of the arch-* directories, in order. */
	const char **names = NULL;
	unsigned nnames = 0;
	for (int f = 0; f < XI_FAM_COUNT; f++) {
		struct xi_dirent *files;
		const char *dir = xi_path_join(&ctx->arena, root, xi_families[f].dir);
		unsigned n = spec_files(ctx, dir, &files);
		for (unsigned i = 0; i < n; i++) {
			unsigned j = 0;
			while (j < nnames && strcmp(names[j], files[i].name) != 0)
				j++;
			if (j < nnames)
				continue;
			names = xi_xrealloc(names, sizeof(*names) * (nnames + 1));
			names[nnames++] = files[i].name;
		}
	}
	if (!nnames) {
		xi_error(&ctx->diag, inc->from_loc,
			 "no arch-* directory of '%s' holds a spec file for this include", root);
		return false;
	}
	/* Sorted, so that the order does not depend on which family has which. */
	for (unsigned i = 1; i < nnames; i++)
		for (unsigned j = i; j > 0 && strcmp(names[j - 1], names[j]) > 0; j--) {
			const char *t = names[j];
			names[j] = names[j - 1];
			names[j - 1] = t;
		}
	for (unsigned i = 0; i < nnames; i++)
		add_import(ctx, m, names[i], true, inc);
	free(names);
	return true;
}

static bool lower_dir(struct xi_ctx *ctx, struct xi_module *m, const char *root,
		      const struct xi_spec_include *inc)
{
	unsigned n = 0;
	struct xi_dirent *dirs = xi_list_dir(&ctx->arena, root, &n);
	const struct xi_dirent *found = NULL;
	for (unsigned i = 0; dirs && i < n && !found; i++)
		if (dirs[i].is_dir && dirs[i].name[0] != '.' &&
		    !strcmp(xi_case_convert(&ctx->arena, dirs[i].name, XI_SPLIT_KEBAB, XI_CASE_SNAKE),
			    inc->from))
			found = &dirs[i];
	if (!found) {
		xi_error(&ctx->diag, inc->from_loc, "no directory in '%s' has the output name '%s'",
			 root, inc->from);
		return false;
	}
	struct xi_dirent *files;
	const char *dir = xi_path_join(&ctx->arena, root, found->name);
	unsigned nfiles = spec_files(ctx, dir, &files);
	if (!nfiles) {
		xi_error(&ctx->diag, inc->from_loc, "directory '%s' holds no spec file", dir);
		return false;
	}
	for (unsigned i = 0; i < nfiles; i++) {
		const char *rel = xi_aprintf(&ctx->arena, "%s/%s", found->name, files[i].name);
		char *canon = realpath(xi_path_join(&ctx->arena, root, rel), NULL);
		bool self = canon && m->canon && !strcmp(canon, m->canon);
		free(canon);
		if (!self)
			add_import(ctx, m, rel, false, inc);
	}
	return true;
}

/* The imports that stand for a module's xenbindgen includes in a spec tree
 * (see xi_spec_parse_module), appended to m->imports; sets
 * m->import_root. False after an error. */
static bool xi_spec_lower_includes(struct xi_ctx *ctx, struct xi_module *m,
				   const struct xi_spec_include *includes)
{
	if (!includes)
		return true;
	/* The tree's root: the parent of the file's directory. */
	const char *root = xi_path_join(&ctx->arena, xi_path_dirname(&ctx->arena, m->path), "..");
	m->import_root = root;
	bool ok = true;
	for (const struct xi_spec_include *inc = includes; inc; inc = inc->next)
		ok &= !strcmp(inc->from, "arch") ? lower_arch(ctx, m, root, inc)
						 : lower_dir(ctx, m, root, inc);
	return ok;
}

bool xi_spec_parse_module(struct xi_ctx *ctx, struct xi_module *m)
{
	unsigned errors = ctx->diag.errors - xi_attrs_errors(ctx);
	struct xi_spec spec;
	if (load_module(ctx, m, &spec)) {
		m->includes = spec.includes;
		xi_spec_lower_includes(ctx, m, spec.includes);
	}
	m->parsed_ok = ctx->diag.errors - xi_attrs_errors(ctx) == errors;
	return m->parsed_ok;
}
