#include "format.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

/* The digits of the largest 32-bit number in decimal, and a sign. */
#define FORMAT_MAX_DIGITS 11

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

/* Write the literal text from s up to its end or the first '%', and
 * return where it stopped. The pieces between conversions are short:
 * copying while scanning beats strchr and memcpy on them (with those,
 * bench/corpus.sh takes 6% more CPU time, for 4% more instructions). */
static const char *put_literal(struct writer *w, const char *s)
{
	size_t len = w->len;
	for (char c; (c = *s) != '\0' && c != '%'; s++) {
		if (len < w->cap)
			w->buf[len] = c;
		len++;
	}
	w->len = len;
	return s;
}

static void put_decimal(struct writer *w, unsigned v, bool neg)
{
	char digits[FORMAT_MAX_DIGITS];
	char *p = digits + sizeof(digits);
	do {
		*--p = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	if (neg)
		*--p = '-';
	put(w, p, (size_t)(digits + sizeof(digits) - p));
}

int xi_vsnprintf(char *buf, size_t cap, const char *fmt, va_list ap)
{
	/* A conversion not formatted here sends the whole format to
	 * vsnprintf, with the arguments from the start. */
	va_list from_start;
	va_copy(from_start, ap);
	struct writer w = { buf, cap, 0 };
	for (const char *p = fmt;;) {
		const char *pct = put_literal(&w, p);
		if (!*pct)
			break;
		p = pct + 2;
		switch (pct[1]) {
		case 's': {
			/* An argument is often a whole name or a piece of a
			 * line: strlen and memcpy beat a byte loop there. */
			const char *s = va_arg(ap, const char *);
			s = s ? s : "(null)";
			put(&w, s, strlen(s));
			continue;
		}
		case 'u':
			put_decimal(&w, va_arg(ap, unsigned), false);
			continue;
		case 'd': {
			int v = va_arg(ap, int);
			put_decimal(&w, v < 0 ? 0u - (unsigned)v : (unsigned)v, v < 0);
			continue;
		}
		case 'c': {
			char c = (char)va_arg(ap, int);
			put(&w, &c, 1);
			continue;
		}
		case '%':
			put(&w, "%", 1);
			continue;
		}
		int n = vsnprintf(buf, cap, fmt, from_start);
		va_end(from_start);
		return n;
	}
	va_end(from_start);
	if (cap)
		buf[w.len < cap ? w.len : cap - 1] = '\0';
	/* Too long for the int result: vsnprintf fails then too. (The
	 * compiler's macro: "limits.h" is xenidl's own in this directory.) */
	return w.len > (size_t)__INT_MAX__ ? -1 : (int)w.len;
}
