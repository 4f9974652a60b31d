/* A growable byte buffer, used to build text (diagnostics, names, small
 * outputs). Large outputs stream through struct xi_out instead. */
#ifndef XENIDL_STRBUF_H
#define XENIDL_STRBUF_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

struct xi_strbuf {
	char *data;   /* always NUL-terminated once anything was added */
	size_t len;
	size_t cap;
};

#define XI_STRBUF_INIT { NULL, 0, 0 }

void xi_sb_free(struct xi_strbuf *sb);
void xi_sb_reset(struct xi_strbuf *sb);
void xi_sb_addn(struct xi_strbuf *sb, const char *s, size_t n);
void xi_sb_adds(struct xi_strbuf *sb, const char *s);
void xi_sb_addc(struct xi_strbuf *sb, char c);
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
