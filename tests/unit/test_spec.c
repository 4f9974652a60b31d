/* Unit tests of the spec readers: the TOML and YAML document trees, the
 * expression strings, and xenbindgen's name conversion. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "convert.h"
#include "spec_read.h"
#include "spec_words.h"
#include "testutil.h"
#include "xbg.h"
#include "xbg_case.h"
#include "xenidl.h"

/* One compilation per test (test_ctx), with diagnostics in memory. */
static struct xi_dnode *toml(const char *text)
{
	return xi_toml_read(test_ctx, test_ctx_source("t.toml", text));
}

static struct xi_dnode *yaml(const char *text)
{
	return xi_yaml_read(test_ctx, test_ctx_source("t.yaml", text));
}

/* The node at a path of keys and indexes: "a.b.0.c". */
static struct xi_dnode *at(struct xi_dnode *n, const char *path)
{
	char buf[256];
	snprintf(buf, sizeof(buf), "%s", path);
	for (char *part = strtok(buf, "."); part && n; part = strtok(NULL, ".")) {
		if (n->kind == XI_DSEQ) {
			int i = atoi(part);
			n = n->head;
			while (n && i--)
				n = n->next;
		} else {
			n = n->kind == XI_DMAP ? xi_dmap_get(n, part) : NULL;
		}
	}
	return n;
}

static void assert_str(struct xi_dnode *root, const char *path, const char *want)
{
	struct xi_dnode *n = at(root, path);
	ck_assert_msg(n != NULL, "no node at %s", path);
	ck_assert_int_eq(n->kind, XI_DSTR);
	ck_assert_str_eq(n->text, want);
}

static void assert_int(struct xi_dnode *root, const char *path, uint64_t mag, bool neg)
{
	struct xi_dnode *n = at(root, path);
	ck_assert_msg(n != NULL, "no node at %s", path);
	ck_assert_int_eq(n->kind, XI_DINT);
	ck_assert_uint_eq(n->ival.mag, mag);
	ck_assert_int_eq(n->ival.neg, neg);
}

/* --- TOML ----------------------------------------------------------------- */

START_TEST(toml_tables)
{
	struct xi_dnode *r = toml("# comment\n"
				  "top = 1\n"
				  "[[structs]]\n"
				  "name = \"a\"\n"
				  "[[structs.fields]]\n"
				  "name = \"x\"\n"
				  "[structs.fields.typ]\n"
				  "tag = \"u8\"\n"
				  "[[structs]]\n"
				  "name = \"b\"\n"
				  "fields = []\n"
				  "[x.y.z]\n"
				  "[x]\n"
				  "k = true\n");
	ck_assert_msg(r != NULL, "%s", test_ctx_messages());
	assert_int(r, "top", 1, false);
	assert_str(r, "structs.0.name", "a");
	assert_str(r, "structs.0.fields.0.typ.tag", "u8");
	assert_str(r, "structs.1.name", "b");
	ck_assert_int_eq(at(r, "structs.1.fields")->count, 0);
	ck_assert_int_eq(at(r, "x.k")->kind, XI_DBOOL);
	ck_assert(at(r, "x.k")->bval);
	ck_assert_int_eq(at(r, "x.y.z")->kind, XI_DMAP);
	/* Keys keep their order and place. */
	ck_assert_str_eq(r->first->key, "top");
	ck_assert_uint_eq(at(r, "structs.1")->loc.line, 9);
}
END_TEST

START_TEST(toml_dotted_and_inline)
{
	struct xi_dnode *r = toml("a.b.c = 1\n"
				  "a.b.d = 2\n"
				  "\"quoted key\".'lit' = 3\n"
				  "t = { x = 1, y.z = [1, \"two\", { w = 3 }], }\n");
	/* A trailing comma in an inline table is not TOML 1.0. */
	ck_assert(r == NULL);
	ck_assert(strstr(test_ctx_messages(), "t.toml:4:") != NULL);
	r = toml("a.b.c = 1\n"
		 "a.b.d = 2\n"
		 "\"quoted key\".'lit' = 3\n"
		 "t = { x = 1, y.z = [1, \"two\", { w = 3 }] }\n"
		 "arr = [\n  1, # one\n  2,\n]\n");
	ck_assert_msg(r != NULL, "%s", test_ctx_messages());
	assert_int(r, "a.b.c", 1, false);
	assert_int(r, "a.b.d", 2, false);
	assert_int(r, "quoted key.lit", 3, false);
	assert_int(r, "t.y.z.0", 1, false);
	assert_str(r, "t.y.z.1", "two");
	assert_int(r, "t.y.z.2.w", 3, false);
	ck_assert_int_eq(at(r, "arr")->count, 2);
}
END_TEST

START_TEST(toml_strings)
{
	struct xi_dnode *r = toml("a = \"tab\\tquote\\\"\\u00e9\\U0001F600\"\n"
				  "b = 'C:\\no\\escape'\n"
				  "c = \"\"\"\nfirst\n  second\"\"\"\n"
				  "d = \"\"\"one \\\n      two\"\"\"\n"
				  "e = '''\nraw \\n\n'''\n"
				  "f = \"\"\"\"quoted\"\"\"\"\n"
				  "g = ''''''\n"
				  "h = \"\"\"a\r\nb\"\"\"\n");
	ck_assert_msg(r != NULL, "%s", test_ctx_messages());
	assert_str(r, "a", "tab\tquote\"\xc3\xa9\xf0\x9f\x98\x80");
	assert_str(r, "b", "C:\\no\\escape");
	assert_str(r, "c", "first\n  second");
	assert_str(r, "d", "one two");
	assert_str(r, "e", "raw \\n\n");
	assert_str(r, "f", "\"quoted\"");
	assert_str(r, "g", "");
	assert_str(r, "h", "a\nb");
	/* A string without escapes maps columns to its source. */
	ck_assert(at(r, "b")->verbatim);
	ck_assert_uint_eq(at(r, "b")->text_col, 6);
	ck_assert(!at(r, "a")->verbatim);
}
END_TEST

START_TEST(toml_integers)
{
	struct xi_dnode *r = toml("a = 1_000\nb = -17\nc = 0xdead_BEEF\nd = 0o755\ne = 0b1010\n"
				  "f = +9223372036854775807\ng = -9223372036854775808\nh = 0\n");
	ck_assert_msg(r != NULL, "%s", test_ctx_messages());
	assert_int(r, "a", 1000, false);
	assert_int(r, "b", 17, true);
	assert_int(r, "c", 0xdeadbeef, false);
	ck_assert(at(r, "c")->hex);
	assert_int(r, "d", 0755, false);
	assert_int(r, "e", 10, false);
	assert_int(r, "f", 9223372036854775807ull, false);
	assert_int(r, "g", 9223372036854775808ull, true);
	assert_int(r, "h", 0, false);
}
END_TEST

START_TEST(toml_errors_recover)
{
	/* Each bad line is reported; the rest is read. */
	struct xi_dnode *r = toml("a = hello\nb = 1\nc = \"x\\q\"\nd = 2\n");
	ck_assert(r == NULL);
	const char *m = test_ctx_messages();
	ck_assert(strstr(m, "t.toml:1:5: error: invalid TOML: 'hello' is not a value") != NULL);
	ck_assert(strstr(m, "t.toml:3:7: error: invalid TOML: invalid escape sequence '\\q'") != NULL);
	ck_assert_uint_eq(test_ctx->diag.errors, 2);
}
END_TEST

/* --- YAML ----------------------------------------------------------------- */

START_TEST(yaml_scalars)
{
	struct xi_dnode *r = yaml("a: 12\nb: -3\nc: 0x1F\nd: 0o17\ne: true\nf: ~\ng: 'true'\n"
				  "h: yes\ni: 1.5\nj: x + 1\nk: \"q\"\nl:\n");
	ck_assert_msg(r != NULL, "%s", test_ctx_messages());
	assert_int(r, "a", 12, false);
	assert_int(r, "b", 3, true);
	assert_int(r, "c", 31, false);
	ck_assert(at(r, "c")->hex);
	assert_int(r, "d", 15, false);
	ck_assert_int_eq(at(r, "e")->kind, XI_DBOOL);
	ck_assert_int_eq(at(r, "f")->kind, XI_DNULL);
	assert_str(r, "g", "true");
	assert_str(r, "h", "yes");
	assert_str(r, "i", "1.5");
	assert_str(r, "j", "x + 1");
	ck_assert_int_eq(at(r, "l")->kind, XI_DNULL);
	/* Plain and simply quoted scalars map columns to their source. */
	ck_assert(at(r, "j")->verbatim);
	ck_assert_uint_eq(at(r, "j")->text_col, 4);
	ck_assert_uint_eq(at(r, "k")->text_col, 5);
}
END_TEST

START_TEST(yaml_structure)
{
	struct xi_dnode *r = yaml("# c\nlist:\n  - {a: 1, b: [x, y]}\n  - c: |\n      two\n      lines\n");
	ck_assert_msg(r != NULL, "%s", test_ctx_messages());
	assert_int(r, "list.0.a", 1, false);
	assert_str(r, "list.0.b.1", "y");
	assert_str(r, "list.1.c", "two\nlines\n");
	ck_assert_uint_eq(at(r, "list.1")->loc.line, 4);
	ck_assert_uint_eq(at(r, "list.1")->loc.col, 5);
	/* An empty document is an empty mapping. */
	r = yaml("# nothing\n");
	ck_assert(r != NULL && r->kind == XI_DMAP && r->count == 0);
}
END_TEST

/* --- Expressions ---------------------------------------------------------- */

static const char *reprint(const char *text)
{
	struct xi_dnode n;
	memset(&n, 0, sizeof(n));
	n.kind = XI_DSTR;
	n.text = text;
	n.len = strlen(text);
	n.loc.file = 1;
	struct xi_expr *e = xi_spec_parse_expr(test_ctx, &n);
	if (!e)
		return NULL;
	struct xi_strbuf sb = XI_STRBUF_INIT;
	xi_print_expr(&sb, e);
	const char *r = xi_strdup(&test_ctx->arena, xi_sb_str(&sb));
	xi_sb_free(&sb);
	return r;
}

START_TEST(expressions)
{
	test_ctx_source("e", "");
	ck_assert_str_eq(reprint("1+2*3"), "1 + 2 * 3");
	ck_assert_str_eq(reprint("(1+2)*3"), "(1 + 2) * 3");
	ck_assert_str_eq(reprint("a - (b - c)"), "a - (b - c)");
	ck_assert_str_eq(reprint("(a - b) - c"), "a - b - c");
	ck_assert_str_eq(reprint("-(A + 1)"), "-(A + 1)");
	ck_assert_str_eq(reprint("~0x0F & 0b11 | 1 << 4 ^ 7 >> 1 % 3"),
			 "~0xF & 3 | 1 << 4 ^ 7 >> 1 % 3");
	ck_assert_str_eq(reprint("1_000"), "1000");
	ck_assert(reprint("1 +") == NULL);
	ck_assert(reprint("(1") == NULL);
	ck_assert(reprint("1 2") == NULL);
	ck_assert(reprint("0x") == NULL);
}
END_TEST

/* --- Name conversion ------------------------------------------------------ */

static const char *conv(const char *s, enum xi_split split, enum xi_case to)
{
	return xi_case_convert(&test_ctx->arena, s, split, to);
}

START_TEST(case_conversion)
{
	/* The table of the convert_case 0.6 rules xenbindgen used. */
	static const struct {
		const char *in, *snake, *pascal, *pascal_snake, *upper_snake;
	} t[] = {
		{ "_pad0", "pad_0", "Pad0", "Pad0", "PAD0" },
		{ "_pad", "pad", "Pad", "Pad", "PAD" },
		{ "rsvd0_a", "rsvd_0_a", "Rsvd0A", "Rsvd0A", "RSVD0_A" },
		{ "altp2m_mode", "altp_2_m_mode", "Altp2MMode", "Altp2mMode", "ALTP2M_MODE" },
		{ "s3_integrity", "s_3_integrity", "S3Integrity", "S3Integrity", "S3_INTEGRITY" },
		{ "arch_x86", "arch_x_86", "ArchX86", "ArchX86", "ARCH_X86" },
		{ "ipv4addr", "ipv_4_addr", "Ipv4Addr", "Ipv4addr", "IPV4ADDR" },
		{ "fooBar_baz", "foo_bar_baz", "FooBarBaz", "FoobarBaz", "FOOBAR_BAZ" },
		{ "HTTPRequest", "http_request", "HttpRequest", "Httprequest", "HTTPREQUEST" },
		{ "a1b2", "a_1_b_2", "A1B2", "A1b2", "A1B2" },
		{ "__x", "x", "X", "X", "X" },
		{ "x_", "x", "X", "X", "X" },
		{ "low_latency", "low_latency", "LowLatency", "LowLatency", "LOW_LATENCY" },
	};
	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		ck_assert_str_eq(conv(t[i].in, XI_SPLIT_DEFAULT, XI_CASE_SNAKE), t[i].snake);
		ck_assert_str_eq(conv(t[i].in, XI_SPLIT_DEFAULT, XI_CASE_PASCAL), t[i].pascal);
		ck_assert_str_eq(conv(t[i].in, XI_SPLIT_SNAKE, XI_CASE_PASCAL), t[i].pascal_snake);
		ck_assert_str_eq(conv(t[i].in, XI_SPLIT_SNAKE, XI_CASE_UPPER_SNAKE), t[i].upper_snake);
	}
	/* Directory names split from kebab case. */
	ck_assert_str_eq(conv("arch-x86", XI_SPLIT_KEBAB, XI_CASE_UPPER_SNAKE), "ARCH_X86");
	ck_assert_str_eq(conv("Foo-Bar", XI_SPLIT_KEBAB, XI_CASE_SNAKE), "foo_bar");
	ck_assert_str_eq(conv("a--b", XI_SPLIT_KEBAB, XI_CASE_SNAKE), "a_b");
	ck_assert_str_eq(conv("-x-", XI_SPLIT_KEBAB, XI_CASE_SNAKE), "x");
	ck_assert_str_eq(conv("foo_bar", XI_SPLIT_KEBAB, XI_CASE_UPPER_SNAKE), "FOO_BAR");
}
END_TEST

START_TEST(rust_names_of_keywords)
{
	/* xenbindgen mode writes a keyword of Rust so that it compiles. */
	struct xi_arena *a = &test_ctx->arena;
	ck_assert_str_eq(xi_xbg_rust_name(a, "ref", XI_SPLIT_DEFAULT, XI_CASE_SNAKE), "r#ref");
	ck_assert_str_eq(xi_xbg_rust_name(a, "type", XI_SPLIT_DEFAULT, XI_CASE_SNAKE), "r#type");
	ck_assert_str_eq(xi_xbg_rust_name(a, "match", XI_SPLIT_DEFAULT, XI_CASE_SNAKE), "r#match");
	ck_assert_str_eq(xi_xbg_rust_name(a, "self", XI_SPLIT_DEFAULT, XI_CASE_SNAKE), "self_");
	ck_assert_str_eq(xi_xbg_rust_name(a, "Self", XI_SPLIT_DEFAULT, XI_CASE_SNAKE), "self_");
	ck_assert_str_eq(xi_xbg_rust_name(a, "self", XI_SPLIT_DEFAULT, XI_CASE_PASCAL), "Self_");
	ck_assert_str_eq(xi_xbg_rust_name(a, "ref", XI_SPLIT_SNAKE, XI_CASE_PASCAL), "Ref");
	ck_assert_str_eq(xi_xbg_rust_name(a, "_pad0", XI_SPLIT_DEFAULT, XI_CASE_SNAKE), "pad_0");
}
END_TEST

/* --- The schema's words ------------------------------------------------------ */

START_TEST(schema_words)
{
	/* Every word is found by its text (so the lookup table by length
	 * holds them all), and a key that is none is none. */
	for (int w = XI_W_NONE + 1; w < XI_W_COUNT; w++) {
		ck_assert_ptr_nonnull(xi_words[w]);
		ck_assert_int_eq(xi_word_of(xi_words[w], strlen(xi_words[w])), w);
	}
	ck_assert_int_eq(xi_word_of("", 0), XI_W_NONE);
	ck_assert_int_eq(xi_word_of("nam", 3), XI_W_NONE);
	ck_assert_int_eq(xi_word_of("names", 5), XI_W_NONE);
	ck_assert_int_eq(xi_word_of("Name", 4), XI_W_NONE);
	ck_assert_int_eq(xi_word_of("type ", 5), XI_W_NONE);
	ck_assert_int_eq(xi_word_of("native_handles", 14), XI_W_NONE);
	/* Only the first len bytes count. */
	ck_assert_int_eq(xi_word_of("typed", 4), XI_W_TYPE);
	/* The documents' keys carry their word. */
	struct xi_dnode *r = yaml("name: x\nNAME: y\nc_name: z\n");
	ck_assert_ptr_nonnull(r);
	ck_assert_int_eq(r->first->word, XI_W_NAME);
	ck_assert_int_eq(r->first->next->word, XI_W_NONE);
	ck_assert_int_eq(r->last->word, XI_W_C_NAME);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("spec");
	TCase *tc = tcase_create("readers");
	tcase_add_checked_fixture(tc, test_ctx_setup, test_ctx_teardown);
	tcase_add_test(tc, toml_tables);
	tcase_add_test(tc, toml_dotted_and_inline);
	tcase_add_test(tc, toml_strings);
	tcase_add_test(tc, toml_integers);
	tcase_add_test(tc, toml_errors_recover);
	tcase_add_test(tc, yaml_scalars);
	tcase_add_test(tc, yaml_structure);
	tcase_add_test(tc, expressions);
	tcase_add_test(tc, case_conversion);
	tcase_add_test(tc, rust_names_of_keywords);
	tcase_add_test(tc, schema_words);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(suite());
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
