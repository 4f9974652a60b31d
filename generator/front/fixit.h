/* Fix-its that need the source text: a name replaced by the one a "did
 * you mean" suggests, and a reserved member declared in an aggregate, in
 * the syntax of the file the aggregate was read from (xidl, YAML or TOML),
 * at the exact place that removes a hole: before a member, or after the
 * last one. */
#ifndef XENIDL_FIXIT_H
#define XENIDL_FIXIT_H

#include <stdbool.h>
#include <stdint.h>

#include "ctx.h"
#include "diag.h"
#include "ir.h"

/* The edit that replaces the name `old`, which loc marks, with `name`:
 * inside its quotes when loc marks a YAML or TOML string. False when the
 * text at loc is not `old` (written in another way than the message
 * names it). */
bool xi_fixit_rename(struct xi_ctx *ctx, struct xi_loc loc, const char *old, const char *name,
		     struct xi_fixit *fix);

/* A reserved member `name` of `bytes` bytes for agg, just before `before`,
 * or after the last member when before is NULL. *text is the member on one
 * line, spelled as agg's file writes the fields around it (spelling.c),
 * for the message ("e.g. '...'"); *fix is the edit that declares it there.
 * False when no exact place is found (the layout of the text is one the
 * finder does not know): the error then goes without a fix-it. */
bool xi_fixit_add_member(struct xi_ctx *ctx, const struct xi_agg *agg,
			 const struct xi_member *before, const char *name, uint32_t bytes,
			 const char **text, struct xi_fixit *fix);

#endif
