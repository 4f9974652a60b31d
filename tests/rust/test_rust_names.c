/* Unit tests of the Rust backend's naming rules (emit_rust_names.c). */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "emit_rust.h"

static struct xi_arena arena;

static void setup(void)
{
	xi_arena_init(&arena);
}

static void teardown(void)
{
	xi_arena_free(&arena);
}

START_TEST(pascal_keeps_letters_and_digits_together)
{
	ck_assert_str_eq(xi_rust_pascal(&arena, "xen_domctl_altp2m_mode"), "XenDomctlAltp2mMode");
	ck_assert_str_eq(xi_rust_pascal(&arena, "rsvd0_a"), "Rsvd0A");
	ck_assert_str_eq(xi_rust_pascal(&arena, "s3_integrity"), "S3Integrity");
	/* An all-upper-case name is lowered first. */
	ck_assert_str_eq(xi_rust_pascal(&arena, "USE_PIRQ"), "UsePirq");
	ck_assert_str_eq(xi_rust_pascal(&arena, "V2"), "V2");
	/* Mixed case is kept. */
	ck_assert_str_eq(xi_rust_pascal(&arena, "BufIoReqPfn"), "BufIoReqPfn");
	/* A leading digit cannot start a Rust identifier. */
	ck_assert_str_eq(xi_rust_pascal(&arena, "_3d"), "T3d");
}
END_TEST

START_TEST(type_names_keep_t)
{
	struct xi_decl d;
	memset(&d, 0, sizeof(d));
	/* Xen has both `enum xenmem_access` and `xenmem_access_t`. */
	d.name = "domid_t";
	ck_assert_str_eq(xi_rust_type_name(&arena, &d), "DomidT");
	d.name = "xenmem_access";
	ck_assert_str_eq(xi_rust_type_name(&arena, &d), "XenmemAccess");
	d.name = "evtchn_status";
	ck_assert_str_eq(xi_rust_type_name(&arena, &d), "EvtchnStatus");
	/* Self, the one keyword in PascalCase, cannot be raw. */
	d.name = "self";
	ck_assert_str_eq(xi_rust_type_name(&arena, &d), "Self_");
	d.name = "ref";
	ck_assert_str_eq(xi_rust_type_name(&arena, &d), "Ref");
}
END_TEST

START_TEST(keywords_are_escaped)
{
	ck_assert_str_eq(xi_rust_ident(&arena, "type"), "r#type");
	ck_assert_str_eq(xi_rust_ident(&arena, "match"), "r#match");
	ck_assert_str_eq(xi_rust_ident(&arena, "gen"), "r#gen");
	/* These cannot be raw identifiers. */
	ck_assert_str_eq(xi_rust_ident(&arena, "self"), "self_");
	ck_assert_str_eq(xi_rust_ident(&arena, "super"), "super_");
	ck_assert_str_eq(xi_rust_ident(&arena, "crate"), "crate_");
	ck_assert_str_eq(xi_rust_ident(&arena, "altp2m_mode"), "altp2m_mode");
	/* The ends of the (sorted) keyword table, and names next to keywords. */
	ck_assert_str_eq(xi_rust_ident(&arena, "Self"), "Self_");
	ck_assert_str_eq(xi_rust_ident(&arena, "abstract"), "r#abstract");
	ck_assert_str_eq(xi_rust_ident(&arena, "yield"), "r#yield");
	ck_assert_str_eq(xi_rust_ident(&arena, "_"), "__");
	ck_assert_str_eq(xi_rust_ident(&arena, "types"), "types");
	ck_assert_str_eq(xi_rust_ident(&arena, "SELF"), "SELF");
	ck_assert_str_eq(xi_rust_lower(&arena, "FN"), "r#fn");
	ck_assert_str_eq(xi_rust_upper(&arena, "hvm"), "HVM");
	ck_assert_str_eq(xi_rust_upper(&arena, "3d"), "_3D");
}
END_TEST

START_TEST(module_components)
{
	ck_assert_str_eq(xi_rust_module_component(&arena, "arch-x86", 8), "arch_x86");
	ck_assert_str_eq(xi_rust_module_component(&arena, "event_channel", 13), "event_channel");
	ck_assert_str_eq(xi_rust_module_component(&arena, "type", 4), "r#type");
	ck_assert_str_eq(xi_rust_module_component(&arena, "9p", 2), "_9p");
}
END_TEST

START_TEST(cfg_predicates)
{
	xi_abi_mask all = XI_ABI_ALL;
	xi_abi_mask x86 = XI_ABI_BIT(XI_ABI_X86_32) | XI_ABI_BIT(XI_ABI_X86_64);
	ck_assert_ptr_null(xi_rust_cfg(&arena, all, all));
	ck_assert_str_eq(xi_rust_cfg(&arena, XI_ABI_BIT(XI_ABI_X86_32), all), "target_arch = \"x86\"");
	/* The complement is shorter. */
	ck_assert_str_eq(xi_rust_cfg(&arena, all & ~XI_ABI_BIT(XI_ABI_X86_32), all),
			 "not(target_arch = \"x86\")");
	ck_assert_str_eq(xi_rust_cfg(&arena, x86, all),
			 "any(target_arch = \"x86\", target_arch = \"x86_64\")");
}
END_TEST

START_TEST(cfg_attributes_wrap_like_rustfmt)
{
	ck_assert_str_eq(xi_rust_cfg_attr(&arena, 0, "target_arch = \"x86\""),
			 "#[cfg(target_arch = \"x86\")]\n");
	ck_assert_str_eq(xi_rust_cfg_attr(&arena, 4, "any(target_arch = \"x86\", target_arch = \"x86_64\")"),
			 "    #[cfg(any(target_arch = \"x86\", target_arch = \"x86_64\"))]\n");
	/* A list wider than 70 columns takes one item per line. */
	ck_assert_str_eq(
		xi_rust_cfg_attr(&arena, 0,
				 "any(target_arch = \"riscv64\", all(target_arch = \"powerpc64\", "
				 "target_endian = \"little\"))"),
		"#[cfg(any(\n"
		"    target_arch = \"riscv64\",\n"
		"    all(target_arch = \"powerpc64\", target_endian = \"little\")\n"
		"))]\n");
}
END_TEST

START_TEST(integer_literals)
{
	ck_assert_str_eq(xi_rust_int(&arena, xi_int_u(0x7ff0), true), "0x7ff0");
	ck_assert_str_eq(xi_rust_int(&arena, xi_int_u(UINT64_MAX), false), "18446744073709551615");
	ck_assert_str_eq(xi_rust_int(&arena, xi_int_s(-5), false), "-5");
	ck_assert_str_eq(xi_rust_int(&arena, xi_int_s(INT64_MIN), false), "i64::MIN");
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("rust names");
	TCase *tc = tcase_create("names");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, pascal_keeps_letters_and_digits_together);
	tcase_add_test(tc, type_names_keep_t);
	tcase_add_test(tc, keywords_are_escaped);
	tcase_add_test(tc, module_components);
	tcase_add_test(tc, cfg_predicates);
	tcase_add_test(tc, cfg_attributes_wrap_like_rustfmt);
	tcase_add_test(tc, integer_literals);
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
