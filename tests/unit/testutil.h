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

/* A compilation that the test drives by hand (readers on a source given
 * inline), its diagnostics in memory: test_ctx_setup and test_ctx_teardown
 * are a Check fixture, and test_ctx the compilation of the current test. */
extern struct xi_ctx *test_ctx;
void test_ctx_setup(void);
void test_ctx_teardown(void);
/* The diagnostics so far. */
const char *test_ctx_messages(void);
/* A source named `name` holding `text` (with the two NUL bytes after it
 * that the readers want). */
struct xi_source *test_ctx_source(const char *name, const char *text);

/* Lookups in a compiled unit. */
struct xi_decl *find_decl(struct compiled *c, const char *name);
struct xi_member *find_member(struct xi_agg *agg, const char *name);

/* Run a Check suite; returns the process exit status. */
int run_suite(Suite *s);

#endif
