/* Fix-its that declare a reserved member in an aggregate, in the syntax of
 * the file the aggregate was read from (xidl, YAML or TOML), at the exact
 * place that removes a hole: before a member, or after the last one. */
#ifndef XENIDL_FIXIT_H
#define XENIDL_FIXIT_H

#include <stdbool.h>
#include <stdint.h>

#include "ctx.h"
#include "diag.h"
#include "ir.h"

/* The member `@reserved NAME: u8[BYTES];` on one line, as the form of
 * agg's file spells it: for the message ("e.g. '...'"). */
const char *xi_fixit_member_text(struct xi_ctx *ctx, const struct xi_agg *agg, const char *name,
				 uint32_t bytes);

/* "mark the declaration @legacy", or its YAML or TOML spelling. */
const char *xi_fixit_mark_legacy(const struct xi_agg *agg);

/* The edit that declares that member just before `before`, or after the
 * last member when before is NULL. False when no exact place is found
 * (the layout of the text is one the finder does not know): the error then
 * goes without a fix-it. */
bool xi_fixit_add_member(struct xi_ctx *ctx, const struct xi_agg *agg,
			 const struct xi_member *before, const char *name, uint32_t bytes,
			 struct xi_fixit *fix);

#endif
