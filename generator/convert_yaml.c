/* The YAML printer: a module's IR in the schema of doc/yaml.md, written
 * with libyaml's emitter (which does the quoting and the block scalars).
 *
 * Declarations go in per-kind lists (structs:, enums:, ...) when that keeps
 * their order (each kind in one run), else in one `declarations` list.
 * Small types are written in flow style ({ptr: u8}, {array: [u8, 16]}),
 * inline aggregates in block style. A string that would read back as
 * something else (true, 12, ~) is quoted. */
#include <string.h>
#include <yaml.h>

#include "attrs.h"
#include "convert.h"
#include "spec_read.h"

struct yprinter {
	struct xi_ctx *ctx;
	yaml_emitter_t em;
	const char *(*rename)(struct xi_ctx *, const char *);
	bool failed;
};

static int write_handler(void *data, unsigned char *buffer, size_t size)
{
	xi_out_write(data, (const char *)buffer, size);
	return 1;
}

static void emit(struct yprinter *p, yaml_event_t *ev)
{
	if (!p->failed && !yaml_emitter_emit(&p->em, ev))
		p->failed = true;
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
	yaml_scalar_event_initialize(&ev, NULL, NULL, (yaml_char_t *)s, (int)strlen(s), plain_ok, 1,
				     style);
	emit(p, &ev);
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
	xi_print_expr(&sb, e);
	if (e->kind == XI_EXPR_INT)
		raw(p, xi_sb_str(&sb));
	else
		str(p, xi_sb_str(&sb));
	xi_sb_free(&sb);
}

/* --- Types ---------------------------------------------------------------- */

static void fields(struct yprinter *p, const struct xi_member *m, bool arms);

/* Does a type need block style (it holds an inline aggregate)? */
static bool has_aggregate(const struct xi_type *t)
{
	switch (t->kind) {
	case XI_TYPE_AGG: return true;
	case XI_TYPE_ARRAY: return has_aggregate(t->u.array.elem);
	case XI_TYPE_HANDLE:
	case XI_TYPE_NATIVE_HANDLE: return has_aggregate(t->u.target);
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

static void type(struct yprinter *p, const struct xi_type *t)
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
		type(p, t->u.array.elem);
		expr(p, t->u.array.len);
		seq_end(p);
		map_end(p);
		return;
	case XI_TYPE_HANDLE:
	case XI_TYPE_NATIVE_HANDLE:
		map_start(p, flow);
		str(p, t->kind == XI_TYPE_HANDLE ? "ptr" : "native_handle");
		type(p, t->u.target);
		map_end(p);
		return;
	case XI_TYPE_AGG: {
		const struct xi_agg *agg = t->u.agg;
		map_start(p, false);
		if (agg->tag_name)
			key_str(p, "switch", agg->tag_name);
		str(p, agg->is_union ? "union" : "struct");
		fields(p, agg->members, agg->tag_name != NULL);
		map_end(p);
		return;
	}
	case XI_TYPE_ARCH:
		map_start(p, flow);
		str(p, "arch");
		map_start(p, flow);
		for (const struct xi_arch_choice *c = t->u.arch.choices; c; c = c->next) {
			str(p, c->key);
			type(p, c->type);
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
	static const char *const known[] = { "in", "out", "inout", "reserved", "legacy", "c_name",
					     "c_prefix", "c_bitfields", "version", NULL };
	for (; a; a = a->next) {
		bool ok = false;
		for (const char *const *k = known; *k && !ok; k++)
			ok = !strcmp(*k, a->name);
		if (!ok) {
			xi_error(&p->ctx->diag, a->loc, "'@%s' has no spelling in YAML", a->name);
			continue;
		}
		if (!strcmp(a->name, "in") || !strcmp(a->name, "out") || !strcmp(a->name, "inout")) {
			key_str(p, "direction", a->name);
		} else if (a->arg_kind == XI_ATTR_ARG_NONE) {
			str(p, a->name);
			raw(p, "true");
		} else if (a->arg_kind == XI_ATTR_ARG_STRING) {
			key_str(p, a->name, a->str);
		} else {
			str(p, a->name);
			expr(p, a->expr);
		}
	}
}

static void description(struct yprinter *p, const char *doc)
{
	if (doc)
		key_str(p, "description", doc);
}

/* --- Declarations --------------------------------------------------------- */

static void fields(struct yprinter *p, const struct xi_member *m, bool arms)
{
	seq_start(p, m == NULL);
	for (; m; m = m->next) {
		map_start(p, false);
		key_str(p, "name", m->name);
		description(p, m->doc);
		attributes(p, xi_attrs_of_member(&p->ctx->arena, m));
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
		type(p, m->type);
		map_end(p);
	}
	seq_end(p);
}

static void variants(struct yprinter *p, const struct xi_decl *d)
{
	bool bits = d->kind == XI_DECL_BITMAP;
	str(p, bits ? "bits" : "variants");
	seq_start(p, d->variants == NULL);
	for (const struct xi_variant *v = d->variants; v; v = v->next) {
		map_start(p, false);
		key_str(p, "name", v->name);
		description(p, v->doc);
		attributes(p, xi_attrs_of_variant(&p->ctx->arena, v));
		str(p, bits ? "shift" : "value");
		expr(p, v->value);
		if (v->value_hi) {
			str(p, "last");
			expr(p, v->value_hi);
		}
		map_end(p);
	}
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

/* One declaration; `item` writes its kind key instead of `name`. */
static void decl(struct yprinter *p, const struct xi_decl *d, bool item)
{
	map_start(p, false);
	key_str(p, item ? item_keys[d->kind] : "name", d->name);
	description(p, d->doc);
	attributes(p, xi_attrs_of_decl(&p->ctx->arena, d));
	switch (d->kind) {
	case XI_DECL_CONST:
		str(p, "type");
		type(p, d->type);
		str(p, "value");
		expr(p, d->expr);
		break;
	case XI_DECL_ALIAS:
		str(p, "type");
		type(p, d->type);
		break;
	case XI_DECL_ENUM:
	case XI_DECL_BITMAP:
		str(p, "type");
		type(p, d->type);
		variants(p, d);
		break;
	case XI_DECL_STRUCT:
	case XI_DECL_UNION:
		str(p, "fields");
		fields(p, d->agg->members, false);
		break;
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
	str(p, "includes");
	seq_start(p, false);
	for (; inc; inc = inc->next) {
		map_start(p, false);
		key_str(p, "from", inc->from);
		str(p, "imports");
		seq_start(p, true);
		for (unsigned i = 0; i < inc->nnames; i++)
			str(p, inc->names[i]);
		seq_end(p);
		map_end(p);
	}
	seq_end(p);
}

void xi_print_yaml(struct xi_ctx *ctx, const struct xi_module *m,
		   const struct xi_spec_include *includes,
		   const char *(*rename)(struct xi_ctx *, const char *), struct xi_out *o)
{
	struct yprinter p = { ctx, { 0 }, rename, false };
	if (!yaml_emitter_initialize(&p.em))
		xi_oom();
	yaml_emitter_set_output(&p.em, write_handler, o);
	yaml_emitter_set_unicode(&p.em, 1);
	yaml_emitter_set_indent(&p.em, 2);
	yaml_emitter_set_width(&p.em, -1);
	yaml_emitter_set_break(&p.em, YAML_LN_BREAK);
	yaml_event_t ev;
	yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING);
	emit(&p, &ev);
	yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 1);
	emit(&p, &ev);
	map_start(&p, false);
	if (m->doc)
		key_str(&p, "description", m->doc);
	if (m->imports) {
		str(&p, "imports");
		seq_start(&p, false);
		for (const struct xi_import *im = m->imports; im; im = im->next) {
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
	if (includes)
		includes_list(&p, includes);
	if (kinds_in_runs(m)) {
		for (const struct xi_decl *d = m->decls; d;) {
			str(&p, list_keys[d->kind]);
			seq_start(&p, false);
			enum xi_decl_kind k = d->kind;
			for (; d && d->kind == k; d = d->next)
				decl(&p, d, false);
			seq_end(&p);
		}
	} else {
		str(&p, "declarations");
		seq_start(&p, false);
		for (const struct xi_decl *d = m->decls; d; d = d->next)
			decl(&p, d, true);
		seq_end(&p);
	}
	map_end(&p);
	yaml_document_end_event_initialize(&ev, 1);
	emit(&p, &ev);
	yaml_stream_end_event_initialize(&ev);
	emit(&p, &ev);
	if (p.failed)
		xi_error_at_file(&ctx->diag, NULL, "cannot write YAML: %s",
				 p.em.problem ? p.em.problem : "emitter error");
	yaml_emitter_delete(&p.em);
}
