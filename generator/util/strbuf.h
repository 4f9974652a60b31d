/* A growable byte buffer, used to build text (diagnostics, names, small
 * outputs). Large outputs stream through struct xi_out instead. */
#ifndef XENIDL_STRBUF_H
#define XENIDL_STRBUF_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

struct xi_strbuf {
	char *data;   /* always NUL-terminated once anything was added */
	size_t len;
	size_t cap;
};

#define XI_STRBUF_INIT { NULL, 0, 0 }

void xi_sb_free(struct xi_strbuf *sb);
void xi_sb_reset(struct xi_strbuf *sb);
/* Make room for `extra` more bytes and the NUL. */
void xi_sb_grow(struct xi_strbuf *sb, size_t extra);

/* The appends are inline, with the growing out of line: text generation
 * calls them hundreds of thousands of times a run, for a few bytes each,
 * and a call's own cost was a good part of theirs. */
static inline void xi_sb_addn(struct xi_strbuf *sb, const char *s, size_t n)
{
	if (sb->len + n + 1 > sb->cap)
		xi_sb_grow(sb, n);
	memcpy(sb->data + sb->len, s, n);
	sb->len += n;
	sb->data[sb->len] = '\0';
}

static inline void xi_sb_adds(struct xi_strbuf *sb, const char *s)
{
	xi_sb_addn(sb, s, strlen(s));
}

static inline void xi_sb_addc(struct xi_strbuf *sb, char c)
{
	if (sb->len + 2 > sb->cap)
		xi_sb_grow(sb, 1);
	sb->data[sb->len++] = c;
	sb->data[sb->len] = '\0';
}

/* `n` spaces. */
void xi_sb_indent(struct xi_strbuf *sb, unsigned n);
/* A number in decimal, without printf (for hot lines of big outputs). */
void xi_sb_add_u32(struct xi_strbuf *sb, uint32_t v);
void xi_sb_printf(struct xi_strbuf *sb, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void xi_sb_vprintf(struct xi_strbuf *sb, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));
/* Write a number in decimal into buf (not NUL-terminated); returns the
 * number of digits, at most XI_U32_DIGITS. */
#define XI_U32_DIGITS 10u
size_t xi_u32_format(uint32_t v, char *buf);
/* The buffer's text; "" when empty. */
const char *xi_sb_str(const struct xi_strbuf *sb);

#endif
