/* Constant evaluation: values, types, and the meaning of ~. */
#include <check.h>

#include "testutil.h"

START_TEST(expressions)
{
	struct compiled *c = compile_text(
		"const BASE: u16 = 0x7FF0;\n"
		"type domid_t = u16;\n"
		"const SELF: domid_t = BASE;\n"
		"const IO: domid_t = BASE + 1;\n"
		"const MIX: u32 = (1 << 4 | 3) * 2 - 10 / 3 % 2;\n"
		"const XOR: u8 = 0xF0 ^ 0xFF & 0x3C;\n"
		"const NEG: i32 = -(2 + 3);\n"
		"const SHR: i32 = -5 >> 1;\n"
		"const TOP: u64 = 1 << 63;\n"
		"const MINI: i64 = -0x7FFFFFFFFFFFFFFF - 1;\n"
		"const LATE: u32 = EARLY * 2;\n"
		"const EARLY: u32 = 21;\n");
	ck_assert_msg(c->ok, "%s", c->diags);
	ck_assert_uint_eq(find_decl(c, "SELF")->value.mag, 0x7FF0);
	ck_assert_int_eq(find_decl(c, "SELF")->const_prim, XI_PRIM_U16);
	ck_assert_uint_eq(find_decl(c, "IO")->value.mag, 0x7FF1);
	ck_assert_uint_eq(find_decl(c, "MIX")->value.mag, (((1 << 4) | 3) * 2) - ((10 / 3) % 2));
	ck_assert_uint_eq(find_decl(c, "XOR")->value.mag, 0xF0 ^ (0xFF & 0x3C));
	ck_assert(find_decl(c, "NEG")->value.neg);
	ck_assert_uint_eq(find_decl(c, "NEG")->value.mag, 5);
	ck_assert_uint_eq(find_decl(c, "SHR")->value.mag, 3);
	ck_assert_uint_eq(find_decl(c, "TOP")->value.mag, 1ull << 63);
	ck_assert_uint_eq(find_decl(c, "MINI")->value.mag, 1ull << 63);
	ck_assert(find_decl(c, "MINI")->value.neg);
	ck_assert_uint_eq(find_decl(c, "LATE")->value.mag, 42);
	compiled_free(c);
}
END_TEST

START_TEST(complement_takes_the_type_width)
{
	struct compiled *c = compile_text(
		"const A: u32 = ~0;\nconst B: u8 = ~0x0F;\nconst C: i32 = ~0;\nconst D: u64 = ~1;\n");
	ck_assert_msg(c->ok, "%s", c->diags);
	ck_assert_uint_eq(find_decl(c, "A")->value.mag, 0xFFFFFFFFu);
	ck_assert_uint_eq(find_decl(c, "B")->value.mag, 0xF0);
	ck_assert(find_decl(c, "C")->value.neg);
	ck_assert_uint_eq(find_decl(c, "C")->value.mag, 1);
	ck_assert_uint_eq(find_decl(c, "D")->value.mag, UINT64_MAX - 1);
	compiled_free(c);
}
END_TEST

START_TEST(array_lengths_and_enum_values)
{
	struct compiled *c = compile_text(
		"const N: u32 = 4;\n"
		"struct s {\n    a: u8[N * 2];\n}\n"
		"enum e : i8 {\n    lo = -128,\n    hi = 127,\n    mid = N - 4,\n}\n");
	ck_assert_msg(c->ok, "%s", c->diags);
	ck_assert_uint_eq(find_decl(c, "s")->agg->members->type->u.array.count, 8);
	struct xi_variant *v = find_decl(c, "e")->variants;
	ck_assert(v->v.neg && v->v.mag == 128);
	ck_assert(!v->next->v.neg && v->next->v.mag == 127);
	ck_assert_uint_eq(v->next->next->v.mag, 0);
	compiled_free(c);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("consteval");
	TCase *tc = tcase_create("values");
	tcase_add_test(tc, expressions);
	tcase_add_test(tc, complement_takes_the_type_width);
	tcase_add_test(tc, array_lengths_and_enum_values);
	suite_add_tcase(s, tc);
	return run_suite(s);
}
