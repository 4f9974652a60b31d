/* Name conversion as xenbindgen does it (the rules of the convert_case
 * crate, 0.6): split a name into words, then join them in a case.
 *
 * Splitting by default happens at '_', '-' and ' ' (which are dropped),
 * between a lower-case letter and an upper-case one, between a letter and
 * a digit either way, and before the last capital of an acronym
 * ("HTTPRequest" is HTTP + Request). Splitting "from snake case" happens at
 * '_' only, "from kebab case" at '-' only. Empty words are dropped. So
 * `altp2m_mode` is altp 2 m mode by default but altp2m mode from snake
 * case, and xenbindgen uses both. Only ASCII letters change case. */
#ifndef XENIDL_XBG_CASE_H
#define XENIDL_XBG_CASE_H

#include "arena.h"

enum xi_split {
	XI_SPLIT_DEFAULT,
	XI_SPLIT_SNAKE,
	XI_SPLIT_KEBAB,
};

enum xi_case {
	XI_CASE_SNAKE,        /* words in lower case, joined by '_' */
	XI_CASE_UPPER_SNAKE,  /* in upper case, joined by '_' */
	XI_CASE_PASCAL,       /* each capitalised (the rest lower case), joined */
};

const char *xi_case_convert(struct xi_arena *a, const char *name, enum xi_split split,
			    enum xi_case to);

#endif
