/* The intermediate representation: what every reader produces and every
 * backend consumes.
 *
 * A compilation holds modules (one per input file). A module holds
 * declarations in source order. Types are trees: an aggregate's members
 * have types, which may be references to other declarations, arrays,
 * handles, inline aggregates or per-ABI choices. The resolver fills in the
 * references and constant values; the layout engine fills in sizes,
 * alignments and offsets for every ABI. */
#ifndef XENIDL_IR_H
#define XENIDL_IR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "abi.h"
#include "limits.h"
#include "source.h"
#include "xint.h"

struct xi_comments;
struct xi_cond;
struct xi_dnode;
struct xi_spec_include;
struct xi_arena;
struct xi_decl;
struct xi_module;
struct xi_type;

/* --- Primitive types ---------------------------------------------------- */

enum xi_prim {
	XI_PRIM_U8,
	XI_PRIM_U16,
	XI_PRIM_U32,
	XI_PRIM_U64,
	XI_PRIM_I8,
	XI_PRIM_I16,
	XI_PRIM_I32,
	XI_PRIM_I64,
	XI_PRIM_CHAR,
	XI_PRIM_NATIVE_U64, /* legacy: 64-bit with the ABI's own alignment */
	XI_PRIM_NATIVE_I64,
	/* C's own types, as Rust's core::ffi names them. long is legacy: its
	 * size is the ABI's. (long long is left out: C89 lacks it.) */
	XI_PRIM_C_CHAR,
	XI_PRIM_C_SCHAR,
	XI_PRIM_C_UCHAR,
	XI_PRIM_C_SHORT,
	XI_PRIM_C_USHORT,
	XI_PRIM_C_INT,
	XI_PRIM_C_UINT,
	XI_PRIM_C_LONG,
	XI_PRIM_C_ULONG,
	XI_PRIM_COUNT
};

struct xi_prim_info {
	const char *name;      /* IDL spelling */
	unsigned size;         /* the largest size; xi_prim_size gives an ABI's */
	bool is_signed;
	bool legacy_only;
	bool integer;          /* usable as an enum/bitmap backing or constant type */
};

extern const struct xi_prim_info xi_prims[XI_PRIM_COUNT];
int xi_prim_by_name(const char *name);
unsigned xi_prim_size(enum xi_prim p, int abi);
bool xi_prim_is_c(enum xi_prim p);
/* The fixed-width integer of `size` bytes (1, 2, 4, else 8) and the given
 * signedness. */
enum xi_prim xi_prim_of_size(unsigned size, bool is_signed);
bool xi_int_fits_prim(struct xi_int v, enum xi_prim p);

/* --- Attributes (as written; interpreted by sema/attrs.c) ---------------- */

/* XI_ATTR_ARG_COND: @if's condition, parsed by the reader (NULL after a
 * reported error). */
enum xi_attr_arg_kind { XI_ATTR_ARG_NONE, XI_ATTR_ARG_STRING, XI_ATTR_ARG_EXPR, XI_ATTR_ARG_COND };

struct xi_attr {
	const char *name;
	struct xi_loc loc;
	enum xi_attr_arg_kind arg_kind;
	const char *str;          /* XI_ATTR_ARG_STRING */
	struct xi_expr *expr;     /* XI_ATTR_ARG_EXPR */
	const struct xi_cond *cond; /* XI_ATTR_ARG_COND */
	struct xi_loc arg_loc;
	struct xi_attr *next;
};

/* What an attribute list is written before. */
enum xi_attr_place {
	XI_ATTRS_FILE,             /* a file attribute, @!name(arg): the module */
	XI_ATTRS_DECL,
	XI_ATTRS_MEMBER,           /* a member or a tagged-union arm */
	XI_ATTRS_VARIANT,          /* an enum variant */
	XI_ATTRS_BIT,              /* a bitmap bit or field */
};

struct xi_attr_site {
	enum xi_attr_place place;
	void *node;                /* the xi_module, xi_decl, xi_member or xi_variant */
	const struct xi_attr *list;
};

struct xi_ctx;
typedef void (*xi_attrs_apply_fn)(struct xi_ctx *ctx, const struct xi_attr_site *sites,
				  unsigned n);

/* The attribute lists a reader met and has not handed over yet, in the
 * order it finished their nodes. Readers only record them (xi_attrs_met,
 * ctx.h) and hand them over at the end of each top-level declaration
 * (xi_attrs_done): `apply`, which the loader sets to sema/attrs.c's
 * interpretation, then takes them, and their nodes are reused for the
 * lists that follow (most members carry one: keeping them would cost
 * more memory than the members themselves). */
struct xi_attrs_read {
	xi_attrs_apply_fn apply;
	struct xi_attr_site *v;
	unsigned n, cap;
	struct xi_attr *free;      /* nodes to reuse */
	unsigned errors;           /* reported by `apply` */
};

/* --- Constant expressions ------------------------------------------------ */

/* SIZEOF and ALIGNOF: sizeof(T) and alignof(T), the size and alignment of
 * a type on each ABI; a constant or array length that holds one may have
 * a value per ABI (xi_decl.abi_value, an arch type for an array). */
/* The body of a parameterised constant (`const F(x: u32): u32 = ...;`)
 * has three more: PARAM, a parameter (`name`; `ref` is the constant whose
 * parameter it is); CALL, `F(args)` (`a` the callee, a NAME that names a
 * parameterised constant or an integer type, which makes it a conversion;
 * `b` the first ARG or NULL); ARG, one argument (`a` the argument, `b`
 * the next ARG or NULL). */
enum xi_expr_kind { XI_EXPR_INT, XI_EXPR_NAME, XI_EXPR_UNARY, XI_EXPR_BINARY, XI_EXPR_SIZEOF,
		    XI_EXPR_ALIGNOF, XI_EXPR_PARAM, XI_EXPR_CALL, XI_EXPR_ARG };


enum xi_op {
	XI_OP_NEG, XI_OP_NOT, XI_OP_PLUS,                 /* unary */
	XI_OP_ADD, XI_OP_SUB, XI_OP_MUL, XI_OP_DIV, XI_OP_MOD,
	XI_OP_SHL, XI_OP_SHR, XI_OP_AND, XI_OP_OR, XI_OP_XOR, /* binary */
};

struct xi_expr {
	/* The small fields share one word after the location: an expression
	 * is made for every array length and enum value. */
	struct xi_loc loc;
	enum xi_expr_kind kind : 4;
	enum xi_op op : 5;
	bool hex : 1;           /* an integer literal written in hex (output hint) */
	bool type_resolved : 1; /* SIZEOF, ALIGNOF: the type was resolved */
	enum xi_lit_suffix suffix : 3; /* XI_EXPR_INT: its C suffix */
	unsigned depth : 9;     /* height of the tree, bounded by XI_MAX_EXPR_DEPTH */
	/* A parameterised constant's body: the type the resolver gives this
	 * node (XI_PRIM_COUNT for a literal that takes the type around it). */
	enum xi_prim prim : 8;
	union {
		struct xi_int lit;              /* XI_EXPR_INT */
		struct {
			const char *name;       /* XI_EXPR_NAME */
			struct xi_decl *ref;    /* the constant, once resolved */
		};
		struct {
			struct xi_expr *a, *b;  /* operands (b: binary only) */
		};
		struct xi_type *type;           /* XI_EXPR_SIZEOF, XI_EXPR_ALIGNOF */
	};
};

/* A parameter of a parameterised constant: an integer type. */
struct xi_param {
	const char *name;
	struct xi_loc loc;
	struct xi_type *type;
	enum xi_prim prim;         /* its integer type, once resolved */
	struct xi_param *next;
};

/* --- Types -------------------------------------------------------------- */

enum xi_type_kind {
	XI_TYPE_PRIM,
	XI_TYPE_REF,           /* a named alias, struct, union, enum or bitmap */
	XI_TYPE_ARRAY,
	XI_TYPE_HANDLE,        /* handle<T>: 64-bit guest handle */
	XI_TYPE_NATIVE_HANDLE, /* native_handle<T>: legacy, pointer-sized on x86 */
	XI_TYPE_AGG,           /* inline anonymous struct or union */
	XI_TYPE_ARCH,          /* arch { abi: T, ... }: legacy, per-ABI type */
	XI_TYPE_VOID,          /* only as the target of a handle */
	XI_TYPE_PTR,           /* ptr<T>: legacy, a pointer, pointer-sized per ABI */
};

struct xi_arch_choice {
	const char *key;        /* an ABI name, or "default" */
	struct xi_loc loc;
	struct xi_type *type;
	struct xi_arch_choice *next;
};

struct xi_agg;
struct xi_member;

/* A length relation, `@len(nr)` and `@max(BOUND)` on an array, flexible
 * array or handle member: it has as many elements as the integer member
 * `nr` of the same struct says, and at most BOUND. */
struct xi_len {
	struct xi_expr *count;      /* XI_EXPR_NAME: the count member, as written */
	struct xi_member *member;   /* that member, once resolved */
	struct xi_expr *max;        /* @max(expr), or NULL */
	struct xi_int max_value;    /* evaluated bound (max_ok) */
	bool max_ok;
};

struct xi_type {
	/* One byte each: a type node is made for most members. */
	enum xi_type_kind kind : 8;
	enum xi_prim prim : 8;      /* XI_TYPE_PRIM */
	/* handle<const T>: the guest reads the target only (Xen's const_
	 * handles). Only C spells it; the layout is the same. */
	bool target_const : 1;
	struct xi_loc loc;
	union {
		struct {
			const char *name;
			/* What the name means: `decl` on every ABI or, when it
			 * comes from an `import arch` file and so differs by
			 * family, per_abi[abi]. Read it with xi_ref_decl().
			 * NULL after a resolution error. */
			struct xi_decl *decl;
			struct xi_decl **per_abi;
			bool per_family;    /* per_abi is set */
			bool resolved;      /* resolution ran (maybe with errors) */
			/* A YAML or TOML spec may say what kind of declaration
			 * it names ({struct: x}): then want is set, want_kind is
			 * an enum xi_decl_kind, and the resolver checks it. */
			bool want;
			int want_kind;
			/* The name is a struct's or union's C typedef (X_t for X):
			 * the reference is to X, and C spells it X_t. */
			bool via_c_typedef;
		} ref;
		struct {
			struct xi_type *elem;
			/* The length; NULL for a flexible array member (`T[]`),
			 * whose count is 0 for the layout. */
			struct xi_expr *len;
			uint32_t count;     /* evaluated length */
			struct xi_len *rel; /* @len, or NULL */
		} array;
		struct {
			struct xi_type *target;     /* handles */
			struct xi_len *target_rel;  /* @len, or NULL */
		};
		struct xi_agg *agg;
		struct {
			struct xi_arch_choice *choices;
			struct xi_type **abi;  /* [XI_ABI_COUNT], set by the resolver */
		} arch;
	} u;
};

/* One shared, read-only type node per primitive: readers use these
 * instead of allocating a node for every member of a primitive type. */
extern struct xi_type xi_prim_types[XI_PRIM_COUNT];

/* --- Aggregates ---------------------------------------------------------- */

enum xi_member_flags {
	XI_MEMBER_IN = 1u << 0,
	XI_MEMBER_OUT = 1u << 1,
	XI_MEMBER_RESERVED = 1u << 2,
	/* An anonymous struct or union (`union { ... };`): its members are
	 * the enclosing aggregate's; its name (xi_anonymous_name) is never
	 * written in xidl, and only backends that need a name use it. */
	XI_MEMBER_ANONYMOUS = 1u << 3,
	/* @c_fallback: the member of an anonymous aggregate that C keeps
	 * for compilers without anonymous unions. */
	XI_MEMBER_C_FALLBACK = 1u << 4,
	/* The storage of a run of consecutive bitfields (`name: u8 : 3;`),
	 * made by the layout: its type is the bytes the run spans (`u8[N]`),
	 * its `bitfields` the bitfield members as written, each with its
	 * bit offset from the run's first byte in `offset`. */
	XI_MEMBER_BITS = 1u << 5,
};

/* A tagged-union arm's selector: an enum variant, a constant or a literal. */
struct xi_arm_label {
	struct xi_expr *expr;
	struct xi_int value;
	const char *variant;  /* the enum variant's name, when it names one */
	bool valid;           /* evaluated without error */
	struct xi_arm_label *next;
};

struct xi_member {
	const char *name;
	const char *c_name;         /* @c_name, or NULL */
	const char *doc;
	struct xi_type *type;
	/* Tagged-union arms only: the values that select the arm (NULL for
	 * the default arm). */
	struct xi_arm_label *labels;
	/* XI_MEMBER_BITS: the bitfields of the run, linked by next. */
	struct xi_member *bitfields;
	struct xi_member *next;
	struct xi_loc loc;
	unsigned flags : 8;         /* enum xi_member_flags */
	/* A bitfield (`name: u8 : 3;`): is_bitfield, and its width in bits
	 * as written (capped at XI_MAX_BIT_WIDTH_WRITTEN). */
	bool is_bitfield;
	unsigned bit_width : 16;
	bool is_default_arm;
	/* Layout: the offset inside the enclosing aggregate, the same on every
	 * ABI unless offset_varies, when `offsets` gives one per ABI. Read it
	 * with xi_member_offset(). One field holds either: inputs have a
	 * million members, and this keeps each at 72 bytes. */
	bool offset_varies;
	union {
		uint32_t offset;
		uint32_t *offsets;
	};
};

struct xi_layout {
	uint32_t size;
	uint32_t align;
};

/* A member of an aggregate whose members carry @if: every member in
 * source order, with its condition (NULL: none). */
struct xi_cmember {
	struct xi_member *member;
	const struct xi_cond *cond;
	struct xi_cmember *next;
};

struct xi_agg {
	bool is_union;
	bool anonymous;             /* an anonymous member's type */
	unsigned nmembers;
	struct xi_member *members;
	struct xi_loc loc;
	/* Tagged unions: the member of the enclosing aggregate that selects
	 * the arm (resolved from tag_name). */
	struct xi_loc tag_loc;
	const char *tag_name;
	struct xi_member *tag;
	struct xi_agg *parent;      /* enclosing aggregate, for inline ones */
	/* Some member has @if: after resolution `members` links those of
	 * the reference configuration (cond.h), which every backend but C
	 * sees and layout lays out; c_members lists them all, for C. NULL
	 * when no member has a condition. */
	struct xi_cmember *c_members;
	struct xi_decl *owner;      /* the top-level declaration */
	/* Layout, per ABI. */
	struct xi_layout lay[XI_ABI_COUNT];
	/* Some ABI's layout holds a zero-sized struct (GNU C): C++ disagrees. */
	xi_abi_mask empty_abis;
	/* It holds a type of an `import arch` file: families may differ. */
	bool family_variant;
	bool laid_out : 1;
	bool laying_out : 1;        /* cycle detection */
	bool layout_failed : 1;
	/* Made of types that are the same on every ABI: so is its layout. */
	bool invariant : 1;
};

/* --- Enums and bitmaps --------------------------------------------------- */

/* The C type of an integer macro, as @c_type names it (C's int ... unsigned
 * long long; see cnames.h). NONE: the type the declaration's own type gives. */
enum xi_ctype {
	XI_CTYPE_NONE,
	XI_CTYPE_INT,
	XI_CTYPE_UINT,
	XI_CTYPE_LONG,
	XI_CTYPE_ULONG,
	XI_CTYPE_LONGLONG,
	XI_CTYPE_ULONGLONG,
	XI_CTYPE_COUNT
};

struct xi_variant {
	const char *name;
	const char *c_name;         /* @c_name, or NULL */
	enum xi_ctype c_type;       /* @c_type, or XI_CTYPE_NONE: the enum's or bitmap's */
	bool c_bit_numbers;         /* @c_bit_numbers on a bit: C defines _NAME */
	bool c_field_macro;         /* @c_field_macro on a field: C defines NAME(v) */
	const char *doc;
	struct xi_expr *value;      /* enum value, or a bitmap bit's first position */
	struct xi_expr *value_hi;   /* bitmap field's last position, or NULL */
	struct xi_variant *next;
	/* @if(cond), or NULL. After resolution `next` links the variants of
	 * the reference configuration (cond.h) and c_next all of them, for C
	 * (xi_c_variants). */
	const struct xi_cond *cond;
	struct xi_variant *c_next;
	struct xi_int v;            /* evaluated enum value */
	struct xi_loc loc;
	unsigned lo, hi;            /* evaluated bit range (hi == lo for a bit) */
	bool invalid;               /* evaluation failed (already reported) */
};


/* --- Declarations -------------------------------------------------------- */

/* One piece of a string constant (`const X: str = PREFIX "text";`): a
 * literal (text, decoded) or the name of another string constant, which
 * C writes as itself and the other backends concatenate. */
struct xi_str_part {
	const char *text;           /* a literal, or NULL */
	const char *name;           /* a constant's name, or NULL */
	struct xi_decl *ref;        /* that constant, once resolved */
	struct xi_loc loc;
	struct xi_str_part *next;
};

enum xi_decl_kind {
	XI_DECL_CONST,
	XI_DECL_ALIAS,
	XI_DECL_ENUM,
	XI_DECL_BITMAP,
	XI_DECL_STRUCT,
	XI_DECL_UNION,
};

/* Small fields are grouped so that they share words. */
struct xi_decl {
	enum xi_decl_kind kind : 8;
	bool legacy;
	bool c_bitfields;          /* @c_bitfields on a bitmap: C sees a struct of bitfields */
	enum xi_ctype c_type : 8;  /* @c_type on constants, enums and bitmaps */
	bool c_enum;               /* @c_enum: C declares the enum as a C enum */
	bool c_handle;             /* @c_handle: C defines its guest handle (Xen's rule) */
	bool c_typedef;            /* @c_typedef: C defines `typedef struct X X_t;` (Xen's rule) */
	const char *c_typedef_name; /* @c_typedef("name"): under that name */
	/* @c_typedef_if(cond): C declares the typedef only where cond holds
	 * (Xen's hypervisor declares shared_info_t itself), or NULL */
	const struct xi_cond *c_typedef_cond;
	/* @c_name_if(cond, "name"): where cond holds, C names the struct or
	 * union `name` (Xen's guest_user_regs for cpu_user_regs under
	 * __XEN__); references to it are spelled alike there. */
	const struct xi_cond *c_name_cond;
	const char *c_name_alt;
	/* @c_alias("NAME"): C's macro NAME names the struct or union too;
	 * @c_old_name("NAME"): C's tag is NAME (and its typedef NAME_t), this
	 * name a macro for it; both where c_alias_cond holds (@c_alias_if),
	 * or NULL */
	const char *c_alias;
	const char *c_old_name;
	const struct xi_cond *c_alias_cond;
	bool c_bit_numbers;        /* @c_bit_numbers on a bitmap: C defines _NAME for every bit */
	/* @c_inline on a struct or union: C declares it in the declaration
	 * of the member that has it as its type (c_inline_member, of
	 * c_inline_owner; set by xi_check_c_inline), as Xen writes
	 * `struct gnttab_copy_ptr { ... } source;`. */
	bool c_inline;
	const struct xi_member *c_inline_member;
	const struct xi_decl *c_inline_owner;
	const char *c_enum_typedef; /* @c_enum("NAME_t"): an anonymous enum typedef'd so */
	struct xi_loc loc;
	const char *name;
	const char *c_name;        /* @c_name, or NULL */
	const char *c_prefix;      /* @c_prefix on enums and bitmaps, or NULL */
	const char *doc;
	struct xi_module *module;
	struct xi_expr *version;   /* @version(CONST): the interface version constant */
	/* @if(cond) (and the conditions of the groups around it), or NULL.
	 * c_only: false in the reference configuration (cond.h), so only C
	 * has it; every other backend leaves it out. */
	const struct xi_cond *cond;
	bool c_only;
	/* The ABIs of its module on which its condition fails because of a
	 * defined(NAME) atom (xi_decl_abis): it does not exist there. */
	xi_abi_mask not_on;
	bool interface_version;    /* @interface_version on a constant */
	/* A string constant (type `str`): its pieces, as written, and once
	 * resolved its value, their concatenation; NULL for an integer one.
	 * @c_asm: the text is assembler, which C writes bare (not quoted)
	 * for __ASSEMBLER__. */
	struct xi_str_part *str_parts;
	const char *str_value;
	bool c_asm;
	/* @c_ifndef: C defines the macro only where the includer has not
	 * (Xen's `#ifndef HYPERVISOR_VIRT_START`: the hypervisor defines its
	 * own first). */
	bool c_ifndef;
	/* `const A = B;`: another name of constant B. C writes `#define A B`;
	 * the type (and @c_type) are B's, set when A is evaluated. */
	bool const_alias;
	/* @hvm_save(TYPE) on a constant: an HVM save record whose typecode is
	 * the constant's value and whose data is the struct or union TYPE of
	 * the same file (Xen's DECLARE_HVM_SAVE_TYPE). hvm_save_decl: set by
	 * the resolver. */
	const char *hvm_save;
	struct xi_loc hvm_save_loc;
	const struct xi_decl *hvm_save_decl;
	/* const and alias: the declared type; enum/bitmap: the backing type */
	struct xi_type *type;
	/* const */
	struct xi_expr *expr;
	/* A parameterised constant (`const F(x: u32): u32 = x + 1;`): its
	 * parameters, in order. It has no value (`value` stays 0); C writes
	 * a function-like macro, Rust a const fn. */
	struct xi_param *params;
	unsigned nparams;
	bool parameterised;
	struct xi_int value;
	/* A value that differs by ABI (it uses sizeof or alignof): the value
	 * on each ABI of the run, `value` being the first's; else NULL. */
	struct xi_int *abi_value;
	enum xi_prim const_prim : 8; /* the integer type the constant has */
	bool evaluated : 1;
	bool evaluating : 1;
	bool eval_failed : 1;
	/* enum, bitmap (and `variants` below) */
	enum xi_prim backing : 8;  /* the integer type it is stored as */
	bool backing_ok;
	unsigned nvariants;
	bool variants_done;
	/* Dependency order, set by order.c */
	unsigned char order_state;
	bool in_cycle;             /* contains itself: no layout */
	bool failed;               /* resolution reported errors: no layout */
	bool resolved;             /* resolve.c reached it (sizeof may come first) */
	unsigned order;
	struct xi_variant *variants; /* enum, bitmap */
	/* Every variant, C's own conditional ones too, linked by c_next: set
	 * only when some variant has a condition (see xi_c_variants). */
	struct xi_variant *c_variants;
	struct xi_agg *agg;        /* struct, union */
	struct xi_decl *next;      /* next in its module, in source order */
	struct xi_decl *next_same_name; /* symbol table chain */
};

/* --- Modules ------------------------------------------------------------- */

/* One entry of an arch import map: `arm: "arch-arm.xidl"`. */
struct xi_import_file {
	const char *key;
	struct xi_loc key_loc;
	const char *path;          /* NULL for `none` */
	struct xi_loc loc;
	/* `ppc: none`: the family has no file, and needs none (Xen's
	 * hvm/save.h includes no header on PowerPC and RISC-V). */
	bool none;
	struct xi_import_file *next;
};

/* The slots of an arch import: one per family, then one per ABI. */
#define XI_IMPORT_SLOTS (XI_FAM_COUNT + XI_ABI_COUNT)
#define XI_IMPORT_ABI_SLOT(a) (XI_FAM_COUNT + (a))

struct xi_import {
	const char *path;         /* as written; NULL for an arch import map */
	struct xi_loc loc;
	bool is_arch;
	/* The loader's link from a file to the parts its family groups
	 * (`@if(x86) { ... }`) make (xi_module.part_of): no file, no C
	 * #include (the C header holds the parts). */
	bool is_part;
	/* An arch import written as a map (`import arch { arm:
	 * "arch-arm.xidl", ... }`): its entries as written, and the file of
	 * each key once the loader has checked the keys (NULL for a key the
	 * map names no file for). The keys are families and ABIs: slot f for
	 * family f, XI_IMPORT_ABI_SLOT(a) for ABI a, whose file replaces its
	 * family's on that ABI. xi_import_family_path() reads both forms. */
	bool is_map;
	struct xi_import_file *files;
	const char *family_path[XI_IMPORT_SLOTS];
	/* The file of each slot (only [0] for a plain import). */
	struct xi_module *module[XI_IMPORT_SLOTS];
	bool family_none[XI_IMPORT_SLOTS]; /* the map says `none` for the slot */
	/* The module that holds the import (set by the loader for arch
	 * imports). */
	struct xi_module *importer;
	/* YAML and TOML: the xenbindgen include it stands for, or NULL
	 * (spec_load.c). */
	const struct xi_spec_include *include;
	struct xi_import *next;
};

struct xi_module {
	const char *path;         /* file path as opened, for messages */
	const char *canon;        /* canonical absolute path: the module's identity */
	const char *rel;          /* output path without extension, '/'-separated */
	const char *doc;          /* //! text */
	/* Searched for imports after the module's own directory, before -I:
	 * set by readers whose imports name a spec tree's directories. */
	const char *import_root;
	struct xi_source *src;
	/* YAML and TOML: the document tree the module was read from, for
	 * fix-its that need the places of its items (fixit.c). */
	const struct xi_dnode *spec_root;
	int family;               /* XI_FAM_NONE or the arch-* family of its path */
	/* The declarations of a file's family groups (`@if(x86) { ... }`)
	 * make a module of their own, a part of that file: it has the
	 * group's family, the file's imports, and the output paths of a file
	 * in the family's directory next to it (arch-x86/domctl), but C,
	 * which writes its declarations into the file's header under the
	 * family's #if. parts[f]: the file's part of family f, or NULL. */
	struct xi_module *part_of;
	struct xi_module *parts[XI_FAM_COUNT];
	/* The family was set by an arch import map (family_loc), not by
	 * the path (a file arch-arm.xidl or one in an arch-arm directory). */
	bool family_set;
	struct xi_loc family_loc;
	/* The ABIs of its family the module exists on: all of them (0), or
	 * the one its path names (arch-x86/xen-x86_64.xidl) or an arch
	 * import map names it for (abi_set, abi_loc). xi_module_home_abis()
	 * combines it with the family. */
	xi_abi_mask abi_only;
	bool abi_set;
	struct xi_loc abi_loc;
	/* The module whose arch import map names this one under an ABI key:
	 * its C header includes this one's (see xi_c_follows_xen). */
	struct xi_module *abi_importer;
	/* A family's part of save records given alone (arch-x86/hvm/save.xidl):
	 * the shared file whose header its header includes (hvm/save.xidl,
	 * the records' machinery), read with it so that the include resolves
	 * (see load_family_parent). */
	struct xi_module *family_parent;
	/* `@!if(tools)`: only the hypervisor and the toolstack may use the
	 * file (C: Xen's #error unless __XEN__ or __XEN_TOOLS__). */
	bool tools_only;
	struct xi_loc tools_only_loc;
	/* @!spdx("MIT"): the license expression of the outputs' SPDX line,
	 * or NULL. */
	const char *spdx;
	struct xi_loc spdx_loc;
	/* @!c_guard("NAME"): the C header's include guard, or NULL for
	 * __XEN_PUBLIC_<PATH>_H__. */
	const char *c_guard;
	struct xi_loc c_guard_loc;
	/* @!c_prelude: the header holds the shared C machinery (guest
	 * handles, uint64_aligned_t, ...), as Xen's xen.h and arch headers. */
	bool c_prelude;
	bool c_prelude_version;   /* @!c_prelude(version): Xen's xen-compat.h */
	/* @!c_prelude(hvm_save): the header holds the machinery of HVM save
	 * records (DECLARE_HVM_SAVE_TYPE, HVM_SAVE_CODE ...), as Xen's
	 * hvm/save.h; c_prelude stays false. */
	bool c_prelude_hvm_save;
	struct xi_loc c_prelude_loc;
	/* @!c_handle(NAME), in order: the C header defines the guest handles
	 * of NAME, a type of an imported module (Xen's vcpu.h those of
	 * xen.h's vcpu_time_info_t). decl: set by the resolver. */
	struct xi_c_handle_of {
		const char *name;
		struct xi_loc loc;
		const struct xi_decl *decl;
		struct xi_c_handle_of *next;
	} *c_handles;
	bool is_input;            /* named on the command line: gets outputs */
	/* An input the user named, not one found by searching a directory
	 * (abi-diff): leaving it out (--abi) is worth a warning. */
	bool named;
	bool left_out;            /* on no selected ABI: not in the compilation */
	unsigned index;           /* position in the compilation */
	struct xi_import *imports;
	/* YAML and TOML: its xenbindgen includes, as written; each is also
	 * in `imports` as the imports it stands for. */
	const struct xi_spec_include *includes;
	struct xi_decl *decls;
	unsigned ndecls;
	struct xi_decl **sorted;  /* decls in emission (dependency) order */
	uint64_t *visible;        /* bitset over module indexes: this one and its imports */
	bool parsed_ok;
	bool loading;             /* on the import stack (cycle detection) */
	bool ordered;             /* its declarations are numbered (order.c) */
	/* convert: the comments of its source (comments.h); NULL otherwise. */
	struct xi_comments *comments;
};

/* --- Queries ------------------------------------------------------------- */

const char *xi_decl_kind_name(enum xi_decl_kind k);
/* "a struct", "an enum", ... for messages. */
const char *xi_decl_kind_phrase(enum xi_decl_kind k);

/* The layout of any type on one ABI (after layout ran). */
struct xi_layout xi_type_layout(const struct xi_type *t, int abi);
struct xi_layout xi_decl_layout(const struct xi_decl *d, int abi);

/* The type inside arrays and handles: its element, or what it points to,
 * as deep as they go. */
const struct xi_type *xi_type_innermost(const struct xi_type *t);

/* Strip aliases: the type a name finally means on one ABI. */
const struct xi_type *xi_type_resolve(const struct xi_type *t, int abi);
/* The declaration a reference means on one ABI (NULL if unresolved). */
static inline struct xi_decl *xi_ref_decl(const struct xi_type *t, int abi)
{
	return t->u.ref.per_abi ? t->u.ref.per_abi[abi] : t->u.ref.decl;
}

/* Any declaration a reference means (for ABI-independent questions such
 * as its kind); NULL if unresolved. */
struct xi_decl *xi_ref_some_decl(const struct xi_type *t);

/* Any one ABI on which a reference is resolved; -1 if none. */
int xi_ref_any_abi(const struct xi_type *t);

/* Make m a bitfield of `width` bits, as written. */
static inline void xi_member_set_bit_width(struct xi_member *m, uint64_t width)
{
	m->is_bitfield = true;
	m->bit_width = width > XI_MAX_BIT_WIDTH_WRITTEN ? XI_MAX_BIT_WIDTH_WRITTEN : (unsigned)width;
}

/* A member's offset inside its aggregate on one ABI. */
static inline uint32_t xi_member_offset(const struct xi_member *m, int abi)
{
	return m->offset_varies ? m->offsets[abi] : m->offset;
}

/* The C identifier of a member or declaration (c_name or name). */
static inline const char *xi_member_c_name(const struct xi_member *m)
{
	return m->c_name ? m->c_name : m->name;
}

/* A member whose arch type chooses void on an ABI does not exist there. */
bool xi_agg_present(const struct xi_agg *agg, int abi);

/* The member of an anonymous aggregate that C keeps for compilers without
 * anonymous unions on an ABI: the one marked @c_fallback where it exists,
 * else the first that exists there; NULL where none does. */
const struct xi_member *xi_anonymous_fallback(const struct xi_agg *anon, int abi);

static inline bool xi_member_present(const struct xi_member *m, int abi)
{
	const struct xi_type *t = m->type;
	if (m->flags & XI_MEMBER_ANONYMOUS)
		return xi_agg_present(t->u.agg, abi);
	return t->kind != XI_TYPE_ARCH || !t->u.arch.abi || !t->u.arch.abi[abi] ||
	       t->u.arch.abi[abi]->kind != XI_TYPE_VOID;
}

/* The variants or bits C declares: every one, those under @if too. */
static inline const struct xi_variant *xi_c_variants(const struct xi_decl *d)
{
	return d->c_variants ? d->c_variants : d->variants;
}

static inline const struct xi_variant *xi_c_variant_next(const struct xi_decl *d,
							  const struct xi_variant *v)
{
	return d->c_variants ? v->c_next : v->next;
}

/* A string constant: `const NAME: str = "text";` (`str` is the type of
 * string constants only, not a type of members). */
static inline bool xi_type_is_str(const struct xi_type *t)
{
	return t && t->kind == XI_TYPE_REF && t->u.ref.name[0] == 's' && t->u.ref.name[1] == 't' &&
	       t->u.ref.name[2] == 'r' && t->u.ref.name[3] == '\0';
}

static inline bool xi_decl_is_string(const struct xi_decl *d)
{
	return d->kind == XI_DECL_CONST && (d->str_parts || xi_type_is_str(d->type));
}

static inline bool xi_decl_is_aggregate(const struct xi_decl *d)
{
	return d->kind == XI_DECL_STRUCT || d->kind == XI_DECL_UNION;
}

/* A flexible array member's type, `T[]`. */
static inline bool xi_type_is_flex(const struct xi_type *t)
{
	return t->kind == XI_TYPE_ARRAY && !t->u.array.len;
}

/* The length relation of an array or handle type (@len), or NULL. */
static inline struct xi_len *xi_type_len(const struct xi_type *t)
{
	switch (t->kind) {
	case XI_TYPE_ARRAY:
		return t->u.array.rel;
	case XI_TYPE_HANDLE:
	case XI_TYPE_NATIVE_HANDLE:
		return t->u.target_rel;
	default:
		return NULL;
	}
}

/* The flexible array member of a struct (its last member), or NULL. */
const struct xi_member *xi_agg_flex_member(const struct xi_agg *agg);
/* Is s an SPDX license expression as @!spdx takes it ("MIT",
 * "GPL-2.0-only OR MIT")? */
bool xi_spdx_is_valid(const char *s);

/* The file an arch import names for family f, as written: the map's, or
 * "arch-FAM/f.xidl" for `import arch "f.xidl"`; NULL if none. */
const char *xi_import_family_path(struct xi_arena *a, const struct xi_import *im, int f);
/* The slot of an arch import map's key: a family's (x86), or an ABI's
 * (x86_64: XI_IMPORT_ABI_SLOT); -1 for an unknown key. */
int xi_import_key_slot(const char *key);
/* The key of a slot, as a map writes it: "x86", "x86_64". */
const char *xi_import_slot_name(int slot);

/* The output path of the C header that declares m's types: its file's for
 * a part (see part_of). */
static inline const char *xi_module_c_rel(const struct xi_module *m)
{
	return m->part_of ? m->part_of->rel : m->rel;
}

/* The output path (without extension) of the header that includes the
 * file of one ABI (arch-x86/xen for arch-x86/xen-x86_64), which a program
 * includes instead, as the ABI's header needs its machinery: the module
 * whose arch import names it, else its name without the `-ABI`. NULL for
 * other modules. */
const char *xi_module_abi_parent_rel(struct xi_arena *a, const struct xi_module *m);

/* The source a module's outputs name: its file, at its output path with
 * the file's extension ("hvm/params.xidl"); for a family group, its file's
 * and the family ("domctl.xidl (x86 group)"). */
const char *xi_module_source_name(struct xi_arena *a, const struct xi_module *m);

/* The element type under any number of array dimensions (t itself when
 * it is no array). */
const struct xi_type *xi_type_array_base(const struct xi_type *t);

bool xi_module_sees(const struct xi_module *m, const struct xi_module *other);

#endif
