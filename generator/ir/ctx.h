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
	/* @if on members: the member's address (its bytes) -> its condition.
	 * Kept aside: a member has no room for it (ir.h), and few have one. */
	struct xi_map member_conds;
	/* @c_alias on members: the member's address -> its xi_member_alias
	 * (aside, as member_conds). */
	struct xi_map member_aliases;
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
	/* While a file is read: the attribute lists its readers meet (ir.h),
	 * interpreted at the end of each declaration. */
	struct xi_attrs_read *attrs_read;
	/* Constant evaluation (consteval.c): sizeof and alignof take the
	 * ABI eval_abi when eval_on_abi; otherwise a value that differs by
	 * ABI sets eval_abi_dependent, and the caller evaluates per ABI. */
	bool eval_on_abi;
	bool eval_abi_dependent;
	int eval_abi;
	/* Set by resolution (resolve.c) for sizeof: resolve a declaration
	 * before its turn (an alias whose size is asked for), and the types
	 * that sizeof and alignof name in an expression of a declaration. */
	void (*resolve_decl_early)(struct xi_ctx *ctx, struct xi_decl *d);
	bool (*resolve_expr_types)(struct xi_ctx *ctx, struct xi_decl *d, struct xi_expr *e);
	/* And for a parameterised constant, which has no value: check its
	 * parameters and body (fnconst.c) in place of evaluating it. */
	bool (*check_fn_const)(struct xi_ctx *ctx, struct xi_decl *d);
	/* The constant marked @interface_version, and its value: the
	 * interface version of the reference configuration (cond.h). */
	const struct xi_decl *interface_version;
	uint64_t latest_version;
};

/* The name of the anonymous member at index `index` of its aggregate:
 * "anonN", the name of its Rust field, which no other member of that
 * aggregate may take. */
const char *xi_anonymous_name(struct xi_ctx *ctx, unsigned index);
const char *xi_intern(struct xi_ctx *ctx, const char *s, size_t len);
/* "a b", interned. */
const char *xi_intern_words(struct xi_ctx *ctx, const char *a, const char *b);
/* The primitive an interned name is, by pointer comparison; -1 if none. */
int xi_ctx_prim_by_interned(struct xi_ctx *ctx, const char *name);
/* The primitive any name is, by one lookup in the intern table (which
 * holds every primitive's name); -1 if none. */
int xi_ctx_prim_by_name(struct xi_ctx *ctx, const char *name);

/* A zeroed attribute node, for a reader (reused once handed over). */
struct xi_attr *xi_attr_new(struct xi_ctx *ctx);
/* A reader met attribute list `list` (NULL: none) before `node`. */
void xi_attrs_met(struct xi_ctx *ctx, enum xi_attr_place place, void *node,
		  const struct xi_attr *list);
/* A reader finished a top-level declaration: the lists met so far are
 * interpreted (ctx->attrs_read->apply), then their nodes reused. */
void xi_attrs_done(struct xi_ctx *ctx);
/* The errors reported so far in the attributes of the file being read
 * (which are not reading errors: resolution still runs after them). */
unsigned xi_attrs_errors(const struct xi_ctx *ctx);

/* A member's @if, or NULL (xi_member_cond_set records it). */
const struct xi_cond *xi_member_cond(const struct xi_ctx *ctx, const struct xi_member *m);
void xi_member_cond_set(struct xi_ctx *ctx, const struct xi_member *m, const struct xi_cond *c);

/* @c_alias("NAME") on a member: C's macro NAME names the member's path
 * from its declaration (Xen's console_mfn, console.domU.mfn), where cond
 * (@c_alias_if) holds, or everywhere (NULL). */
struct xi_member_alias {
	const char *name;
	const struct xi_cond *cond;
};
const struct xi_member_alias *xi_member_alias(const struct xi_ctx *ctx, const struct xi_member *m);
void xi_member_alias_set(struct xi_ctx *ctx, const struct xi_member *m,
			 const struct xi_member_alias *alias);

/* The ABIs a module's declarations exist on: the selected ABIs, narrowed
 * to its family for arch-* modules and to its ABI for an ABI's file. */
xi_abi_mask xi_module_abis(const struct xi_ctx *ctx, const struct xi_module *m);
/* The same whatever ABIs the run selects: its name space (names.c). */
xi_abi_mask xi_module_home_abis(const struct xi_module *m);
/* The ABIs a declaration exists on: its module's, less those where its
 * condition's defined(NAME) atoms fail (cond.h). */
xi_abi_mask xi_decl_abis(const struct xi_ctx *ctx, const struct xi_decl *d);

#endif
