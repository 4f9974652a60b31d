#include "strbuf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"

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

static void sb_reserve(struct xi_strbuf *sb, size_t extra)
{
	if (sb->len + extra + 1 <= sb->cap)
		return;
	size_t cap = sb->cap ? sb->cap : 256;
	while (cap < sb->len + extra + 1)
		cap *= 2;
	sb->data = xi_xrealloc(sb->data, cap);
	sb->cap = cap;
}

void xi_sb_addn(struct xi_strbuf *sb, const char *s, size_t n)
{
	sb_reserve(sb, n);
	memcpy(sb->data + sb->len, s, n);
	sb->len += n;
	sb->data[sb->len] = '\0';
}

void xi_sb_adds(struct xi_strbuf *sb, const char *s)
{
	xi_sb_addn(sb, s, strlen(s));
}

void xi_sb_addc(struct xi_strbuf *sb, char c)
{
	xi_sb_addn(sb, &c, 1);
}

void xi_sb_vprintf(struct xi_strbuf *sb, const char *fmt, va_list ap)
{
	va_list ap2;
	va_copy(ap2, ap);
	char small[256];
	int n = vsnprintf(small, sizeof(small), fmt, ap2);
	va_end(ap2);
	if (n < 0)
		return;
	if ((size_t)n < sizeof(small)) {
		xi_sb_addn(sb, small, (size_t)n);
		return;
	}
	sb_reserve(sb, (size_t)n);
	vsnprintf(sb->data + sb->len, (size_t)n + 1, fmt, ap);
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
