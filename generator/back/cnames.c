#include "cnames.h"

#include <stdio.h>
#include <string.h>

#include "ascii.h"

const char *xi_c_decl_name(const struct xi_decl *d)
{
	return d->c_name ? d->c_name : d->name;
}

char *xi_upper(struct xi_arena *a, const char *s)
{
	char *r = xi_strdup(a, s);
	for (char *p = r; *p; p++)
		*p = xi_to_upper(*p);
	return r;
}

/* The macro prefix of an enum's variants or a bitmap's bits:
 * @c_prefix, or upper(name) + "_". */
static const char *xi_c_prefix(struct xi_arena *a, const struct xi_decl *d)
{
	if (d->c_prefix)
		return d->c_prefix;
	return xi_aprintf(a, "%s_", xi_upper(a, d->name));
}

const char *xi_c_variant_name(struct xi_arena *a, const struct xi_decl *d,
			      const struct xi_variant *v)
{
	if (v->c_name)
		return v->c_name;
	return xi_aprintf(a, "%s%s", xi_c_prefix(a, d), v->name);
}

const char *xi_c_all_mask_name(struct xi_arena *a, const struct xi_decl *d)
{
	return xi_aprintf(a, "%s_ALL", xi_c_prefix(a, d));
}

const char *xi_c_prim(enum xi_prim p)
{
	switch (p) {
	case XI_PRIM_U64: return "uint64_aligned_t";
	case XI_PRIM_I64: return "int64_aligned_t";
	default: return xi_c_prim_plain(p);
	}
}

const char *xi_c_prim_plain(enum xi_prim p)
{
	switch (p) {
	case XI_PRIM_U8: return "uint8_t";
	case XI_PRIM_U16: return "uint16_t";
	case XI_PRIM_U32: return "uint32_t";
	case XI_PRIM_U64: return "uint64_t";
	case XI_PRIM_I8: return "int8_t";
	case XI_PRIM_I16: return "int16_t";
	case XI_PRIM_I32: return "int32_t";
	case XI_PRIM_I64: return "int64_t";
	case XI_PRIM_CHAR: return "char";
	case XI_PRIM_NATIVE_U64: return "uint64_t";
	case XI_PRIM_NATIVE_I64: return "int64_t";
	case XI_PRIM_C_CHAR: return "char";
	case XI_PRIM_C_SCHAR: return "signed char";
	case XI_PRIM_C_UCHAR: return "unsigned char";
	case XI_PRIM_C_SHORT: return "short";
	case XI_PRIM_C_USHORT: return "unsigned short";
	case XI_PRIM_C_INT: return "int";
	case XI_PRIM_C_UINT: return "unsigned int";
	case XI_PRIM_C_LONG: return "long";
	case XI_PRIM_C_ULONG: return "unsigned long";
	case XI_PRIM_COUNT: break;
	}
	return "?";
}

/* The digits of a magnitude (0x and upper-case hex digits when `hex`)
 * into buf, which holds at least C_DIGITS_MAX bytes. */
#define C_DIGITS_MAX 24
static const char *digits(char *buf, uint64_t mag, bool hex)
{
	char *p = buf + C_DIGITS_MAX;
	*--p = '\0';
	do {
		*--p = "0123456789ABCDEF"[hex ? mag % 16 : mag % 10];
		mag = hex ? mag / 16 : mag / 10;
	} while (mag);
	if (hex) {
		*--p = 'x';
		*--p = '0';
	}
	return p;
}

const char *xi_c_int_literal(struct xi_arena *a, struct xi_int v, enum xi_prim p, bool hex)
{
	bool is64 = xi_prims[p].size == 8;
	bool is_signed = xi_prims[p].is_signed;
	const char *suffix = is_signed ? (is64 ? "LL" : "") : (is64 ? "ULL" : "U");
	char buf[C_DIGITS_MAX];
	if (!v.neg)
		return xi_aprintf(a, "%s%s", digits(buf, v.mag, hex), suffix);
	/* The most negative value has no literal: write it as -MAX - 1. */
	uint64_t limit = UINT64_C(1) << (xi_prims[p].size * 8 - 1);
	bool most_negative = v.mag == limit;
	return xi_aprintf(a, "(-%s%s%s)", digits(buf, most_negative ? v.mag - 1 : v.mag, hex), suffix,
			  most_negative ? " - 1" : "");
}

const char *xi_c_int_literal_min(struct xi_arena *a, struct xi_int v, bool hex)
{
	char buf[C_DIGITS_MAX];
	if (!v.neg) {
		const char *suffix = v.mag <= INT32_MAX ? "" : v.mag <= UINT32_MAX ? "U"
				   : v.mag <= INT64_MAX ? "LL" : "ULL";
		return xi_aprintf(a, "%s%s", digits(buf, v.mag, hex), suffix);
	}
	if (v.mag <= (uint64_t)INT32_MAX + 1)
		return v.mag == (uint64_t)INT32_MAX + 1 ? "(-2147483647 - 1)"
		     : xi_aprintf(a, "(-%s)", digits(buf, v.mag, hex));
	if (v.mag == UINT64_C(1) << 63)
		return "(-9223372036854775807LL - 1)";
	return xi_aprintf(a, "(-%sLL)", digits(buf, v.mag, hex));
}

const char *xi_c_ctype_literal(struct xi_arena *a, struct xi_int v, enum xi_ctype t, bool hex)
{
	const char *suffix = xi_ctype_suffix(t);
	char buf[C_DIGITS_MAX];
	if (!v.neg)
		return xi_aprintf(a, "%s%s", digits(buf, v.mag, hex), suffix);
	uint64_t limit = UINT64_C(1) << (xi_ctype_bits(t) - 1);
	bool most_negative = v.mag == limit;
	return xi_aprintf(a, "(-%s%s%s)", digits(buf, most_negative ? v.mag - 1 : v.mag, hex), suffix,
			  most_negative ? " - 1" : "");
}
