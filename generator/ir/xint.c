#include "xint.h"

#include <string.h>

#include "ascii.h"

#define MAG_NEG_LIMIT (UINT64_C(1) << 63) /* |INT64_MIN| */

static enum xi_int_status make(bool neg, uint64_t mag, struct xi_int *r)
{
	if (mag == 0)
		neg = false;
	if (neg && mag > MAG_NEG_LIMIT)
		return XI_INT_OVERFLOW;
	r->neg = neg;
	r->mag = mag;
	return XI_INT_OK;
}

struct xi_int xi_int_s(int64_t v)
{
	struct xi_int r;
	if (v < 0) {
		r.neg = true;
		r.mag = (uint64_t)0 - (uint64_t)v;
	} else {
		r.neg = false;
		r.mag = (uint64_t)v;
	}
	return r;
}

uint64_t xi_int_bits(struct xi_int v)
{
	return v.neg ? (uint64_t)0 - v.mag : v.mag;
}

int xi_int_cmp(struct xi_int a, struct xi_int b)
{
	if (a.neg != b.neg)
		return a.neg ? -1 : 1;
	if (a.mag == b.mag)
		return 0;
	bool less = a.mag < b.mag;
	if (a.neg)
		less = !less;
	return less ? -1 : 1;
}

enum xi_int_status xi_int_add(struct xi_int a, struct xi_int b, struct xi_int *r)
{
	if (a.neg == b.neg) {
		uint64_t m;
		if (__builtin_add_overflow(a.mag, b.mag, &m))
			return XI_INT_OVERFLOW;
		return make(a.neg, m, r);
	}
	if (a.mag >= b.mag)
		return make(a.neg, a.mag - b.mag, r);
	return make(b.neg, b.mag - a.mag, r);
}

enum xi_int_status xi_int_neg(struct xi_int a, struct xi_int *r)
{
	return make(!a.neg, a.mag, r);
}

enum xi_int_status xi_int_sub(struct xi_int a, struct xi_int b, struct xi_int *r)
{
	/* -b may be out of range (b = 2^64-1) while a - b is not, so
	 * negate by flipping the sign without the range check. */
	b.neg = b.mag ? !b.neg : false;
	return xi_int_add(a, b, r);
}

enum xi_int_status xi_int_mul(struct xi_int a, struct xi_int b, struct xi_int *r)
{
	uint64_t m;
	if (__builtin_mul_overflow(a.mag, b.mag, &m))
		return XI_INT_OVERFLOW;
	return make(a.neg != b.neg, m, r);
}

/* Division and remainder truncate toward zero, as in C. */
enum xi_int_status xi_int_div(struct xi_int a, struct xi_int b, struct xi_int *r)
{
	if (b.mag == 0)
		return XI_INT_DIVZERO;
	return make(a.neg != b.neg, a.mag / b.mag, r);
}

enum xi_int_status xi_int_mod(struct xi_int a, struct xi_int b, struct xi_int *r)
{
	if (b.mag == 0)
		return XI_INT_DIVZERO;
	return make(a.neg, a.mag % b.mag, r);
}

static bool shift_count(struct xi_int b, unsigned *n)
{
	if (b.neg || b.mag >= 64)
		return false;
	*n = (unsigned)b.mag;
	return true;
}

enum xi_int_status xi_int_shl(struct xi_int a, struct xi_int b, struct xi_int *r)
{
	unsigned n;
	if (!shift_count(b, &n))
		return XI_INT_BADSHIFT;
	if (n && a.mag > (UINT64_MAX >> n))
		return XI_INT_OVERFLOW;
	return make(a.neg, a.mag << n, r);
}

/* Arithmetic shift: rounds toward minus infinity, as two's complement. */
enum xi_int_status xi_int_shr(struct xi_int a, struct xi_int b, struct xi_int *r)
{
	unsigned n;
	if (!shift_count(b, &n))
		return XI_INT_BADSHIFT;
	uint64_t q = a.mag >> n;
	if (a.neg && n && (a.mag & ((UINT64_C(1) << n) - 1)))
		q++;
	return make(a.neg, q, r);
}

/* Bitwise operations work on the 65-bit two's complement form: a sign bit
 * above the 64 value bits. */
static enum xi_int_status from_bits(bool sign, uint64_t bits, struct xi_int *r)
{
	if (!sign)
		return make(false, bits, r);
	if (bits == 0) /* -2^64 */
		return XI_INT_OVERFLOW;
	return make(true, (uint64_t)0 - bits, r);
}

enum xi_int_status xi_int_and(struct xi_int a, struct xi_int b, struct xi_int *r)
{
	return from_bits(a.neg && b.neg, xi_int_bits(a) & xi_int_bits(b), r);
}

enum xi_int_status xi_int_or(struct xi_int a, struct xi_int b, struct xi_int *r)
{
	return from_bits(a.neg || b.neg, xi_int_bits(a) | xi_int_bits(b), r);
}

enum xi_int_status xi_int_xor(struct xi_int a, struct xi_int b, struct xi_int *r)
{
	return from_bits(a.neg != b.neg, xi_int_bits(a) ^ xi_int_bits(b), r);
}

char *xi_int_format(struct xi_int v, char *buf)
{
	/* Backends format many of these: no printf. */
	char digits[24];
	char *p = digits + sizeof(digits);
	uint64_t mag = v.mag;
	*--p = '\0';
	do {
		*--p = (char)('0' + mag % 10);
		mag /= 10;
	} while (mag);
	if (v.neg)
		*--p = '-';
	memcpy(buf, p, (size_t)(digits + sizeof(digits) - p));
	return buf;
}

enum xi_lit_status xi_int_parse_literal(const char *s, size_t n, uint64_t *v, unsigned *base,
					size_t *bad)
{
	*base = 10;
	size_t i = 0;
	if (n > 1 && s[0] == '0') {
		char k = s[1];
		*base = k == 'x' || k == 'X' ? 16 : k == 'o' || k == 'O' ? 8 : k == 'b' || k == 'B' ? 2 : 10;
		if (*base != 10)
			i = 2;
	}
	uint64_t value = 0;
	bool any = false, overflow = false;
	for (; i < n; i++) {
		if (s[i] == '_')
			continue;
		int d = xi_hex_value(s[i]);
		if (d < 0 || d >= (int)*base) {
			*bad = i;
			return XI_LIT_BAD_DIGIT;
		}
		any = true;
		if (value > (UINT64_MAX - (uint64_t)d) / *base)
			overflow = true;
		value = value * *base + (uint64_t)d;
	}
	if (!any)
		return XI_LIT_NO_DIGITS;
	if (overflow)
		return XI_LIT_TOO_LARGE;
	*v = value;
	return XI_LIT_OK;
}

size_t xi_int_literal_suffix(const char *s, size_t n, enum xi_lit_suffix *suffix)
{
	size_t len = 0;
	unsigned us = 0, ls = 0;
	*suffix = XI_SUFFIX_NONE;
	while (len < n && len < 3) {
		char c = s[n - 1 - len];
		if (c == 'u' || c == 'U')
			us++;
		else if (c == 'l' || c == 'L')
			ls++;
		else
			break;
		len++;
	}
	/* "0x" and a lone "0" keep their digits; more than one u or two l
	 * is no suffix (the lexer then reports a bad digit). */
	if (len == 0 || len >= n || us > 1 || ls > 2)
		return 0;
	static const enum xi_lit_suffix by_count[2][3] = {
		{ XI_SUFFIX_NONE, XI_SUFFIX_L, XI_SUFFIX_LL },
		{ XI_SUFFIX_U, XI_SUFFIX_UL, XI_SUFFIX_ULL },
	};
	*suffix = by_count[us][ls];
	return len;
}

const char *xi_lit_suffix_text(enum xi_lit_suffix suffix)
{
	static const char *const text[] = { "", "U", "L", "UL", "LL", "ULL" };
	return text[suffix];
}
