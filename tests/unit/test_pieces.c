/* Texts kept as lists of pieces (pieces.c) and the arena they live in:
 * equality does not depend on where a text is cut, shared pieces count as
 * equal, and an arena reset for reuse hands out zeroed memory again. */
#include <check.h>
#include <string.h>

#include "arena.h"
#include "pieces.h"
#include "testutil.h"

/* Append `text` cut after each of the offsets in cuts[] (ascending). */
static void add_cut(struct xi_arena *a, struct xi_pieces *t, const char *text,
		    const size_t *cuts, unsigned ncuts)
{
	size_t at = 0;
	for (unsigned i = 0; i < ncuts; i++) {
		xi_pieces_addn(a, t, text + at, cuts[i] - at);
		at = cuts[i];
	}
	xi_pieces_adds(a, t, text + at);
}

START_TEST(equal_however_cut)
{
	struct xi_arena a;
	xi_arena_init(&a);
	static const char text[] = "static int f(void)\n{\n\treturn 0;\n}\n";
	char copy[sizeof(text)];
	memcpy(copy, text, sizeof(text));
	static const size_t c1[] = { 3, 10, 11, 20 };
	static const size_t c2[] = { 1, 2, 19, 30 };
	struct xi_pieces x = XI_PIECES_INIT, y = XI_PIECES_INIT, z = XI_PIECES_INIT;
	add_cut(&a, &x, text, c1, 4);
	add_cut(&a, &y, copy, c2, 4);
	xi_pieces_adds(&a, &z, text);
	ck_assert_uint_eq(x.len, strlen(text));
	ck_assert(xi_pieces_equal(&x, &y));
	ck_assert(xi_pieces_equal(&y, &z));
	ck_assert(xi_pieces_equal(&z, &x));
	/* Empty pieces are not kept. */
	unsigned n = z.n;
	xi_pieces_addn(&a, &z, text, 0);
	ck_assert_uint_eq(z.n, n);
	xi_arena_free(&a);
}
END_TEST

START_TEST(differences_found)
{
	struct xi_arena a;
	xi_arena_init(&a);
	static const char text[] = "abcdefghij";
	char other[sizeof(text)];
	memcpy(other, text, sizeof(text));
	other[7] = 'X';
	static const size_t cx[] = { 5 };
	static const size_t cy[] = { 2, 8 };
	struct xi_pieces x = XI_PIECES_INIT, y = XI_PIECES_INIT, shorter = XI_PIECES_INIT;
	add_cut(&a, &x, text, cx, 1);
	add_cut(&a, &y, other, cy, 2);
	xi_pieces_addn(&a, &shorter, text, 9);
	ck_assert(!xi_pieces_equal(&x, &y));
	ck_assert(!xi_pieces_equal(&x, &shorter));
	xi_arena_free(&a);
}
END_TEST

START_TEST(many_pieces_shared)
{
	struct xi_arena a;
	xi_arena_init(&a);
	static const char word[] = "word ";
	/* Past the first array, so the list grows; then a whole list added
	 * to another shares every piece by address. */
	struct xi_pieces x = XI_PIECES_INIT, y = XI_PIECES_INIT;
	for (int i = 0; i < 100; i++)
		xi_pieces_adds(&a, &x, word);
	ck_assert_uint_eq(x.n, 100);
	ck_assert_uint_eq(x.len, 500);
	xi_pieces_add_all(&a, &y, &x);
	ck_assert_uint_eq(y.n, 100);
	ck_assert(xi_pieces_equal(&x, &y));
	xi_arena_free(&a);
}
END_TEST

static int all_zero(const unsigned char *p, size_t n)
{
	for (size_t k = 0; k < n; k++)
		if (p[k])
			return 0;
	return 1;
}

START_TEST(arena_reset_and_big_chunks)
{
	struct xi_arena a;
	xi_arena_init(&a);
	/* Enough to reach the largest chunks, plus one allocation bigger than
	 * any chunk. */
	for (int i = 0; i < 4096; i++) {
		unsigned char *p = xi_alloc(&a, 4000);
		ck_assert(all_zero(p, 4000));
		memset(p, 0xa5, 4000);
	}
	unsigned char *huge = xi_alloc(&a, 9u * 1024 * 1024);
	memset(huge, 0xa5, 9u * 1024 * 1024);
	for (int round = 0; round < 3; round++) {
		xi_arena_reset(&a);
		for (int i = 0; i < 64; i++) {
			unsigned char *p = xi_alloc(&a, 1000 + (size_t)i);
			ck_assert_uint_eq(((size_t)p) % XI_ARENA_ALIGN, 0);
			ck_assert(all_zero(p, 1000 + (size_t)i));
			memset(p, 0x5a, 1000 + (size_t)i);
		}
	}
	xi_arena_free(&a);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("pieces");
	TCase *tc = tcase_create("pieces");
	tcase_add_test(tc, equal_however_cut);
	tcase_add_test(tc, differences_found);
	tcase_add_test(tc, many_pieces_shared);
	tcase_add_test(tc, arena_reset_and_big_chunks);
	suite_add_tcase(s, tc);
	return run_suite(s);
}
