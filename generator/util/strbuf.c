#include "strbuf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "format.h"

/* Free space made before formatting into a buffer: most formatted pieces
 * (a line of output, a name) fit in it. */
#define SB_PRINTF_ROOM 128u
/* First allocation of a buffer. Most buffers hold a line or a function's
 * text and are dropped soon; starting at 1 KiB spares them most of the
 * doublings (each a copy) that 256 bytes cost, without taking the larger
 * blocks that malloc hands out more slowly. (Measured on the corpus: 256,
 * 512, 1024, 2048 and 4096 bytes; 1024 runs the fewest instructions.) */
#define SB_FIRST_CAP 1024u

void xi_sb_free(struct xi_strbuf *sb)
{
	free(sb->data);
	sb->data = NULL;
	sb->len = sb->cap = 0;
}

void xi_sb_reset(struct xi_strbuf *sb)
{
	sb->len = 0;
	if (sb->data)
		sb->data[0] = '\0';
}

void xi_sb_grow(struct xi_strbuf *sb, size_t extra)
{
	if (sb->len + extra + 1 <= sb->cap)
		return;
	size_t cap = sb->cap ? sb->cap : SB_FIRST_CAP;
	while (cap < sb->len + extra + 1)
		cap *= 2;
	sb->data = xi_xrealloc(sb->data, cap);
	sb->cap = cap;
}

void xi_sb_indent(struct xi_strbuf *sb, unsigned n)
{
	xi_sb_grow(sb, n);
	memset(sb->data + sb->len, ' ', n);
	sb->len += n;
	sb->data[sb->len] = '\0';
}

void xi_sb_add_u32(struct xi_strbuf *sb, uint32_t v)
{
	/* The digits written from the end: no reversal. */
	char buf[XI_U32_DIGITS];
	char *p = buf + sizeof(buf);
	do {
		*--p = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	xi_sb_addn(sb, p, (size_t)(buf + sizeof(buf) - p));
}

size_t xi_u32_format(uint32_t v, char *buf)
{
	char tmp[XI_U32_DIGITS];
	size_t n = 0;
	do {
		tmp[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	for (size_t i = 0; i < n; i++)
		buf[i] = tmp[n - 1 - i];
	return n;
}

void xi_sb_vprintf(struct xi_strbuf *sb, const char *fmt, va_list ap)
{
	/* Format straight into the free space; only text longer than that
	 * is formatted a second time, once the buffer has grown. */
	xi_sb_grow(sb, SB_PRINTF_ROOM);
	va_list ap2;
	va_copy(ap2, ap);
	size_t room = sb->cap - sb->len;
	int n = xi_vsnprintf(sb->data + sb->len, room, fmt, ap2);
	va_end(ap2);
	if (n < 0) {
		sb->data[sb->len] = '\0';
		return;
	}
	if ((size_t)n >= room) {
		xi_sb_grow(sb, (size_t)n);
		xi_vsnprintf(sb->data + sb->len, (size_t)n + 1, fmt, ap);
	}
	sb->len += (size_t)n;
}

void xi_sb_printf(struct xi_strbuf *sb, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	xi_sb_vprintf(sb, fmt, ap);
	va_end(ap);
}

const char *xi_sb_str(const struct xi_strbuf *sb)
{
	return sb->data ? sb->data : "";
}
