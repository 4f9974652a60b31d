#include "xbg_case.h"

#include <stdbool.h>
#include <string.h>

#include "strbuf.h"

static bool is_upper(char c)
{
	return c >= 'A' && c <= 'Z';
}

static bool is_lower(char c)
{
	return c >= 'a' && c <= 'z';
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool is_delimiter(char c, enum xi_split split)
{
	switch (split) {
	case XI_SPLIT_DEFAULT: return c == '_' || c == '-' || c == ' ';
	case XI_SPLIT_SNAKE: return c == '_';
	case XI_SPLIT_KEBAB: return c == '-';
	}
	return false;
}

/* Does a word start at s[i] (i > 0, not a delimiter) by the default
 * boundaries? */
static bool boundary(const char *s, size_t i, size_t n)
{
	char a = s[i - 1], b = s[i];
	if ((is_lower(a) && is_upper(b)) || (is_upper(a) && is_digit(b)) ||
	    (is_digit(a) && is_upper(b)) || (is_digit(a) && is_lower(b)) ||
	    (is_lower(a) && is_digit(b)))
		return true;
	/* Acronym: the last of a run of capitals begins the next word. */
	return i + 1 < n && is_upper(a) && is_upper(b) && is_lower(s[i + 1]);
}

static void add_word(struct xi_strbuf *sb, const char *w, size_t n, enum xi_case to)
{
	if (!n)
		return;
	if (sb->len && to != XI_CASE_PASCAL)
		xi_sb_addc(sb, '_');
	for (size_t i = 0; i < n; i++) {
		char c = w[i];
		bool up = to == XI_CASE_UPPER_SNAKE || (to == XI_CASE_PASCAL && i == 0);
		if (up && is_lower(c))
			c = (char)(c - 'a' + 'A');
		else if (!up && is_upper(c))
			c = (char)(c - 'A' + 'a');
		xi_sb_addc(sb, c);
	}
}

const char *xi_case_convert(struct xi_arena *a, const char *name, enum xi_split split,
			    enum xi_case to)
{
	struct xi_strbuf sb = XI_STRBUF_INIT;
	size_t n = strlen(name), start = 0;
	for (size_t i = 0; i < n; i++) {
		if (is_delimiter(name[i], split)) {
			add_word(&sb, name + start, i - start, to);
			start = i + 1;
		} else if (split == XI_SPLIT_DEFAULT && i > start && boundary(name, i, n)) {
			add_word(&sb, name + start, i - start, to);
			start = i;
		}
	}
	add_word(&sb, name + start, n - start, to);
	const char *r = xi_strdup(a, xi_sb_str(&sb));
	xi_sb_free(&sb);
	return r;
}
