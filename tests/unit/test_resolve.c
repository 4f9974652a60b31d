/* Name resolution: per-family meanings, visibility, ordering. */
#include <check.h>
#include <string.h>

#include "testutil.h"

static const char *const arch_files[] = {
	"top.xidl", "import \"base.xidl\";\nimport arch \"cfg.xidl\";\n"
		    "struct t {\n    b: base_t;\n    c: cfg;\n}\n",
	"base.xidl", "type base_t = u32;\n",
	"arch-x86/cfg.xidl", "struct cfg {\n    a: u32;\n}\n",
	"arch-arm/cfg.xidl", "struct cfg {\n    a: u32;\n    b: u32;\n}\n",
	"arch-ppc/cfg.xidl", "@legacy\nstruct cfg {\n}\n",
	"arch-riscv/cfg.xidl", "@legacy\nstruct cfg {\n}\n",
	NULL,
};

START_TEST(per_family_references)
{
	struct compiled *c = compile_files(arch_files, 0);
	ck_assert_msg(c->ok, "%s", c->diags);
	struct xi_decl *t = find_decl(c, "t");
	struct xi_type *ref = find_member(t->agg, "c")->type;
	ck_assert(ref->u.ref.per_family);
	ck_assert_ptr_ne(xi_ref_decl(ref, XI_ABI_X86_64), xi_ref_decl(ref, XI_ABI_ARM64));
	ck_assert_ptr_eq(xi_ref_decl(ref, XI_ABI_X86_32), xi_ref_decl(ref, XI_ABI_X86_64));
	ck_assert_int_eq(xi_ref_decl(ref, XI_ABI_ARM32)->module->family, XI_FAM_ARM);
	/* The plain reference means one declaration everywhere. */
	struct xi_type *base = find_member(t->agg, "b")->type;
	ck_assert(!base->u.ref.per_family);
	/* The shared struct takes each family's size. */
	ck_assert_uint_eq(t->agg->lay[XI_ABI_X86_32].size, 8);
	ck_assert_uint_eq(t->agg->lay[XI_ABI_ARM64].size, 12);
	ck_assert_uint_eq(t->agg->lay[XI_ABI_PPC64LE].size, 4);
	ck_assert(t->agg->family_variant);
	ck_assert(t->agg->empty_abis & XI_ABI_BIT(XI_ABI_RISCV64));
	compiled_free(c);
}
END_TEST

START_TEST(restricted_abis_need_fewer_files)
{
	const char *files[] = {
		"top.xidl", "import arch \"cfg.xidl\";\nstruct t {\n    c: cfg;\n}\n",
		"arch-x86/cfg.xidl", "struct cfg {\n    a: u32;\n}\n",
		NULL,
	};
	struct compiled *c = compile_files(files, XI_ABI_BIT(XI_ABI_X86_32) | XI_ABI_BIT(XI_ABI_X86_64));
	ck_assert_msg(c->ok, "%s", c->diags);
	compiled_free(c);
	c = compile_files(files, 0);
	ck_assert(!c->ok);
	ck_assert_ptr_nonnull(strstr(c->diags, "arch-arm/cfg.xidl"));
	compiled_free(c);
}
END_TEST

/* An arch-* file of a family --abi leaves out exists on no ABI of the
 * run: it is taken out before resolution, with what it imports, instead
 * of being resolved (and laid out) on no ABI at all. */
START_TEST(files_of_families_left_out_are_skipped)
{
	const char *files[] = {
		"arch-arm/regs.xidl",
		"import \"base.xidl\";\nconst N: u32 = BASE + 1;\n"
		"struct arm_regs {\n    r: reg_t[N];\n}\n",
		"arch-arm/base.xidl", "const BASE: u32 = 3;\ntype reg_t = u64;\n",
		NULL,
	};
	struct compiled *c = compile_files(files, XI_ABI_BIT(XI_ABI_X86_64));
	ck_assert_msg(c->ok, "%s", c->diags);
	ck_assert_uint_eq(c->ctx->ninputs, 0);
	ck_assert_uint_eq(c->ctx->nmodules, 0);
	ck_assert_uint_eq(c->ctx->nleft_out, 2);
	ck_assert_uint_eq(c->ctx->diag.warnings, 1);
	ck_assert_ptr_nonnull(strstr(c->diags, "arch-arm/regs.xidl: warning: skipped: the file is "
					       "for the arm family (arm32, arm64), which --abi "
					       "leaves out\n"));
	ck_assert_ptr_null(xi_find_decl(c->ctx, "arm_regs"));
	compiled_free(c);
	c = compile_files(files, XI_ABI_BIT(XI_ABI_ARM64));
	ck_assert_msg(c->ok, "%s", c->diags);
	ck_assert_uint_eq(c->ctx->nleft_out, 0);
	ck_assert_uint_eq(find_decl(c, "arm_regs")->agg->lay[XI_ABI_ARM64].size, 32);
	compiled_free(c);
}
END_TEST

START_TEST(dependency_order)
{
	struct compiled *c = compile_text(
		"struct outer {\n    i: inner;\n    h: handle<later>;\n}\n"
		"struct inner {\n    x: u32;\n    y: u32;\n}\n"
		"struct later {\n    y: u32;\n}\n"
		"const K: u32 = 1;\n");
	ck_assert_msg(c->ok, "%s", c->diags);
	struct xi_decl **sorted = c->ctx->inputs[0]->sorted;
	ck_assert_str_eq(sorted[0]->name, "inner");
	ck_assert_str_eq(sorted[1]->name, "later");
	ck_assert_str_eq(sorted[2]->name, "outer");
	ck_assert_str_eq(sorted[3]->name, "K");
	compiled_free(c);
}
END_TEST

/* A module's order comes from its own declarations: what an importer
 * uses (by value or through a handle) is not moved up in the imported
 * module, whose outputs must be the same whatever imports it. */
START_TEST(a_module_order_ignores_its_importers)
{
	const char *files[] = {
		"top.xidl",
		"import \"base.xidl\";\nstruct top {\n    h: handle<last>;\n    l: later;\n    @reserved pad: u32;\n}\n",
		"base.xidl",
		"type first_t = u32;\nstruct later {\n    f: first_t;\n}\n"
		"const K: u32 = 1;\nstruct last {\n    x: u32;\n}\n",
		NULL,
	};
	struct compiled *c = compile_files(files, 0);
	ck_assert_msg(c->ok, "%s", c->diags);
	const struct xi_module *base = find_decl(c, "later")->module;
	ck_assert_str_eq(base->sorted[0]->name, "first_t");
	ck_assert_str_eq(base->sorted[1]->name, "later");
	ck_assert_str_eq(base->sorted[2]->name, "K");
	ck_assert_str_eq(base->sorted[3]->name, "last");
	/* Layout still follows the whole compilation's order. */
	ck_assert_uint_lt(find_decl(c, "later")->order, find_decl(c, "top")->order);
	ck_assert_uint_lt(find_decl(c, "first_t")->order, find_decl(c, "later")->order);
	compiled_free(c);
}
END_TEST

START_TEST(every_error_is_reported)
{
	struct compiled *c = compile_text(
		"struct a {\n    x: nosuch1;\n    y: nosuch2;\n}\n"
		"enum e : u8 {\n    p = 300,\n    q = 1,\n    r = 1,\n}\n");
	ck_assert(!c->ok);
	ck_assert_uint_eq(c->ctx->diag.errors, 4);
	compiled_free(c);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("resolve");
	TCase *tc = tcase_create("names");
	tcase_add_test(tc, per_family_references);
	tcase_add_test(tc, restricted_abis_need_fewer_files);
	tcase_add_test(tc, files_of_families_left_out_are_skipped);
	tcase_add_test(tc, dependency_order);
	tcase_add_test(tc, a_module_order_ignores_its_importers);
	tcase_add_test(tc, every_error_is_reported);
	suite_add_tcase(s, tc);
	return run_suite(s);
}
