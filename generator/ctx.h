/* One compilation: its arena, diagnostics, modules and symbols. */
#ifndef XENIDL_CTX_H
#define XENIDL_CTX_H

#include <stdbool.h>

#include "arena.h"
#include "diag.h"
#include "ir.h"
#include "map.h"
#include "strbuf.h"

struct xi_mf_model;

struct xi_options {
	xi_abi_mask abis;               /* ABIs to lay out and check */
	const char *const *include_dirs;/* -I, in order */
	unsigned ninclude_dirs;
	bool werror;
	const char *root;               /* output paths are relative to this, if set */
};

struct xi_ctx {
	struct xi_arena arena;
	struct xi_diag diag;
	struct xi_options opt;
	struct xi_map interned;        /* identifier text */
	struct xi_map modules_by_path; /* normalized path -> module */
	/* A path as loaded (relative or not) -> its realpath: each file is
	 * imported by many others, and realpath costs a system call per
	 * path component. Only regular files are in it. */
	struct xi_map canon_of_path;
	struct xi_map symbols;         /* name -> first decl of that name */
	struct xi_module **modules;    /* in load order */
	unsigned nmodules, cap_modules;
	struct xi_module **inputs;     /* named on the command line, in order */
	unsigned ninputs, cap_inputs;
	/* Loaded, but for a family --abi leaves out: taken out of modules
	 * and inputs before resolution (xi_leave_out_unselected). */
	struct xi_module **left_out;
	unsigned nleft_out, cap_left_out;
	unsigned import_depth;
	bool analyzed;
	const char *prim_names[XI_PRIM_COUNT]; /* interned, once needed */
	/* The ABI model the manifest and md backends work from, made by the
	 * first of them to run (xi_mf_of_ctx in abidiff.h). */
	struct xi_mf_model *model;
};

const char *xi_intern(struct xi_ctx *ctx, const char *s, size_t len);
/* The primitive an interned name is, by pointer comparison; -1 if none. */
int xi_ctx_prim_by_interned(struct xi_ctx *ctx, const char *name);
/* The primitive any name is, by one lookup in the intern table (which
 * holds every primitive's name); -1 if none. */
int xi_ctx_prim_by_name(struct xi_ctx *ctx, const char *name);

#endif
