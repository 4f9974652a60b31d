/* The schema mapper: a document tree (YAML or TOML) to the IR.
 *
 * The schema is xenbindgen's (structs, enums, bitmaps and includes, with
 * `typ` or `type`, and types as tag/args tables or in the short form),
 * extended with a spelling for every xidl construct; doc/yaml.md describes
 * it. Two dialects:
 *   - xenidl: the whole extended schema, for ordinary inputs and convert;
 *   - xenbindgen: only what xenbindgen reads, with its required keys, for
 *     `xenidl -i`.
 * Every schema error is located and says what was expected; an unknown key
 * is a warning that lists the allowed ones. */
#ifndef XENIDL_SPEC_MAP_H
#define XENIDL_SPEC_MAP_H

#include "ctx.h"
#include "doctree.h"
#include "spec_read.h"

enum xi_spec_dialect {
	XI_DIALECT_XENIDL,
	XI_DIALECT_XENBINDGEN,
};

/* A xenbindgen include: `from` names another spec directory (by its
 * output name) or "arch"; `imports` only names what is used from it. */
struct xi_spec_include {
	const char *from;
	struct xi_loc loc;         /* the entry */
	struct xi_loc from_loc;
	const char **names;
	struct xi_loc *name_locs;
	unsigned nnames;
	struct xi_spec_include *next;
};

/* What one document describes. */
struct xi_spec {
	const char *doc;                  /* top-level description */
	struct xi_decl *decls;            /* in document order */
	unsigned ndecls;
	struct xi_import *imports;        /* `imports`: files, as in xidl */
	struct xi_spec_include *includes; /* `includes`: directories, as in xenbindgen */
};

/* Map a document of module m. False after an error (all reported). */
bool xi_spec_map(struct xi_ctx *ctx, struct xi_module *m, const struct xi_dnode *root,
		 enum xi_spec_format format, enum xi_spec_dialect dialect, struct xi_spec *out);

/* Parse a constant expression written as a string, in xidl's syntax. */
struct xi_expr *xi_spec_parse_expr(struct xi_ctx *ctx, const struct xi_dnode *n);
/* The same for a parameterised constant's body: calls (`F(x)`) and C
 * suffixes on literals (`0xffu`) are allowed. */
struct xi_expr *xi_spec_parse_fn_body(struct xi_ctx *ctx, const struct xi_dnode *n);

#endif
