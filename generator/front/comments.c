/* The comment side-table of convert, and the attachment of each comment
 * to a slot of a node (see comments.h).
 *
 * Attachment walks the comments and the nodes' boundaries (events: an
 * item starts or ends, a container opens or closes) together, in source
 * order. A comment that shares its line with the token before it trails
 * the line that token is on; any other waits for the next boundary:
 *   - an item starts: the comment leads it (before or after its doc);
 *   - a container closes: it is the container's last word;
 *   - a container opens or an item ends, with no container closed since
 *     the item started: it is inside the item's first line (which every
 *     form writes on one line): it goes just before that line;
 *   - an item ends or another container opens after a container closed:
 *     it follows the closing brace;
 *   - the file ends: it ends the file.
 * YAML has no closing braces: a comment after a list's last item is the
 * list's last word when it is indented at least as deep as the list's
 * items, and follows the container when it is indented less, but more
 * than the dash of the item holding the container (see extend_yaml). */
#include "comments.h"

#include <stdlib.h>
#include <string.h>

/* Growable arrays start at this many elements. */
#define CMT_FIRST_CAP 16u

struct xi_comments *xi_comments_new(struct xi_ctx *ctx, struct xi_source *src,
				    enum xi_spec_format form)
{
	struct xi_comments *cm = XI_NEW(&ctx->arena, struct xi_comments);
	cm->ctx = ctx;
	cm->src = src;
	cm->form = form;
	cm->blank_lines = form != XI_FORMAT_TOML;
	xi_map_init(&cm->by_key);
	return cm;
}

static void list_free(struct xi_cmt_list *l)
{
	free(l->v);
	memset(l, 0, sizeof(*l));
}

void xi_comments_free(struct xi_comments *cm)
{
	if (!cm)
		return;
	for (unsigned i = 0; i < cm->nnodes; i++) {
		struct xi_cmt_node *n = cm->nodes[i];
		list_free(&n->before_doc);
		list_free(&n->after_doc);
		list_free(&n->trail);
		list_free(&n->head_trail);
		list_free(&n->inner_end);
		list_free(&n->close_trail);
	}
	list_free(&cm->head);
	list_free(&cm->eof);
	free(cm->v);
	free(cm->nodes);
	xi_map_free(&cm->by_key);
	cm->v = NULL;
	cm->nodes = NULL;
	cm->n = cm->nnodes = 0;
}

static void list_add(struct xi_cmt_list *l, const struct xi_comment *c)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : CMT_FIRST_CAP;
		l->v = xi_xrealloc(l->v, sizeof(*l->v) * l->cap);
	}
	l->v[l->n++] = c;
}

/* --- Readers ---------------------------------------------------------------- */

static const char *line_text(struct xi_comments *cm, uint32_t line, size_t *len)
{
	const char *s = xi_source_line(cm->src, line, len);
	if (!s)
		*len = 0;
	return s;
}

static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

static bool blank_span(const char *s, size_t from, size_t to)
{
	for (size_t i = from; i < to; i++)
		if (!is_blank(s[i]))
			return false;
	return true;
}

static bool line_is_blank(struct xi_comments *cm, uint32_t line)
{
	if (line == 0)
		return false;
	size_t len;
	const char *s = line_text(cm, line, &len);
	return s && blank_span(s, 0, len);
}

/* The text of [start, end) of the source, each line without its trailing
 * blanks; *nul tells whether it holds a NUL byte (where the text stops). */
static const char *source_text(struct xi_comments *cm, struct xi_pos start, struct xi_pos end,
			       bool *nul)
{
	*nul = false;
	struct xi_strbuf sb = XI_STRBUF_INIT;
	for (uint32_t line = start.line; line <= end.line; line++) {
		size_t len;
		const char *s = line_text(cm, line, &len);
		size_t from = line == start.line ? start.col - 1 : 0;
		size_t to = line == end.line && end.col - 1 < len ? end.col - 1 : len;
		if (from > to)
			from = to;
		while (to > from && is_blank(s[to - 1]))
			to--;
		if (line != start.line)
			xi_sb_addc(&sb, '\n');
		if (s)
			xi_sb_addn(&sb, s + from, to - from);
		if (s && memchr(s + from, '\0', to - from))
			*nul = true;
	}
	const char *text = xi_strndup(&cm->ctx->arena, xi_sb_str(&sb), sb.len);
	xi_sb_free(&sb);
	return text;
}

static struct xi_comment *new_comment(struct xi_comments *cm)
{
	if (cm->n == cm->cap) {
		cm->cap = cm->cap ? cm->cap * 2 : CMT_FIRST_CAP;
		cm->v = xi_xrealloc(cm->v, sizeof(*cm->v) * cm->cap);
	}
	struct xi_comment *c = &cm->v[cm->n++];
	memset(c, 0, sizeof(*c));
	return c;
}

struct xi_comment *xi_comments_add(struct xi_comments *cm, struct xi_pos start, struct xi_pos end,
				   enum xi_comment_doc doc)
{
	size_t len;
	const char *line = line_text(cm, start.line, &len);
	bool hash = cm->form != XI_FORMAT_XIDL;
	if (hash) {
		end.line = start.line;
		end.col = (uint32_t)len + 1;
	}
	/* Plain comments one after the other on a line are one comment. */
	struct xi_comment *prev = cm->n ? &cm->v[cm->n - 1] : NULL;
	if (prev && !hash && !doc && !prev->doc && prev->end.line == start.line && line &&
	    blank_span(line, prev->end.col - 1, start.col - 1)) {
		prev->end = end;
		prev->text = source_text(cm, prev->start, end, &prev->has_nul);
		return prev;
	}
	struct xi_comment *c = new_comment(cm);
	c->start = start;
	c->end = end;
	c->doc = doc;
	c->origin = hash ? XI_COMMENT_HASH : XI_COMMENT_XIDL;
	c->own_line = line && blank_span(line, 0, start.col - 1);
	struct xi_pos from = { start.line, start.col + (hash ? 1u : 0u) };
	c->text = source_text(cm, from, end, &c->has_nul);
	return c;
}

void xi_comments_doc_taken(struct xi_comments *cm, struct xi_pos at)
{
	for (unsigned i = cm->n; i-- > 0;) {
		struct xi_comment *c = &cm->v[i];
		if (c->doc != XI_DOC_ITEM)
			continue;
		if (c->taken_by.line)
			break;
		c->taken_by = at;
	}
}

/* The record of an IR node, made on first use. */
static struct xi_cmt_node *xi_comments_node(struct xi_comments *cm, const void *key)
{
	struct xi_cmt_node *n = xi_map_get(&cm->by_key, (const char *)&key, sizeof(key));
	if (n)
		return n;
	n = XI_NEW(&cm->ctx->arena, struct xi_cmt_node);
	n->key = key;
	n->seq = cm->nnodes;
	xi_map_put(&cm->by_key, (const char *)&n->key, sizeof(n->key), n);
	if (cm->nnodes == cm->cap_nodes) {
		cm->cap_nodes = cm->cap_nodes ? cm->cap_nodes * 2 : CMT_FIRST_CAP;
		cm->nodes = xi_xrealloc(cm->nodes, sizeof(*cm->nodes) * cm->cap_nodes);
	}
	cm->nodes[cm->nnodes++] = n;
	return n;
}

const struct xi_cmt_node *xi_comments_find(const struct xi_comments *cm, const void *key)
{
	return cm ? xi_map_get(&cm->by_key, (const char *)&key, sizeof(key)) : NULL;
}

/* A node is recorded when its rule or object is done, after what it holds:
 * the order of recording puts the inner of two boundaries at one place
 * first. */
static void renumber(struct xi_comments *cm, struct xi_cmt_node *n)
{
	if (n->seq == cm->nnodes - 1)
		return;
	unsigned at = n->seq;
	memmove(&cm->nodes[at], &cm->nodes[at + 1], sizeof(*cm->nodes) * (cm->nnodes - 1 - at));
	cm->nodes[cm->nnodes - 1] = n;
	for (unsigned i = at; i < cm->nnodes; i++)
		cm->nodes[i]->seq = i;
}

void xi_comments_item(struct xi_comments *cm, const void *key, struct xi_pos start,
		      struct xi_pos end, bool has_doc)
{
	struct xi_cmt_node *n = xi_comments_node(cm, key);
	n->is_item = true;
	n->start = start;
	n->end = end;
	n->has_doc = has_doc;
	renumber(cm, n);
}

void xi_comments_cont(struct xi_comments *cm, const void *key, struct xi_pos open,
		      struct xi_pos close)
{
	struct xi_cmt_node *n = xi_comments_node(cm, key);
	n->is_cont = true;
	n->open = open;
	n->close = close;
	renumber(cm, n);
}

void xi_comments_item_node(struct xi_comments *cm, const void *key, const struct xi_dnode *item,
			   const struct xi_dnode *list)
{
	struct xi_cmt_node *n = xi_comments_node(cm, key);
	n->is_item = true;
	n->item_dnode = item;
	n->item_list = list;
	if (!n->owner && n->is_cont)
		n->owner = n;
	renumber(cm, n);
}

void xi_comments_cont_node(struct xi_comments *cm, const void *key, const struct xi_dnode *list,
			   struct xi_loc key_loc)
{
	struct xi_cmt_node *n = xi_comments_node(cm, key);
	n->is_cont = true;
	n->key_pos = (struct xi_pos){ key_loc.line, key_loc.col };
	n->cont_list = list;
	if (!n->owner && n->is_item)
		n->owner = n;
	renumber(cm, n);
}

void xi_comments_alias(struct xi_comments *cm, const void *key, const void *same_as)
{
	struct xi_cmt_node *n = xi_map_get(&cm->by_key, (const char *)&same_as, sizeof(same_as));
	if (!n)
		return;
	const void **stored = XI_NEW(&cm->ctx->arena, const void *);
	*stored = key;
	xi_map_put(&cm->by_key, (const char *)stored, sizeof(*stored), n);
}

void xi_comments_owner(struct xi_comments *cm, const void *cont_key, const void *item_key)
{
	struct xi_cmt_node *c = xi_comments_node(cm, cont_key);
	c->owner = xi_comments_node(cm, item_key);
}

/* --- Positions in YAML and TOML ----------------------------------------------- */

static struct xi_pos pos_of(struct xi_loc l)
{
	return (struct xi_pos){ l.line, l.col };
}

static struct xi_pos pos_max(struct xi_pos a, struct xi_pos b)
{
	return xi_pos_cmp(a, b) >= 0 ? a : b;
}

/* Where the last token of a tree starts: a scalar, a key or a flow
 * collection's closing bracket. */
static struct xi_pos last_token(const struct xi_dnode *n)
{
	struct xi_pos p = pos_of(n->loc);
	switch (n->kind) {
	case XI_DMAP:
		if (n->end.line)
			p = pos_max(p, pos_of(n->end));
		for (const struct xi_dentry *e = n->first; e; e = e->next)
			p = pos_max(p, pos_max(pos_of(e->key_loc), last_token(e->value)));
		return p;
	case XI_DSEQ:
		if (n->end.line)
			p = pos_max(p, pos_of(n->end));
		for (const struct xi_dnode *i = n->head; i; i = i->next)
			p = pos_max(p, last_token(i));
		return p;
	default:
		return p;
	}
}

/* The first comment after `p`. */
static unsigned comment_after(const struct xi_comments *cm, struct xi_pos p)
{
	unsigned lo = 0, hi = cm->n;
	while (lo < hi) {
		unsigned mid = lo + (hi - lo) / 2;
		if (xi_pos_cmp(cm->v[mid].start, p) <= 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* YAML: from `from`, take the comments that follow the token at `tok`
 * with nothing between, each on its own line and indented at least
 * `min_col`; returns the position just after the last one taken. */
static struct xi_pos extend_yaml(const struct xi_comments *cm, struct xi_pos tok,
				 struct xi_pos from, uint32_t min_col)
{
	struct xi_pos at = from;
	for (unsigned i = comment_after(cm, from); i < cm->n; i++) {
		const struct xi_comment *c = &cm->v[i];
		if (!c->own_line || c->start.col < min_col || xi_pos_cmp(c->prev_tok, tok) > 0)
			break;
		at = (struct xi_pos){ c->start.line, c->start.col + 1 };
	}
	return at;
}

/* A TOML array of tables starts with the header of its first table,
 * before its key: its opening stands at the end of the last line of the
 * table that holds it. */
static struct xi_pos toml_tables_open(const struct xi_cmt_node *n)
{
	const struct xi_dnode *list = n->cont_list;
	const struct xi_dnode *parent = n->owner ? n->owner->item_dnode : NULL;
	struct xi_pos p = { 0, 0 };
	if (parent && parent->kind == XI_DMAP) {
		for (const struct xi_dentry *e = parent->first; e && e->value != list; e = e->next)
			p = pos_max(p, pos_max(pos_of(e->key_loc), last_token(e->value)));
	}
	if (!p.line)
		p = (struct xi_pos){ list->loc.line > 1 ? list->loc.line - 1 : 1, 0 };
	p.col = UINT32_MAX - 1;
	return p;
}

/* The positions of the nodes recorded from a YAML or TOML tree, inner
 * ones first (the order of recording). */
static void tree_positions(struct xi_comments *cm)
{
	bool yaml = cm->form == XI_FORMAT_YAML;
	/* The last item recorded in each list, by the list's address. */
	struct xi_map last_in;
	xi_map_init(&last_in);
	for (unsigned k = 0; k < cm->nnodes; k++) {
		struct xi_cmt_node *n = cm->nodes[k];
		if (n->is_cont && n->cont_list) {
			const struct xi_dnode *list = n->cont_list;
			n->open = n->key_pos;
			if (list->head && xi_pos_cmp(pos_of(list->head->loc), n->open) <= 0)
				n->open = toml_tables_open(n);
			if (list->end.line) {
				n->close = pos_of(list->end);
			} else {
				/* A list with no closing bracket ends with the line of
				 * its last token: a comment at the end of that line
				 * trails the last item. */
				struct xi_pos tok = last_token(list);
				struct xi_pos from = { tok.line, UINT32_MAX - 1 };
				const struct xi_cmt_node *last =
					xi_map_get(&last_in, (const char *)&list, sizeof(list));
				if (last)
					from = pos_max(from, last->end);
				n->close = yaml ? extend_yaml(cm, tok, from, list->loc.col) : from;
			}
			if (n->owner) {
				n->owner->held_close = n->owner->holds
							       ? pos_max(n->owner->held_close, n->close)
							       : n->close;
				n->owner->holds = true;
			}
		}
		if (n->is_item && n->item_dnode) {
			const struct xi_dnode *d = n->item_dnode;
			n->start = pos_of(d->loc);
			struct xi_pos tok = last_token(d);
			struct xi_pos from = n->holds ? pos_max(tok, n->held_close) : tok;
			const struct xi_dnode *list = n->item_list;
			n->end = yaml && n->holds && list && !list->end.line
					 ? extend_yaml(cm, tok, from, list->loc.col + 1) : from;
			if (list)
				xi_map_put(&last_in, (const char *)&n->item_list, sizeof(list), n);
		}
	}
	xi_map_free(&last_in);
}

/* --- Attachment -------------------------------------------------------------- */

enum ev_kind { EV_START, EV_OPEN, EV_CLOSE, EV_END };

struct event {
	struct xi_pos pos;
	enum ev_kind kind;
	struct xi_cmt_node *node;
};

static bool ev_closes(enum ev_kind k)
{
	return k == EV_CLOSE || k == EV_END;
}

/* Source order; at one place, a node's own boundaries in their order (a
 * YAML scalar item starts and ends at its one token), then what closes,
 * inner before outer, then what opens, outer before inner. */
static int ev_cmp(const void *pa, const void *pb)
{
	const struct event *a = pa, *b = pb;
	int c = xi_pos_cmp(a->pos, b->pos);
	if (c)
		return c;
	if (a->node == b->node)
		return a->kind < b->kind ? -1 : a->kind > b->kind;
	bool ea = ev_closes(a->kind), eb = ev_closes(b->kind);
	if (ea != eb)
		return ea ? -1 : 1;
	bool first = ea ? a->node->seq < b->node->seq : a->node->seq > b->node->seq;
	return first ? -1 : 1;
}

/* A comment waiting for the next boundary, and the boundary it would
 * trail if it turned out to document nothing (a doc comment at the end of
 * a line). */
struct waiting {
	const struct xi_comment *c;
	const struct event *trails;
};

struct attacher {
	struct xi_comments *cm;
	const struct event *prev;       /* the last boundary passed */
	struct xi_cmt_node **items;     /* items started and not ended */
	unsigned depth;
	struct waiting *pending;        /* comments waiting for the next boundary */
	unsigned npending, cap_pending;
	bool head_done;
};

/* A comment that shares its line with the token before it, at boundary
 * `ev`. */
static void trail(const struct event *ev, const struct xi_comment *c)
{
	struct xi_cmt_node *n = ev->node;
	switch (ev->kind) {
	case EV_START: list_add(&n->trail, c); return;
	case EV_OPEN: list_add(&n->head_trail, c); return;
	case EV_CLOSE: list_add(&n->close_trail, c); return;
	case EV_END:
		list_add(n->last_closed ? &n->last_closed->close_trail : &n->trail, c);
		return;
	}
}

/* The boundary a comment trails: the last one, when the comment follows a
 * token on its line (the last boundary started an item whose first line
 * goes on, or is on the comment's line); else NULL. */
static const struct event *trailed(const struct attacher *at, const struct xi_comment *c)
{
	if (c->own_line || !at->prev)
		return NULL;
	return at->prev->kind == EV_START || at->prev->pos.line == c->start.line ? at->prev : NULL;
}

static bool is_doc_of(const struct xi_comment *c, const struct xi_cmt_node *item)
{
	return c->doc == XI_DOC_ITEM && item->has_doc && c->taken_by.line == item->start.line &&
	       c->taken_by.col == item->start.col;
}

/* The comments waiting, at the boundary `ev` (NULL: the end of the file). */
static void resolve(struct attacher *at, const struct event *ev)
{
	struct xi_comments *cm = at->cm;
	struct xi_cmt_node *x = ev && ev->kind == EV_START ? ev->node : NULL;
	unsigned first_doc = at->npending;
	for (unsigned i = 0; x && i < at->npending && first_doc == at->npending; i++)
		if (is_doc_of(at->pending[i].c, x))
			first_doc = i;
	if (x && cm->blank_lines) {
		uint32_t first = first_doc < at->npending ? at->pending[first_doc].c->start.line
							  : x->start.line;
		x->blank_before = line_is_blank(cm, first - 1);
	}
	struct xi_cmt_list *to;
	if (x)
		to = &x->before_doc;
	else if (!ev)
		to = &cm->eof;
	else if (ev->kind == EV_CLOSE)
		to = &ev->node->inner_end;
	else if (at->prev && at->prev->kind == EV_CLOSE)
		to = &at->prev->node->close_trail;
	else if (ev->kind == EV_END)
		to = &ev->node->after_doc;
	else if (at->depth)
		to = &at->items[at->depth - 1]->after_doc;
	else
		to = &ev->node->inner_end; /* a container outside any item: none is */
	for (unsigned i = 0; i < at->npending; i++) {
		const struct xi_comment *c = at->pending[i].c;
		if (x && is_doc_of(c, x)) {
			((struct xi_comment *)c)->printed = true; /* the IR's doc */
			if (!x->doc_at.line)
				x->doc_at = c->start;
		}
		else if (at->pending[i].trails)
			trail(at->pending[i].trails, c); /* a doc comment of nothing */
		else
			list_add(x && i > first_doc ? &x->after_doc : to, c);
	}
	at->npending = 0;
}

static void wait_for_boundary(struct attacher *at, const struct xi_comment *c,
			      const struct event *trails)
{
	if (at->npending == at->cap_pending) {
		at->cap_pending = at->cap_pending ? at->cap_pending * 2 : CMT_FIRST_CAP;
		at->pending = xi_xrealloc(at->pending, sizeof(*at->pending) * at->cap_pending);
	}
	at->pending[at->npending++] = (struct waiting){ c, trails };
}

/* Comments before the module's doc come before it. */
static void flush_head(struct attacher *at, struct xi_pos next)
{
	struct xi_comments *cm = at->cm;
	if (at->head_done || xi_pos_cmp(next, cm->doc_pos) < 0)
		return;
	at->head_done = true;
	if (at->prev)
		return;
	unsigned k = 0;
	for (unsigned i = 0; i < at->npending; i++) {
		if (at->pending[i].c->doc == XI_DOC_ITEM)
			at->pending[k++] = at->pending[i]; /* the doc of the first item */
		else
			list_add(&cm->head, at->pending[i].c);
	}
	at->npending = k;
}

/* With no module doc before the first item, the comments at the top of
 * the file that a blank line ends (a licence, a file's heading) come
 * before everything too, in every form. */
static void head_by_blank_line(struct attacher *at, const struct event *first)
{
	struct xi_comments *cm = at->cm;
	if (!cm->blank_lines || cm->head.n ||
	    (cm->doc_pos.line && xi_pos_cmp(cm->doc_pos, first->pos) < 0))
		return;
	unsigned k = 0;
	for (unsigned i = 0; i < at->npending && at->pending[i].c->doc == XI_DOC_NONE; i++)
		if (line_is_blank(cm, at->pending[i].c->end.line + 1))
			k = i + 1;
	if (!k)
		return; /* (and pending may be NULL: nothing to move) */
	for (unsigned i = 0; i < k; i++)
		list_add(&cm->head, at->pending[i].c);
	memmove(at->pending, at->pending + k, sizeof(*at->pending) * (at->npending - k));
	at->npending -= k;
}

static void pass_event(struct attacher *at, const struct event *ev)
{
	flush_head(at, ev->pos);
	if (!at->prev)
		head_by_blank_line(at, ev);
	resolve(at, ev);
	switch (ev->kind) {
	case EV_START:
		at->items[at->depth++] = ev->node;
		ev->node->last_closed = NULL;
		break;
	case EV_END:
		if (at->depth && at->items[at->depth - 1] == ev->node)
			at->depth--;
		break;
	case EV_CLOSE:
		if (at->depth)
			at->items[at->depth - 1]->last_closed = ev->node;
		break;
	case EV_OPEN:
		break;
	}
	at->prev = ev;
}

static void pass_comment(struct attacher *at, struct xi_comment *c)
{
	flush_head(at, c->start);
	if (c->doc == XI_DOC_FILE) {
		c->printed = true; /* the IR's module doc */
		return;
	}
	const struct event *trails = trailed(at, c);
	if (c->doc == XI_DOC_NONE && trails)
		trail(trails, c);
	else
		wait_for_boundary(at, c, c->doc == XI_DOC_ITEM ? trails : NULL);
}

/* Does the text lex as xidl comments (blocks, and line comments each to
 * the end of its line)? */
bool xi_text_is_comments(const char *s)
{
	bool any = false;
	for (;;) {
		while (*s == ' ' || *s == '\t' || *s == '\n')
			s++;
		if (!*s)
			return any;
		if (s[0] != '/' || (s[1] != '*' && s[1] != '/'))
			return false;
		any = true;
		if (s[1] == '/') {
			s = strchr(s, '\n');
			if (!s)
				return true;
			continue;
		}
		const char *close = strstr(s + 2, "*/");
		if (!close)
			return false;
		s = close + 2;
	}
}

/* YAML and TOML: an xidl block comment written as '#' lines (see
 * xi_comment_hash) is one comment again. */
static void join_hash_blocks(struct xi_comments *cm)
{
	unsigned k = 0;
	for (unsigned i = 0; i < cm->n; k++) {
		struct xi_comment c = cm->v[i];
		unsigned next = i + 1;
		if (c.origin == XI_COMMENT_HASH && !strncmp(c.text, "/*", 2) &&
		    !xi_text_is_comments(c.text)) {
			struct xi_strbuf sb = XI_STRBUF_INIT;
			xi_sb_adds(&sb, c.text);
			for (unsigned j = i + 1; j < cm->n; j++) {
				const struct xi_comment *d = &cm->v[j];
				if (!d->own_line || d->start.line != cm->v[j - 1].start.line + 1)
					break;
				xi_sb_addc(&sb, '\n');
				xi_sb_adds(&sb, d->text);
				if (xi_text_is_comments(xi_sb_str(&sb))) {
					c.text = xi_strndup(&cm->ctx->arena, xi_sb_str(&sb), sb.len);
					c.end = d->end;
					next = j + 1;
					break;
				}
			}
			xi_sb_free(&sb);
		}
		cm->v[k] = c;
		i = next;
	}
	cm->n = k;
}

void xi_comments_attach(struct xi_comments *cm)
{
	if (cm->form != XI_FORMAT_XIDL) {
		join_hash_blocks(cm);
		tree_positions(cm);
	} else {
		for (unsigned i = 0; i < cm->n && !cm->doc_pos.line; i++)
			if (cm->v[i].doc == XI_DOC_FILE)
				cm->doc_pos = cm->v[i].start;
	}
	if (cm->blank_lines) {
		for (unsigned i = 0; i < cm->n; i++)
			cm->v[i].blank_before = line_is_blank(cm, cm->v[i].start.line - 1);
		cm->blank_before_doc = cm->doc_pos.line && line_is_blank(cm, cm->doc_pos.line - 1);
	}

	struct event *evs = xi_xmalloc(sizeof(*evs) * (2u * 2u * cm->nnodes + 1));
	unsigned nev = 0;
	for (unsigned i = 0; i < cm->nnodes; i++) {
		struct xi_cmt_node *n = cm->nodes[i];
		if (n->is_item && n->start.line) {
			evs[nev++] = (struct event){ n->start, EV_START, n };
			evs[nev++] = (struct event){ n->end, EV_END, n };
		}
		if (n->is_cont && n->open.line) {
			evs[nev++] = (struct event){ n->open, EV_OPEN, n };
			evs[nev++] = (struct event){ n->close, EV_CLOSE, n };
		}
	}
	qsort(evs, nev, sizeof(*evs), ev_cmp);

	struct attacher at = { cm, NULL, NULL, 0, NULL, 0, 0, !cm->doc_pos.line };
	at.items = xi_xmalloc(sizeof(*at.items) * (cm->nnodes + 1));
	unsigned i = 0, j = 0;
	while (i < cm->n || j < nev) {
		if (j == nev || (i < cm->n && xi_pos_cmp(cm->v[i].start, evs[j].pos) < 0))
			pass_comment(&at, &cm->v[i++]);
		else
			pass_event(&at, &evs[j++]);
	}
	flush_head(&at, (struct xi_pos){ UINT32_MAX, UINT32_MAX });
	resolve(&at, NULL);
	/* A blank line after the comments that follow an item's doc: in xidl
	 * before its declaration, in YAML before its next key. */
	for (unsigned k = 0; cm->blank_lines && k < cm->nnodes; k++) {
		struct xi_cmt_node *n = cm->nodes[k];
		if (n->after_doc.n)
			n->blank_before_start = line_is_blank(cm,
				n->after_doc.v[n->after_doc.n - 1]->end.line + 1);
	}
	free(at.pending);
	free(at.items);
	free(evs);
}

const struct xi_comment *xi_comments_unprinted(const struct xi_comments *cm)
{
	for (unsigned i = 0; cm && i < cm->n; i++)
		if (!cm->v[i].printed)
			return &cm->v[i];
	return NULL;
}

struct xi_loc xi_comments_doc_loc(const struct xi_comments *cm, const void *node,
				  struct xi_loc fallback)
{
	if (!cm)
		return fallback;
	struct xi_loc loc = { 0, 0, cm->src->id, 3 };
	if (!node) {
		if (!cm->doc_pos.line)
			return fallback;
		loc.line = cm->doc_pos.line;
		loc.col = cm->doc_pos.col;
		return loc;
	}
	const struct xi_cmt_node *n = xi_comments_find(cm, node);
	if (n && n->doc_at.line) {
		loc.line = n->doc_at.line;
		loc.col = n->doc_at.col;
		return loc;
	}
	const struct xi_dnode *d = n ? n->item_dnode : NULL;
	const struct xi_dentry *e = d && d->kind == XI_DMAP ? xi_dmap_find(d, "description", 11)
							    : NULL;
	return e ? e->value->loc : fallback;
}
