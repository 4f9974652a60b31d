/* Exact constant arithmetic (xint.c). */
#include <check.h>
#include <string.h>
#include <stdint.h>

#include "testutil.h"
#include "xint.h"

static struct xi_int S(int64_t v) { return xi_int_s(v); }
static struct xi_int U(uint64_t v) { return xi_int_u(v); }

START_TEST(add_and_sub)
{
	struct xi_int r;
	ck_assert_int_eq(xi_int_add(U(UINT64_MAX - 1), U(1), &r), XI_INT_OK);
	ck_assert(r.mag == UINT64_MAX && !r.neg);
	ck_assert_int_eq(xi_int_add(U(UINT64_MAX), U(1), &r), XI_INT_OVERFLOW);
	ck_assert_int_eq(xi_int_sub(U(0), U(5), &r), XI_INT_OK);
	ck_assert(r.neg && r.mag == 5);
	/* -2^63 is the lowest value; one less overflows. */
	ck_assert_int_eq(xi_int_sub(S(INT64_MIN + 1), U(1), &r), XI_INT_OK);
	ck_assert_int_eq(xi_int_sub(S(INT64_MIN), U(1), &r), XI_INT_OVERFLOW);
	/* Subtracting a large unsigned from another is exact. */
	ck_assert_int_eq(xi_int_sub(U(UINT64_MAX), U(UINT64_MAX), &r), XI_INT_OK);
	ck_assert(r.mag == 0 && !r.neg);
}
END_TEST

START_TEST(mul_div_mod)
{
	struct xi_int r;
	ck_assert_int_eq(xi_int_mul(U(1ull << 32), U(1ull << 31), &r), XI_INT_OK);
	ck_assert(r.mag == 1ull << 63);
	ck_assert_int_eq(xi_int_mul(U(1ull << 32), U(1ull << 32), &r), XI_INT_OVERFLOW);
	ck_assert_int_eq(xi_int_mul(S(-3), S(4), &r), XI_INT_OK);
	ck_assert(r.neg && r.mag == 12);
	ck_assert_int_eq(xi_int_div(S(-7), U(2), &r), XI_INT_OK);
	ck_assert(r.neg && r.mag == 3); /* truncates toward zero */
	ck_assert_int_eq(xi_int_mod(S(-7), U(2), &r), XI_INT_OK);
	ck_assert(r.neg && r.mag == 1);
	ck_assert_int_eq(xi_int_div(U(1), U(0), &r), XI_INT_DIVZERO);
	ck_assert_int_eq(xi_int_mod(U(1), U(0), &r), XI_INT_DIVZERO);
}
END_TEST

START_TEST(shifts)
{
	struct xi_int r;
	ck_assert_int_eq(xi_int_shl(U(1), U(63), &r), XI_INT_OK);
	ck_assert(r.mag == 1ull << 63);
	ck_assert_int_eq(xi_int_shl(U(2), U(63), &r), XI_INT_OVERFLOW);
	ck_assert_int_eq(xi_int_shl(U(1), U(64), &r), XI_INT_BADSHIFT);
	ck_assert_int_eq(xi_int_shl(U(1), S(-1), &r), XI_INT_BADSHIFT);
	ck_assert_int_eq(xi_int_shr(S(-5), U(1), &r), XI_INT_OK);
	ck_assert(r.neg && r.mag == 3); /* floor, as two's complement */
	ck_assert_int_eq(xi_int_shr(U(5), U(1), &r), XI_INT_OK);
	ck_assert(!r.neg && r.mag == 2);
}
END_TEST

START_TEST(bitwise)
{
	struct xi_int r;
	ck_assert_int_eq(xi_int_and(S(-1), U(0xff), &r), XI_INT_OK);
	ck_assert(!r.neg && r.mag == 0xff);
	ck_assert_int_eq(xi_int_or(S(-16), U(3), &r), XI_INT_OK);
	ck_assert(r.neg && r.mag == 13);
	ck_assert_int_eq(xi_int_xor(U(0xf0), U(0xff), &r), XI_INT_OK);
	ck_assert(r.mag == 0x0f);
	ck_assert_uint_eq(xi_int_bits(S(-1)), UINT64_MAX);
}
END_TEST

START_TEST(fits_and_format)
{
	char buf[32];
	ck_assert(xi_int_fits_prim(U(255), XI_PRIM_U8));
	ck_assert(!xi_int_fits_prim(U(256), XI_PRIM_U8));
	ck_assert(xi_int_fits_prim(S(-128), XI_PRIM_I8));
	ck_assert(!xi_int_fits_prim(S(-129), XI_PRIM_I8));
	ck_assert(!xi_int_fits_prim(S(-1), XI_PRIM_U64));
	ck_assert(xi_int_fits_prim(U(UINT64_MAX), XI_PRIM_U64));
	ck_assert(!xi_int_fits_prim(U(1ull << 63), XI_PRIM_I64));
	ck_assert_str_eq(xi_int_format(S(INT64_MIN), buf), "-9223372036854775808");
	ck_assert_str_eq(xi_int_format(U(UINT64_MAX), buf), "18446744073709551615");
	ck_assert_int_eq(xi_int_cmp(S(-1), U(0)), -1);
	ck_assert_int_eq(xi_int_cmp(U(3), U(2)), 1);
}
END_TEST

/* Every reader of integer literals (lexer.l, spec_expr.c, convert) reads
 * them with xi_int_parse_literal. */
static enum xi_lit_status lit(const char *s, uint64_t *v, unsigned *base, size_t *bad)
{
	return xi_int_parse_literal(s, strlen(s), v, base, bad);
}

START_TEST(literals)
{
	uint64_t v;
	unsigned base;
	size_t bad;
	ck_assert_int_eq(lit("1_000", &v, &base, &bad), XI_LIT_OK);
	ck_assert(v == 1000 && base == 10);
	ck_assert_int_eq(lit("0x00fF", &v, &base, &bad), XI_LIT_OK);
	ck_assert(v == 0xff && base == 16);
	ck_assert_int_eq(lit("0o17", &v, &base, &bad), XI_LIT_OK);
	ck_assert(v == 017 && base == 8);
	ck_assert_int_eq(lit("0B1_01", &v, &base, &bad), XI_LIT_OK);
	ck_assert(v == 5 && base == 2);
	ck_assert_int_eq(lit("0", &v, &base, &bad), XI_LIT_OK);
	ck_assert(v == 0 && base == 10);
	ck_assert_int_eq(lit("0xffffffffffffffff", &v, &base, &bad), XI_LIT_OK);
	ck_assert(v == UINT64_MAX);
	ck_assert_int_eq(lit("0x1_0000_0000_0000_0000", &v, &base, &bad), XI_LIT_TOO_LARGE);
	ck_assert_int_eq(lit("18446744073709551616", &v, &base, &bad), XI_LIT_TOO_LARGE);
	ck_assert_int_eq(lit("0x", &v, &base, &bad), XI_LIT_NO_DIGITS);
	ck_assert_int_eq(lit("0b_", &v, &base, &bad), XI_LIT_NO_DIGITS);
	ck_assert_int_eq(lit("0b102", &v, &base, &bad), XI_LIT_BAD_DIGIT);
	ck_assert_uint_eq(bad, 4);
	ck_assert_int_eq(lit("12a", &v, &base, &bad), XI_LIT_BAD_DIGIT);
	ck_assert_uint_eq(bad, 2);
	/* A bad digit is said before a value too large. */
	ck_assert_int_eq(lit("99999999999999999999z", &v, &base, &bad), XI_LIT_BAD_DIGIT);
	ck_assert_uint_eq(bad, 20);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("xint");
	TCase *tc = tcase_create("arithmetic");
	tcase_add_test(tc, add_and_sub);
	tcase_add_test(tc, mul_div_mod);
	tcase_add_test(tc, shifts);
	tcase_add_test(tc, bitwise);
	tcase_add_test(tc, fits_and_format);
	tcase_add_test(tc, literals);
	suite_add_tcase(s, tc);
	return run_suite(s);
}
