/* The layout engine on every ABI, legacy constructs included. */
#include <check.h>

#include "testutil.h"

static uint32_t size_of(struct compiled *c, const char *name, int abi)
{
	return find_decl(c, name)->agg->lay[abi].size;
}

static uint32_t align_of(struct compiled *c, const char *name, int abi)
{
	return find_decl(c, name)->agg->lay[abi].align;
}

static uint32_t offset_of(struct compiled *c, const char *name, const char *member, int abi)
{
	return xi_member_offset(find_member(find_decl(c, name)->agg, member), abi);
}

START_TEST(fixed_width_types_are_abi_invariant)
{
	struct compiled *c = compile_text(
		"struct s {\n    a: u8;\n    b: u8;\n    c: u16;\n    d: u32;\n    e: u64;\n"
		"    h: handle<u8>;\n    i: i64[2];\n}\n");
	ck_assert_msg(c->ok, "%s", c->diags);
	for (int a = 0; a < XI_ABI_COUNT; a++) {
		ck_assert_uint_eq(size_of(c, "s", a), 40);
		ck_assert_uint_eq(align_of(c, "s", a), 8);
		ck_assert_uint_eq(offset_of(c, "s", "h", a), 16);
		ck_assert_uint_eq(offset_of(c, "s", "i", a), 24);
	}
	ck_assert(!find_member(find_decl(c, "s")->agg, "e")->offset_varies);
	compiled_free(c);
}
END_TEST

START_TEST(legacy_types_follow_each_abi)
{
	struct compiled *c = compile_text(
		"@legacy\ntype xen_ulong_t = arch { x86_32: u32, default: u64 };\n"
		"@legacy\nstruct l {\n    a: u32;\n    b: native_u64;\n    h: native_handle<u8>;\n"
		"    w: xen_ulong_t;\n    c: u16;\n}\n");
	ck_assert_msg(c->ok, "%s", c->diags);
	/* x86_32: 4 + 8 (4-aligned) + 4 + 4 + 2 -> 22, padded to 24 */
	ck_assert_uint_eq(offset_of(c, "l", "b", XI_ABI_X86_32), 4);
	ck_assert_uint_eq(offset_of(c, "l", "h", XI_ABI_X86_32), 12);
	ck_assert_uint_eq(offset_of(c, "l", "w", XI_ABI_X86_32), 16);
	ck_assert_uint_eq(size_of(c, "l", XI_ABI_X86_32), 24);
	ck_assert_uint_eq(align_of(c, "l", XI_ABI_X86_32), 4);
	/* x86_64: 4 + hole 4 + 8 + 8 + 8 + 2 -> 34, padded to 40 */
	ck_assert_uint_eq(offset_of(c, "l", "b", XI_ABI_X86_64), 8);
	ck_assert_uint_eq(offset_of(c, "l", "c", XI_ABI_X86_64), 32);
	ck_assert_uint_eq(size_of(c, "l", XI_ABI_X86_64), 40);
	/* arm32: native_u64 is 8-aligned, handles are 8 bytes */
	ck_assert_uint_eq(offset_of(c, "l", "h", XI_ABI_ARM32), 16);
	ck_assert_uint_eq(size_of(c, "l", XI_ABI_ARM32), 40);
	ck_assert(find_member(find_decl(c, "l")->agg, "b")->offset_varies);
	compiled_free(c);
}
END_TEST

START_TEST(unions_and_inline_aggregates)
{
	struct compiled *c = compile_text(
		"union u {\n    a: u8[6];\n    b: u16[3];\n}\n"
		"struct s {\n    x: u32;\n    in: struct {\n        p: u16;\n        q: u16;\n    };\n"
		"    v: union {\n        w: u32;\n        z: u8[4];\n    };\n}\n");
	ck_assert_msg(c->ok, "%s", c->diags);
	ck_assert_uint_eq(size_of(c, "u", XI_ABI_ARM32), 6);
	ck_assert_uint_eq(align_of(c, "u", XI_ABI_ARM32), 2);
	struct xi_member *in = find_member(find_decl(c, "s")->agg, "in");
	ck_assert_uint_eq(xi_member_offset(in, XI_ABI_X86_64), 4);
	ck_assert_uint_eq(xi_member_offset(find_member(in->type->u.agg, "q"), XI_ABI_X86_64), 2);
	ck_assert_uint_eq(size_of(c, "s", XI_ABI_RISCV64), 12);
	compiled_free(c);
}
END_TEST

START_TEST(empty_legacy_struct_has_size_zero)
{
	struct compiled *c = compile_text("@legacy\nstruct e {\n}\nstruct s {\n    a: u32;\n    e: e;\n}\n");
	ck_assert_msg(c->ok, "%s", c->diags);
	ck_assert_uint_eq(size_of(c, "e", XI_ABI_X86_64), 0);
	ck_assert_uint_eq(align_of(c, "e", XI_ABI_X86_64), 1);
	ck_assert_uint_eq(size_of(c, "s", XI_ABI_X86_64), 4);
	ck_assert(find_decl(c, "s")->agg->empty_abis != 0);
	compiled_free(c);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("layout");
	TCase *tc = tcase_create("abis");
	tcase_add_test(tc, fixed_width_types_are_abi_invariant);
	tcase_add_test(tc, legacy_types_follow_each_abi);
	tcase_add_test(tc, unions_and_inline_aggregates);
	tcase_add_test(tc, empty_legacy_struct_has_size_zero);
	suite_add_tcase(s, tc);
	return run_suite(s);
}
