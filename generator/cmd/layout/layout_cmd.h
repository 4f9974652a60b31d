/* `xenidl layout`: a pahole-style table of a type's layout, per ABI, or a
 * TSV of every member of every type (see layout_cmd.c). */
#ifndef XENIDL_LAYOUT_CMD_H
#define XENIDL_LAYOUT_CMD_H

#include <stdbool.h>

#include "ctx.h"

/* xenidl layout [--abi A] [--tsv] [--all | TYPE] FILE... */
int xi_cmd_layout(const struct xi_options *opt, bool tsv, bool all, int argc, char **argv);

#endif
