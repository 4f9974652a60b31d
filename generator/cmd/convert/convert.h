/* `xenidl convert`: any input form to xidl or YAML, keeping every doc
 * comment. The printers work on the parser's IR (before resolution), so
 * what they write reads back to the same IR:
 *   convert_xidl.c  IR to xidl, in one consistent format (so --to xidl is
 *                   also a formatter for xidl files);
 *   convert_yaml.c  IR to the YAML schema of doc/yaml.md (with libyaml's
 *                   emitter);
 *   convert.c       the command. */
#ifndef XENIDL_CONVERT_H
#define XENIDL_CONVERT_H

#include "ctx.h"
#include "output.h"
#include "spec_map.h"
#include "strbuf.h"

/* Read module m, whose source m->src holds (m->path names its form), as
 * convert reads each file (loader.h: ctx->converting is set), and make it
 * ready to print: its comments attached to their slots, and what the
 * target form cannot hold refused, or with `lossy` dropped with a warning.
 * False after an error. */
bool xi_convert_read(struct xi_ctx *ctx, struct xi_module *m, bool to_xidl, bool lossy);

/* An expression in xidl syntax, with the parentheses its tree needs. */
void xi_print_expr(struct xi_strbuf *sb, const struct xi_expr *e);
/* The same, with integer literals spelled as in their source when it
 * is at hand. */
void xi_print_expr_as_written(struct xi_ctx *ctx, struct xi_strbuf *sb, const struct xi_expr *e);

/* A module as xidl. Import paths are written as rename_import() says. */
void xi_print_xidl(struct xi_ctx *ctx, const struct xi_module *m, const char *(*rename)(
			   struct xi_ctx *, const char *), struct xi_out *o);

/* A module as YAML, its xenbindgen includes (m->includes) kept as
 * includes. `lossy`: drop, with a warning, the comments YAML cannot hold,
 * which are errors otherwise. */
void xi_print_yaml(struct xi_ctx *ctx, const struct xi_module *m,
		   const char *(*rename)(struct xi_ctx *, const char *), bool lossy,
		   struct xi_out *o);

struct xi_convert_options {
	const char *to;       /* "xidl" or "yaml" */
	const char *outdir;   /* -o: a directory, "-" (standard output), or NULL
			       * (next to each input) */
	bool check;           /* --check: compare, write nothing */
	bool lossy;           /* --lossy: drop what the target cannot hold, with a
			       * warning, rather than fail */
};

/* xenidl convert --to xidl|yaml [-o DIR] [--check] [--lossy]
 * [--with-imports] FILE... (--with-imports is opt->with_imports) */
int xi_cmd_convert(const struct xi_options *opt, const struct xi_convert_options *co, int nfiles,
		   char **files);

#endif
