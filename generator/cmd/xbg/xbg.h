/* xenbindgen mode: `xenidl -i DIR -o DIR -l c|rust`.
 *
 * It reads a tree of spec directories as xenbindgen did and writes what
 * xenbindgen wrote, byte for byte: one output per directory, the files of
 * a directory merged in name order, arch-* directories as per-architecture
 * views. Where xenbindgen crashed or wrote code that does not compile, it
 * stops with a located error instead (xbg_check.c lists the cases); where
 * it computed a wrong bitmap mask, it writes the right one.
 *
 *   xbg_load.c       directories and files to spec lists
 *   xbg_check.c      the refusals: what xenbindgen would crash on or
 *                    write broken code for
 *   xbg_views.c      xenbindgen's own rules, per architecture view
 *   xbg_emit_c.c     the C header of a directory
 *   xbg_emit_rust.c  the Rust module of a directory
 *   xbg.c            the command */
#ifndef XENIDL_XBG_H
#define XENIDL_XBG_H

#include "ctx.h"
#include "output.h"
#include "spec_map.h"
#include "xbg_case.h"

enum xi_xbg_lang {
	XI_XBG_LANG_C,
	XI_XBG_LANG_RUST,
};

/* The four views xenbindgen checks, in its order. */
enum xi_xbg_view {
	XI_XBG_VIEW_X86,
	XI_XBG_VIEW_ARM,
	XI_XBG_VIEW_RISCV,
	XI_XBG_VIEW_PPC,
	XI_XBG_VIEW_COUNT
};

/* Which views a directory belongs to. */
#define XI_XBG_ALL_VIEWS ((1u << XI_XBG_VIEW_COUNT) - 1)

struct xi_xbg_list {
	struct xi_decl **decls;
	unsigned n, cap;
};

/* One spec directory: one output. */
struct xi_xbg_dir {
	const char *name;          /* as on disk: the banner */
	const char *path;
	const char *out;           /* output name: kebab to snake case */
	const char *guard;         /* __XEN_AUTOGEN_<GUARD>_H */
	unsigned views;            /* bitmask of enum xi_xbg_view */
	struct xi_spec_include *includes;
	struct xi_xbg_list enums, bitmaps, structs;
};

struct xbg {
	struct xi_ctx *ctx;
	const char *indir;
	struct xi_xbg_dir *dirs;      /* in name order */
	unsigned ndirs;
};

extern const char *const xi_xbg_view_names[XI_XBG_VIEW_COUNT];

/* Read every directory of indir. False after an error. */
bool xi_xbg_load(struct xbg *x, const char *indir);
/* Check the specs; false after an error. */
bool xi_xbg_check(struct xbg *x);
/* xenbindgen's rules: unique names and layouts without implicit padding,
 * in each view. */
void xi_xbg_check_views(struct xbg *x);
/* Find a struct, enum or bitmap by name: in d first, then in the
 * directories that share a view with d. */
struct xi_decl *xi_xbg_find(struct xbg *x, const struct xi_xbg_dir *d, const char *name,
			 const struct xi_xbg_dir **where);
/* A struct, enum or bitmap of d by name (an interned string), or NULL. */
struct xi_decl *xi_xbg_find_in(const struct xi_xbg_dir *d, const char *name);
/* The directory a declaration belongs to. */
const struct xi_xbg_dir *xi_xbg_dir_of(const struct xbg *x, const struct xi_decl *decl);
/* Kinds of declaration, as in messages ("a struct"). */
const char *xi_xbg_kind_phrase(enum xi_decl_kind k);
/* The same without the article ("struct"); unions are structs there. */
const char *xi_xbg_kind_word(enum xi_decl_kind k);
/* Write one directory's output. */
void xi_xbg_emit_c(struct xbg *x, const struct xi_xbg_dir *d, struct xi_out *o);
void xi_xbg_emit_rust(struct xbg *x, const struct xi_xbg_dir *d, struct xi_out *o);

/* The primitive a type names (a REF to u8 ... i64), or -1. */
int xi_xbg_prim(const struct xi_type *t);

/* A name converted as xenbindgen converts it for Rust, and then written
 * so that it compiles where xenbindgen's did not: a keyword is a raw
 * identifier (r#ref, r#type), or, for those that cannot be raw (self,
 * Self, super, crate), takes a trailing '_' (self_), as in -l rust. */
const char *xi_xbg_rust_name(struct xi_arena *a, const char *name, enum xi_split split,
			  enum xi_case to);

/* The command: 0, 1 on errors, 3 when --check found stale files. */
int xi_cmd_xenbindgen(const struct xi_options *opt, const char *indir, const char *outdir,
		      const char *lang, bool check);

#endif
