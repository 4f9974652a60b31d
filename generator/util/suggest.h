/* "Did you mean": what to suggest for a name that is not known, either
 * the xidl spelling of a C type name (uint32_t is u32) or a known name a
 * few edits away (a typo). */
#ifndef XENIDL_SUGGEST_H
#define XENIDL_SUGGEST_H

#include <stddef.h>

/* Most edits (insert, delete, replace, swap two neighbours) between a
 * name and the one suggested for it; fewer for short names (see
 * xi_suggest_limit). */
#define XI_SUGGEST_MAX_EDITS 3u

/* The xidl type that C's (or Linux's, or Rust's) type `name` is, as in
 * "unsigned int" or "__u32" for u32; NULL if none. Some are not
 * primitives but the types Xen's headers declare for them (xen_ulong_t
 * for "unsigned long"), which the caller checks are in scope. */
const char *xi_suggest_c_type(const char *name);

/* The most edits allowed between `name` and a suggestion: a third of
 * its length, at least 1, at most XI_SUGGEST_MAX_EDITS. */
unsigned xi_suggest_limit(const char *name);

/* The edit distance between a and b (optimal string alignment: a swap of
 * two neighbouring characters is one edit), or limit + 1 when it is more
 * than limit. */
unsigned xi_edit_distance(const char *a, const char *b, unsigned limit);

/* Pick the best of candidates offered one at a time: the fewest edits
 * within the limit; the first offered among equals. */
struct xi_suggestion {
	const char *name;       /* the unknown name */
	unsigned limit;
	const char *best;       /* NULL until a candidate is close enough */
	unsigned best_edits;
};

void xi_suggestion_init(struct xi_suggestion *s, const char *name);
void xi_suggestion_offer(struct xi_suggestion *s, const char *candidate);

#endif
