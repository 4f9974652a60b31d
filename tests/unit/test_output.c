/* Output sets (atomic writes, --check) and unified diffs. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "arena.h"
#include "loader.h"
#include "output.h"
#include "strbuf.h"
#include "templates/templates.h"
#include "testutil.h"
#include "udiff.h"

static char *diff_text(const char *a, const char *b)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	xi_udiff(f, "a/x", a, strlen(a), "b/x", b, strlen(b));
	fclose(f);
	return buf;
}

START_TEST(udiff_hunks)
{
	char *d = diff_text("1\n2\n3\n4\n5\n6\n7\n8\n9\n", "1\n2\n3\n4\nfive\n6\n7\n8\n9\n");
	ck_assert_str_eq(d, "--- a/x\n+++ b/x\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n");
	free(d);
	d = diff_text("", "new\n");
	ck_assert_str_eq(d, "--- a/x\n+++ b/x\n@@ -0,0 +1,1 @@\n+new\n");
	free(d);
	d = diff_text("a\nb", "a\nb\n");
	ck_assert_str_eq(d, "--- a/x\n+++ b/x\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n");
	free(d);
}
END_TEST

START_TEST(write_is_atomic_and_lazy)
{
	char dir[] = "/tmp/xenidl-out.XXXXXX";
	ck_assert_ptr_nonnull(mkdtemp(dir));
	struct xi_diag diag;
	xi_diag_init(&diag, stderr);

	struct xi_outset *set = xi_outset_new(dir, XI_OUTPUT_WRITE, &diag);
	struct xi_out *o = xi_out_open(set, "sub/a.h");
	xi_out_puts(o, "hello\n");
	ck_assert_int_eq(xi_outset_commit(set, stdout), 0);
	xi_outset_free(set);

	char path[128];
	snprintf(path, sizeof(path), "%s/sub/a.h", dir);
	struct stat st1, st2;
	ck_assert_int_eq(stat(path, &st1), 0);
	/* Same content again: the file is not replaced. */
	sleep(1);
	set = xi_outset_new(dir, XI_OUTPUT_WRITE, &diag);
	xi_out_puts(xi_out_open(set, "sub/a.h"), "hello\n");
	ck_assert_int_eq(xi_outset_commit(set, stdout), 0);
	xi_outset_free(set);
	ck_assert_int_eq(stat(path, &st2), 0);
	ck_assert_int_eq(st1.st_ino, st2.st_ino);
	ck_assert_int_eq(st1.st_mtime, st2.st_mtime);

	/* An aborted set leaves nothing. */
	set = xi_outset_new(dir, XI_OUTPUT_WRITE, &diag);
	xi_out_puts(xi_out_open(set, "b.h"), "partial");
	xi_outset_abort(set);
	xi_outset_free(set);
	snprintf(path, sizeof(path), "%s/b.h", dir);
	ck_assert_int_ne(access(path, F_OK), 0);

	/* Unsafe paths are refused. */
	set = xi_outset_new(dir, XI_OUTPUT_MEMORY, &diag);
	ck_assert_ptr_null(xi_out_open(set, "../escape.h"));
	ck_assert_ptr_null(xi_out_open(set, "/abs.h"));
	xi_outset_free(set);

	char cmd[128];
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	ck_assert_int_eq(system(cmd), 0);
	xi_diag_free(&diag);
}
END_TEST

/* Text building formats straight into free space; text longer than that
 * space must come out whole too. */
START_TEST(text_buffers)
{
	char long_text[1000];
	memset(long_text, 'x', sizeof(long_text) - 1);
	long_text[sizeof(long_text) - 1] = '\0';

	struct xi_strbuf sb = XI_STRBUF_INIT;
	xi_sb_printf(&sb, "%s=%u", "a", 1u);
	xi_sb_indent(&sb, 3);
	xi_sb_add_u32(&sb, 0);
	xi_sb_addc(&sb, ',');
	xi_sb_add_u32(&sb, 4294967295u);
	ck_assert_str_eq(xi_sb_str(&sb), "a=1   0,4294967295");
	xi_sb_printf(&sb, "[%s]", long_text);
	ck_assert_uint_eq(sb.len, 18 + 2 + 999);
	ck_assert_int_eq(sb.data[sb.len - 1], ']');
	ck_assert_int_eq(sb.data[sb.len], '\0');
	xi_sb_free(&sb);

	struct xi_arena a;
	xi_arena_init(&a);
	const char *first = xi_aprintf(&a, "%d-%s", 42, "y");
	/* Enough long strings to fill chunks and start new ones. */
	for (int i = 0; i < 200; i++) {
		size_t digits = i < 10 ? 1 : i < 100 ? 2 : 3;
		ck_assert_uint_eq(strlen(xi_aprintf(&a, "%s%d", long_text, i)), 999 + digits);
	}
	ck_assert_str_eq(first, "42-y");
	xi_arena_free(&a);
}
END_TEST

/* The deepest directory holding two others, as output paths use it. */
static void narrows_to(const char *common, const char *dir, const char *want)
{
	char buf[64];
	snprintf(buf, sizeof(buf), "%s", common);
	xi_path_narrow_common(buf, dir);
	ck_assert_str_eq(buf, want);
}

START_TEST(common_directories)
{
	narrows_to("/a/b", "/a/b", "/a/b");
	narrows_to("/a/b", "/a/b/c", "/a/b");
	narrows_to("/a/b/c", "/a/b", "/a/b");
	narrows_to("/a/bc", "/a/bd", "/a");
	narrows_to("/a/b", "/a/bc", "/a");
	narrows_to("/a", "/b", "/");
	narrows_to("/", "/x/y", "/");
}
END_TEST

/* Markers are replaced by their values; the rest is written as it is. */
START_TEST(template_markers)
{
	struct xi_diag diag;
	xi_diag_init(&diag, stderr);
	struct xi_outset *set = xi_outset_new(".", XI_OUTPUT_MEMORY, &diag);
	struct xi_out *o = xi_out_open(set, "t");
	const char *const vars[] = { "a", "1", "long_name", "two", NULL };
	xi_out_template(o, "x@a@y @long_name@@a@ e-mail@ end\n", vars);
	size_t len;
	const char *data = xi_outset_data(set, 0, &len);
	ck_assert_str_eq(data, "x1y two1 e-mail@ end\n");
	ck_assert_uint_eq(len, strlen(data));
	xi_outset_free(set);
	xi_diag_free(&diag);
}
END_TEST

/* xi_out_hold / xi_out_take: what is written between them comes back and
 * leaves the output, even past the streaming buffer in write mode. */
START_TEST(hold_and_take)
{
	struct xi_diag diag;
	xi_diag_init(&diag, stderr);
	char dir[] = "/tmp/xenidl-hold.XXXXXX";
	ck_assert_ptr_nonnull(mkdtemp(dir));
	struct xi_outset *set = xi_outset_new(dir, XI_OUTPUT_WRITE, &diag);
	struct xi_out *o = xi_out_open(set, "t");
	xi_out_puts(o, "before\n");
	size_t mark = xi_out_hold(o);
	enum { BIG = 300000 };
	for (int i = 0; i < BIG; i++)
		xi_out_putc(o, 'x');
	char *held = xi_out_take(o, mark);
	ck_assert_uint_eq(strlen(held), BIG);
	free(held);
	xi_out_puts(o, "after\n");
	ck_assert_int_eq(xi_outset_commit(set, NULL), 0);
	xi_outset_free(set);
	char path[sizeof(dir) + 8];
	snprintf(path, sizeof(path), "%s/t", dir);
	FILE *f = fopen(path, "r");
	ck_assert_ptr_nonnull(f);
	char buf[64] = { 0 };
	size_t n = fread(buf, 1, sizeof(buf) - 1, f);
	fclose(f);
	ck_assert_uint_eq(n, strlen("before\nafter\n"));
	ck_assert_str_eq(buf, "before\nafter\n");
	remove(path);
	rmdir(dir);
	xi_diag_free(&diag);
}
END_TEST

/* embed.awk copies each template byte for byte (quotes, backslashes,
 * tabs, "??"). */
static void embedded_as_is(const char *name, const char *text)
{
	const char *top = getenv("top_srcdir");
	ck_assert_ptr_nonnull(top);
	char path[4096];
	snprintf(path, sizeof(path), "%s/generator/back/templates/%s", top, name);
	FILE *f = fopen(path, "rb");
	ck_assert_msg(f != NULL, "cannot open %s", path);
	struct xi_strbuf file = XI_STRBUF_INIT;
	char buf[4096];
	for (size_t n; (n = fread(buf, 1, sizeof(buf), f)) > 0;)
		xi_sb_addn(&file, buf, n);
	fclose(f);
	ck_assert_msg(strcmp(xi_sb_str(&file), text) == 0, "%s differs from its C string", name);
	xi_sb_free(&file);
}

START_TEST(templates_embedded)
{
	embedded_as_is("c_prelude.h", xi_template_c_prelude);
	embedded_as_is("cargo.toml", xi_template_cargo);
	embedded_as_is("marshal_test_prelude.c", xi_template_marshal_test_prelude);
	embedded_as_is("rust_lib.rs", xi_template_rust_lib);
	embedded_as_is("c_hvm_save.h", xi_template_c_hvm_save);
	embedded_as_is("rust_hvm_save.rs", xi_template_rust_hvm_save);
	embedded_as_is("rust_bits.rs", xi_template_rust_bits);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("output");
	TCase *tc = tcase_create("files");
	tcase_set_timeout(tc, 10);
	tcase_add_test(tc, udiff_hunks);
	tcase_add_test(tc, write_is_atomic_and_lazy);
	tcase_add_test(tc, text_buffers);
	tcase_add_test(tc, common_directories);
	tcase_add_test(tc, template_markers);
	tcase_add_test(tc, hold_and_take);
	tcase_add_test(tc, templates_embedded);
	suite_add_tcase(s, tc);
	return run_suite(s);
}
