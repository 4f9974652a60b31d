/* Conditions: `@if(cond)` on declarations and groups of them.
 *
 * A condition says in which C configurations a declaration exists, as
 * Xen's headers say it with #if: `xen` (defined(__XEN__)), `tools`
 * (defined(__XEN__) || defined(__XEN_TOOLS__)), `version OP INT`
 * (__XEN_INTERFACE_VERSION__ OP INT), `defined(NAME)` (the constant NAME
 * is declared: true on the ABIs it is declared on), an architecture family
 * (x86, arm, ppc, riscv: the loader turns a family group into a part of the
 * file, see xi_cond_take_family), `compat_gen` (Xen's build is turning the
 * public headers into its compat headers: defined(XEN_GENERATING_COMPAT_HEADERS),
 * which implies __XEN__), combined with !, &&, || and ( ).
 * Every backend but C sees the reference configuration
 * (xi_cond_reference): a toolstack at the latest interface version. */
#ifndef XENIDL_COND_H
#define XENIDL_COND_H

#include <stdbool.h>
#include <stdint.h>

#include "abi.h"
#include "source.h"
#include "strbuf.h"

struct xi_ctx;

enum xi_cond_kind {
	XI_COND_XEN,
	XI_COND_TOOLS,
	XI_COND_VERSION,    /* version OP value */
	XI_COND_DEFINED,    /* defined(name) */
	XI_COND_FAMILY,     /* an architecture family (value: enum xi_family) */
	XI_COND_COMPAT_GEN, /* Xen is making its compat headers (XI_COMPAT_GEN_MACRO) */
	XI_COND_NOT,
	XI_COND_AND,
	XI_COND_OR,
};

/* The macro Xen's xen/include/Makefile defines while it preprocesses the
 * public headers into compat headers: the C text of `compat_gen`. */
#define XI_COMPAT_GEN_MACRO "XEN_GENERATING_COMPAT_HEADERS"

enum xi_cond_cmp { XI_CMP_LT, XI_CMP_LE, XI_CMP_GT, XI_CMP_GE, XI_CMP_EQ, XI_CMP_NE };

struct xi_cond {
	enum xi_cond_kind kind;
	enum xi_cond_cmp cmp;       /* XI_COND_VERSION */
	uint64_t value;             /* XI_COND_VERSION */
	const char *literal;        /* the value as written, for output */
	const char *name;           /* XI_COND_DEFINED: the constant's name */
	/* XI_COND_DEFINED: the ABIs the constant is declared on, once the
	 * resolver has looked it up (xi_resolve_defined); until then the atom
	 * counts as true in the reference configuration. */
	xi_abi_mask defined_abis;
	bool defined_resolved;
	struct xi_loc loc;
	const struct xi_cond *a, *b; /* operands (b: && and || only) */
};

/* The text of a condition (as written inside @if( )), which starts at
 * `at` in its source. Errors are reported at their column; NULL after
 * one. */
const struct xi_cond *xi_cond_parse(struct xi_ctx *ctx, const char *text, struct xi_loc at);

/* The family of a declaration under a family condition: `c` must be the
 * family atom, or the && of conditions one of which is the atom and none
 * of the others holds one (a family group, maybe around a declaration's
 * own @if). Returns the rest of the condition (NULL: none) and sets *family
 * (XI_FAM_NONE when c names no family); *bad is set to the first family
 * atom placed otherwise (under ! or ||, or a second one), else NULL. */
const struct xi_cond *xi_cond_take_family(struct xi_ctx *ctx, const struct xi_cond *c,
					  int *family, const struct xi_cond **bad);
/* The first family atom in c, or NULL. */
const struct xi_cond *xi_cond_find_family(const struct xi_cond *c);

/* a && b, either of which may be NULL (true). */
const struct xi_cond *xi_cond_and(struct xi_ctx *ctx, const struct xi_cond *a,
				  const struct xi_cond *b);

/* True in the reference configuration: __XEN_TOOLS__ defined, __XEN__
 * not (nor XEN_GENERATING_COMPAT_HEADERS), the interface version the constant marked @interface_version
 * gives (ctx->latest_version), or without one later than any the
 * conditions name. NULL is true. */
bool xi_cond_reference(const struct xi_ctx *ctx, const struct xi_cond *c);

/* The ABIs on which c holds in the reference configuration: all of them
 * or none, unless it has defined(NAME) atoms. NULL holds everywhere. */
xi_abi_mask xi_cond_reference_abis(const struct xi_ctx *ctx, const struct xi_cond *c);

/* The macro a C #ifdef / #ifndef names when c is that atom: NAME for
 * defined(NAME), XI_COMPAT_GEN_MACRO for compat_gen; NULL otherwise. */
const char *xi_cond_macro(const struct xi_cond *c);

/* Does c contain a defined(NAME) atom? */
bool xi_cond_has_defined(const struct xi_cond *c);

/* Can both hold at once? (Atoms defined(NAME) are compared as free
 * truths: each may hold or not, whatever the ABI.) (NULL is true.) */
bool xi_cond_overlap(const struct xi_cond *a, const struct xi_cond *b);
/* Does a imply b? (NULL is true.) */
bool xi_cond_implies(const struct xi_cond *a, const struct xi_cond *b);
/* Are two conditions true in the same configurations? */
bool xi_cond_same(const struct xi_cond *a, const struct xi_cond *b);

/* The condition as xidl writes it, and as C's #if does. */
void xi_cond_text(struct xi_strbuf *sb, const struct xi_cond *c);
void xi_cond_c_text(struct xi_strbuf *sb, const struct xi_cond *c);

#endif
