/* Exact integers for constant expressions.
 *
 * Every value of a signed or unsigned 64-bit type is representable: the
 * range is -2^63 .. 2^64-1. An operation whose exact result leaves that
 * range reports overflow instead of wrapping. */
#ifndef XENIDL_XINT_H
#define XENIDL_XINT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct xi_int {
	uint64_t mag;  /* magnitude */
	bool neg;      /* true only when mag != 0 */
};

enum xi_int_status {
	XI_INT_OK,
	XI_INT_OVERFLOW,
	XI_INT_DIVZERO,
	XI_INT_BADSHIFT,
};

static inline struct xi_int xi_int_u(uint64_t v)
{
	struct xi_int r = { v, false };
	return r;
}

struct xi_int xi_int_s(int64_t v);
/* The value's two's complement low 64 bits (the C bit pattern). */
uint64_t xi_int_bits(struct xi_int v);
int xi_int_cmp(struct xi_int a, struct xi_int b);
static inline bool xi_int_eq(struct xi_int a, struct xi_int b)
{
	return a.mag == b.mag && a.neg == b.neg;
}

enum xi_int_status xi_int_add(struct xi_int a, struct xi_int b, struct xi_int *r);
enum xi_int_status xi_int_sub(struct xi_int a, struct xi_int b, struct xi_int *r);
enum xi_int_status xi_int_mul(struct xi_int a, struct xi_int b, struct xi_int *r);
enum xi_int_status xi_int_div(struct xi_int a, struct xi_int b, struct xi_int *r);
enum xi_int_status xi_int_mod(struct xi_int a, struct xi_int b, struct xi_int *r);
enum xi_int_status xi_int_shl(struct xi_int a, struct xi_int b, struct xi_int *r);
enum xi_int_status xi_int_shr(struct xi_int a, struct xi_int b, struct xi_int *r);
enum xi_int_status xi_int_and(struct xi_int a, struct xi_int b, struct xi_int *r);
enum xi_int_status xi_int_or(struct xi_int a, struct xi_int b, struct xi_int *r);
enum xi_int_status xi_int_xor(struct xi_int a, struct xi_int b, struct xi_int *r);
enum xi_int_status xi_int_neg(struct xi_int a, struct xi_int *r);

/* Decimal text, with a leading '-' for negative values, into buf of at
 * least XI_INT_TEXT_MAX bytes (a sign, 20 digits and the NUL). */
#define XI_INT_TEXT_MAX 24u
char *xi_int_format(struct xi_int v, char *buf);

/* What xi_int_parse_literal made of a literal. */
enum xi_lit_status {
	XI_LIT_OK,
	XI_LIT_BAD_DIGIT,  /* a character that is no digit of the literal's base */
	XI_LIT_NO_DIGITS,  /* "0x", or separators alone */
	XI_LIT_TOO_LARGE,  /* more than 64 bits */
};

/* An integer literal as xidl writes it (lexer.l), and as the expressions
 * of YAML and TOML do (spec_expr.c): decimal, 0x hex, 0o octal or 0b
 * binary, with '_' between digits at will, the `n` bytes at `s`. Sets *v
 * (when XI_LIT_OK), *base, and for XI_LIT_BAD_DIGIT *bad, the index of
 * the first byte that is no digit. A bad digit is reported before a
 * value too large. */
enum xi_lit_status xi_int_parse_literal(const char *s, size_t n, uint64_t *v, unsigned *base,
					size_t *bad);

/* The C suffix of an integer literal (`0xffu`, `1UL`), allowed in the
 * body of a parameterised constant only: C writes it, so the macro has
 * Xen's C type; the other backends give the literal the type around it. */
enum xi_lit_suffix { XI_SUFFIX_NONE, XI_SUFFIX_U, XI_SUFFIX_L, XI_SUFFIX_UL, XI_SUFFIX_LL,
		     XI_SUFFIX_ULL };

/* The length of the C suffix that ends the `n` bytes at `s` (one `u` and
 * up to two `l`, either case, in either order: `u`, `l`, `ul`, `lu`,
 * `ll`, `ull`, `llu`), setting *suffix; 0 (and XI_SUFFIX_NONE) when
 * there is none. A hex literal's digits never end in one. */
size_t xi_int_literal_suffix(const char *s, size_t n, enum xi_lit_suffix *suffix);
/* The suffix as C writes it ("U", "UL", ...; "" for none). */
const char *xi_lit_suffix_text(enum xi_lit_suffix suffix);

#endif
