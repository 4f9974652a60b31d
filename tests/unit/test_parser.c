/* The parser: the shape of what it builds. */
#include <check.h>
#include <string.h>

#include "testutil.h"

START_TEST(arrays_of_arrays_are_outer_first)
{
	struct compiled *c = compile_text("struct s {\n    m: u8[2][3];\n}\n");
	ck_assert_msg(c->ok, "%s", c->diags);
	struct xi_type *t = find_decl(c, "s")->agg->members->type;
	ck_assert_int_eq(t->kind, XI_TYPE_ARRAY);
	ck_assert_uint_eq(t->u.array.count, 2);
	ck_assert_int_eq(t->u.array.elem->kind, XI_TYPE_ARRAY);
	ck_assert_uint_eq(t->u.array.elem->u.array.count, 3);
	ck_assert_int_eq(t->u.array.elem->u.array.elem->kind, XI_TYPE_PRIM);
	ck_assert_uint_eq(xi_type_layout(t, XI_ABI_X86_64).size, 6);
	compiled_free(c);
}
END_TEST

START_TEST(attributes_are_applied)
{
	struct compiled *c = compile_text(
		"@legacy @c_name(\"renamed\")\n"
		"struct s {\n"
		"    @in a: u32;\n    @out b: u32;\n    @inout c: u32;\n"
		"    @reserved d: u32;\n    @c_name(\"E\") e: u32;\n"
		"}\n"
		"@c_prefix(\"PFX_\")\nenum e : u8 {\n    @c_name(\"SPECIAL\") x = 0,\n}\n");
	ck_assert_msg(c->ok, "%s", c->diags);
	struct xi_decl *s = find_decl(c, "s");
	ck_assert(s->legacy);
	ck_assert_str_eq(s->c_name, "renamed");
	ck_assert_uint_eq(find_member(s->agg, "a")->flags, XI_MEMBER_IN);
	ck_assert_uint_eq(find_member(s->agg, "b")->flags, XI_MEMBER_OUT);
	ck_assert_uint_eq(find_member(s->agg, "c")->flags, XI_MEMBER_IN | XI_MEMBER_OUT);
	ck_assert_uint_eq(find_member(s->agg, "d")->flags, XI_MEMBER_RESERVED);
	ck_assert_str_eq(find_member(s->agg, "e")->c_name, "E");
	ck_assert_str_eq(find_decl(c, "e")->c_prefix, "PFX_");
	ck_assert_str_eq(find_decl(c, "e")->variants->c_name, "SPECIAL");
	compiled_free(c);
}
END_TEST

START_TEST(tagged_union_arms)
{
	struct compiled *c = compile_text(
		"enum op : u32 {\n    read = 1,\n    write = 2,\n    sync = 3,\n    extra = 9,\n}\n"
		"const EXTRA: u32 = 9;\n"
		"struct s {\n"
		"    cmd: op;\n"
		"    @reserved pad: u32;\n"
		"    u: union switch (cmd) {\n"
		"        read, write => rw: u64;\n"
		"        EXTRA => extra: u32;\n"
		"        _ => raw: u8[16];\n"
		"    };\n"
		"}\n");
	ck_assert_msg(c->ok, "%s", c->diags);
	struct xi_agg *u = find_member(find_decl(c, "s")->agg, "u")->type->u.agg;
	ck_assert_ptr_eq(u->tag, find_decl(c, "s")->agg->members);
	struct xi_member *rw = find_member(u, "rw");
	ck_assert_str_eq(rw->labels->variant, "read");
	ck_assert_uint_eq(rw->labels->next->value.mag, 2);
	ck_assert_ptr_null(rw->labels->next->next);
	/* A constant whose value is a variant's selects that variant. */
	struct xi_member *extra = find_member(u, "extra");
	ck_assert_uint_eq(extra->labels->value.mag, 9);
	ck_assert_str_eq(extra->labels->variant, "extra");
	ck_assert(find_member(u, "raw")->is_default_arm);
	ck_assert_uint_eq(u->lay[XI_ABI_X86_32].size, 16);
	ck_assert_uint_eq(u->lay[XI_ABI_X86_32].align, 8);
	compiled_free(c);
}
END_TEST

START_TEST(imports_and_arch_imports)
{
	const char *files[] = {
		"top.xidl", "import \"lib/base.xidl\";\nimport arch \"cfg.xidl\";\n"
			    "struct t {\n    b: base_t;\n    c: cfg;\n}\n",
		"lib/base.xidl", "type base_t = u32;\n",
		"arch-x86/cfg.xidl", "struct cfg {\n    a: u32;\n}\n",
		"arch-arm/cfg.xidl", "struct cfg {\n    a: u32;\n    b: u32;\n}\n",
		NULL,
	};
	struct compiled *c = compile_files(files, XI_ABI_BIT(XI_ABI_X86_64) | XI_ABI_BIT(XI_ABI_ARM64));
	ck_assert_msg(c->ok, "%s", c->diags);
	struct xi_module *top = c->ctx->inputs[0];
	ck_assert_ptr_nonnull(top->imports->module[0]);
	ck_assert(top->imports->next->is_arch);
	ck_assert_ptr_nonnull(top->imports->next->module[XI_FAM_X86]);
	ck_assert_ptr_nonnull(top->imports->next->module[XI_FAM_ARM]);
	ck_assert_ptr_null(top->imports->next->module[XI_FAM_PPC]);
	ck_assert_int_eq(top->imports->next->module[XI_FAM_ARM]->family, XI_FAM_ARM);
	compiled_free(c);
}
END_TEST

START_TEST(syntax_errors_are_all_reported)
{
	struct compiled *c = compile_text(
		"struct a { x: ; }\nstruct b { y: u32 }\nconst C: u8 = ;\nstruct d { z: u32; }\n");
	ck_assert(!c->ok);
	ck_assert_uint_eq(c->ctx->diag.errors, 3);
	ck_assert_ptr_nonnull(strstr(c->diags, "t.xidl:1:15: error:"));
	ck_assert_ptr_nonnull(strstr(c->diags, "t.xidl:2:18: error: expected ';' after 'u32'"));
	ck_assert_ptr_nonnull(strstr(c->diags, "t.xidl:3:15: error:"));
	compiled_free(c);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("parser");
	TCase *tc = tcase_create("shapes");
	tcase_add_test(tc, arrays_of_arrays_are_outer_first);
	tcase_add_test(tc, attributes_are_applied);
	tcase_add_test(tc, tagged_union_arms);
	tcase_add_test(tc, imports_and_arch_imports);
	tcase_add_test(tc, syntax_errors_are_all_reported);
	suite_add_tcase(s, tc);
	return run_suite(s);
}
