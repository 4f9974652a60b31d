#include "cdoc.h"

#include <stdbool.h>
#include <string.h>

static void put_escaped(struct xi_out *o, const char *s, size_t n)
{
	/* Nearly every text needs no escape: write it whole. */
	bool plain = true;
	for (const char *p = memchr(s, '/', n); p; p = memchr(p + 1, '/', n - (size_t)(p + 1 - s)))
		if ((p > s && p[-1] == '*') || (p + 1 < s + n && p[1] == '*'))
			plain = false;
	if (plain) {
		xi_out_write(o, s, n);
		return;
	}
	for (size_t i = 0; i < n; i++) {
		xi_out_putc(o, s[i]);
		if (i + 1 < n && ((s[i] == '*' && s[i + 1] == '/') || (s[i] == '/' && s[i + 1] == '*')))
			xi_out_putc(o, '\\');
	}
}

void xi_c_comment(struct xi_out *o, unsigned indent, const char *text)
{
	if (!text)
		return;
	size_t len = strlen(text);
	if (!memchr(text, '\n', len)) {
		xi_out_indent(o, indent);
		xi_out_puts(o, "/* ");
		put_escaped(o, text, len);
		/* A text ending in '*' or '/' would fuse with the closer. */
		xi_out_puts(o, len && (text[len - 1] == '*' || text[len - 1] == '/') ? "  */\n" : " */\n");
		return;
	}
	xi_out_indent(o, indent);
	xi_out_puts(o, "/*\n");
	xi_c_comment_lines(o, indent, text);
	xi_out_indent(o, indent);
	xi_out_puts(o, " */\n");
}

void xi_c_comment_lines(struct xi_out *o, unsigned indent, const char *text)
{
	const char *p = text;
	for (;;) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		xi_out_indent(o, indent);
		if (n) {
			xi_out_puts(o, " * ");
			put_escaped(o, p, n);
			if (p[n - 1] == '*' || p[n - 1] == '/')
				xi_out_putc(o, ' ');
			xi_out_putc(o, '\n');
		} else {
			xi_out_puts(o, " *\n");
		}
		if (!nl)
			break;
		p = nl + 1;
	}
}
