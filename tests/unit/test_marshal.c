/* Shortcuts of the marshal backend that must agree with the long way:
 * whether an enum or bitmap check can fail, and ABIs that see a
 * declaration alike. */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "marshal_plan.h"
#include "marshal_text.h"
#include "strbuf.h"
#include "testutil.h"

/* xi_mt_sem_fails_any says whether xi_mt_sem_fails makes a condition, for
 * every integer type the scalar may have. */
static void same_answer(struct compiled *c, const char *name)
{
	const struct xi_decl *d = find_decl(c, name);
	static const unsigned sizes[] = { 1, 2, 4, 8 };
	struct xi_arena a;
	xi_arena_init(&a);
	for (unsigned i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		for (int s = 0; s < 2; s++) {
			bool text = xi_mt_sem_fails(&a, "x", d, sizes[i], s) != NULL;
			ck_assert_msg(xi_mt_sem_fails_any(d, sizes[i], s) == text, "%s as %s%u", name,
				      s ? "i" : "u", sizes[i] * 8);
		}
	}
	xi_arena_free(&a);
}

/* An enum of `count` consecutive values from `first`. */
static void add_enum(struct xi_strbuf *sb, const char *name, const char *backing, int first,
		     unsigned count)
{
	xi_sb_printf(sb, "enum %s : %s {\n", name, backing);
	for (unsigned i = 0; i < count; i++)
		xi_sb_printf(sb, "    v%u = %d,\n", i, first + (int)i);
	xi_sb_adds(sb, "}\n");
}

START_TEST(sem_fails_any_agrees_with_the_text)
{
	struct xi_strbuf sb = XI_STRBUF_INIT;
	xi_sb_adds(&sb, "enum few : u8 {\n    a = 0,\n    b = 1,\n    c = 7,\n}\n");
	add_enum(&sb, "all_u8", "u8", 0, 256);
	add_enum(&sb, "all_but_one", "u8", 0, 255);
	add_enum(&sb, "all_i8", "i8", -128, 256);
	add_enum(&sb, "all_i8_from_zero", "i8", 0, 128);
	xi_sb_adds(&sb, "bitmap full : u8 {\n    low = 0..3,\n    high = 4..7,\n}\n");
	xi_sb_adds(&sb, "bitmap partial : u8 {\n    a = 0,\n    b = 2..3,\n}\n");
	struct compiled *c = compile_text(xi_sb_str(&sb));
	xi_sb_free(&sb);
	ck_assert_msg(c->ok, "%s", c->diags);
	same_answer(c, "few");
	same_answer(c, "all_u8");
	same_answer(c, "all_but_one");
	same_answer(c, "all_i8");
	same_answer(c, "all_i8_from_zero");
	same_answer(c, "full");
	same_answer(c, "partial");
	/* And the answers themselves. */
	ck_assert(!xi_mt_sem_fails_any(find_decl(c, "all_u8"), 1, false));
	ck_assert(xi_mt_sem_fails_any(find_decl(c, "all_but_one"), 1, false));
	ck_assert(!xi_mt_sem_fails_any(find_decl(c, "full"), 1, false));
	ck_assert(xi_mt_sem_fails_any(find_decl(c, "partial"), 1, false));
	compiled_free(c);
}
END_TEST

START_TEST(abis_with_the_same_view_make_the_same_plans)
{
	struct compiled *c = compile_text(
		"@legacy\ntype xen_ulong_t = arch { x86_32: u32, default: u64 };\n"
		"@legacy\nstruct l {\n    a: u32;\n    b: native_u64;\n    h: native_handle<u8>;\n"
		"    w: xen_ulong_t;\n    c: u16;\n    @reserved r: u8[6];\n}\n");
	ck_assert_msg(c->ok, "%s", c->diags);
	const struct xi_decl *d = find_decl(c, "l");
	/* arm32 lays it out as the 64-bit ABIs do; x86_32 does not. */
	ck_assert(xi_mp_same_view(d, XI_ABI_ARM32, XI_ABI_ARM64));
	ck_assert(xi_mp_same_view(d, XI_ABI_X86_64, XI_ABI_RISCV64));
	ck_assert(!xi_mp_same_view(d, XI_ABI_X86_32, XI_ABI_X86_64));
	ck_assert(!xi_mp_same_view(d, XI_ABI_X86_32, XI_ABI_ARM32));
	/* Plans built for either of two ABIs alike are equal, as host and as
	 * wire ABI (only the copy path tells a host's own plan apart). */
	struct xi_mp_plan *arm32 = xi_mp_build(c->ctx, d, XI_ABI_ARM32, XI_ABI_ARM32, XI_ABI_BIT(XI_ABI_ARM32));
	struct xi_mp_plan *arm64 = xi_mp_build(c->ctx, d, XI_ABI_ARM64, XI_ABI_ARM64, XI_ABI_BIT(XI_ABI_ARM64));
	ck_assert(xi_mp_same_plan(arm32, arm64));
	struct xi_mp_plan *from64 = xi_mp_build(c->ctx, d, XI_ABI_ARM32, XI_ABI_ARM64, XI_ABI_BIT(XI_ABI_ARM64));
	ck_assert(!xi_mp_same_plan(arm32, from64));
	ck_assert(xi_mp_same_code(arm32, from64));
	struct xi_mp_plan *x32 = xi_mp_build(c->ctx, d, XI_ABI_X86_32, XI_ABI_X86_32, XI_ABI_BIT(XI_ABI_X86_32));
	struct xi_mp_plan *x64 = xi_mp_build(c->ctx, d, XI_ABI_X86_64, XI_ABI_X86_64, XI_ABI_BIT(XI_ABI_X86_64));
	ck_assert(!xi_mp_same_code(x32, x64));
	compiled_free(c);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("marshal");
	TCase *tc = tcase_create("shortcuts");
	tcase_add_test(tc, sem_fails_any_agrees_with_the_text);
	tcase_add_test(tc, abis_with_the_same_view_make_the_same_plans);
	suite_add_tcase(s, tc);
	return run_suite(s);
}
