/* Character classes of ASCII, the same in every locale: <ctype.h>'s
 * answers depend on the locale (and are undefined for a negative char),
 * while identifiers, numbers and names in xenidl's inputs and outputs are
 * ASCII. Any byte outside ASCII is in none of these classes. */
#ifndef XENIDL_ASCII_H
#define XENIDL_ASCII_H

#include <stdbool.h>
#include <stddef.h>

static inline bool xi_is_digit(int c)
{
	return c >= '0' && c <= '9';
}

static inline bool xi_is_upper(int c)
{
	return c >= 'A' && c <= 'Z';
}

static inline bool xi_is_lower(int c)
{
	return c >= 'a' && c <= 'z';
}

static inline bool xi_is_alpha(int c)
{
	return xi_is_upper(c) || xi_is_lower(c);
}

static inline bool xi_is_alnum(int c)
{
	return xi_is_alpha(c) || xi_is_digit(c);
}

/* The first character of a C identifier, and the others. */
static inline bool xi_is_ident_start(int c)
{
	return xi_is_alpha(c) || c == '_';
}

static inline bool xi_is_ident(int c)
{
	return xi_is_alnum(c) || c == '_';
}

/* Whether the n bytes at s are a C identifier. */
static inline bool xi_is_identifier(const char *s, size_t n)
{
	if (!n || !xi_is_ident_start(s[0]))
		return false;
	for (size_t i = 1; i < n; i++)
		if (!xi_is_ident(s[i]))
			return false;
	return true;
}

/* The value of a hexadecimal digit, or -1. */
static inline int xi_hex_value(int c)
{
	if (xi_is_digit(c))
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static inline char xi_to_upper(char c)
{
	return xi_is_lower(c) ? (char)(c - 'a' + 'A') : c;
}

static inline char xi_to_lower(char c)
{
	return xi_is_upper(c) ? (char)(c - 'A' + 'a') : c;
}

#endif
