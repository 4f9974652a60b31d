/* Subcommands and helpers of the command line beyond plain generation. */
#ifndef XENIDL_COMMANDS_H
#define XENIDL_COMMANDS_H

#include <stdbool.h>

#include "ctx.h"
#include "output.h"

/* xenidl layout [--abi A] [--tsv] [--all | TYPE] FILE... */
int xi_cmd_layout(const struct xi_options *opt, bool tsv, bool all, int argc, char **argv);

/* Write a make depfile: the outputs depend on every loaded file. */
bool xi_write_depfile(struct xi_ctx *ctx, const struct xi_outset *const *outs, unsigned nouts,
		      const char *path);

#endif
