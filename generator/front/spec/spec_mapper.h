/* The schema mapper's shared parts (spec_map.c, spec_schema.c,
 * spec_type.c): the mapper's state and the vocabulary every object of the
 * schema is read with. */
#ifndef XENIDL_SPEC_MAPPER_H
#define XENIDL_SPEC_MAPPER_H

#include "spec_map.h"

struct spec_item {
	struct xi_decl *decl;
	struct xi_loc pos;     /* of the item in the document: its order */
};

struct mapper {
	struct xi_ctx *ctx;
	struct xi_diag *diag;
	struct xi_module *module;
	bool toml;
	bool xbg;              /* the xenbindgen dialect */
	struct spec_item *items;
	unsigned nitems, cap;
};

/* --- Keys (spec_schema.c) --- */

/* Keys are compared as words of the schema (spec_words.h); a list of
 * words ends with XI_W_NONE. */
bool xi_sm_word_in(enum xi_word w, const enum xi_word *words);
/* "a, b, c" (and extra, unless XI_W_NONE) */
const char *xi_sm_key_list(struct mapper *mp, const enum xi_word *keys, enum xi_word extra);
/* Warn about every key of obj that is not in keys (or extra). */
void xi_sm_check_keys(struct mapper *mp, const struct xi_dnode *obj, const char *what,
		   const enum xi_word *keys, enum xi_word extra);
/* "a string", "a table" or "a mapping", ... */
const char *xi_sm_phrase(const struct mapper *mp, enum xi_dkind k);
/* The entry of `key` in obj, or NULL. */
static inline const struct xi_dentry *xi_sm_entry(const struct xi_dnode *obj, enum xi_word key)
{
	for (const struct xi_dentry *e = obj->first; e; e = e->next)
		if (e->word == key)
			return e;
	return NULL;
}
/* The value of a required key; NULL after an error that says what was
 * expected. */
const struct xi_dnode *xi_sm_need(struct mapper *mp, const struct xi_dnode *obj, enum xi_word key,
			       const char *what, const char *expect);
/* Is n of that kind? Else an error on `key`. */
bool xi_sm_is_kind(struct mapper *mp, const struct xi_dnode *n, const char *key, enum xi_dkind kind,
		const char *expect);
/* Is n a mapping (an object of the schema)? */
bool xi_sm_is_object(struct mapper *mp, const struct xi_dnode *n, const char *what);

/* --- Names, text and values (spec_schema.c) --- */

enum name_role {
	NAME_DECL,    /* a type or constant: an identifier, not an xidl keyword */
	NAME_MEMBER,  /* member, variant, bit: may be one of xidl's soft keywords */
	NAME_REF,     /* a name used: an identifier */
};

bool xi_sm_is_identifier(const char *s, size_t len);
/* Letters, digits and '_' (an output name, which may start with a digit). */
bool xi_sm_is_word(const char *s, size_t len);
/* A name, interned; NULL after an error. */
const char *xi_sm_name_of(struct mapper *mp, const struct xi_dnode *n, const char *key,
		       enum name_role role);
/* The `description` of an object (required in the xenbindgen dialect). */
bool xi_sm_description(struct mapper *mp, const struct xi_dnode *obj, const char *what,
		    const char **doc);
/* An integer node as an expression (-5 is a negation, as xidl parses it). */
struct xi_expr *xi_sm_int_expr(struct mapper *mp, const struct xi_dnode *n);
/* A value: an integer, or an expression string (xenidl dialect). */
struct xi_expr *xi_sm_value_expr(struct mapper *mp, const struct xi_dnode *n, const char *key);
/* The attribute keys of an object, as the parser's attributes. */
bool xi_sm_attributes(struct mapper *mp, const struct xi_dnode *obj, struct xi_attr **out);

/* --- Types and fields (spec_type.c) --- */

struct xi_type *xi_sm_map_type(struct mapper *mp, const struct xi_dnode *n, const char *key);
/* The node of `typ` or `type`; NULL after an error. */
const struct xi_dnode *xi_sm_type_node(struct mapper *mp, const struct xi_dnode *obj,
				    const char *what);
/* The fields of a struct or union, or the arms of a tagged union; NULL
 * with *count set when one failed. */
struct xi_member *xi_sm_map_fields(struct mapper *mp, const struct xi_dnode *seq, bool tagged,
				unsigned *count);
struct xi_agg *xi_sm_new_agg(struct mapper *mp, bool is_union, struct xi_loc loc,
			  struct xi_member *members, unsigned count);

#endif
