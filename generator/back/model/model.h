/* The ABI model: every fact of an interface that binaries depend on, in a
 * form that can be written as a manifest, read back, and compared.
 *
 *   IR --xi_mf_from_ir--> model --xi_mf_write--> manifest text (-l manifest,
 *                                                emit_manifest.h)
 *   manifest text --xi_mf_read--> model      (abi-diff, abidiff.h)
 *   model, model --xi_abidiff_run--> classified differences (abidiff.h)
 *
 * The model is flat on purpose: a struct's members, nested ones included,
 * are a list of dotted paths ("altp2m.opts", "u.unbound.dom", "x[].a")
 * with offsets from the start of the declaration, and every layout fact is
 * kept per ABI. Both directions (IR and manifest) produce the same model,
 * so abi-diff gives the same answer whichever way a side is given. */
#ifndef XENIDL_MODEL_H
#define XENIDL_MODEL_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "abi.h"
#include "arena.h"
#include "ctx.h"
#include "diag.h"
#include "map.h"
#include "xint.h"

/* The manifest format's version: the number on its first line. */
#define XI_MF_FORMAT_VERSION 1
#define XI_MF_MAGIC "xenidl-abi-manifest"

/* Where a fact comes from: an IDL source position or a manifest line. */
struct xi_mf_loc {
	const char *file;   /* NULL: nowhere in particular */
	uint32_t line;
	uint32_t col;       /* 0: print no column */
};

enum xi_mf_kind {
	XI_MF_CONST,
	XI_MF_ALIAS,
	XI_MF_ENUM,
	XI_MF_BITMAP,
	XI_MF_STRUCT,
	XI_MF_UNION,
};

enum xi_mf_dir {
	XI_MF_DIR_IN = 1u << 0,
	XI_MF_DIR_OUT = 1u << 1,
};

/* One selector of a tagged-union arm. */
struct xi_mf_label {
	const char *name;     /* enum variant or constant, or NULL for a literal */
	struct xi_int value;
};

struct xi_mf_member {
	const char *path;     /* "a", "a.b", "a[].b" */
	const char *c_name;   /* explicit @c_name, or NULL */
	const char *doc;
	struct xi_mf_loc loc;
	unsigned dir;         /* enum xi_mf_dir bits */
	bool reserved;
	/* A member of an anonymous union (in C): it shares its storage with
	 * the other members of that union, which are listed by their own
	 * names too; the anonymous union itself has no row. */
	bool alias;
	/* A bitfield: its width in bits (0 for other members) and its first
	 * bit, counted from the least significant bit of the byte at
	 * `offset`; offset and size are those of the storage bytes of its
	 * run of bitfields, align its declared type's. */
	unsigned width;
	unsigned bit;
	/* @len and @max: the member holding its count and the bound (in
	 * decimal), or NULL. Part of the ABI. */
	const char *len;
	const char *max;
	/* @c_alias and @c_alias_if: C's other name of the member (a macro
	 * naming its path) and where C has it (condition text), or NULL. */
	const char *c_alias;
	const char *c_alias_if;
	/* Tagged-union arms: the labels that select it, or the default arm. */
	bool is_arm;
	bool default_arm;
	struct xi_mf_label *labels;
	unsigned nlabels;
	/* Per ABI (for the ABIs in `abis`): the type as written in xidl, the
	 * offset from the start of the declaration, size and alignment. A
	 * member of a legacy declaration may be absent on some of its ABIs. */
	xi_abi_mask abis;
	const char *type[XI_ABI_COUNT];
	uint32_t offset[XI_ABI_COUNT];
	uint32_t size[XI_ABI_COUNT];
	uint32_t align[XI_ABI_COUNT];
	/* Derived by xi_mf_finish: */
	int parent;           /* index of the enclosing member, or -1 */
	bool in_union;        /* the enclosing aggregate is a union */
	bool eff_reserved;    /* it or an enclosing member is @reserved */
	bool leaf;            /* holds bytes itself: not an inline aggregate,
			       * or an array of them (whose elements are
			       * described by element 0 only) */
	bool under_leaf;      /* inside an array of inline aggregates */
};

/* An enum value or a bitmap bit (lo == hi) or field (lo < hi). */
struct xi_mf_variant {
	const char *name;
	const char *c_name;   /* the C macro (effective) */
	const char *c_type;   /* its @c_type (own or its declaration's), or NULL */
	const char *doc;
	struct xi_mf_loc loc;
	struct xi_int value;  /* enum */
	unsigned lo, hi;      /* bitmap */
	const char *cond;     /* @if, as xidl writes it, or NULL */
};

struct xi_mf_decl {
	enum xi_mf_kind kind;
	const char *name;
	const char *module;   /* the module's rel path */
	const char *c_name;   /* explicit @c_name, or NULL */
	const char *c_prefix; /* explicit @c_prefix, or NULL */
	const char *c_type;   /* const: its @c_type, or NULL */
	const char *hvm_save; /* const: @hvm_save, the save record's data type, or NULL */
	const char *c_enum;   /* enum: @c_enum: "" (a tagged C enum) or its
			       * typedef name; NULL: macros */
	const char *c_typedef; /* struct, union: the name of its C typedef
				* (xi_c_typedef_name), or NULL: none */
	const char *c_typedef_if; /* @c_typedef_if: where C has that typedef
				   * (xidl's condition text), or NULL: always */
	const char *c_inline; /* struct, union: @c_inline: the declaration C
			       * writes it in, or NULL: at file scope */
	const char *c_name_if;  /* @c_name_if: "COND=>NAME" where C names it
				 * NAME (xidl's condition text), or NULL */
	const char *c_alias;  /* struct, union: @c_alias, @c_old_name and */
	const char *c_old_name; /* where C has them (@c_alias_if's text) */
	const char *c_alias_if;
	const char *doc;
	struct xi_mf_loc loc;
	xi_abi_mask abis;     /* where it exists: its module's ABIs */
	bool legacy;
	const char *version;  /* @version constant, or NULL */
	/* @if, as xidl writes it, or NULL. c_only: false in the reference
	 * configuration, so only C has it: it is left out of the names
	 * (lookups never find it) and abi-diff finds its changes compatible. */
	const char *cond;
	bool c_only;
	/* const: the declared type; enum and bitmap: the backing type */
	const char *type;
	struct xi_int value;  /* const */
	/* string constant (type str): its value, else NULL; c_asm: C also
	 * writes it bare for the assembler (@c_asm) */
	const char *string;
	bool c_asm;
	/* A parameterised constant: its parameters ("x: c_uint, y: u32") and
	 * its body, fully parenthesised ("((x + 1) << 8)"); it has no value.
	 * NULL for other constants. */
	const char *params;
	const char *body;
	/* const: the value on each ABI of abis (sizeof makes them differ);
	 * the manifest writes those that differ from value as value.ABI= */
	struct xi_int abi_value[XI_ABI_COUNT];
	/* alias, struct, union: per-ABI layout (alias: and target type) */
	xi_abi_mask laid_out;
	const char *target[XI_ABI_COUNT];
	uint32_t size[XI_ABI_COUNT];
	uint32_t align[XI_ABI_COUNT];
	struct xi_mf_variant *variants;
	unsigned nvariants, cap_variants;
	struct xi_mf_member *members;
	unsigned nmembers, cap_members;
	unsigned index;       /* position in the model */
	/* Declared by an input module (a file named on the command line, or
	 * a manifest read): abi-diff compares it. The declarations of the
	 * modules it imports only tell what the names it uses mean. */
	bool input;
	struct xi_mf_decl *next_same_name;
	/* Scratch for abi-diff. */
	struct xi_mf_decl *renamed;   /* the other side's declaration of a rename */
};

struct xi_mf_module {
	const char *rel;
	const char *doc;
	struct xi_mf_loc loc;
	xi_abi_mask abis;
	bool input;           /* named on the command line (gets outputs) */
	bool empty;           /* declares nothing */
	bool tools_only;      /* `if=tools`: for the hypervisor and toolstack only */
	/* A file's family group (xi_module.part_of): the rel of that file,
	 * whose manifest holds this module too. NULL for a file. */
	const char *part_of;
};

struct xi_mf_model {
	struct xi_arena arena;
	xi_abi_mask abis;     /* the ABIs the model was computed for */
	struct xi_mf_module **modules;
	unsigned nmodules, cap_modules;
	struct xi_mf_decl **decls;
	unsigned ndecls, cap_decls;
	struct xi_map by_name; /* name -> first decl of that name */
};

struct xi_mf_model *xi_mf_new(void);
void xi_mf_free(struct xi_mf_model *m);

/* Add to a model (the parser and the IR builder). */
struct xi_mf_module *xi_mf_add_module(struct xi_mf_model *m, const char *rel);
struct xi_mf_decl *xi_mf_add_decl(struct xi_mf_model *m, enum xi_mf_kind kind, const char *name,
				  const struct xi_mf_module *mod);
/* Mark a declaration as C's only (c_only): it leaves the names. */
void xi_mf_set_c_only(struct xi_mf_model *m, struct xi_mf_decl *d);
struct xi_mf_member *xi_mf_add_member(struct xi_mf_model *m, struct xi_mf_decl *d,
				      const char *path);
struct xi_mf_variant *xi_mf_add_variant(struct xi_mf_model *m, struct xi_mf_decl *d,
					const char *name);
/* Keep only what the model says of the ABIs `abis`: the modules and
 * declarations on none of them go, and the others keep those ABIs only
 * (abi-diff --abi on a side of manifests, which hold every ABI they were
 * written for). */
void xi_mf_keep_abis(struct xi_mf_model *m, xi_abi_mask abis);
/* Derive the xi_mf_member fields marked as derived (of one declaration,
 * or of all). */
void xi_mf_finish_decl(struct xi_mf_decl *d);
void xi_mf_finish(struct xi_mf_model *m);

/* The declaration named `name` that exists on `abi`, or NULL. */
struct xi_mf_decl *xi_mf_lookup(const struct xi_mf_model *m, const char *name, int abi);
/* The same for the `len` bytes at `name` (a name inside a longer text). */
struct xi_mf_decl *xi_mf_lookup_n(const struct xi_mf_model *m, const char *name, size_t len,
				  int abi);
/* The input declaration named `name` that exists on `abi`, or NULL: what
 * abi-diff pairs with a declaration of the other side. */
struct xi_mf_decl *xi_mf_lookup_input(const struct xi_mf_model *m, const char *name, int abi);
/* Any declaration of that name (constants are the same on every ABI). */
struct xi_mf_decl *xi_mf_lookup_any(const struct xi_mf_model *m, const char *name);
/* A member by path, or -1. */
int xi_mf_member_index(const struct xi_mf_decl *d, const char *path);

const char *xi_mf_kind_name(enum xi_mf_kind k);
/* "in", "out", "inout", or NULL for none. */
const char *xi_mf_dir_name(unsigned dir);
/* A list of ABIs as the manifest writes it: families whose every ABI is in
 * the set (and that have more than one) by family name, else ABI names,
 * comma-separated: "x86,arm64". "" for none. */
const char *xi_mf_abi_list(struct xi_arena *a, xi_abi_mask abis);
/* Whether a type spelling is an inline aggregate ("struct { ... }"). */
bool xi_mf_type_is_inline(const char *type);
/* Call fn with each identifier of a type spelling that may name a
 * declaration (not handle, native_handle or void); inline aggregates
 * name none. */
typedef void xi_mf_name_fn(void *ctx, const char *name, size_t len);
void xi_mf_type_names(const char *type, xi_mf_name_fn *fn, void *ctx);

/* The model of modules of an analyzed compilation: the inputs only
 * (inputs_only), or everything loaded (the imported modules' declarations
 * then have input false). Locations name the source files by the paths
 * they were opened by. */
struct xi_mf_model *xi_mf_from_ir(struct xi_ctx *ctx, bool inputs_only);
/* The model of every module of an analyzed compilation, for a backend:
 * it shares the compilation's strings instead of copying them, so it is
 * freed (xi_mf_free) before the compilation is. */
struct xi_mf_model *xi_mf_of_backend(struct xi_ctx *ctx);

#endif
