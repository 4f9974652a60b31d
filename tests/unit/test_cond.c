/* Conditions (cond.c): parsing, the reference configuration, exclusion
 * and implication, and the C and xidl texts. */
#include <check.h>
#include <stdint.h>
#include <string.h>

#include "cond.h"
#include "ctx.h"
#include "testutil.h"

static const struct xi_cond *P(const char *text)
{
	struct xi_loc at = { 1, 1, 0, 0 };
	return xi_cond_parse(test_ctx, text, at);
}

static const char *text(const struct xi_cond *c, bool for_c)
{
	static char buf[512];
	struct xi_strbuf sb = XI_STRBUF_INIT;
	if (for_c)
		xi_cond_c_text(&sb, c);
	else
		xi_cond_text(&sb, c);
	snprintf(buf, sizeof(buf), "%s", xi_sb_str(&sb));
	xi_sb_free(&sb);
	return buf;
}

START_TEST(parse_and_print)
{
	ck_assert_str_eq(text(P("tools"), true), "defined(__XEN__) || defined(__XEN_TOOLS__)");
	ck_assert_str_eq(text(P("xen && tools"), true),
			 "defined(__XEN__) && (defined(__XEN__) || defined(__XEN_TOOLS__))");
	ck_assert_str_eq(text(P(" !xen "), true), "!defined(__XEN__)");
	ck_assert_str_eq(text(P("!(version < 0x00030209)"), true),
			 "!(__XEN_INTERFACE_VERSION__ < 0x00030209)");
	ck_assert_str_eq(text(P("!(version<7)"), false), "!(version < 7)");
	/* && binds tighter than ||; parentheses only where needed. */
	ck_assert_str_eq(text(P("xen || tools && version >= 3"), false),
			 "xen || tools && version >= 3");
	ck_assert_str_eq(text(P("(xen || tools) && version >= 3"), false),
			 "(xen || tools) && version >= 3");
	/* Families, with Xen's #if of each. */
	ck_assert_str_eq(text(P("x86"), true), "defined(__i386__) || defined(__x86_64__)");
	ck_assert_str_eq(text(P("riscv"), true), "defined(__riscv)");
	ck_assert_str_eq(text(P("arm && tools"), true),
			 "(defined(__arm__) || defined(__aarch64__)) && "
			 "(defined(__XEN__) || defined(__XEN_TOOLS__))");
	ck_assert_str_eq(text(P("arm && tools"), false), "arm && tools");
	ck_assert_str_eq(test_ctx_messages(), "");
}
END_TEST

START_TEST(family_conditions)
{
	int f = XI_FAM_NONE;
	const struct xi_cond *bad = NULL;
	/* A group's family, and its declaration's own condition. */
	const struct xi_cond *rest = xi_cond_take_family(test_ctx, P("(x86 && tools) && version > 3"),
							 &f, &bad);
	ck_assert_int_eq(f, XI_FAM_X86);
	ck_assert_ptr_null(bad);
	ck_assert_str_eq(text(rest, false), "tools && version > 3");
	f = XI_FAM_NONE;
	ck_assert_ptr_null(xi_cond_take_family(test_ctx, P("arm"), &f, &bad));
	ck_assert_int_eq(f, XI_FAM_ARM);
	/* Under ||, under !, or twice: refused. */
	f = XI_FAM_NONE;
	xi_cond_take_family(test_ctx, P("xen || arm"), &f, &bad);
	ck_assert_ptr_nonnull(bad);
	bad = NULL;
	f = XI_FAM_NONE;
	xi_cond_take_family(test_ctx, P("x86 && arm"), &f, &bad);
	ck_assert_ptr_nonnull(bad);
	/* Families exclude each other; the reference configuration has them all. */
	ck_assert(!xi_cond_overlap(P("x86"), P("arm")));
	ck_assert(xi_cond_overlap(P("x86"), P("tools")));
	ck_assert(xi_cond_reference(test_ctx, P("ppc")));
}
END_TEST

START_TEST(parse_errors)
{
	ck_assert_ptr_null(P("xen &"));
	ck_assert_ptr_null(P("version"));
	ck_assert_ptr_null(P("version >= 0x1ffffffffffffffff"));
	ck_assert_ptr_null(P("(xen"));
	ck_assert_ptr_null(P("xen)"));
	ck_assert_ptr_null(P("arm32"));
	ck_assert_ptr_null(P("x86 ||"));
	ck_assert_ptr_null(P("x86_64"));
	ck_assert_ptr_null(P(NULL)); /* the reader reported it */
	ck_assert(strstr(test_ctx_messages(), "write '&&'") != NULL);
	ck_assert(strstr(test_ctx_messages(), "does not fit in 64 bits") != NULL);
}
END_TEST

START_TEST(reference_configuration)
{
	ck_assert(xi_cond_reference(test_ctx, NULL));
	ck_assert(xi_cond_reference(test_ctx, P("tools")));
	ck_assert(!xi_cond_reference(test_ctx, P("xen")));
	ck_assert(xi_cond_reference(test_ctx, P("!xen")));
	/* Without an @interface_version constant: later than any number. */
	ck_assert(xi_cond_reference(test_ctx, P("version >= 0xffffffff")));
	ck_assert(!xi_cond_reference(test_ctx, P("version == 0x00040200")));
	/* With one: its value. */
	struct xi_decl d;
	memset(&d, 0, sizeof(d));
	test_ctx->interface_version = &d;
	test_ctx->latest_version = 0x00040200;
	ck_assert(xi_cond_reference(test_ctx, P("version == 0x00040200")));
	ck_assert(!xi_cond_reference(test_ctx, P("version > 0x00040200")));
	ck_assert(xi_cond_reference(test_ctx, P("tools && version >= 0x00030209")));
	test_ctx->interface_version = NULL;
}
END_TEST

START_TEST(exclusion_and_implication)
{
	ck_assert(!xi_cond_overlap(P("xen"), P("!xen")));
	ck_assert(!xi_cond_overlap(P("version < 0x00030209"), P("version >= 0x00030209")));
	ck_assert(xi_cond_overlap(P("version < 5"), P("version > 3")));
	ck_assert(!xi_cond_overlap(P("version < 4"), P("version > 3")));
	ck_assert(!xi_cond_overlap(P("version == 4"), P("version != 4")));
	/* __XEN__ implies the tools configuration. */
	ck_assert(!xi_cond_overlap(P("xen"), P("!tools")));
	ck_assert(xi_cond_overlap(P("tools"), P("!xen")));
	ck_assert(xi_cond_overlap(NULL, P("xen")));
	ck_assert(xi_cond_implies(P("xen"), P("tools")));
	ck_assert(!xi_cond_implies(P("tools"), P("xen")));
	ck_assert(xi_cond_implies(P("xen && version >= 3"), P("version > 2")));
	ck_assert(xi_cond_implies(NULL, P("xen || !xen")));
	ck_assert(!xi_cond_implies(NULL, P("tools")));
	ck_assert(xi_cond_same(P("xen || tools"), P("tools")));
	ck_assert(xi_cond_same(P("!(xen || version < 3)"), P("!xen && version >= 3")));
	ck_assert(!xi_cond_same(P("version >= 3"), P("version > 3")));
}
END_TEST

/* defined(NAME): printed as written; compared as a free truth per name;
 * in the reference configuration true on the ABIs of its constant once
 * resolved (before, as if declared). */
START_TEST(defined_atoms)
{
	ck_assert_str_eq(text(P("defined( HAVE_PV )"), true), "defined(HAVE_PV)");
	ck_assert_str_eq(text(P("!defined(A) && tools"), false), "!defined(A) && tools");
	ck_assert(!xi_cond_overlap(P("defined(A)"), P("!defined(A)")));
	ck_assert(xi_cond_overlap(P("defined(A)"), P("!defined(B)")));
	ck_assert(xi_cond_implies(P("defined(A) && defined(B)"), P("defined(B)")));
	ck_assert(!xi_cond_implies(P("defined(A)"), P("defined(B)")));
	ck_assert(xi_cond_implies(NULL, P("defined(A) || !defined(A)")));
	ck_assert(!xi_cond_same(P("defined(A)"), P("defined(B)")));
	struct xi_cond *a = (struct xi_cond *)P("defined(A)");
	ck_assert(xi_cond_reference(test_ctx, a));
	ck_assert_uint_eq(xi_cond_reference_abis(test_ctx, a), XI_ABI_ALL);
	a->defined_resolved = true;
	a->defined_abis = xi_family_abis(XI_FAM_X86);
	ck_assert_uint_eq(xi_cond_reference_abis(test_ctx, a), xi_family_abis(XI_FAM_X86));
	struct xi_cond not_a = { .kind = XI_COND_NOT, .a = a };
	ck_assert_uint_eq(xi_cond_reference_abis(test_ctx, &not_a),
			  XI_ABI_ALL & ~xi_family_abis(XI_FAM_X86));
	a->defined_abis = 0;
	ck_assert(!xi_cond_reference(test_ctx, a));
	/* Malformed. */
	ck_assert_ptr_null(P("defined"));
	ck_assert_ptr_null(P("defined(A"));
	ck_assert_ptr_null(P("defined()"));
	ck_assert_ptr_null(P("defined(1A)"));
	ck_assert(strstr(test_ctx_messages(), "'defined' needs a constant's name in parentheses") !=
		  NULL);
}
END_TEST

/* compat_gen: Xen's build making its compat headers, which it does with
 * __XEN__ defined; false in the reference configuration. */
START_TEST(compat_gen_atom)
{
	ck_assert_str_eq(text(P("!compat_gen"), true), "!defined(XEN_GENERATING_COMPAT_HEADERS)");
	ck_assert_str_eq(text(P("compat_gen && tools"), false), "compat_gen && tools");
	ck_assert_str_eq(xi_cond_macro(P("compat_gen")), "XEN_GENERATING_COMPAT_HEADERS");
	ck_assert_str_eq(xi_cond_macro(P("defined(A)")), "A");
	ck_assert_ptr_null(xi_cond_macro(P("xen")));
	ck_assert(!xi_cond_reference(test_ctx, P("compat_gen")));
	ck_assert(xi_cond_reference(test_ctx, P("!compat_gen && tools")));
	ck_assert(xi_cond_implies(P("compat_gen"), P("xen")));
	ck_assert(!xi_cond_implies(P("xen"), P("compat_gen")));
	ck_assert(!xi_cond_overlap(P("compat_gen"), P("!compat_gen")));
	ck_assert(!xi_cond_overlap(P("compat_gen"), P("!xen")));
	ck_assert(xi_cond_overlap(P("xen"), P("!compat_gen")));
	ck_assert(xi_cond_implies(NULL, P("compat_gen || !compat_gen")));
	ck_assert_ptr_null(P("compat_gen >= 1"));
	ck_assert(strstr(test_ctx_messages(), "only 'version' is compared, not 'compat_gen'") !=
		  NULL);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("cond");
	TCase *tc = tcase_create("conditions");
	tcase_add_checked_fixture(tc, test_ctx_setup, test_ctx_teardown);
	tcase_add_test(tc, parse_and_print);
	tcase_add_test(tc, parse_errors);
	tcase_add_test(tc, family_conditions);
	tcase_add_test(tc, reference_configuration);
	tcase_add_test(tc, exclusion_and_implication);
	tcase_add_test(tc, defined_atoms);
	tcase_add_test(tc, compat_gen_atom);
	suite_add_tcase(s, tc);
	return run_suite(s);
}
