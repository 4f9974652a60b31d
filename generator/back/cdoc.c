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

/* A line inside a block comment: escaped, and apart from the closer when
 * it ends in '*' or '/'. */
static void put_comment_line(struct xi_out *o, const char *line, size_t n)
{
	put_escaped(o, line, n);
	if (line[n - 1] == '*' || line[n - 1] == '/')
		xi_out_putc(o, ' ');
}

void xi_c_comment_lines(struct xi_out *o, unsigned indent, const char *text)
{
	static const struct xi_line_style block = { " *", false, put_comment_line };
	xi_out_prefixed_lines(o, indent, &block, text);
}
