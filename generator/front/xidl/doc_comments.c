/* xidl doc comments, as the lexer meets them: each line's text after its
 * marker, gathered until the token that takes them (see parse.h). */
#include "parse.h"

#include <string.h>

#include "comments.h"

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

/* Append one line of doc text, trimming the single space after the
 * comment marker and any trailing blanks. */
static void doc_append_line(struct xi_strbuf *sb, bool *have, const char *text, size_t len)
{
	if (len && text[0] == ' ')
		text++, len--;
	while (len && is_space(text[len - 1]))
		len--;
	if (*have)
		xi_sb_addc(sb, '\n');
	xi_sb_addn(sb, text, len);
	*have = true;
}

void xi_parser_add_doc_line(struct xi_parser *p, const char *text, size_t len)
{
	doc_append_line(&p->doc, &p->have_doc, text, len);
}

void xi_parser_add_file_doc(struct xi_parser *p, const char *text, size_t len)
{
	doc_append_line(&p->filedoc, &p->have_filedoc, text, len);
}

/* A block doc comment: drop the leading '*' column and the blank first and
 * last lines, as rustdoc and Doxygen do. */
void xi_parser_add_doc_block(struct xi_parser *p, const char *text, size_t len)
{
	const char *end = text + len;
	const char *line = text;
	bool first = true;
	while (line <= end) {
		const char *nl = memchr(line, '\n', (size_t)(end - line));
		const char *stop = nl ? nl : end;
		const char *s = line;
		if (!first) {
			while (s < stop && is_space(*s))
				s++;
			if (s < stop && *s == '*')
				s++;
		}
		size_t n = (size_t)(stop - s);
		bool blank = true;
		for (size_t i = 0; i < n; i++)
			if (!is_space(s[i]))
				blank = false;
		bool last = nl == NULL;
		if (!((first || last) && blank))
			doc_append_line(&p->doc, &p->have_doc, s, n);
		first = false;
		if (!nl)
			break;
		line = nl + 1;
	}
}

const char *xi_parser_take_doc(struct xi_parser *p, const struct xi_loc *at)
{
	if (!p->have_doc)
		return NULL;
	if (p->cm)
		xi_comments_doc_taken(p->cm, (struct xi_pos){ at->line, at->col });
	/* Interned: interfaces repeat doc lines ("Reserved, must be zero.")
	 * often enough for this to pay. */
	const char *doc = xi_intern(p->ctx, xi_sb_str(&p->doc), p->doc.len);
	xi_sb_reset(&p->doc);
	p->have_doc = false;
	return doc;
}
