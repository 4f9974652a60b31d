/* A text kept as the list of pieces it is made of, for big texts put
 * together from parts that are made once and appear in several wholes
 * (the marshal backend's functions, in the code of many host ABIs): the
 * parts are neither copied into each whole nor, where two wholes share
 * them, compared byte by byte. The pieces' memory belongs to whoever made
 * them and must outlive the list. */
#ifndef XENIDL_PIECES_H
#define XENIDL_PIECES_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "output.h"

struct xi_piece {
	const char *s;
	size_t n;
};

struct xi_pieces {
	struct xi_piece *p;   /* in the arena given to the adds */
	unsigned n, cap;
	size_t len;           /* of the whole text */
};

#define XI_PIECES_INIT { NULL, 0, 0, 0 }

/* Append n bytes at s (kept by reference, not copied). */
void xi_pieces_addn(struct xi_arena *a, struct xi_pieces *t, const char *s, size_t n);
void xi_pieces_adds(struct xi_arena *a, struct xi_pieces *t, const char *s);
/* Append every piece of `from`. */
void xi_pieces_add_all(struct xi_arena *a, struct xi_pieces *t, const struct xi_pieces *from);

/* Do the two lists spell the same text, however it is cut in pieces? */
bool xi_pieces_equal(const struct xi_pieces *x, const struct xi_pieces *y);

void xi_out_pieces(struct xi_out *o, const struct xi_pieces *t);

#endif
