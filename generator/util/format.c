#include "format.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

/* The digits of the largest 64-bit number in decimal. */
#define FORMAT_MAX_DIGITS 20

/* One conversion of a format, as far as xi_vsnprintf formats it. */
struct spec {
	bool alt;          /* '#': 0x before a non-zero %x */
	bool star_width;   /* '*': the width is an int argument */
	bool star_prec;    /* ".*": the precision is an int argument */
	unsigned longs;    /* 0, 1 (l) or 2 (ll) */
	bool size;         /* z */
	char conv;         /* '%', 'c', 's', 'd', 'u', 'x' or 'X' */
};

/* Read the conversion after a '%' at p into *s; returns the character after
 * it, or NULL when it is not one formatted here. */
static const char *parse_spec(const char *p, struct spec *s)
{
	memset(s, 0, sizeof(*s));
	if (*p == '#') {
		s->alt = true;
		p++;
	}
	if (*p == '*') {
		s->star_width = true;
		p++;
	}
	if (p[0] == '.' && p[1] == '*') {
		s->star_prec = true;
		p += 2;
	}
	if (*p == 'z') {
		s->size = true;
		p++;
	} else {
		while (*p == 'l' && s->longs < 2) {
			s->longs++;
			p++;
		}
	}
	s->conv = *p;
	bool sized = s->size || s->longs;
	switch (s->conv) {
	case '%':
	case 'c':
		if (s->alt || s->star_width || s->star_prec || sized)
			return NULL;
		break;
	case 's':
		if (s->alt || sized)
			return NULL;
		break;
	case 'd':
	case 'u':
		if (s->alt || s->star_width || s->star_prec || (s->size && s->conv == 'd'))
			return NULL;
		break;
	case 'x':
	case 'X':
		if (s->star_width || s->star_prec)
			return NULL;
		break;
	default:
		return NULL;
	}
	return p + 1;
}

/* The text being written: up to cap - 1 bytes go to buf, and len counts
 * every byte, as vsnprintf's result does. */
struct writer {
	char *buf;
	size_t cap;
	size_t len;
};

static void put(struct writer *w, const char *s, size_t n)
{
	if (w->len < w->cap) {
		size_t room = w->cap - w->len;
		memcpy(w->buf + w->len, s, n < room ? n : room);
	}
	w->len += n;
}

/* Write s up to its end or the first `stop`, and return where it stopped.
 * The pieces of a line are short: copying while scanning, with no library
 * call, beats strchr or strlen and then memcpy. */
static const char *put_until(struct writer *w, const char *s, char stop)
{
	size_t len = w->len;
	for (char c; (c = *s) != '\0' && c != stop; s++) {
		if (len < w->cap)
			w->buf[len] = c;
		len++;
	}
	w->len = len;
	return s;
}

static void pad(struct writer *w, size_t n)
{
	static const char spaces[] = "                                ";
	while (n) {
		size_t k = n < sizeof(spaces) - 1 ? n : sizeof(spaces) - 1;
		put(w, spaces, k);
		n -= k;
	}
}

/* A number in base 10 or 16; `upper` for hex digits (and prefix) in
 * upper case, as %X writes them. */
static void put_number(struct writer *w, unsigned long long v, bool neg, unsigned base, bool alt,
		       bool upper)
{
	const char *set = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char digits[FORMAT_MAX_DIGITS + 3];
	char *p = digits + sizeof(digits);
	/* Each base its own loop: a constant divisor is a multiply and a
	 * shift, a variable one a division instruction. */
	if (base == 16) {
		do {
			*--p = set[v & 15];
			v >>= 4;
		} while (v);
	} else {
		do {
			*--p = set[v % 10];
			v /= 10;
		} while (v);
	}
	if (alt) {
		*--p = upper ? 'X' : 'x';
		*--p = '0';
	}
	if (neg)
		*--p = '-';
	put(w, p, (size_t)(digits + sizeof(digits) - p));
}

static void put_string(struct writer *w, const char *s, int width, int prec)
{
	/* What glibc prints for a null pointer. */
	if (!s)
		s = prec < 0 || prec >= 6 ? "(null)" : "";
	size_t n = prec < 0 ? strlen(s) : strnlen(s, (size_t)prec);
	/* A negative width pads on the right. */
	size_t field = width < 0 ? 0u - (size_t)width : (size_t)width;
	if (width > 0 && field > n)
		pad(w, field - n);
	put(w, s, n);
	if (width < 0 && field > n)
		pad(w, field - n);
}

int xi_vsnprintf(char *buf, size_t cap, const char *fmt, va_list ap)
{
	/* A conversion not formatted here sends the whole format to
	 * vsnprintf, with the arguments from the start. */
	va_list from_start;
	va_copy(from_start, ap);
	struct writer w = { buf, cap, 0 };
	const char *p = fmt;
	for (;;) {
		const char *pct = put_until(&w, p, '%');
		if (!*pct)
			break;
		/* The conversions of most lines, bare: no spec to parse. */
		if (pct[1] == 's') {
			const char *arg = va_arg(ap, const char *);
			if (arg)
				put_until(&w, arg, '\0');
			else
				put_string(&w, arg, 0, -1);
			p = pct + 2;
			continue;
		}
		if (pct[1] == 'u') {
			put_number(&w, va_arg(ap, unsigned), false, 10, false, false);
			p = pct + 2;
			continue;
		}
		struct spec s;
		p = parse_spec(pct + 1, &s);
		if (!p) {
			int n = vsnprintf(buf, cap, fmt, from_start);
			va_end(from_start);
			return n;
		}
		int width = s.star_width ? va_arg(ap, int) : 0;
		int prec = s.star_prec ? va_arg(ap, int) : -1;
		switch (s.conv) {
		case '%':
			put(&w, "%", 1);
			break;
		case 'c': {
			char c = (char)va_arg(ap, int);
			put(&w, &c, 1);
			break;
		}
		case 's':
			put_string(&w, va_arg(ap, const char *), width, prec);
			break;
		case 'd': {
			long long v = s.longs == 2 ? va_arg(ap, long long)
				    : s.longs == 1 ? va_arg(ap, long) : va_arg(ap, int);
			unsigned long long mag = v < 0 ? 0ull - (unsigned long long)v
					       : (unsigned long long)v;
			put_number(&w, mag, v < 0, 10, false, false);
			break;
		}
		default: {
			unsigned long long v = s.size ? va_arg(ap, size_t)
					     : s.longs == 2 ? va_arg(ap, unsigned long long)
					     : s.longs == 1 ? va_arg(ap, unsigned long)
					     : va_arg(ap, unsigned);
			bool hex = s.conv == 'x' || s.conv == 'X';
			put_number(&w, v, false, hex ? 16 : 10, hex && s.alt && v, s.conv == 'X');
			break;
		}
		}
	}
	va_end(from_start);
	if (cap)
		buf[w.len < cap ? w.len : cap - 1] = '\0';
	/* Too long for the int result: vsnprintf fails then too. (The
	 * compiler's macro: "limits.h" is xenidl's own in this directory.) */
	return w.len > (size_t)__INT_MAX__ ? -1 : (int)w.len;
}
