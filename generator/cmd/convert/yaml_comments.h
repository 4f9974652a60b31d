/* Comments and blank lines in the YAML that libyaml's emitter wrote.
 *
 * The emitter writes no comments, and says nothing of the lines it puts
 * events on. The YAML printer (convert_yaml.c) notes, by the index of an
 * event, what goes before its line or at its end; xi_yaml_place_notes()
 * reads the emitted text back with libyaml's parser, which gives each
 * event's line and column, and writes the text with the notes in place. */
#ifndef XENIDL_YAML_COMMENTS_H
#define XENIDL_YAML_COMMENTS_H

#include <stdbool.h>
#include <stddef.h>

#include "output.h"

enum xi_yaml_where {
	XI_YAML_BEFORE,           /* lines of their own, before the event's line */
	XI_YAML_EOL,              /* at the end of the event's line */
	XI_YAML_BRACKETS,         /* the event is an empty flow list, "[]": open it */
	XI_YAML_IN_BRACKETS,      /* after its '[' */
	XI_YAML_IN_BRACKETS_LINE, /* on a line of its own before its ']' */
};

/* The column of the '#' of a comment on a line of its own. */
enum xi_yaml_col_kind {
	XI_YAML_COL_LINE,         /* the indentation of the event's line */
	XI_YAML_COL_EVENT,        /* event a's column, plus b */
	/* After a list (event b: its first item) that is part of an item (event
	 * a: its first key): between the item's dash and its keys, which is
	 * the keys' column when the list is indented deeper, else one less. */
	XI_YAML_COL_CLOSE,
};

struct xi_yaml_col {
	enum xi_yaml_col_kind kind;
	unsigned a, b;
};

struct xi_yaml_note {
	unsigned event;
	enum xi_yaml_where where;
	struct xi_yaml_col col;
	const char *text;         /* the comment's text after '#' (lines joined
				   * by '\n'), or NULL for a blank line alone */
	bool blank;               /* a blank line before it */
};

struct xi_yaml_notes {
	struct xi_yaml_note *v;
	unsigned n, cap;
};

void xi_yaml_note(struct xi_yaml_notes *notes, unsigned event, enum xi_yaml_where where,
		  struct xi_yaml_col col, const char *text, bool blank);
void xi_yaml_notes_free(struct xi_yaml_notes *notes);

/* Write `text` (what the emitter wrote) to o with the notes in place; false
 * if the text does not read back (which would be a bug). */
bool xi_yaml_place_notes(const struct xi_yaml_notes *notes, const char *text, size_t len,
			 struct xi_out *o);

/* Is the text UTF-8 (the only encoding of the YAML convert writes)? */
bool xi_utf8_valid(const char *text);

/* Can a comment's text be a YAML comment? If not, `why` says why (it is
 * not UTF-8 text, or it holds a control character). */
bool xi_yaml_comment_ok(const char *text, char *why, size_t size);

#endif
