#include "xbg_case.h"

#include <stdbool.h>
#include <string.h>

#include "ascii.h"
#include "strbuf.h"

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
	if ((xi_is_lower(a) && xi_is_upper(b)) || (xi_is_upper(a) && xi_is_digit(b)) ||
	    (xi_is_digit(a) && xi_is_upper(b)) || (xi_is_digit(a) && xi_is_lower(b)) ||
	    (xi_is_lower(a) && xi_is_digit(b)))
		return true;
	/* Acronym: the last of a run of capitals begins the next word. */
	return i + 1 < n && xi_is_upper(a) && xi_is_upper(b) && xi_is_lower(s[i + 1]);
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
		xi_sb_addc(sb, up ? xi_to_upper(c) : xi_to_lower(c));
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
