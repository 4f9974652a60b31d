#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void write_file(const char *dir, const char *rel, const char *text)
{
	char path[512];
	snprintf(path, sizeof(path), "%s/%s", dir, rel);
	/* Create the parent directories. */
	for (char *p = path + strlen(dir) + 1; *p; p++) {
		if (*p == '/') {
			*p = '\0';
			mkdir(path, 0777);
			*p = '/';
		}
	}
	FILE *f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fputs(text, f);
	fclose(f);
}

struct compiled *compile_files(const char *const *files, xi_abi_mask abis)
{
	struct compiled *c = calloc(1, sizeof(*c));
	snprintf(c->dir, sizeof(c->dir), "%s/xenidl-unit.XXXXXX", "/tmp");
	ck_assert_ptr_nonnull(mkdtemp(c->dir));
	for (unsigned i = 0; files[i]; i += 2)
		write_file(c->dir, files[i], files[i + 1]);
	size_t len = 0;
	FILE *diag = open_memstream(&c->diags, &len);
	struct xi_options opt;
	memset(&opt, 0, sizeof(opt));
	opt.abis = abis;
	c->ctx = xi_create(&opt, diag);
	char path[512];
	snprintf(path, sizeof(path), "%s/%s", c->dir, files[0]);
	bool loaded = xi_add_input(c->ctx, path);
	c->ok = xi_analyze(c->ctx) && loaded;
	fclose(diag);
	c->ctx->diag.out = stderr;
	return c;
}

struct compiled *compile_text(const char *text)
{
	const char *files[] = { "t.xidl", text, NULL };
	return compile_files(files, 0);
}

void compiled_free(struct compiled *c)
{
	char cmd[600];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", c->dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", c->dir);
	xi_destroy(c->ctx);
	free(c->diags);
	free(c);
}

struct xi_ctx *test_ctx;
static char *test_diags;
static size_t test_diags_len;
static FILE *test_diag_stream;

void test_ctx_setup(void)
{
	test_diag_stream = open_memstream(&test_diags, &test_diags_len);
	ck_assert_ptr_nonnull(test_diag_stream);
	struct xi_options opt;
	memset(&opt, 0, sizeof(opt));
	test_ctx = xi_create(&opt, test_diag_stream);
}

void test_ctx_teardown(void)
{
	xi_destroy(test_ctx);
	fclose(test_diag_stream);
	free(test_diags);
	test_ctx = NULL;
	test_diags = NULL;
}

const char *test_ctx_messages(void)
{
	fflush(test_diag_stream);
	return test_diags ? test_diags : "";
}

struct xi_source *test_ctx_source(const char *name, const char *text)
{
	size_t len = strlen(text);
	char *copy = xi_xmalloc(len + 2);
	memcpy(copy, text, len + 1);
	copy[len + 1] = '\0';
	return xi_diag_add_source(&test_ctx->diag, xi_xstrdup(name), copy, len);
}

struct xi_decl *find_decl(struct compiled *c, const char *name)
{
	struct xi_decl *d = xi_find_decl(c->ctx, name);
	ck_assert_msg(d != NULL, "no declaration '%s'", name);
	return d;
}

struct xi_member *find_member(struct xi_agg *agg, const char *name)
{
	for (struct xi_member *m = agg->members; m; m = m->next)
		if (!strcmp(m->name, name))
			return m;
	ck_abort_msg("no member '%s'", name);
	return NULL;
}

int run_suite(Suite *s)
{
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
