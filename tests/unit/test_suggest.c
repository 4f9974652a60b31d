/* "Did you mean": edit distances, C's type names, the best suggestion
 * (suggest.c). */
#include <check.h>
#include <string.h>

#include "limits.h"
#include "suggest.h"
#include "testutil.h"

START_TEST(edit_distance)
{
	ck_assert_uint_eq(xi_edit_distance("u32", "u32", 3), 0);
	ck_assert_uint_eq(xi_edit_distance("u23", "u32", 3), 1);           /* a swap */
	ck_assert_uint_eq(xi_edit_distance("evtchn_stauts", "evtchn_status", 3), 1);
	ck_assert_uint_eq(xi_edit_distance("domid", "domid_t", 3), 2);     /* two inserts */
	ck_assert_uint_eq(xi_edit_distance("kitten", "sitting", 3), 3);
	ck_assert_uint_eq(xi_edit_distance("", "abc", 3), 3);
	/* Past the limit: limit + 1, however far. */
	ck_assert_uint_eq(xi_edit_distance("kitten", "sitting", 2), 3);
	ck_assert_uint_eq(xi_edit_distance("a", "abcdefgh", 3), 4);
	ck_assert_uint_eq(xi_edit_distance("abcdef", "uvwxyz", 1), 2);
}
END_TEST

START_TEST(limits)
{
	ck_assert_uint_eq(xi_suggest_limit("ab"), 1);
	ck_assert_uint_eq(xi_suggest_limit("u23"), 1);
	ck_assert_uint_eq(xi_suggest_limit("domid_t"), 2);
	ck_assert_uint_eq(xi_suggest_limit("a_very_long_name_indeed"), XI_SUGGEST_MAX_EDITS);
}
END_TEST

START_TEST(c_types)
{
	ck_assert_str_eq(xi_suggest_c_type("uint32_t"), "u32");
	ck_assert_str_eq(xi_suggest_c_type("uint64_t"), "u64");
	ck_assert_str_eq(xi_suggest_c_type("int"), "i32");
	ck_assert_str_eq(xi_suggest_c_type("unsigned char"), "u8");
	ck_assert_str_eq(xi_suggest_c_type("__s16"), "i16");
	ck_assert_str_eq(xi_suggest_c_type("unsigned long"), "xen_ulong_t");
	ck_assert_ptr_null(xi_suggest_c_type("u32"));
	ck_assert_ptr_null(xi_suggest_c_type("long double"));
}
END_TEST

START_TEST(best_of_candidates)
{
	struct xi_suggestion s;
	xi_suggestion_init(&s, "evtchn_prot");
	xi_suggestion_offer(&s, "evtchn_port_t");  /* 3 edits */
	xi_suggestion_offer(&s, "evtchn_port");    /* 1 edit */
	xi_suggestion_offer(&s, "evtchn_pots");    /* 2 edits */
	xi_suggestion_offer(&s, "evtchn_prot");    /* the name itself: never */
	ck_assert_str_eq(s.best, "evtchn_port");
	ck_assert_uint_eq(s.best_edits, 1);
	/* The first of equals; nothing too far. */
	xi_suggestion_init(&s, "u3");
	xi_suggestion_offer(&s, "u8");
	xi_suggestion_offer(&s, "u32");
	ck_assert_str_eq(s.best, "u8");
	xi_suggestion_init(&s, "nosuch");
	xi_suggestion_offer(&s, "u8");
	xi_suggestion_offer(&s, "domid_t");
	ck_assert_ptr_null(s.best);
}
END_TEST

START_TEST(resolver_suggests)
{
	struct compiled *c = compile_text("const NR_PORTS: u32 = 4;\n"
					  "struct port { n: u32; }\n"
					  "struct s { a: uint16_t; b: prot; c: u8[NR_PORT]; d: nosuch; }\n");
	ck_assert(!c->ok);
	ck_assert_ptr_nonnull(strstr(c->diags, "unknown type 'uint16_t'; did you mean 'u16'?"));
	ck_assert_ptr_nonnull(strstr(c->diags, "unknown type 'prot'; did you mean 'port'?"));
	ck_assert_ptr_nonnull(strstr(c->diags, "unknown constant 'NR_PORT'; did you mean 'NR_PORTS'?"));
	ck_assert_ptr_nonnull(strstr(c->diags, "unknown type 'nosuch'\n"));
	compiled_free(c);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("suggest");
	TCase *tc = tcase_create("suggest");
	tcase_add_test(tc, edit_distance);
	tcase_add_test(tc, limits);
	tcase_add_test(tc, c_types);
	tcase_add_test(tc, best_of_candidates);
	tcase_add_test(tc, resolver_suggests);
	suite_add_tcase(s, tc);
	return run_suite(s);
}
