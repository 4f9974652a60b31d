/* The lexer, seen through what the parser builds: numbers, keywords as
 * names, comments, and doc comments attached to the right nodes. */
#include <check.h>
#include <string.h>

#include "testutil.h"

START_TEST(integer_literals)
{
	struct compiled *c = compile_text(
		"const A: u32 = 0x1F;\n"
		"const B: u32 = 0b1010;\n"
		"const C: u32 = 0o17;\n"
		"const D: u64 = 1_000_000;\n"
		"const E: u64 = 0xFFFF_FFFF_FFFF_FFFF;\n");
	ck_assert_msg(c->ok, "%s", c->diags);
	ck_assert_uint_eq(find_decl(c, "A")->value.mag, 31);
	ck_assert(find_decl(c, "A")->expr->hex);
	ck_assert_uint_eq(find_decl(c, "B")->value.mag, 10);
	ck_assert_uint_eq(find_decl(c, "C")->value.mag, 15);
	ck_assert_uint_eq(find_decl(c, "D")->value.mag, 1000000);
	ck_assert_uint_eq(find_decl(c, "E")->value.mag, UINT64_MAX);
	compiled_free(c);
}
END_TEST

START_TEST(keywords_as_member_names)
{
	struct compiled *c = compile_text(
		"struct k {\n"
		"    type: u32;\n    handle: u8[16];\n    arch: u32;\n    bitmap: u32;\n"
		"    import: u32;\n    native_handle: u32;\n"
		"}\n");
	ck_assert_msg(c->ok, "%s", c->diags);
	struct xi_agg *agg = find_decl(c, "k")->agg;
	ck_assert_uint_eq(agg->nmembers, 6);
	ck_assert_str_eq(agg->members->name, "type");
	ck_assert_str_eq(agg->members->next->name, "handle");
	compiled_free(c);
}
END_TEST

START_TEST(doc_comments)
{
	struct compiled *c = compile_text(
		"//! The file.\n"
		"//! Second line.\n"
		"\n"
		"/// A struct.\n"
		"/// Over two lines.\n"
		"// not documentation\n"
		"@legacy\n"
		"struct s {\n"
		"    /** A block\n"
		"     *  comment. */\n"
		"    a: u32;\n"
		"    //// four slashes: a plain comment\n"
		"    b: u32;\n"
		"    /* plain */ c: u32;\n"
		"}\n"
		"/**/\n"
		"enum e : u8 {\n"
		"    /// Variant doc.\n"
		"    x = 0,\n"
		"}\n");
	ck_assert_msg(c->ok, "%s", c->diags);
	ck_assert_str_eq(c->ctx->inputs[0]->doc, "The file.\nSecond line.");
	struct xi_decl *s = find_decl(c, "s");
	ck_assert_str_eq(s->doc, "A struct.\nOver two lines.");
	ck_assert_str_eq(find_member(s->agg, "a")->doc, "A block\n comment.");
	ck_assert_ptr_null(find_member(s->agg, "b")->doc);
	ck_assert_ptr_null(find_member(s->agg, "c")->doc);
	ck_assert_str_eq(find_decl(c, "e")->variants->doc, "Variant doc.");
	ck_assert_ptr_null(find_decl(c, "e")->doc);
	compiled_free(c);
}
END_TEST

START_TEST(comments_of_three_stars)
{
	struct compiled *c = compile_text(
		"/***/ struct s {\n"
		"    /*** not documentation ***/ a: u32;\n"
		"    /**\n"
		"     * b\n"
		"     */\n"
		"    b: u32;\n"
		"    /***/c: u32;\n"
		"}\n");
	ck_assert_msg(c->ok, "%s", c->diags);
	struct xi_agg *agg = find_decl(c, "s")->agg;
	ck_assert_ptr_null(find_member(agg, "a")->doc);
	ck_assert_uint_eq(find_member(agg, "a")->loc.col, 33);
	ck_assert_str_eq(find_member(agg, "b")->doc, "b");
	ck_assert_ptr_null(find_member(agg, "c")->doc);
	ck_assert_uint_eq(find_member(agg, "c")->loc.col, 10);
	compiled_free(c);
}
END_TEST

START_TEST(crlf_and_tabs)
{
	struct compiled *c = compile_text("struct s {\r\n\ta: u32;\r\n}\r\n");
	ck_assert_msg(c->ok, "%s", c->diags);
	ck_assert_uint_eq(find_decl(c, "s")->loc.line, 1);
	ck_assert_uint_eq(find_member(find_decl(c, "s")->agg, "a")->loc.line, 2);
	ck_assert_uint_eq(find_member(find_decl(c, "s")->agg, "a")->loc.col, 2);
	compiled_free(c);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("lexer");
	TCase *tc = tcase_create("tokens");
	tcase_add_test(tc, integer_literals);
	tcase_add_test(tc, keywords_as_member_names);
	tcase_add_test(tc, doc_comments);
	tcase_add_test(tc, comments_of_three_stars);
	tcase_add_test(tc, crlf_and_tabs);
	suite_add_tcase(s, tc);
	return run_suite(s);
}
