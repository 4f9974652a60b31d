/* One compilation: its arena, diagnostics, modules and symbols. */
#ifndef XENIDL_CTX_H
#define XENIDL_CTX_H

#include <stdbool.h>

#include "arena.h"
#include "diag.h"
#include "ir.h"
#include "map.h"
#include "strbuf.h"

struct xi_comments;
struct xi_mf_model;
struct xi_outset;
struct xi_ref;

/* A backend of the run and where it writes (refs.h). */
struct xi_run {
	const char *lang;
	const struct xi_outset *out;
};

struct xi_options {
	xi_abi_mask abis;               /* ABIs to lay out and check */
	const char *const *include_dirs;/* -I, in order */
	unsigned ninclude_dirs;
	bool werror;
	bool parseable_fixits;          /* also print gcc's parseable fix-it lines */
	const char *root;               /* output paths are relative to this, if set */
	bool with_imports;              /* imported files get outputs too */
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
	/* The references between outputs and the backends of the run, to
	 * report targets left unwritten (refs.h). */
	struct xi_ref *refs;
	unsigned nrefs, cap_refs;
	struct xi_map ref_seen;
	struct xi_run *runs;
	unsigned nruns, cap_runs;
	/* The run converts (convert.c) rather than compiles: the loader
	 * keeps each file's comments (module->comments), reads what the
	 * inputs import only with --with-imports, and finds `import arch`
	 * files in the families there are; notes for outputs left unwritten
	 * say "convert" (refs.h). */
	bool converting;
	/* While a file is read: where its readers keep its comments
	 * (comments.h), when the run converts; NULL otherwise. */
	struct xi_comments *comments;
};

const char *xi_intern(struct xi_ctx *ctx, const char *s, size_t len);
/* "a b", interned. */
const char *xi_intern_words(struct xi_ctx *ctx, const char *a, const char *b);
/* The primitive an interned name is, by pointer comparison; -1 if none. */
int xi_ctx_prim_by_interned(struct xi_ctx *ctx, const char *name);
/* The primitive any name is, by one lookup in the intern table (which
 * holds every primitive's name); -1 if none. */
int xi_ctx_prim_by_name(struct xi_ctx *ctx, const char *name);

#endif
