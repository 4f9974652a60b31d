/* libxenidl: the generator as a library. The xenidl command is a thin
 * layer over this API.
 *
 *   struct xi_ctx *ctx = xi_create(&options, stderr);
 *   xi_add_input(ctx, "idl/domctl.xidl");
 *   if (xi_analyze(ctx)) {
 *       struct xi_outset *out = xi_outset_new("generated", XI_OUTPUT_WRITE, &ctx->diag);
 *       xi_generate(ctx, "c", &gen_options, out);
 *       xi_outset_commit(out, stderr);
 *   }
 *   xi_destroy(ctx);
 */
#ifndef XENIDL_XENIDL_H
#define XENIDL_XENIDL_H

#include <stdbool.h>
#include <stdio.h>

#include "backend.h"
#include "ctx.h"
#include "output.h"

/* The backends, by their -l names, in the order --help lists them. */
struct xi_backend {
	const char *name;    /* as given to -l */
	const char *summary; /* for --help */
	xi_backend_fn emit;
};
extern const struct xi_backend xi_backends[];
const struct xi_backend *xi_backend_find(const char *name);

struct xi_ctx *xi_create(const struct xi_options *opt, FILE *diag);
void xi_destroy(struct xi_ctx *ctx);

/* Load an input file and everything it imports. Inputs get outputs;
 * files only imported do not. */
bool xi_add_input(struct xi_ctx *ctx, const char *path);
/* The same for an input found by searching a directory rather than named:
 * one that --abi leaves out is left out without a warning. */
bool xi_add_found_input(struct xi_ctx *ctx, const char *path);

/* The same for a source held in memory (tests, fuzzing, embedders);
 * `name` stands for its path in messages and for finding its imports. */
bool xi_add_source(struct xi_ctx *ctx, const char *name, const char *data, size_t len);

/* Resolve names, evaluate constants, check the language rules and lay out
 * every type. False after any error (all of them reported). */
bool xi_analyze(struct xi_ctx *ctx);

/* Run one backend (by its -l name) into an output set. False after an
 * error. */
bool xi_generate(struct xi_ctx *ctx, const char *backend, const struct xi_gen_options *opt,
		     struct xi_outset *out);

/* After the backends of a run: a note for each include or link of their
 * outputs whose target they did not write and the output directory does
 * not hold (generate it too, or use --with-imports). */
void xi_report_unwritten(struct xi_ctx *ctx);

/* Write a make depfile: the outputs of the sets depend on every file
 * loaded, and each file loaded gets an empty rule. */
bool xi_write_depfile(struct xi_ctx *ctx, const struct xi_outset *const *outs, unsigned nouts,
		      const char *path);

/* Find a declaration by name among all loaded files (the first one, for a
 * name declared per family). */
struct xi_decl *xi_find_decl(struct xi_ctx *ctx, const char *name);

#endif
