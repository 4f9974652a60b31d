/* Helpers for the unit tests: compile xidl text given inline. */
#ifndef XENIDL_TESTUTIL_H
#define XENIDL_TESTUTIL_H

#include <check.h>
#include <stdbool.h>

#include "xenidl.h"

struct compiled {
	struct xi_ctx *ctx;
	bool ok;          /* loaded and analyzed without errors */
	char *diags;      /* everything printed to the diagnostic stream */
	char dir[64];     /* temp directory holding the files */
};

/* Write `files` (pairs of relative path and text, NULL-terminated) into a
 * temp directory and compile the first one (or all with compile_all). */
struct compiled *compile_files(const char *const *files, xi_abi_mask abis);
struct compiled *compile_text(const char *text);
void compiled_free(struct compiled *c);

/* Lookups in a compiled unit. */
struct xi_decl *find_decl(struct compiled *c, const char *name);
struct xi_member *find_member(struct xi_agg *agg, const char *name);

/* Run a Check suite; returns the process exit status. */
int run_suite(Suite *s);

#endif
