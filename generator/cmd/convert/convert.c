/* xenidl convert --to xidl|yaml [-o DIR] [--check] [--lossy] [--with-imports] FILE...
 *
 * The files are loaded as a converting run loads them (loader.h): parsed,
 * not resolved, with their comments (comments.h); a conversion is a
 * translation and needs no imported file. Each is printed in the other
 * form. Outputs go next to their inputs, or under -o DIR (placed as the
 * inputs are relative to their deepest common directory), or to standard
 * output with -o -. An output that would replace its input (xidl to xidl)
 * formats it in place.
 *
 * Imports are renamed to the target form (xen.yaml becomes xen.xidl), as
 * the files they name are meant to be converted too. Which files a run
 * converts is what generation writes outputs for: the inputs, and with
 * --with-imports every file they import, directly or not (ctx->inputs).
 * Each import of an output is recorded as a reference (refs.h), which
 * gets a note when the run does not write its target and it does not
 * exist. xenbindgen includes become imports of the files of the
 * directories they name (to xidl), or stay includes (to YAML).
 *
 * Nothing the author wrote is dropped in silence: what the target form
 * cannot hold (a description's trailing blanks in an xidl doc comment, a
 * comment that is not UTF-8 text in YAML) is an error, and with --lossy a
 * warning. */
#include "convert.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "comments.h"
#include "loader.h"
#include "refs.h"
#include "xenidl.h"

struct job {
	struct xi_module *module;
	const char *dir;      /* output directory */
	const char *rel;      /* output path under it */
	struct xi_outset *set;
};

struct run {
	struct xi_ctx *ctx;
	const struct xi_convert_options *co;
	bool to_xidl;
	bool to_stdout;
	struct job *jobs;
	unsigned njobs;
};

static const char *with_extension(struct xi_ctx *ctx, const char *path, const char *ext,
				  bool only_known)
{
	const char *slash = strrchr(path, '/');
	const char *dot = strrchr(slash ? slash + 1 : path, '.');
	if (only_known && xi_format_of_path(path) == XI_FORMAT_XIDL &&
	    !(dot && !strcmp(dot, ".xidl")))
		return path;
	size_t stem = dot && dot != (slash ? slash + 1 : path) ? (size_t)(dot - path) : strlen(path);
	return xi_aprintf(&ctx->arena, "%.*s%s", (int)stem, path, ext);
}

static const char *rename_to_xidl(struct xi_ctx *ctx, const char *path)
{
	return with_extension(ctx, path, ".xidl", true);
}

static const char *rename_to_yaml(struct xi_ctx *ctx, const char *path)
{
	enum xi_spec_format f = xi_format_of_path(path);
	return f == XI_FORMAT_YAML ? path : with_extension(ctx, path, ".yaml", true);
}

/* --- What the target form cannot hold ------------------------------------- */

/* xidl doc comments drop trailing blanks and carriage returns: refuse a
 * description that holds them, or with --lossy say it lost them. */
static void check_doc(struct xi_ctx *ctx, bool lossy, const char *doc, struct xi_loc loc)
{
	if (!doc)
		return;
	for (const char *p = doc; *p; p++) {
		if (*p == '\r' || ((*p == ' ' || *p == '\t') && (p[1] == '\n' || !p[1]))) {
			if (lossy)
				xi_warning(&ctx->diag, loc, "dropped this description's trailing "
					   "blanks and carriage returns: xidl doc comments cannot hold them");
			else
				xi_error(&ctx->diag, loc, "xidl doc comments cannot hold this "
					 "description's trailing blanks or carriage returns "
					 "(--lossy drops them)");
			return;
		}
	}
}

static void check_members_docs(struct xi_ctx *ctx, bool lossy, const struct xi_module *mod,
			       const struct xi_member *m)
{
	for (; m; m = m->next) {
		check_doc(ctx, lossy, m->doc, xi_comments_doc_loc(mod->comments, m, m->loc));
		const struct xi_type *t = m->type;
		while (t->kind == XI_TYPE_ARRAY)
			t = t->u.array.elem;
		if (t->kind == XI_TYPE_AGG)
			check_members_docs(ctx, lossy, mod, t->u.agg->members);
	}
}

static void check_docs(struct xi_ctx *ctx, bool lossy, const struct xi_module *m)
{
	const struct xi_comments *cm = m->comments;
	struct xi_loc top = { 1, 1, m->src->id, 1 };
	check_doc(ctx, lossy, m->doc, xi_comments_doc_loc(cm, NULL, top));
	for (const struct xi_decl *d = m->decls; d; d = d->next) {
		check_doc(ctx, lossy, d->doc, xi_comments_doc_loc(cm, d, d->loc));
		for (const struct xi_variant *v = d->variants; v; v = v->next)
			check_doc(ctx, lossy, v->doc, xi_comments_doc_loc(cm, v, v->loc));
		if (d->agg)
			check_members_docs(ctx, lossy, m, d->agg->members);
	}
}

/* A comment's text stops at a NUL byte: refuse a comment that holds one,
 * or with `lossy` drop it (a doc comment loses what follows the NUL). */
static void check_comments(struct xi_ctx *ctx, const struct xi_module *m, bool lossy)
{
	const struct xi_comments *cm = m->comments;
	for (unsigned i = 0; cm && i < cm->n; i++) {
		struct xi_comment *c = &cm->v[i];
		if (!c->has_nul)
			continue;
		struct xi_loc loc = { c->start.line, c->start.col, m->src->id, 2 };
		bool doc = c->doc != XI_DOC_NONE;
		if (lossy)
			xi_warning(&ctx->diag, loc, doc ? "dropped what follows a NUL byte in this "
				   "doc comment" : "dropped this comment: it holds a NUL byte");
		else
			xi_error(&ctx->diag, loc, "convert cannot keep this %scomment: it holds a "
				 "NUL byte (--lossy drops %s)", doc ? "doc " : "",
				 doc ? "what follows it" : "the comment");
		c->dropped = !doc;
	}
}

/* --- Reading ---------------------------------------------------------------- */

/* In xidl, the imports an include stands for are at the include's place:
 * they take its comments (the first of the imports of each include). */
static void give_includes_comments(struct xi_module *m)
{
	for (const struct xi_spec_include *inc = m->includes; inc; inc = inc->next) {
		if (!xi_comments_find(m->comments, inc))
			continue;
		for (struct xi_import *im = m->imports; im; im = im->next) {
			if (im->include == inc) {
				xi_comments_alias(m->comments, im, inc);
				break;
			}
		}
	}
}

/* A module read with its comments, made ready to print in the target
 * form: each comment in its slot, and what the form cannot hold refused
 * (or with `lossy`, dropped). False after an error. */
static bool prepare(struct xi_ctx *ctx, struct xi_module *m, bool to_xidl, bool lossy)
{
	unsigned errors = ctx->diag.errors;
	xi_comments_attach(m->comments);
	if (to_xidl)
		give_includes_comments(m);
	check_comments(ctx, m, lossy);
	if (to_xidl)
		check_docs(ctx, lossy, m);
	return ctx->diag.errors == errors;
}

bool xi_convert_read(struct xi_ctx *ctx, struct xi_module *m, bool to_xidl, bool lossy)
{
	ctx->converting = true;
	unsigned errors = ctx->diag.errors;
	xi_read_module(ctx, m);
	/* Past the error cap, errors are not counted: nothing read is sure. */
	if (ctx->diag.errors != errors || ctx->diag.capped)
		return false;
	return prepare(ctx, m, to_xidl, lossy);
}

/* --- Placing ----------------------------------------------------------------- */

/* The deepest directory holding every input (canonical), or NULL. */
static char *common_dir(struct run *r)
{
	char *common = NULL;
	for (unsigned i = 0; i < r->njobs; i++) {
		char *dir = xi_path_dirname(&r->ctx->arena, r->jobs[i].module->canon);
		if (!common)
			common = dir;
		else
			xi_path_narrow_common(common, dir);
	}
	return common;
}

static void place(struct run *r, struct job *j, const char *outdir, const char *common)
{
	struct xi_ctx *ctx = r->ctx;
	const char *input = j->module->path;
	const char *ext = r->to_xidl ? ".xidl" : ".yaml";
	const char *out = xi_format_of_path(input) == XI_FORMAT_YAML && !r->to_xidl
			? input : with_extension(ctx, input, ext, false);
	if (outdir) {
		const char *canon = j->module->canon;
		size_t n = strlen(common);
		const char *rel = !strcmp(common, "/") ? canon + 1
				: !strncmp(canon, common, n) && canon[n] == '/' ? canon + n + 1 : canon;
		j->dir = outdir;
		j->rel = with_extension(ctx, rel, strrchr(out, '.'), false);
	} else {
		const char *slash = strrchr(out, '/');
		j->dir = slash ? xi_strndup(&ctx->arena, out, (size_t)(slash - out)) : ".";
		if (slash == out)
			j->dir = "/";
		j->rel = slash ? slash + 1 : out;
	}
}

/* --- What the outputs import --------------------------------------------------- */

/* Record the outputs that j's output `o` imports (refs.h): for each
 * import, of each family that has the file for `import arch`, the output
 * of the file it names, converted to the same form. */
static void refer_imports(struct run *r, const struct job *j, const struct xi_out *o)
{
	struct xi_ctx *ctx = r->ctx;
	const struct xi_module *m = j->module;
	const char *dir = xi_path_dirname(&ctx->arena, m->path);
	/* A spec tree's root is the parent of a file's directory. */
	const char *out_dir = xi_path_dirname(&ctx->arena, xi_path_join(&ctx->arena, j->dir, j->rel));
	const char *root = m->import_root ? xi_path_join(&ctx->arena, out_dir, "..") : NULL;
	for (const struct xi_import *im = m->imports; im; im = im->next) {
		/* In YAML, an include stays an include. */
		const char *verb = im->include && !r->to_xidl ? "includes" : "imports";
		/* The files it names, and the family of each (-1: unknown key). */
		unsigned cap = XI_FAM_COUNT;
		for (const struct xi_import_file *e = im->files; e; e = e->next)
			cap++;
		const char **rels = XI_NEW_ARRAY(&ctx->arena, const char *, cap);
		int *fams = XI_NEW_ARRAY(&ctx->arena, int, cap);
		unsigned n = 0;
		if (im->is_map) {
			for (const struct xi_import_file *e = im->files; e; e = e->next) {
				if (e->none)
					continue; /* `none`: no file to refer to */
				rels[n] = e->path;
				fams[n++] = xi_import_key_slot(e->key);
			}
		} else if (im->is_arch) {
			for (int f = 0; f < XI_FAM_COUNT; f++) {
				rels[n] = xi_import_family_path(&ctx->arena, im, f);
				fams[n++] = f;
			}
		} else {
			rels[n] = im->path;
			fams[n++] = 0;
		}
		for (unsigned i = 0; i < n; i++) {
			const char *rel = rels[i];
			/* Read (--with-imports), or else looked for. */
			const struct xi_module *source = fams[i] >= 0 ? im->module[fams[i]] : NULL;
			const char *found = source ? source->path
						   : xi_find_import(ctx, dir, m->import_root, rel);
			if (im->is_arch && !im->is_map && !found)
				continue; /* a family with no such file */
			const char *target = r->to_xidl ? rename_to_xidl(ctx, rel) : rename_to_yaml(ctx, rel);
			xi_ref_add_import(ctx, o, verb, r->co->to, target, root, found ? found : rel,
					  found != NULL, source);
		}
	}
}

/* --- The command ----------------------------------------------------------------- */

static void print(struct run *r, struct job *j, struct xi_out *o)
{
	if (r->to_xidl)
		xi_print_xidl(r->ctx, j->module, rename_to_xidl, o);
	else
		xi_print_yaml(r->ctx, j->module, rename_to_yaml, r->co->lossy, o);
	/* Every comment has a place in both forms: one left out is a bug,
	 * which must not cost the user a comment. */
	const struct xi_comment *c = xi_comments_unprinted(j->module->comments);
	if (c) {
		struct xi_loc loc = { c->start.line, c->start.col, j->module->src->id, 2 };
		xi_error(&r->ctx->diag, loc, "internal error: this comment has no place in the "
			 "output; nothing is written");
	}
}

int xi_cmd_convert(const struct xi_options *opt, const struct xi_convert_options *co, int nfiles,
		   char **files)
{
	struct run r = { NULL, co, !strcmp(co->to, "xidl"), co->outdir && !strcmp(co->outdir, "-"),
			 NULL, 0 };
	struct xi_ctx *ctx = r.ctx = xi_create(opt, stderr);
	ctx->converting = true;
	for (int i = 0; i < nfiles && !ctx->diag.capped; i++)
		xi_load_input(ctx, files[i]);
	if (opt->with_imports)
		xi_inputs_add_imports(ctx);
	int status = 1;
	if (xi_diag_failed(&ctx->diag) || ctx->diag.capped)
		goto done;
	bool ok = true;
	for (unsigned i = 0; i < ctx->ninputs; i++)
		ok &= prepare(ctx, ctx->inputs[i], r.to_xidl, co->lossy);
	if (!ok || xi_diag_failed(&ctx->diag))
		goto done;
	r.njobs = ctx->ninputs;
	r.jobs = xi_xmalloc(sizeof(*r.jobs) * r.njobs);
	memset(r.jobs, 0, sizeof(*r.jobs) * r.njobs);
	for (unsigned i = 0; i < r.njobs; i++)
		r.jobs[i].module = ctx->inputs[i];
	const char *common = co->outdir && !r.to_stdout ? common_dir(&r) : NULL;
	enum xi_output_mode mode = r.to_stdout ? XI_OUTPUT_MEMORY : co->check ? XI_OUTPUT_CHECK
					       : XI_OUTPUT_WRITE;
	for (unsigned i = 0; i < r.njobs; i++) {
		struct job *j = &r.jobs[i];
		place(&r, j, r.to_stdout ? NULL : co->outdir, common);
		j->set = xi_outset_new(r.to_stdout ? "." : j->dir, mode, &ctx->diag);
		xi_ref_add_run(ctx, co->to, j->set);
		struct xi_out *o = xi_out_open(j->set, j->rel);
		if (!o)
			continue;
		print(&r, j, o);
		if (!r.to_stdout)
			refer_imports(&r, j, o);
	}
	status = 0;
	if (xi_diag_failed(&ctx->diag)) {
		for (unsigned i = 0; i < r.njobs; i++)
			xi_outset_abort(r.jobs[i].set);
		status = 1;
	} else if (r.to_stdout) {
		for (unsigned i = 0; i < r.njobs; i++) {
			size_t len;
			const char *data = xi_outset_data(r.jobs[i].set, 0, &len);
			fwrite(data, 1, len, stdout);
		}
	} else {
		xi_refs_report(ctx);
		for (unsigned i = 0; i < r.njobs; i++) {
			int rc = xi_outset_commit(r.jobs[i].set, stdout);
			if (rc > status)
				status = rc;
		}
	}
	for (unsigned i = 0; i < r.njobs; i++)
		xi_outset_free(r.jobs[i].set);
done:
	for (unsigned i = 0; i < ctx->nmodules; i++)
		xi_comments_free(ctx->modules[i]->comments);
	free(r.jobs);
	xi_destroy(ctx);
	return status;
}
