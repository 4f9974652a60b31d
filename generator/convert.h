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

/* An expression in xidl syntax, with the parentheses its tree needs. */
void xi_print_expr(struct xi_strbuf *sb, const struct xi_expr *e);

/* A module as xidl. Import paths are written as rename_import() says. */
void xi_print_xidl(struct xi_ctx *ctx, const struct xi_module *m, const char *(*rename)(
			   struct xi_ctx *, const char *), struct xi_out *o);

/* A module as YAML; `includes` are its xenbindgen includes, if any. */
void xi_print_yaml(struct xi_ctx *ctx, const struct xi_module *m,
		   const struct xi_spec_include *includes,
		   const char *(*rename)(struct xi_ctx *, const char *), struct xi_out *o);

/* xenidl convert --to xidl|yaml [-o DIR] [--check] FILE... */
int xi_cmd_convert(const struct xi_options *opt, const char *to, const char *outdir, bool check,
		   int nfiles, char **files);

#endif
