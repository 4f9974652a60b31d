/* C comments from doc text (shared by the C-emitting backends). */
#ifndef XENIDL_CDOC_H
#define XENIDL_CDOC_H

#include "output.h"

/* Write `text` as a C comment indented by `indent` spaces: one line when
 * it is one line, else a block with " * " lines. "*" followed by "/" and
 * "/" followed by "*" inside the text are broken up with a backslash so
 * the comment cannot end early or nest. */
void xi_c_comment(struct xi_out *o, unsigned indent, const char *text);
/* The inside of a block comment: a " * line" row per line of `text`. */
void xi_c_comment_lines(struct xi_out *o, unsigned indent, const char *text);

#endif
