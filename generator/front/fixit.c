/* Fix-its that need the source text: a name replaced, a member declared
 * (see fixit.h).
 *
 * The IR keeps where each member's name is, not where its text starts and
 * ends: that is found again from the source, and only when an error needs
 * it. For xidl, by scanning the aggregate's braces (comments and strings
 * skipped): member k ends at the k-th ';' at depth 1. For YAML and TOML,
 * from the document tree the file was read into (module->spec_root): the
 * items of the list that holds the fields, found by the places of their
 * names. The new member goes on a line of its own where the text is laid
 * out a member per line, and inline otherwise, so that the file keeps its
 * style (and its spelling of types, 'typ' and tag tables where the fields
 * around are written so; spelling.c writes the member):
 *
 *   xidl        '    @reserved pad0: u8[2];' before the next member's line
 *   YAML block  '      - {name: pad0, reserved: true, type: {array: [u8, 2]}}'
 *   YAML flow   '{name: pad0, ...}, ' before the next item, ', {...}' after the last
 *   TOML        a [[...fields]] table (the header copied from a sibling), or
 *               an inline table in an inline array
 *
 * Doc comments stay with the member they document: a line is inserted
 * after the line where the previous member ends, not before the next
 * member's name. */
#include "fixit.h"

#include <string.h>

#include "doctree.h"
#include "limits.h"
#include "spelling.h"
#include "strbuf.h"

/* --- Source text ----------------------------------------------------------- */

struct text {
	struct xi_source *src;
	const char *t;
	size_t n;
};

static bool text_of(struct xi_ctx *ctx, uint16_t file, struct text *tx)
{
	tx->src = xi_diag_source(&ctx->diag, file);
	if (!tx->src || !xi_source_load(tx->src))
		return false;
	tx->t = tx->src->text;
	tx->n = tx->src->len;
	return true;
}

/* The byte offset of a line and column; false past the end. */
static bool offset_at(struct text *tx, uint32_t line, uint32_t col, size_t *off)
{
	size_t len;
	const char *l = xi_source_line(tx->src, line, &len);
	if (!l || col == 0 || col - 1 > len)
		return false;
	*off = (size_t)(l - tx->t) + col - 1;
	return true;
}

static struct xi_loc loc_at(struct text *tx, size_t off)
{
	return xi_source_loc_at(tx->src, off);
}

/* The blanks that start a line. */
static const char *indent_of(struct xi_ctx *ctx, struct text *tx, uint32_t line)
{
	size_t len, k = 0;
	const char *l = xi_source_line(tx->src, line, &len);
	if (!l)
		return "";
	while (k < len && (l[k] == ' ' || l[k] == '\t'))
		k++;
	return xi_strndup(&ctx->arena, l, k);
}

static bool line_is_blank(struct text *tx, uint32_t line)
{
	size_t len;
	const char *l = xi_source_line(tx->src, line, &len);
	if (!l)
		return false;
	for (size_t i = 0; i < len; i++)
		if (l[i] != ' ' && l[i] != '\t')
			return false;
	return true;
}

/* Whether the text ends with a newline (so that lines can be added at its
 * end). */
static bool ends_with_newline(struct text *tx)
{
	return tx->n == 0 || tx->t[tx->n - 1] == '\n';
}

/* --- A name -------------------------------------------------------------------- */

bool xi_fixit_rename(struct xi_ctx *ctx, struct xi_loc loc, const char *old, const char *name,
		     struct xi_fixit *fix)
{
	struct text tx;
	size_t off;
	if (!text_of(ctx, loc.file, &tx) || !offset_at(&tx, loc.line, loc.col, &off) ||
	    off + loc.len > tx.n)
		return false;
	const char *t = tx.t + off;
	size_t n = loc.len, k = strlen(old);
	/* A YAML or TOML string keeps its quotes. */
	if (n == k + 2 && (t[0] == '"' || t[0] == '\'') && t[n - 1] == t[0] &&
	    !memcmp(t + 1, old, k)) {
		*fix = xi_fixit_replace(loc, xi_aprintf(&ctx->arena, "%c%s%c", t[0], name, t[0]));
		return true;
	}
	if (n != k || memcmp(t, old, k) != 0)
		return false;
	*fix = xi_fixit_replace(loc, name);
	return true;
}

/* --- xidl -------------------------------------------------------------------- */

/* The offset after a comment or string starting at i, or i when none does. */
static size_t skip_xidl(const struct text *tx, size_t i)
{
	const char *t = tx->t;
	size_t n = tx->n;
	if (t[i] == '/' && i + 1 < n && t[i + 1] == '/') {
		while (i < n && t[i] != '\n')
			i++;
		return i;
	}
	if (t[i] == '/' && i + 1 < n && t[i + 1] == '*') {
		for (i += 2; i + 1 < n && !(t[i] == '*' && t[i + 1] == '/'); i++)
			;
		return i + 2 <= n ? i + 2 : n;
	}
	if (t[i] == '"') {
		for (i++; i < n && t[i] != '"' && t[i] != '\n'; i++)
			if (t[i] == '\\' && i + 1 < n)
				i++;
		return i < n ? i + 1 : n;
	}
	return i;
}

/* Whether what follows offset i on its line is blanks, or a plain comment
 * (not a doc comment, which would document what comes next). */
static bool rest_is_blank(const struct text *tx, size_t i)
{
	const char *t = tx->t;
	while (i < tx->n && (t[i] == ' ' || t[i] == '\t' || t[i] == '\r'))
		i++;
	if (i >= tx->n || t[i] == '\n')
		return true;
	return t[i] == '/' && i + 2 < tx->n && t[i + 1] == '/' && t[i + 2] != '/' && t[i + 2] != '!';
}

static bool xidl_fix(struct xi_ctx *ctx, const struct xi_agg *agg, const struct xi_member *before,
		     const char *member, struct xi_fixit *fix)
{
	struct text tx;
	size_t i;
	if (!text_of(ctx, agg->loc.file, &tx) || !offset_at(&tx, agg->loc.line, agg->loc.col, &i))
		return false;
	/* The member before the place, by index. */
	unsigned target = agg->nmembers;
	const struct xi_member *prev = NULL;
	unsigned k = 0;
	for (const struct xi_member *m = agg->members; m; m = m->next, k++) {
		if (m == before) {
			target = k;
			break;
		}
		prev = m;
	}
	if (target == 0 || !prev)
		return false;
	while (i < tx.n && tx.t[i] != '{') {
		size_t j = skip_xidl(&tx, i);
		i = j != i ? j : i + 1;
	}
	unsigned depth = 0, ends = 0;
	size_t prev_end = 0, close = 0;
	for (; i < tx.n; i++) {
		size_t j = skip_xidl(&tx, i);
		if (j != i) {
			i = j - 1;
			continue;
		}
		char c = tx.t[i];
		if (c == '{') {
			depth++;
		} else if (c == '}' && --depth == 0) {
			close = i;
			break;
		} else if (c == ';' && depth == 1 && ++ends == target) {
			prev_end = i + 1;
		}
	}
	if (ends != agg->nmembers || !prev_end || !close)
		return false;
	struct xi_loc at = loc_at(&tx, prev_end);
	uint32_t next_line = before ? before->loc.line : loc_at(&tx, close).line;
	if (rest_is_blank(&tx, prev_end) && next_line > at.line) {
		const char *indent = indent_of(ctx, &tx, before ? before->loc.line : prev->loc.line);
		*fix = xi_fixit_insert_lines(at.file, at.line + 1,
					     xi_aprintf(&ctx->arena, "%s%s\n", indent, member));
	} else {
		*fix = xi_fixit_insert(at, xi_aprintf(&ctx->arena, " %s", member));
	}
	return true;
}

/* --- YAML and TOML ------------------------------------------------------------ */

static int loc_cmp(struct xi_loc a, struct xi_loc b)
{
	if (a.line != b.line)
		return a.line < b.line ? -1 : 1;
	return a.col < b.col ? -1 : a.col > b.col;
}

/* The field whose name is at `name`: a mapping with a "name" entry there. */
static bool is_field_named(const struct xi_dnode *n, struct xi_loc name)
{
	if (n->kind != XI_DMAP)
		return false;
	const struct xi_dentry *e = xi_dmap_find(n, "name", 4);
	return e && e->value->loc.line == name.line && e->value->loc.col == name.col;
}

/* The list whose items are fields and whose first field is named at `name`. */
static const struct xi_dnode *find_fields(const struct xi_dnode *n, struct xi_loc name,
					  unsigned depth)
{
	if (depth > XI_MAX_NESTING)
		return NULL;
	if (n->kind == XI_DSEQ) {
		if (n->head && is_field_named(n->head, name))
			return n;
		for (const struct xi_dnode *c = n->head; c; c = c->next) {
			const struct xi_dnode *f = find_fields(c, name, depth + 1);
			if (f)
				return f;
		}
	} else if (n->kind == XI_DMAP) {
		for (const struct xi_dentry *e = n->first; e; e = e->next) {
			const struct xi_dnode *f = find_fields(e->value, name, depth + 1);
			if (f)
				return f;
		}
	}
	return NULL;
}

/* The last place anything of a subtree starts. */
static void last_loc(const struct xi_dnode *n, struct xi_loc *last, unsigned depth)
{
	if (loc_cmp(n->loc, *last) > 0)
		*last = n->loc;
	if (depth > XI_MAX_NESTING)
		return;
	if (n->kind == XI_DSEQ) {
		for (const struct xi_dnode *c = n->head; c; c = c->next)
			last_loc(c, last, depth + 1);
	} else if (n->kind == XI_DMAP) {
		for (const struct xi_dentry *e = n->first; e; e = e->next) {
			if (loc_cmp(e->key_loc, *last) > 0)
				*last = e->key_loc;
			last_loc(e->value, last, depth + 1);
		}
	}
}

/* The first place anything of the tree starts after `after`. */
static void next_loc(const struct xi_dnode *n, struct xi_loc after, struct xi_loc *next,
		     bool *found, unsigned depth)
{
	if (loc_cmp(n->loc, after) > 0 && (!*found || loc_cmp(n->loc, *next) < 0)) {
		*next = n->loc;
		*found = true;
	}
	if (depth > XI_MAX_NESTING)
		return;
	if (n->kind == XI_DSEQ) {
		for (const struct xi_dnode *c = n->head; c; c = c->next)
			next_loc(c, after, next, found, depth + 1);
	} else if (n->kind == XI_DMAP) {
		for (const struct xi_dentry *e = n->first; e; e = e->next) {
			if (loc_cmp(e->key_loc, after) > 0 && (!*found || loc_cmp(e->key_loc, *next) < 0)) {
				*next = e->key_loc;
				*found = true;
			}
			next_loc(e->value, after, next, found, depth + 1);
		}
	}
}

/* The offset after a flow mapping or inline table that starts at i ('{'),
 * quoted strings skipped; 0 if it does not end. YAML's '' in a single-
 * quoted string reads as the end of one string and the start of another,
 * which skips the same bytes. */
static size_t flow_end(const struct text *tx, size_t i)
{
	unsigned depth = 0;
	for (; i < tx->n; i++) {
		char c = tx->t[i];
		if (c == '"' || c == '\'') {
			for (i++; i < tx->n && tx->t[i] != c; i++)
				if (c == '"' && tx->t[i] == '\\')
					i++;
			continue;
		}
		if (c == '{' || c == '[') {
			depth++;
		} else if ((c == '}' || c == ']') && --depth == 0) {
			return i + 1;
		}
	}
	return 0;
}

/* Whether a line is a comment only, not deeper than `indent` bytes (so
 * not a line of a YAML block scalar) and holding no TOML multi-line
 * string quotes. */
static bool line_is_comment(struct text *tx, uint32_t line, size_t indent)
{
	size_t len, k = 0;
	const char *l = xi_source_line(tx->src, line, &len);
	if (!l)
		return false;
	while (k < len && (l[k] == ' ' || l[k] == '\t'))
		k++;
	if (k >= len || l[k] != '#' || k > indent)
		return false;
	for (size_t i = k; i + 2 < len; i++)
		if ((l[i] == '"' || l[i] == '\'') && l[i + 1] == l[i] && l[i + 2] == l[i])
			return false;
	return true;
}

/* The line a new item goes before so that it follows `item`: the line
 * after the item's last one. That is the line where the next thing of
 * the document starts, less the blank lines and comments before it (a
 * comment there is about what follows). For block lists and tables;
 * indent is the depth of the item's own lines. */
static bool after_item(struct text *tx, const struct xi_dnode *root, const struct xi_dnode *item,
		       size_t indent, uint32_t *line)
{
	struct xi_loc end = item->loc, next;
	bool found = false;
	last_loc(item, &end, 0);
	next_loc(root, end, &next, &found, 0);
	uint32_t l;
	if (found) {
		if (next.line <= end.line)
			return false;
		l = next.line;
	} else {
		/* The end of the file: the empty line after its last newline. */
		if (!ends_with_newline(tx))
			return false;
		l = tx->src->nlines ? tx->src->nlines : 1;
	}
	while (l - 1 > end.line &&
	       (line_is_blank(tx, l - 1) || line_is_comment(tx, l - 1, indent)))
		l--;
	*line = l;
	return true;
}

/* A YAML block list: "- " at the column before the item's first key. */
static bool yaml_dash(struct xi_ctx *ctx, struct text *tx, const struct xi_dnode *item,
		      const char **indent)
{
	size_t len;
	const char *l = xi_source_line(tx->src, item->loc.line, &len);
	if (!l || item->loc.col - 1 > len)
		return false;
	size_t k = 0, col = item->loc.col - 1;
	while (k < col && (l[k] == ' ' || l[k] == '\t'))
		k++;
	if (k >= col || l[k] != '-')
		return false;
	for (size_t j = k + 1; j < col; j++)
		if (l[j] != ' ')
			return false;
	*indent = xi_strndup(&ctx->arena, l, k);
	return true;
}

/* The header of a TOML array-of-tables item, "[[structs.fields]]", with the
 * blanks before it. */
static const char *toml_header(struct xi_ctx *ctx, struct text *tx, const struct xi_dnode *item)
{
	size_t len;
	const char *l = xi_source_line(tx->src, item->loc.line, &len);
	if (!l)
		return NULL;
	for (size_t k = item->loc.col - 1; k + 1 < len; k++)
		if (l[k] == ']' && l[k + 1] == ']')
			return xi_strndup(&ctx->arena, l, k + 2);
	return NULL;
}

/* The items of a YAML or TOML aggregate's fields around the place of a new
 * one: `at` that of the member it goes before (NULL at the tail), `prev`
 * the one before the place, `model` the one it is written like (at, else
 * the last). False when the tree does not match the members. */
struct items {
	const struct xi_dnode *at, *prev, *model;
};

static bool find_items(const struct xi_agg *agg, const struct xi_member *before, struct items *it)
{
	const struct xi_module *mod = agg->owner->module;
	if (!agg->members || !mod->spec_root)
		return false;
	const struct xi_dnode *seq = find_fields(mod->spec_root, agg->members->loc, 0);
	if (!seq || seq->count != agg->nmembers)
		return false;
	/* The items, checked against the members; the one before the place. */
	const struct xi_dnode *item = seq->head, *last = NULL;
	it->at = it->prev = NULL;
	for (const struct xi_member *m = agg->members; m; m = m->next, item = item->next) {
		if (!item || !is_field_named(item, m->loc))
			return false;
		if (m == before) {
			it->at = item;
			it->prev = last;
		}
		last = item;
	}
	if (!it->at)
		it->prev = last;
	it->model = it->at ? it->at : last;
	return it->prev != NULL;
}

/* A new field spells its type as the field it is written like does: with
 * xenbindgen's 'typ' and tag tables, or with 'type'. */
static enum xi_type_spelling types_of(const struct xi_dnode *model)
{
	return xi_dmap_find(model, "typ", 3) ? XI_TYPES_TAGGED : XI_TYPES_PLAIN;
}

static bool spec_fix(struct xi_ctx *ctx, const struct xi_agg *agg, const struct items *it,
		     const char *name, uint32_t bytes, enum xi_type_spelling types,
		     const char *member, struct xi_fixit *fix)
{
	const struct xi_module *mod = agg->owner->module;
	bool toml = xi_form_at(ctx, agg->loc) == XI_FORMAT_TOML;
	const struct xi_dnode *at = it->at, *model = it->model;
	struct text tx;
	size_t off;
	if (!text_of(ctx, agg->members->loc.file, &tx) ||
	    !offset_at(&tx, model->loc.line, model->loc.col, &off))
		return false;
	uint16_t file = tx.src->id;
	const char *indent;
	bool block = !toml && yaml_dash(ctx, &tx, model, &indent);

	if (!block && tx.t[off] == '{') { /* a YAML flow list, a TOML inline array */
		if (at) {
			*fix = xi_fixit_insert(at->loc, xi_aprintf(&ctx->arena, "%s, ", member));
			return true;
		}
		size_t end = flow_end(&tx, off);
		if (!end)
			return false;
		*fix = xi_fixit_insert(loc_at(&tx, end), xi_aprintf(&ctx->arena, ", %s", member));
		return true;
	}
	/* A line of its own, after the item before the place. */
	uint32_t line;
	if (toml && tx.t[off] == '[') { /* [[...]] tables */
		const char *header = toml_header(ctx, &tx, model);
		if (!header)
			return false;
		const char *lead = indent_of(ctx, &tx, model->loc.line);
		if (!after_item(&tx, mod->spec_root, it->prev, strlen(lead), &line))
			return false;
		*fix = xi_fixit_insert_lines(
			file, line,
			xi_aprintf(&ctx->arena, "\n%s\n%s", header,
				   xi_spell_reserved_keys(ctx, types, lead, name, bytes)));
		return true;
	}
	if (!block || !after_item(&tx, mod->spec_root, it->prev, strlen(indent), &line))
		return false;
	*fix = xi_fixit_insert_lines(file, line, xi_aprintf(&ctx->arena, "%s- %s\n", indent, member));
	return true;
}

bool xi_fixit_add_member(struct xi_ctx *ctx, const struct xi_agg *agg,
			 const struct xi_member *before, const char *name, uint32_t bytes,
			 const char **text, struct xi_fixit *fix)
{
	enum xi_spec_format form = xi_form_at(ctx, agg->loc);
	bool in_module = agg->owner && agg->owner->module;
	struct items it;
	/* A spec read without its tree kept (xenbindgen mode) has no items. */
	bool items = form != XI_FORMAT_XIDL && in_module && find_items(agg, before, &it);
	enum xi_type_spelling types = items ? types_of(it.model) : XI_TYPES_PLAIN;
	*text = xi_spell_reserved_member(ctx, form, types, name, bytes);
	if (!in_module)
		return false;
	if (form == XI_FORMAT_XIDL)
		return xidl_fix(ctx, agg, before, *text, fix);
	return items && spec_fix(ctx, agg, &it, name, bytes, types, *text, fix);
}
