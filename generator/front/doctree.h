/* The document tree: what the YAML and TOML readers build, and what the
 * schema mapper (spec_map.c) reads.
 *
 * A node is a mapping (keys in document order), a sequence or a scalar.
 * Every node and every key keeps its place in the source, so that a schema
 * error can point at it. Scalars carry their type as the reader decided it:
 * TOML says so in its syntax; for YAML, the reader resolves plain scalars
 * with the YAML 1.2 core schema (null, true/false, integers, else string). */
#ifndef XENIDL_DOCTREE_H
#define XENIDL_DOCTREE_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "source.h"
#include "spec_words.h"
#include "xint.h"

enum xi_dkind {
	XI_DNULL,
	XI_DBOOL,
	XI_DINT,
	XI_DSTR,
	XI_DMAP,
	XI_DSEQ,
};

struct xi_dnode;

/* A key as the tree keeps it (xi_dkey). */
struct xi_dkey {
	const char *text;         /* NUL-terminated; never holds a NUL */
	size_t len;
	enum xi_word word;        /* the key as a word of the schema, or XI_W_NONE */
};

struct xi_dentry {
	const char *key;          /* NUL-terminated; never holds a NUL */
	size_t keylen;
	struct xi_loc key_loc;
	enum xi_word word;        /* the key as a word of the schema, or XI_W_NONE */
	struct xi_dnode *value;
	struct xi_dentry *next;
};

struct xi_dnode {
	enum xi_dkind kind;
	unsigned flags;           /* reader bookkeeping (TOML's table rules) */
	struct xi_loc loc;        /* where the value starts */
	unsigned count;           /* entries of a mapping, items of a sequence */
	struct xi_dnode *next;    /* next item of the enclosing sequence */
	union {
		struct { /* scalars */
			/* XI_DSTR: the value; others: the source text. */
			const char *text;
			size_t len;
			struct xi_int ival;       /* XI_DINT */
			/* The scalar's text is its source bytes (a plain or
			 * simply quoted scalar on one line): text[i] is at
			 * column text_col + i. */
			uint32_t text_col;
			bool verbatim;
			bool hex;                 /* XI_DINT: written in hexadecimal */
			bool bval;                /* XI_DBOOL */
		};
		struct { /* collections */
			union {
				struct { /* XI_DMAP */
					struct xi_dentry *first, *last;
				};
				struct { /* XI_DSEQ */
					struct xi_dnode *head, *tail;
				};
			};
			struct xi_dentry **index; /* XI_DMAP: hash index, built once it grows */
			unsigned index_cap;
			/* Where a collection in brackets ends (its closing bracket);
			 * line 0 for the others (YAML's block style, TOML's
			 * tables). For convert, which places comments by it. */
			struct xi_loc end;
		};
	};
};

struct xi_dnode *xi_dnode_new(struct xi_arena *a, enum xi_dkind kind, struct xi_loc loc);
/* The key s[0..len) (no NUL in it), looked up among the words of the
 * schema once: a word is kept as its text in xi_words, any other key is
 * copied into the arena. */
struct xi_dkey xi_dkey(struct xi_arena *a, const char *s, size_t len);
/* The entry of `key` in a mapping, or NULL. */
struct xi_dentry *xi_dmap_find(const struct xi_dnode *map, const char *key, size_t len);
struct xi_dentry *xi_dmap_find_key(const struct xi_dnode *map, const struct xi_dkey *key);
/* The value of `key`, or NULL. */
struct xi_dnode *xi_dmap_get(const struct xi_dnode *map, const char *key);
/* Append an entry (the caller has checked that the key is new). */
struct xi_dentry *xi_dmap_add(struct xi_arena *a, struct xi_dnode *map, const struct xi_dkey *key,
			      struct xi_loc key_loc, struct xi_dnode *value);
void xi_dseq_add(struct xi_dnode *seq, struct xi_dnode *item);

/* "a string", "a table" (TOML) or "a mapping" (YAML), ... for messages. */
const char *xi_dkind_phrase(enum xi_dkind k, bool toml);

#endif
