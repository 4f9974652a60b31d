/* The YAML printer: a module's IR in the schema of doc/yaml.md, written
 * with libyaml's emitter (which does the quoting and the block scalars).
 *
 * Declarations go in per-kind lists (structs:, enums:, ...) when that keeps
 * their order (each kind in one run), else in one `declarations` list.
 * Small types are written in flow style ({ptr: u8}, {array: [u8, 16]}),
 * inline aggregates in block style. A string that would read back as
 * something else (true, 12, ~) is quoted.
 *
 * libyaml's emitter writes no comments: the printer notes where each
 * comment goes (before or at the end of the line of an event), reads what
 * the emitter wrote back with libyaml's parser to learn the line of each
 * event, and puts the comments and blank lines in (yaml_comments.c). Where
 * the slots of comments.h go:
 *
 *   # before_doc                       - name: s  # trail
 *   - name: s                            description: The doc.
 *     description: The doc.              # after_doc
 *     # after_doc                        fields:  # head_trail
 *     fields:                            - name: a
 *     - ...                                type: u32
 *     # inner_end (at the items' dash)   # inner_end
 *    # close_trail (between the item's  # close_trail
 *    # dash and its keys)
 */
#include <string.h>
#include <yaml.h>

#include "attrs.h"
#include "cond.h"
#include "comments.h"
#include "convert.h"
#include "spec_read.h"
#include "spelling.h"
#include "yaml_comments.h"

/* Room for why a comment cannot be in YAML. */
#define YAML_WHY_SIZE 64

struct yprinter {
	struct xi_ctx *ctx;
	yaml_emitter_t em;
	const char *(*rename)(struct xi_ctx *, const char *);
	bool failed;
	unsigned nevents;             /* emitted so far: the index of the next one */
	struct xi_strbuf text;        /* what the emitter wrote */
	struct xi_yaml_notes notes;   /* where comments and blank lines go */
	const struct xi_comments *cm; /* the module's comments, or NULL */
	bool lossy;                   /* drop comments YAML cannot hold */
	bool refused;                 /* text YAML cannot hold was reported */
};

static int write_handler(void *data, unsigned char *buffer, size_t size)
{
	xi_sb_addn(data, (const char *)buffer, size);
	return 1;
}

static void emit(struct yprinter *p, yaml_event_t *ev)
{
	if (!p->failed && !yaml_emitter_emit(&p->em, ev))
		p->failed = true;
	p->nevents++;
}

/* --- Comments ----------------------------------------------------------------- */

static const struct xi_cmt_node *slots(const struct yprinter *p, const void *node)
{
	return xi_comments_find(p->cm, node);
}

/* A comment as '#' lines, or NULL when YAML cannot hold it (an error, or
 * with --lossy a warning, says so). */
static const char *hash_text(struct yprinter *p, const struct xi_comment *c)
{
	((struct xi_comment *)c)->printed = true;
	if (c->dropped)
		return NULL;
	const char *text = xi_comment_hash(&p->ctx->arena, c);
	char why[YAML_WHY_SIZE];
	if (xi_yaml_comment_ok(text, why, sizeof(why)))
		return text;
	struct xi_loc loc = { c->start.line, c->start.col, p->cm->src->id, 2 };
	if (p->lossy)
		xi_warning(&p->ctx->diag, loc, "dropped this comment: YAML cannot hold it (%s)", why);
	else
		xi_error(&p->ctx->diag, loc, "YAML cannot hold this comment: %s (--lossy drops it)",
			 why);
	return NULL;
}

/* Comments on lines of their own before the line of event `ev`. */
static void note_before(struct yprinter *p, unsigned ev, const struct xi_cmt_list *l,
			struct xi_yaml_col col)
{
	for (unsigned i = 0; l && i < l->n; i++) {
		const char *text = hash_text(p, l->v[i]);
		if (text)
			xi_yaml_note(&p->notes, ev, XI_YAML_BEFORE, col, text, l->v[i]->blank_before);
	}
}

static void note_blank(struct yprinter *p, unsigned ev)
{
	struct xi_yaml_col col = { XI_YAML_COL_LINE, 0, 0 };
	xi_yaml_note(&p->notes, ev, XI_YAML_BEFORE, col, NULL, true);
}

/* Comments at the end of the line of event `ev`. Several are one
 * comment, as in xidl, where the first // one takes in the others. */
static void note_eol(struct yprinter *p, unsigned ev, const struct xi_cmt_list *l)
{
	struct xi_yaml_col col = { XI_YAML_COL_LINE, 0, 0 };
	if (!l || !l->n)
		return;
	const struct xi_comment *c = l->v[0];
	struct xi_comment joined;
	if (l->n > 1) {
		struct xi_strbuf sb = XI_STRBUF_INIT;
		for (unsigned i = 0; i < l->n; i++) {
			((struct xi_comment *)l->v[i])->printed = true;
			if (l->v[i]->dropped)
				continue;
			if (sb.len)
				xi_sb_addc(&sb, ' ');
			xi_sb_adds(&sb, xi_comment_xidl(&p->ctx->arena, l->v[i], false));
		}
		if (!sb.len) {
			xi_sb_free(&sb);
			return;
		}
		joined = *c;
		joined.origin = XI_COMMENT_XIDL;
		joined.text = xi_strndup(&p->ctx->arena, xi_sb_str(&sb), sb.len);
		xi_sb_free(&sb);
		c = &joined;
	}
	const char *text = hash_text(p, c);
	if (text)
		xi_yaml_note(&p->notes, ev, XI_YAML_EOL, col, text, false);
}

/* What comes before an item, whose first event is the next one. `blank`:
 * a blank line before it; `first`: the first of its list, which has
 * none (xidl puts none after an opening brace, and the top-level lists
 * are a blank line apart). */
static void item_lead(struct yprinter *p, const struct xi_cmt_node *n, bool blank, bool first)
{
	struct xi_yaml_col col = { XI_YAML_COL_LINE, 0, 0 };
	const struct xi_cmt_list *lead = n ? &n->before_doc : NULL;
	bool comments = lead && lead->n;
	/* A blank line before the first line of the item's group. */
	if (!first &&
	    (blank || (comments && lead->v[0]->blank_before) || (n && !comments && n->blank_before)))
		note_blank(p, p->nevents);
	if (!n)
		return;
	for (unsigned i = 0; i < lead->n; i++) {
		const char *text = hash_text(p, lead->v[i]);
		if (text)
			xi_yaml_note(&p->notes, p->nevents, XI_YAML_BEFORE, col, text,
				     i && lead->v[i]->blank_before);
	}
	if (comments && n->blank_before)
		note_blank(p, p->nevents);
	note_eol(p, p->nevents, &n->trail);
}

/* After an item's name and description, before its next key. */
static void item_after_doc(struct yprinter *p, const struct xi_cmt_node *n)
{
	struct xi_yaml_col col = { XI_YAML_COL_LINE, 0, 0 };
	if (!n)
		return;
	note_before(p, p->nevents, &n->after_doc, col);
	if (n->after_doc.n && n->blank_before_start)
		note_blank(p, p->nevents);
}

/* A container's list, whose key is event key_ev and which starts with the
 * event after it. `owner_ev` is the first event of the item it is part
 * of. Returns what list_end() needs. */
struct list_notes {
	const struct xi_cmt_node *n;
	unsigned owner_ev, key_ev, start_ev;
	bool empty;
};

static struct list_notes list_start(struct yprinter *p, const void *cont, unsigned owner_ev,
				    unsigned key_ev, bool empty)
{
	struct list_notes ln = { slots(p, cont), owner_ev, key_ev, key_ev + 1, empty };
	if (ln.n && !empty)
		note_eol(p, key_ev, &ln.n->head_trail);
	return ln;
}

/* The next event ends the list. */
static void list_end(struct yprinter *p, const struct list_notes *ln)
{
	if (!ln->n)
		return;
	const struct xi_cmt_node *n = ln->n;
	if (ln->empty) {
		/* fields: [ # head_trail, then inner_end, then ] # close_trail */
		struct xi_yaml_col col = { XI_YAML_COL_EVENT, ln->key_ev, 2 };
		if (n->head_trail.n || n->inner_end.n) {
			xi_yaml_note(&p->notes, ln->start_ev, XI_YAML_BRACKETS, col, NULL, false);
			for (unsigned i = 0; i < n->head_trail.n; i++) {
				const char *text = hash_text(p, n->head_trail.v[i]);
				if (text)
					xi_yaml_note(&p->notes, ln->start_ev, XI_YAML_IN_BRACKETS, col, text,
						     false);
			}
			for (unsigned i = 0; i < n->inner_end.n; i++) {
				const char *text = hash_text(p, n->inner_end.v[i]);
				if (text)
					xi_yaml_note(&p->notes, ln->start_ev, XI_YAML_IN_BRACKETS_LINE,
						     col, text, n->inner_end.v[i]->blank_before);
			}
		}
		note_eol(p, ln->start_ev, &n->close_trail);
		return;
	}
	struct xi_yaml_col body = { XI_YAML_COL_EVENT, ln->start_ev, 0 };
	struct xi_yaml_col after = { XI_YAML_COL_CLOSE, ln->owner_ev, ln->start_ev };
	note_before(p, p->nevents, &n->inner_end, body);
	note_before(p, p->nevents, &n->close_trail, after);
}

/* Would this text, written plain, read back as a string? */
static bool plain_is_string(const char *s)
{
	return xi_yaml_plain_kind(s, strlen(s)) == XI_DSTR;
}

static void scalar_styled(struct yprinter *p, const char *s, bool string, yaml_scalar_style_t style)
{
	yaml_event_t ev;
	int plain_ok = !string || plain_is_string(s);
	/* It fails on text that is not UTF-8, which text_ok() reported: stop
	 * (an event it did not make must not reach the emitter). */
	if (!yaml_scalar_event_initialize(&ev, NULL, NULL, (yaml_char_t *)s, (int)strlen(s),
					  plain_ok, 1, style)) {
		p->failed = true;
		p->nevents++;
		return;
	}
	emit(p, &ev);
}

/* YAML holds UTF-8 text only: an error for anything else, at `loc`. */
static bool text_ok(struct yprinter *p, const char *s, struct xi_loc loc, const char *what)
{
	if (xi_utf8_valid(s))
		return true;
	xi_error(&p->ctx->diag, loc, "YAML cannot hold this %s: it is not UTF-8 text", what);
	p->refused = true;
	return false;
}

static void str(struct yprinter *p, const char *s)
{
	scalar_styled(p, s, true, strchr(s, '\n') ? YAML_LITERAL_SCALAR_STYLE : YAML_ANY_SCALAR_STYLE);
}

/* A scalar written as is: an integer or a boolean. */
static void raw(struct yprinter *p, const char *s)
{
	scalar_styled(p, s, false, YAML_PLAIN_SCALAR_STYLE);
}

static void map_start(struct yprinter *p, bool flow)
{
	yaml_event_t ev;
	yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1,
					    flow ? YAML_FLOW_MAPPING_STYLE : YAML_BLOCK_MAPPING_STYLE);
	emit(p, &ev);
}

static void map_end(struct yprinter *p)
{
	yaml_event_t ev;
	yaml_mapping_end_event_initialize(&ev);
	emit(p, &ev);
}

static void seq_start(struct yprinter *p, bool flow)
{
	yaml_event_t ev;
	yaml_sequence_start_event_initialize(&ev, NULL, NULL, 1,
					     flow ? YAML_FLOW_SEQUENCE_STYLE : YAML_BLOCK_SEQUENCE_STYLE);
	emit(p, &ev);
}

static void seq_end(struct yprinter *p)
{
	yaml_event_t ev;
	yaml_sequence_end_event_initialize(&ev);
	emit(p, &ev);
}

static void key_str(struct yprinter *p, const char *key, const char *value)
{
	str(p, key);
	str(p, value);
}

/* An integer literal as an integer; any other expression as a string. */
static void expr(struct yprinter *p, const struct xi_expr *e)
{
	struct xi_strbuf sb = XI_STRBUF_INIT;
	xi_print_expr_as_written(p->ctx, &sb, e);
	if (e->kind == XI_EXPR_INT)
		raw(p, xi_sb_str(&sb));
	else
		str(p, xi_sb_str(&sb));
	xi_sb_free(&sb);
}

/* --- Types ---------------------------------------------------------------- */

static void fields(struct yprinter *p, const struct xi_member *m, bool arms, const void *cont,
		   unsigned owner_ev);

/* Does a type need block style (it holds an inline aggregate)? */
static bool has_aggregate(const struct xi_type *t)
{
	switch (t->kind) {
	case XI_TYPE_AGG: return true;
	case XI_TYPE_ARRAY: return has_aggregate(t->u.array.elem);
	case XI_TYPE_HANDLE:
	case XI_TYPE_NATIVE_HANDLE:
	case XI_TYPE_PTR: return has_aggregate(t->u.target);
	case XI_TYPE_ARCH:
		for (const struct xi_arch_choice *c = t->u.arch.choices; c; c = c->next)
			if (has_aggregate(c->type))
				return true;
		return false;
	default: return false;
	}
}

static const char *kind_key(int k)
{
	switch (k) {
	case XI_DECL_STRUCT: return "struct";
	case XI_DECL_UNION: return "union";
	case XI_DECL_ENUM: return "enum";
	case XI_DECL_BITMAP: return "bitmap";
	default: return "struct";
	}
}

/* A type; `owner_ev` is the first event of the item it is the type of. */
static void type(struct yprinter *p, const struct xi_type *t, unsigned owner_ev)
{
	bool flow = !has_aggregate(t);
	switch (t->kind) {
	case XI_TYPE_PRIM:
		str(p, xi_prims[t->prim].name);
		return;
	case XI_TYPE_VOID:
		str(p, "void");
		return;
	case XI_TYPE_REF:
		if (!t->u.ref.want) {
			str(p, t->u.ref.name);
			return;
		}
		map_start(p, true);
		key_str(p, kind_key(t->u.ref.want_kind), t->u.ref.name);
		map_end(p);
		return;
	case XI_TYPE_ARRAY:
		map_start(p, flow);
		str(p, "array");
		seq_start(p, flow);
		type(p, t->u.array.elem, owner_ev);
		if (t->u.array.len)     /* else a flexible array: [T] */
			expr(p, t->u.array.len);
		seq_end(p);
		map_end(p);
		return;
	case XI_TYPE_HANDLE:
	case XI_TYPE_NATIVE_HANDLE:
	case XI_TYPE_PTR:
		map_start(p, flow);
		/* YAML's `ptr` is xenbindgen's, a handle: a C pointer is `pointer` */
		str(p, t->kind == XI_TYPE_HANDLE ? "ptr"
		       : t->kind == XI_TYPE_PTR ? "pointer" : "native_handle");
		if (t->target_const) {
			/* handle<const T>: {ptr: {const: T}} */
			map_start(p, true);
			str(p, "const");
		}
		type(p, t->u.target, owner_ev);
		if (t->target_const)
			map_end(p);
		map_end(p);
		return;
	case XI_TYPE_AGG: {
		const struct xi_agg *agg = t->u.agg;
		map_start(p, false);
		if (agg->tag_name)
			key_str(p, "switch", agg->tag_name);
		str(p, agg->is_union ? "union" : "struct");
		fields(p, agg->members, agg->tag_name != NULL, agg, owner_ev);
		map_end(p);
		return;
	}
	case XI_TYPE_ARCH:
		map_start(p, flow);
		str(p, "arch");
		map_start(p, flow);
		for (const struct xi_arch_choice *c = t->u.arch.choices; c; c = c->next) {
			str(p, c->key);
			type(p, c->type, owner_ev);
		}
		map_end(p);
		map_end(p);
		return;
	}
}

/* --- Attributes ----------------------------------------------------------- */

/* Attributes as keys: direction, reserved, legacy, c_name, c_prefix,
 * c_bitfields, version. */
static void attributes(struct yprinter *p, const struct xi_attr *a)
{
	for (; a; a = a->next) {
		if (!xi_attr_is_known(a->name)) {
			xi_error(&p->ctx->diag, a->loc, "'@%s' has no spelling in YAML", a->name);
			continue;
		}
		if (xi_attr_is_direction(a->name)) {
			key_str(p, "direction", a->name);
		} else if (a->arg_kind == XI_ATTR_ARG_NONE) {
			str(p, a->name);
			raw(p, "true");
		} else if (a->arg_kind == XI_ATTR_ARG_STRING) {
			if (text_ok(p, a->str, a->arg_loc, "string"))
				key_str(p, a->name, a->str);
		} else if (a->arg_kind == XI_ATTR_ARG_COND) {
			struct xi_strbuf sb = XI_STRBUF_INIT;
			xi_cond_text(&sb, a->cond);
			if (a->str) {
				/* c_name_if: {if: xen, name: guest_user_regs} */
				str(p, a->name);
				map_start(p, true);
				key_str(p, "if", xi_sb_str(&sb));
				key_str(p, "name", a->str);
				map_end(p);
			} else {
				key_str(p, a->name, xi_sb_str(&sb));
			}
			xi_sb_free(&sb);
		} else {
			str(p, a->name);
			expr(p, a->expr);
		}
	}
}

/* The doc of `node` (NULL: the module), which is at `loc` unless its
 * comments say better. */
static void description(struct yprinter *p, const char *doc, const void *node, struct xi_loc loc)
{
	if (doc && !text_ok(p, doc, xi_comments_doc_loc(p->cm, node, loc), "doc comment"))
		return;
	if (doc)
		key_str(p, "description", doc);
}

/* --- Declarations --------------------------------------------------------- */

/* The fields of a struct or union (or the arms of a tagged union): the list
 * of container `cont`. */
static void fields(struct yprinter *p, const struct xi_member *m, bool arms, const void *cont,
		   unsigned owner_ev)
{
	/* The key went just before. */
	struct list_notes ln = list_start(p, cont, owner_ev, p->nevents - 1, m == NULL);
	const struct xi_member *first_member = m;
	seq_start(p, m == NULL);
	for (; m; m = m->next) {
		const struct xi_cmt_node *n = slots(p, m);
		item_lead(p, n, false, m == first_member);
		unsigned first = p->nevents;
		map_start(p, false);
		/* an anonymous member has no name: its type alone */
		if (!(m->flags & XI_MEMBER_ANONYMOUS))
			key_str(p, "name", m->name);
		description(p, m->doc, m, m->loc);
		item_after_doc(p, n);
		attributes(p, xi_attrs_of_member(&p->ctx->arena, m, xi_member_cond(p->ctx, m),
						 xi_member_alias(p->ctx, m)));
		if (arms && m->is_default_arm) {
			str(p, "default");
			raw(p, "true");
		} else if (arms) {
			str(p, "when");
			bool list = m->labels && m->labels->next;
			if (list)
				seq_start(p, true);
			for (const struct xi_arm_label *l = m->labels; l; l = l->next)
				expr(p, l->expr);
			if (list)
				seq_end(p);
		}
		str(p, "type");
		type(p, m->type, first);
		if (m->is_bitfield) {
			str(p, "bits");
			raw(p, xi_aprintf(&p->ctx->arena, "%u", (unsigned)m->bit_width));
		}
		map_end(p);
	}
	list_end(p, &ln);
	seq_end(p);
}

/* A parameterised constant's `params`: `[{name: x, type: c_uint}]`. */
static void params(struct yprinter *p, const struct xi_decl *d, unsigned owner_ev)
{
	str(p, "params");
	seq_start(p, true);
	for (const struct xi_param *q = d->params; q; q = q->next) {
		map_start(p, true);
		key_str(p, "name", q->name);
		str(p, "type");
		type(p, q->type, owner_ev);
		map_end(p);
	}
	seq_end(p);
}

static void variants(struct yprinter *p, const struct xi_decl *d, unsigned owner_ev)
{
	bool bits = d->kind == XI_DECL_BITMAP;
	struct list_notes ln = list_start(p, d, owner_ev, p->nevents, d->variants == NULL);
	str(p, bits ? "bits" : "variants");
	seq_start(p, d->variants == NULL);
	for (const struct xi_variant *v = d->variants; v; v = v->next) {
		const struct xi_cmt_node *n = slots(p, v);
		item_lead(p, n, false, v == d->variants);
		map_start(p, false);
		key_str(p, "name", v->name);
		description(p, v->doc, v, v->loc);
		item_after_doc(p, n);
		attributes(p, xi_attrs_of_variant(&p->ctx->arena, v));
		str(p, bits ? "shift" : "value");
		expr(p, v->value);
		if (v->value_hi) {
			str(p, "last");
			expr(p, v->value_hi);
		}
		map_end(p);
	}
	list_end(p, &ln);
	seq_end(p);
}

static const char *const list_keys[] = {
	[XI_DECL_CONST] = "constants", [XI_DECL_ALIAS] = "aliases", [XI_DECL_ENUM] = "enums",
	[XI_DECL_BITMAP] = "bitmaps", [XI_DECL_STRUCT] = "structs", [XI_DECL_UNION] = "unions",
};

static const char *const item_keys[] = {
	[XI_DECL_CONST] = "const", [XI_DECL_ALIAS] = "alias", [XI_DECL_ENUM] = "enum",
	[XI_DECL_BITMAP] = "bitmap", [XI_DECL_STRUCT] = "struct", [XI_DECL_UNION] = "union",
};

/* One declaration; `item` writes its kind key instead of `name`. `blank`
 * and `first`: see item_lead. */
static void decl(struct yprinter *p, const struct xi_decl *d, bool item, bool blank, bool first_of_list)
{
	const struct xi_cmt_node *n = slots(p, d);
	item_lead(p, n, blank, first_of_list);
	unsigned first = p->nevents;
	map_start(p, false);
	key_str(p, item ? item_keys[d->kind] : "name", d->name);
	description(p, d->doc, d, d->loc);
	item_after_doc(p, n);
	attributes(p, xi_attrs_of_decl(&p->ctx->arena, d));
	switch (d->kind) {
	case XI_DECL_CONST:
		if (d->parameterised)
			params(p, d, first);
		/* An alias of a constant (`const A = B;`) has no type. */
		if (!d->const_alias) {
			str(p, "type");
			type(p, d->type, first);
		}
		if (d->str_parts && !d->const_alias) {
			/* one literal, or a list of literals and {const: NAME} */
			str(p, "string");
			if (!d->str_parts->next && d->str_parts->text) {
				str(p, d->str_parts->text);
				break;
			}
			seq_start(p, true);
			for (const struct xi_str_part *s = d->str_parts; s; s = s->next) {
				if (s->text) {
					str(p, s->text);
					continue;
				}
				map_start(p, true);
				key_str(p, "const", s->name);
				map_end(p);
			}
			seq_end(p);
			break;
		}
		str(p, "value");
		expr(p, d->expr);
		break;
	case XI_DECL_ALIAS:
		str(p, "type");
		type(p, d->type, first);
		break;
	case XI_DECL_ENUM:
	case XI_DECL_BITMAP:
		str(p, "type");
		type(p, d->type, first);
		variants(p, d, first);
		break;
	case XI_DECL_STRUCT:
	case XI_DECL_UNION: {
		str(p, "fields");
		fields(p, d->agg->members, false, d, first);
		break;
	}
	}
	map_end(p);
}

/* Is every kind of declaration in one run? Then per-kind lists keep the
 * order (the reader sorts declarations by their place in the document). */
static bool kinds_in_runs(const struct xi_module *m)
{
	bool done[XI_DECL_UNION + 1] = { false };
	for (const struct xi_decl *d = m->decls; d; d = d->next) {
		if (done[d->kind])
			return false;
		if (!d->next || d->next->kind != d->kind)
			done[d->kind] = true;
	}
	return true;
}

static void includes_list(struct yprinter *p, const struct xi_spec_include *inc)
{
	note_blank(p, p->nevents);
	str(p, "includes");
	seq_start(p, false);
	for (const struct xi_spec_include *first = inc; inc; inc = inc->next) {
		const struct xi_cmt_node *n = slots(p, inc);
		item_lead(p, n, false, inc == first);
		map_start(p, false);
		key_str(p, "from", inc->from);
		item_after_doc(p, n);
		str(p, "imports");
		seq_start(p, true);
		for (unsigned i = 0; i < inc->nnames; i++)
			str(p, inc->names[i]);
		seq_end(p);
		map_end(p);
	}
	seq_end(p);
}

/* The blank line before a declaration that the xidl printer puts (a run of
 * constants stays together), and the one the source had. */
static bool decl_blank(const struct xi_decl *d, const struct xi_decl *prev)
{
	return prev && !(prev->kind == XI_DECL_CONST && d->kind == XI_DECL_CONST);
}

/* The first import the module has as an import, not as one of those an
 * include stands for (YAML keeps includes). */
static const struct xi_import *next_import(const struct xi_import *im)
{
	while (im && im->include)
		im = im->next;
	return im;
}

void xi_print_yaml(struct xi_ctx *ctx, const struct xi_module *m,
		   const char *(*rename)(struct xi_ctx *, const char *), bool lossy,
		   struct xi_out *o)
{
	struct yprinter p = { ctx, { 0 }, rename, false, 0, XI_STRBUF_INIT, { NULL, 0, 0 },
			      m->comments, lossy, false };
	const struct xi_comments *cm = m->comments;
	if (!yaml_emitter_initialize(&p.em))
		xi_oom();
	yaml_emitter_set_output(&p.em, write_handler, &p.text);
	yaml_emitter_set_unicode(&p.em, 1);
	yaml_emitter_set_indent(&p.em, 2);
	yaml_emitter_set_width(&p.em, -1);
	yaml_emitter_set_break(&p.em, YAML_LN_BREAK);
	yaml_event_t ev;
	if (cm) {
		struct xi_yaml_col col = { XI_YAML_COL_LINE, 0, 0 };
		note_before(&p, 0, &cm->head, col);
		/* Without a doc, a blank line ended the comments at the top. */
		if (cm->head.n && (!m->doc || cm->blank_before_doc))
			note_blank(&p, 0);
	}
	yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING);
	emit(&p, &ev);
	yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 1);
	emit(&p, &ev);
	map_start(&p, false);
	if (m->doc) {
		struct xi_loc top = { 1, 1, m->src->id, 1 };
		description(&p, m->doc, NULL, top);
	}
	if (m->spdx) {
		note_blank(&p, p.nevents);
		key_str(&p, "spdx", m->spdx);
	}
	if (m->c_guard) {
		if (!m->spdx)
			note_blank(&p, p.nevents);
		key_str(&p, "c_guard", m->c_guard);
	}
	if (m->tools_only) {
		if (!m->spdx && !m->c_guard)
			note_blank(&p, p.nevents);
		key_str(&p, "if", "tools");
	}
	if (m->c_prelude) {
		if (!m->tools_only)
			note_blank(&p, p.nevents);
		if (m->c_prelude_version) {
			key_str(&p, "c_prelude", "version");
		} else {
			str(&p, "c_prelude");
			raw(&p, "true");
		}
	}
	if (m->c_prelude_hvm_save) {
		if (!m->tools_only && !m->c_prelude)
			note_blank(&p, p.nevents);
		key_str(&p, "c_prelude", "hvm_save");
	}
	if (m->c_handles) {
		if (!m->c_prelude && !m->c_prelude_hvm_save && !m->tools_only && !m->spdx)
			note_blank(&p, p.nevents);
		str(&p, "c_handles");
		seq_start(&p, true);
		for (const struct xi_c_handle_of *h = m->c_handles; h; h = h->next)
			str(&p, h->name);
		seq_end(&p);
	}
	const struct xi_import *first_import = next_import(m->imports);
	if (first_import) {
		note_blank(&p, p.nevents);
		str(&p, "imports");
		seq_start(&p, false);
		for (const struct xi_import *im = first_import; im; im = next_import(im->next)) {
			const struct xi_cmt_node *n = slots(&p, im);
			item_lead(&p, n, false, im == first_import);
			if (n) {
				struct xi_yaml_col col = { XI_YAML_COL_LINE, 0, 0 };
				note_before(&p, p.nevents, &n->after_doc, col);
			}
			if (im->is_map) {
				/* {arch: {x86: FILE, arm: FILE}} */
				map_start(&p, false);
				str(&p, "arch");
				map_start(&p, false);
				for (const struct xi_import_file *e = im->files; e; e = e->next) {
					if (e->none) {
						str(&p, e->key);
						raw(&p, "null");
					} else if (text_ok(&p, e->path, e->loc, "import path"))
						key_str(&p, e->key, rename(ctx, e->path));
				}
				map_end(&p);
				map_end(&p);
				continue;
			}
			if (!text_ok(&p, im->path, im->loc, "import path"))
				continue;
			if (!im->path[0]) {
				/* The YAML reader wants a file name. */
				xi_error(&ctx->diag, im->loc, "YAML cannot hold this import: its path "
					 "is empty");
				continue;
			}
			if (im->is_arch) {
				map_start(&p, true);
				key_str(&p, "arch", rename(ctx, im->path));
				map_end(&p);
			} else {
				str(&p, rename(ctx, im->path));
			}
		}
		seq_end(&p);
	}
	if (m->includes)
		includes_list(&p, m->includes);
	if (kinds_in_runs(m)) {
		for (const struct xi_decl *d = m->decls, *prev = NULL; d;) {
			note_blank(&p, p.nevents);
			str(&p, list_keys[d->kind]);
			seq_start(&p, false);
			enum xi_decl_kind k = d->kind;
			for (bool first = true; d && d->kind == k; prev = d, d = d->next, first = false)
				decl(&p, d, false, decl_blank(d, prev), first);
			seq_end(&p);
		}
	} else {
		note_blank(&p, p.nevents);
		str(&p, "declarations");
		seq_start(&p, false);
		for (const struct xi_decl *d = m->decls, *prev = NULL; d; prev = d, d = d->next)
			decl(&p, d, true, decl_blank(d, prev), d == m->decls);
		seq_end(&p);
	}
	map_end(&p);
	yaml_document_end_event_initialize(&ev, 1);
	emit(&p, &ev);
	if (cm) {
		struct xi_yaml_col col = { XI_YAML_COL_LINE, 0, 0 };
		note_before(&p, p.nevents, &cm->eof, col);
	}
	yaml_stream_end_event_initialize(&ev);
	emit(&p, &ev);
	if (p.failed && !p.refused)
		xi_error_at_file(&ctx->diag, NULL, "cannot write YAML: %s",
				 p.em.problem ? p.em.problem : "emitter error");
	else if (!p.failed && !xi_yaml_place_notes(&p.notes, p.text.data, p.text.len, o))
		xi_error_at_file(&ctx->diag, NULL, "cannot write YAML: what libyaml wrote does not "
				 "read back");
	yaml_emitter_delete(&p.em);
	xi_yaml_notes_free(&p.notes);
	xi_sb_free(&p.text);
}
