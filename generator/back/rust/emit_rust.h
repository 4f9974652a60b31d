/* The Rust backend's internals, shared by its files:
 *   emit_rust.c         the crate: Cargo.toml, lib.rs and the module tree
 *   emit_rust_names.c   Rust names, paths, type spellings and cfg predicates
 *   emit_rust_decls.c   one module file: constants, aliases, enums, bitmaps,
 *                       structs, unions, accessors and arm traits
 *   emit_rust_check.c   check() bodies, layout assertions and the tests
 *                       generated into each module */
#ifndef XENIDL_EMIT_RUST_H
#define XENIDL_EMIT_RUST_H

#include "abigroup.h"
#include "backend.h"
#include "map.h"

/* The backend (-l rust). */
void xi_emit_rust(struct xi_ctx *ctx, const struct xi_gen_options *opt, struct xi_outset *out);

/* rustfmt's default line width: lines are built to stay within it. */
#define RUST_MAX_WIDTH 100u
/* Indentation step of the generated code (rustfmt's). */
#define RUST_INDENT 4u

/* C's own types keep their C meaning on every target through core::ffi. */
#define XI_RUST_C_PRIM_NAMES \
	[XI_PRIM_C_CHAR] = "core::ffi::c_char", [XI_PRIM_C_SCHAR] = "core::ffi::c_schar", \
	[XI_PRIM_C_UCHAR] = "core::ffi::c_uchar", [XI_PRIM_C_SHORT] = "core::ffi::c_short", \
	[XI_PRIM_C_USHORT] = "core::ffi::c_ushort", [XI_PRIM_C_INT] = "core::ffi::c_int", \
	[XI_PRIM_C_UINT] = "core::ffi::c_uint", [XI_PRIM_C_LONG] = "core::ffi::c_long", \
	[XI_PRIM_C_ULONG] = "core::ffi::c_ulong",

/* Spellings the backend needs again and again, made once per run: by
 * declaration, indexed by xi_decl.order (which numbers every declaration
 * of the compilation), NULL until first asked for. */
struct rust_names {
	struct xi_arena *arena;    /* the compilation's: these outlive modules */
	const char **type;         /* xi_rust_decl_name */
	/* The path from the crate root, "crate::MODULE::Name": [0] as the
	 * module's own path, [1] through the re-exported `arch` module. */
	const char **path[2];
	/* xi_rust_agg_name of aggregates, inline ones included, keyed by
	 * the aggregate's address (a lookup table, never iterated). */
	struct xi_map aggs;
};

struct rgen {
	struct xi_ctx *ctx;
	struct xi_arena *arena;    /* scratch text of one module, freed after it */
	const struct xi_gen_options *opt;
	struct xi_module *module;
	struct xi_out *out;
	xi_abi_mask abis;          /* ABIs the module exists on */
	struct rust_names *names;  /* shared by the modules of a run */
	/* The aggregate xi_rust_member_wrapped asked about last, and whether
	 * it wraps any member (emit_rust_check.c). */
	const struct xi_agg *wrap_agg;
	bool wrap_any;
};

/* --- Names (emit_rust_names.c) -------------------------------------------- */

/* PascalCase without splitting letters from digits: xen_domctl_altp2m_mode
 * gives XenDomctlAltp2mMode. An upper-case segment is lowered after its
 * first letter, so USE_PIRQ gives UsePirq and XEN_SYSCTL_pm_op XenSysctlPmOp. */
const char *xi_rust_pascal(struct xi_arena *a, const char *name);
/* The Rust name of a declared type: its PascalCase (domid_t is DomidT). */
const char *xi_rust_type_name(struct xi_arena *a, const struct xi_decl *d);
/* The same, made once per run. */
const char *xi_rust_decl_name(struct rgen *g, const struct xi_decl *d);
/* The table behind it, for every declaration of a compilation. */
struct rust_names *xi_rust_names_new(struct xi_ctx *ctx);
void xi_rust_names_free(struct rust_names *n);
/* The names of a bitmap's constants of all declared bits and of none:
 * ALL and EMPTY, or ALL_BITS and NO_BITS where a bit takes the name
 * (XENMEM_RDM_ALL is a bit). */
const char *xi_rust_bitmap_all(struct xi_arena *a, const struct xi_decl *d);
const char *xi_rust_bitmap_empty(struct xi_arena *a, const struct xi_decl *d);
/* A field, module or method name: verbatim, with keywords escaped (r#type;
 * self, super, crate and Self, which cannot be raw, get a trailing '_'). */
const char *xi_rust_ident(struct xi_arena *a, const char *name);
/* SCREAMING_CASE of a variant or bit name, for associated constants. */
const char *xi_rust_upper(struct xi_arena *a, const char *name);
/* snake_case of a name, for accessor methods (keywords escaped). */
const char *xi_rust_lower(struct xi_arena *a, const char *name);
/* Whether a name is already snake_case or SCREAMING_CASE (else the item
 * needs an #[allow] for rustc's naming lints). */
bool xi_rust_is_snake(const char *name);
bool xi_rust_is_upper(const char *name);

/* The Rust path of a module from the crate root, e.g. "arch_x86::domainconfig";
 * with `unified` the arch-* component is replaced by "arch", the name the
 * crate re-exports the current target's family under. */
const char *xi_rust_module_path(struct xi_arena *a, const struct xi_module *m, bool unified);
/* The module's path in the crate, '/'-separated: its output path, but
 * for a file arch-FAM.xidl, which Xen's naming makes the family's part of
 * xen.h (arch-arm.h beside arch-x86/xen.h), arch-FAM/xen: crate::arch::xen
 * is the target family's part of xen.xidl on every target. */
const char *xi_rust_rel(struct xi_arena *a, const struct xi_module *m);
/* One component of a module path (sanitized, keyword-escaped). */
const char *xi_rust_module_component(struct xi_arena *a, const char *comp, size_t len);

/* The Rust type name of an aggregate: its declaration's, or for an inline
 * one the enclosing aggregate's followed by the member's (EvtchnStatusU). */
const char *xi_rust_agg_name(struct xi_arena *a, const struct xi_agg *agg);
/* The same, made once per run. */
const char *xi_rust_agg_name_cached(struct rgen *g, const struct xi_agg *agg);
/* The interface name of an aggregate: "evtchn_status.u.interdomain". */
const char *xi_rust_agg_idl_name(struct xi_arena *a, const struct xi_agg *agg);

/* The Rust spelling of a type on one ABI (abi may be -1 when the type does
 * not depend on it), as seen from g->module. */
const char *xi_rust_type(struct rgen *g, const struct xi_type *t, int abi);
/* The same for a reference to a declaration. */
const char *xi_rust_decl_path(struct rgen *g, const struct xi_decl *d);
/* Whether a member of this type exists on an ABI: an arch type may choose
 * void, leaving the member out there. */
bool xi_rust_present(const struct xi_type *t, int abi);
bool xi_rust_present_on(const struct xi_type *t, xi_abi_mask abis);
/* Whether the spelling of a type differs between the module's ABIs (or it
 * is absent on some). */
bool xi_rust_type_varies(struct rgen *g, const struct xi_type *t);

/* A cfg predicate true exactly on the given ABIs, assuming the target is
 * one of `all` (the lib.rs compile_error! rules out the others). NULL when
 * abis == all (no condition needed). */
const char *xi_rust_cfg(struct xi_arena *a, xi_abi_mask abis, xi_abi_mask all);
/* A cfg predicate true on the given ABIs whatever the target (for the
 * module tree and the compile_error! itself). */
const char *xi_rust_cfg_exact(struct xi_arena *a, xi_abi_mask abis);

/* The attribute #[cfg(PRED)] as rustfmt lays it out, indented, with its
 * newline. */
const char *xi_rust_cfg_attr(struct xi_arena *a, unsigned indent, const char *pred);
/* A tagged union arm's label as a Rust constant pattern of the tag's type:
 * Enum::VARIANT, a constant of the same type, or a literal. */
const char *xi_rust_label_expr(struct rgen *g, const struct xi_agg *u, const struct xi_arm_label *l);

/* An integer literal of a value, hex when asked; i64::MIN spelled so. */
const char *xi_rust_int(struct xi_arena *a, struct xi_int v, bool hex);

/* Write doc text as `///` (or `//!` with inner) lines, indented. */
void xi_rust_doc(struct xi_out *o, unsigned indent, const char *text, bool inner);

/* --- Types of members ----------------------------------------------------- */

/* What a type is, through aliases and arrays, on one ABI. */
enum rust_kind {
	RK_INT,       /* integers, char, handles, arch types: nothing to check */
	RK_ENUM,
	RK_BITMAP,
	RK_STRUCT,    /* a struct or an untagged union (named or inline) */
	RK_TAGGED,    /* an inline tagged union */
};
enum rust_kind xi_rust_kind(const struct xi_type *t, int abi, const struct xi_decl **decl);
/* What a type is on one ABI for checking it: arrays, arch choices and
 * aliases stripped (the array dimensions met counted). */
const struct xi_type *xi_rust_shape(const struct xi_type *t, int abi, unsigned *dims);
/* Whether that differs between the module's ABIs (or the member is absent
 * on some): then each group of ABIs gets its own check. */
bool xi_rust_check_varies(struct rgen *g, const struct xi_type *t);
/* The element type of a (possibly nested) array, and the number of
 * dimensions. */
const struct xi_type *xi_rust_array_base(const struct xi_type *t, unsigned *dims);
/* The ABI to ask ABI-independent questions about a module's types. */
int xi_rust_first_abi(const struct rgen *g);

/* --- Pieces of a module (emit_rust_decls.c, emit_rust_check.c) ----------- */

void xi_rust_emit_module(struct rgen *g);
/* Whether an aggregate needs an align() attribute on some ABI (32-bit x86
 * aligns 64-bit integers to 4), and whether a member must be wrapped in
 * Align8 to land at its C offset. */
xi_abi_mask xi_rust_agg_align_abis(struct rgen *g, const struct xi_agg *agg);
bool xi_rust_member_wrapped(struct rgen *g, const struct xi_agg *agg, const struct xi_member *m);

/* The body of T::check() for an aggregate. Sets *uses_dir when it reads
 * the direction argument. */
void xi_rust_check_body(struct rgen *g, const struct xi_agg *agg, struct xi_strbuf *sb,
			bool *uses_dir);
/* The layout assertions of a module (const blocks) and its tests. */
void xi_rust_emit_layout_asserts(struct rgen *g);
void xi_rust_emit_tests(struct rgen *g);
/* Whether an aggregate holds a Rust union anywhere by value (no derived
 * PartialEq then). */
bool xi_rust_holds_union(const struct xi_agg *agg, int abi);

#endif
