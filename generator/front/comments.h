/* Comments for `xenidl convert`: kept beside the IR, never in it.
 *
 * A compilation has no use for plain comments, so readers drop them;
 * convert, which must write back everything the author wrote, asks the
 * readers to keep them (ctx->comments) and gets:
 *   - every comment of the source, with its place (struct xi_comment);
 *   - the source span of every item (import, declaration, member,
 *     variant, include) and container (the braces of a declaration or an
 *     inline aggregate, or the list that stands for them in YAML and TOML),
 *     keyed by the IR node (struct xi_cmt_node).
 * xi_comments_attach() then gives each comment a slot of a node, as
 * gofmt and clang-format do: the printers of every form write the slots
 * where that form puts them, so a comment stays where it was:
 *
 *   // lead (before the doc comment)          before_doc of the item
 *   /// doc
 *   // lead (after the doc comment)           after_doc
 *   struct s { // trailing                    trail (of the item), head_trail
 *       a: u32; // trailing                   trail of the member
 *       // before the closing brace           inner_end (of the container)
 *   } // after it                             close_trail
 *   // at the end of the file                 the module's eof
 *
 * Nothing here runs in an ordinary compilation: readers test one pointer. */
#ifndef XENIDL_COMMENTS_H
#define XENIDL_COMMENTS_H

#include <stdbool.h>
#include <stdint.h>

#include "ctx.h"
#include "doctree.h"
#include "map.h"
#include "spelling.h"

/* A place in the source: line and byte column, from 1. */
struct xi_pos {
	uint32_t line, col;
};

static inline int xi_pos_cmp(struct xi_pos a, struct xi_pos b)
{
	if (a.line != b.line)
		return a.line < b.line ? -1 : 1;
	return a.col < b.col ? -1 : a.col > b.col;
}

enum xi_comment_origin {
	XI_COMMENT_XIDL,   /* text is an xidl comment, markers included */
	XI_COMMENT_HASH,   /* text follows a YAML or TOML '#', one line of it per line */
};

enum xi_comment_doc {
	XI_DOC_NONE,       /* a plain comment */
	XI_DOC_ITEM,       /* xidl: three slashes, or a block opened by two stars: the
	                    * doc of the token that takes it */
	XI_DOC_FILE,       /* xidl: //! */
};

struct xi_comment {
	struct xi_pos start, end;  /* end: one past its last byte */
	const char *text;          /* trailing blanks of each line dropped */
	enum xi_comment_origin origin : 8;
	enum xi_comment_doc doc : 8;
	bool own_line;             /* only blanks before it on its line */
	bool blank_before;         /* the line before it is blank */
	bool printed;              /* a printer wrote it */
	bool has_nul;              /* it holds a NUL byte, which its text stops at */
	bool dropped;              /* printers leave it out (convert --lossy) */
	/* XI_DOC_ITEM: where the token that took it starts (line 0: none). */
	struct xi_pos taken_by;
	/* YAML: the end of the token before it, to tell the comments that
	 * follow a node from those after the next token. */
	struct xi_pos prev_tok;
};

/* A list of comments, in source order. */
struct xi_cmt_list {
	const struct xi_comment **v;
	unsigned n, cap;
};

/* What a node of the IR holds of the source, and its comments. */
struct xi_cmt_node {
	const void *key;           /* the IR node (the map's key is this field) */
	unsigned seq;              /* order of recording: what a node holds first */
	bool is_item, is_cont;
	bool has_doc;              /* the item has a doc comment in the IR */
	/* Item: its first byte and where it ends; container: its opening and
	 * closing brace (or what stands for them). */
	struct xi_pos start, end, open, close;
	/* YAML and TOML: the trees the positions are worked out from. */
	const struct xi_dnode *item_dnode;  /* the item */
	const struct xi_dnode *item_list;   /* the list the item is in */
	const struct xi_dnode *cont_list;   /* the container's list */
	struct xi_pos key_pos;              /* the key of the container's list */
	struct xi_cmt_node *owner;          /* the item a container is part of */
	bool holds;                         /* an item: containers are part of it */
	struct xi_pos held_close;           /* and the last of them closes here */
	struct xi_cmt_node *last_closed;    /* attachment: the last container closed */
	struct xi_pos doc_at;               /* xidl: where its doc comment starts */
	/* Blank lines before the item's first line (its lead comments or
	 * doc), and after the comments that follow its doc. */
	bool blank_before, blank_before_start;
	/* Slots */
	struct xi_cmt_list before_doc, after_doc, trail;
	struct xi_cmt_list head_trail, inner_end, close_trail;
};

struct xi_comments {
	struct xi_ctx *ctx;
	struct xi_source *src;
	enum xi_spec_format form;
	struct xi_comment *v;      /* in source order once attached */
	unsigned n, cap;
	struct xi_cmt_node **nodes; /* in order of recording */
	unsigned nnodes, cap_nodes;
	struct xi_map by_key;
	/* The module's doc: its first //! line, or the `description` key;
	 * and whether a blank line is before it. */
	struct xi_pos doc_pos;
	bool blank_before_doc;
	/* Module slots: before its doc comment, and after the last item. */
	struct xi_cmt_list head, eof;
	/* Honour the source's blank lines (xidl and YAML; TOML's separate
	 * tables, which mean nothing in other forms). */
	bool blank_lines;
};

struct xi_comments *xi_comments_new(struct xi_ctx *ctx, struct xi_source *src,
				    enum xi_spec_format form);
void xi_comments_free(struct xi_comments *cm);

/* --- Readers ------------------------------------------------------------ */

/* A comment whose text is src[start, end) (an xidl comment) or the rest
 * of its line after '#' (YAML and TOML). Comments on one line, nothing
 * but blanks between them, become one. */
struct xi_comment *xi_comments_add(struct xi_comments *cm, struct xi_pos start, struct xi_pos end,
				   enum xi_comment_doc doc);
/* xidl: a token starting at `at` takes the doc comments not yet taken. */
void xi_comments_doc_taken(struct xi_comments *cm, struct xi_pos at);

/* The record of a node, or NULL. */
const struct xi_cmt_node *xi_comments_find(const struct xi_comments *cm, const void *key);

/* xidl: an item spanning [start, end), and a container's braces. */
void xi_comments_item(struct xi_comments *cm, const void *key, struct xi_pos start,
		      struct xi_pos end, bool has_doc);
void xi_comments_cont(struct xi_comments *cm, const void *key, struct xi_pos open,
		      struct xi_pos close);
/* YAML and TOML: an item (in `list`), and a container whose list is the
 * value of the key at key_pos. Positions are worked out once the
 * comments are known (xi_comments_attach). */
void xi_comments_item_node(struct xi_comments *cm, const void *key, const struct xi_dnode *item,
			   const struct xi_dnode *list);
void xi_comments_cont_node(struct xi_comments *cm, const void *key, const struct xi_dnode *list,
			   struct xi_loc key_loc);

/* --- Attachment and printing ---------------------------------------------- */

/* Another IR node stands for a recorded one (the first import lowered
 * from a xenbindgen include): it has the same slots. */
void xi_comments_alias(struct xi_comments *cm, const void *key, const void *same_as);

/* A container (an inline aggregate) is part of an item (its member). */
void xi_comments_owner(struct xi_comments *cm, const void *cont_key, const void *item_key);

/* Give every comment a slot (see the top of this file). */
void xi_comments_attach(struct xi_comments *cm);

/* The xidl text of a comment. `may_be_doc`: where a doc comment would
 * document nothing (before a closing brace, at the end of the file);
 * elsewhere a comment that would read as a doc comment gets a blank after
 * its first marker ("// / text"), so that it stays a plain comment. */
const char *xi_comment_xidl(struct xi_arena *a, const struct xi_comment *c, bool may_be_doc);
/* The text after '#' of each line of a comment in YAML (lines joined by
 * '\n'): a // comment loses its "//", a block comment is kept whole. */
const char *xi_comment_hash(struct xi_arena *a, const struct xi_comment *c);

/* Does the text lex as xidl comments (block comments, and line comments
 * each to the end of its line)? */
bool xi_text_is_comments(const char *s);

/* Where the doc comment of a node is (NULL node: the module's): its first
 * line in xidl, its `description` in YAML and TOML; else `fallback`. */
struct xi_loc xi_comments_doc_loc(const struct xi_comments *cm, const void *node,
				  struct xi_loc fallback);

/* The first comment no printer wrote, or NULL. */
const struct xi_comment *xi_comments_unprinted(const struct xi_comments *cm);

/* --- Integer literals ------------------------------------------------------ */

/* The source text of an integer literal, as the author wrote it (0x00ff,
 * 1_000, 0b101), when its location holds it; else NULL. */
const char *xi_int_spelling(struct xi_ctx *ctx, const struct xi_expr *e, size_t *len);

#endif
