/* Loading input files and their imports. */
#ifndef XENIDL_LOADER_H
#define XENIDL_LOADER_H

#include "ctx.h"
#include "path.h"

/* Load a file named on the command line, with everything it imports
 * (a converting run: with --with-imports only). */
struct xi_module *xi_load_input(struct xi_ctx *ctx, const char *path);
/* The same for an input found by searching a directory that was named:
 * when --abi leaves it out, it is left out without a warning. */
struct xi_module *xi_load_found_input(struct xi_ctx *ctx, const char *path);
/* Parse module m (m->path names its form, m->src is its source): xidl, or
 * YAML and TOML (spec_load.h). A converting run (ctx->converting) keeps
 * its comments in m->comments. Errors are reported; m->parsed_ok says
 * whether there were any. */
void xi_read_module(struct xi_ctx *ctx, struct xi_module *m);
/* Load a source held in memory, named `name` in messages (imports are
 * looked up relative to that name, then along -I). */
struct xi_module *xi_load_buffer(struct xi_ctx *ctx, const char *name, const char *data,
				 size_t len);
/* Once everything is loaded, in this order: each module's output path
 * (module->rel), from every input named; */
void xi_assign_output_paths(struct xi_ctx *ctx);
/* then move the modules that exist on no selected ABI (arch-* files of
 * families --abi leaves out) from ctx->modules and ctx->inputs to
 * ctx->left_out, with a warning for each input named; */
void xi_leave_out_unselected(struct xi_ctx *ctx);
/* then, with --with-imports, make every module the inputs import, directly
 * or not, an input too, after the inputs, in load order (what only a file
 * left out imports is not part of the run); */
void xi_inputs_add_imports(struct xi_ctx *ctx);
/* then which modules each module sees. */
void xi_compute_visibility(struct xi_ctx *ctx);

/* "PATH: warning: skipped: the file is for the arm family (arm32, arm64),
 * which --abi leaves out": a file named, for the ABIs `abis` only. */
void xi_warn_left_out(struct xi_diag *diag, const char *path, xi_abi_mask abis);

/* Find an imported file: next to the importer, then in its import root
 * (if any), then along -I; NULL if none of them holds it. */
char *xi_find_import(struct xi_ctx *ctx, const char *importer_dir, const char *root,
		     const char *rel);

/* Read a whole file (followed by two NUL bytes, which flex needs); NULL
 * after a reported error. `from` locates the import that named it. */
char *xi_read_file(struct xi_ctx *ctx, const char *path, struct xi_loc from, size_t *len);

#endif
