#include "pieces.h"

#include <string.h>

/* The first array of a list, grown by doubling into the arena. */
#define PIECES_FIRST_CAP 16u

void xi_pieces_addn(struct xi_arena *a, struct xi_pieces *t, const char *s, size_t n)
{
	if (!n)
		return;
	if (t->n == t->cap) {
		unsigned cap = t->cap ? t->cap * 2 : PIECES_FIRST_CAP;
		struct xi_piece *p = XI_NEW_ARRAY(a, struct xi_piece, cap);
		if (t->n)
			memcpy(p, t->p, sizeof(*p) * t->n);
		t->p = p;
		t->cap = cap;
	}
	t->p[t->n++] = (struct xi_piece){ s, n };
	t->len += n;
}

void xi_pieces_adds(struct xi_arena *a, struct xi_pieces *t, const char *s)
{
	xi_pieces_addn(a, t, s, strlen(s));
}

void xi_pieces_add_all(struct xi_arena *a, struct xi_pieces *t, const struct xi_pieces *from)
{
	for (unsigned i = 0; i < from->n; i++)
		xi_pieces_addn(a, t, from->p[i].s, from->p[i].n);
}

bool xi_pieces_equal(const struct xi_pieces *x, const struct xi_pieces *y)
{
	if (x->len != y->len)
		return false;
	/* Walk both texts in runs that end where a piece of either ends;
	 * a run at the same address in both (a shared piece) is equal. */
	unsigned i = 0, j = 0;
	size_t at_x = 0, at_y = 0;
	while (i < x->n && j < y->n) {
		const struct xi_piece *px = &x->p[i], *py = &y->p[j];
		if (!at_x && !at_y && px->s == py->s && px->n == py->n) {
			i++;
			j++;
			continue;
		}
		size_t run = px->n - at_x < py->n - at_y ? px->n - at_x : py->n - at_y;
		if (px->s + at_x != py->s + at_y && memcmp(px->s + at_x, py->s + at_y, run) != 0)
			return false;
		at_x += run;
		at_y += run;
		if (at_x == px->n) {
			i++;
			at_x = 0;
		}
		if (at_y == py->n) {
			j++;
			at_y = 0;
		}
	}
	return true;
}

void xi_out_pieces(struct xi_out *o, const struct xi_pieces *t)
{
	for (unsigned i = 0; i < t->n; i++)
		xi_out_write(o, t->p[i].s, t->p[i].n);
}
