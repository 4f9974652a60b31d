/* xenbindgen mode, xenbindgen's own rules. It checks four views, one per
 * architecture: every directory but arch-*, plus that architecture's
 * arch-* directory. In each view:
 *   - struct, enum and bitmap names are unique, and there is at least one;
 *   - every name a struct uses is defined, and is of the kind it says;
 *   - types are laid out packed, u64, i64 and pointers 8-aligned, and no
 *     field may need padding before it, nor a struct at its end.
 * A problem found in several views is reported once, for the first. */
#include <string.h>

#include "map.h"
#include "xbg.h"

/* Structs contained in structs, deepest: keeps the recursion bounded. */
#define XI_XBG_MAX_CONTAINMENT 256u

enum { UNSEEN, ACTIVE, DONE, FAILED };

/* A declaration as a view sees it, with its layout there. */
struct vdecl {
	struct xi_decl *decl;
	unsigned char state;
	uint32_t size, align;
};

struct vchecker {
	struct xbg *x;
	struct xi_diag *diag;
	struct xi_arena *arena;
	struct xi_map reported;   /* problems already reported, by place */
	struct xi_map names;      /* the current view's declarations */
	unsigned view;
	unsigned depth;
};

/* First report of a problem at a place? */
static bool first_time(struct vchecker *c, char what, struct xi_loc loc)
{
	const char *key = xi_aprintf(c->arena, "%c:%u:%u:%u", what, (unsigned)loc.file,
				     (unsigned)loc.line, (unsigned)loc.col);
	if (xi_map_get(&c->reported, key, strlen(key)))
		return false;
	xi_map_put(&c->reported, key, strlen(key), c);
	return true;
}

static const char *view_name(const struct vchecker *c)
{
	return xi_xbg_view_names[c->view];
}

/* Any declaration of that name, in any directory. */
static struct xi_decl *find_anywhere(struct xbg *x, const char *name)
{
	for (unsigned i = 0; i < x->ndirs; i++) {
		struct xi_decl *d = xi_xbg_find_in(&x->dirs[i], name);
		if (d)
			return d;
	}
	return NULL;
}

static void report_missing(struct vchecker *c, const struct xi_type *t)
{
	if (!first_time(c, 'm', t->loc))
		return;
	const char *name = t->u.ref.name;
	struct xi_decl *elsewhere = find_anywhere(c->x, name);
	if (elsewhere) {
		xi_error(c->diag, t->loc, "'%s' is not defined for %s", name, view_name(c));
		xi_note(c->diag, elsewhere->loc, "'%s' is only defined in directory '%s'", name,
			xi_xbg_dir_of(c->x, elsewhere)->name);
	} else if (t->u.ref.want) {
		xi_error(c->diag, t->loc, "unknown %s '%s'",
			 xi_xbg_kind_word((enum xi_decl_kind)t->u.ref.want_kind), name);
	} else {
		xi_error(c->diag, t->loc, "unknown type '%s'", name);
	}
}

static bool struct_layout(struct vchecker *c, struct vdecl *v);

static bool type_layout(struct vchecker *c, const struct xi_type *t, uint32_t *size, uint32_t *align)
{
	switch (t->kind) {
	case XI_TYPE_ARRAY:
		if (!type_layout(c, t->u.array.elem, size, align))
			return false;
		*size *= (uint32_t)t->u.array.len->lit.mag;
		return true;
	case XI_TYPE_HANDLE:
		*size = *align = 8;
		return true;
	case XI_TYPE_REF:
		break;
	default:
		return false;
	}
	int p = xi_xbg_prim(t);
	if (p >= 0) {
		*size = *align = xi_prims[p].size;
		return true;
	}
	struct vdecl *v = xi_map_get(&c->names, t->u.ref.name, strlen(t->u.ref.name));
	if (!v) {
		report_missing(c, t);
		return false;
	}
	if (t->u.ref.want && (int)v->decl->kind != t->u.ref.want_kind) {
		if (first_time(c, 'k', t->loc)) {
			xi_error(c->diag, t->loc, "'%s' is %s, not %s", t->u.ref.name,
				 xi_xbg_kind_phrase(v->decl->kind),
				 xi_xbg_kind_phrase((enum xi_decl_kind)t->u.ref.want_kind));
			xi_note(c->diag, v->decl->loc, "'%s' is defined here", t->u.ref.name);
		}
		return false;
	}
	if (v->decl->kind != XI_DECL_STRUCT) {
		int b = xi_xbg_prim(v->decl->type);
		if (b < 0)
			return false; /* reported with the enum or bitmap */
		*size = *align = xi_prims[b].size;
		return true;
	}
	if (!struct_layout(c, v))
		return false;
	*size = v->size;
	*align = v->align;
	return true;
}

static bool struct_layout(struct vchecker *c, struct vdecl *v)
{
	const struct xi_decl *s = v->decl;
	if (v->state == DONE)
		return true;
	if (v->state == FAILED)
		return false;
	if (v->state == ACTIVE || c->depth == XI_XBG_MAX_CONTAINMENT) {
		if (first_time(c, 'c', s->loc))
			xi_error(c->diag, s->loc, v->state == ACTIVE ? "struct '%s' contains itself"
				 : "struct '%s' is nested too deeply in other structs", s->name);
		return false;
	}
	v->state = ACTIVE;
	c->depth++;
	uint32_t offset = 0, align = 1;
	bool ok = true;
	for (const struct xi_member *m = s->agg->members; m && ok; m = m->next) {
		uint32_t fsize, falign;
		if (!type_layout(c, m->type, &fsize, &falign)) {
			ok = false;
			break;
		}
		if (offset % falign) {
			uint32_t pad = falign - offset % falign;
			if (first_time(c, 'p', m->loc))
				xi_error(c->diag, m->loc, "struct '%s' has %u byte%s of implicit padding "
					 "before '%s' on %s; xenbindgen needs it declared as a field",
					 s->name, (unsigned)pad, pad == 1 ? "" : "s", m->name,
					 view_name(c));
			/* Go on as C lays it out, so one hole is one error. */
			offset += pad;
		}
		offset += fsize;
		if (falign > align)
			align = falign;
	}
	if (ok && offset % align && first_time(c, 't', s->loc)) {
		uint32_t pad = align - offset % align;
		xi_error(c->diag, s->loc, "struct '%s' has %u byte%s of implicit padding at its end "
			 "on %s; xenbindgen needs it declared as a field", s->name, (unsigned)pad,
			 pad == 1 ? "" : "s", view_name(c));
	}
	c->depth--;
	v->state = ok ? DONE : FAILED;
	v->size = offset;
	v->align = align;
	return ok;
}

/* Register a view's names; false when it has none. */
static bool view_names(struct vchecker *c)
{
	bool any = false;
	for (unsigned i = 0; i < c->x->ndirs; i++) {
		const struct xi_xbg_dir *d = &c->x->dirs[i];
		if (!(d->views & (1u << c->view)))
			continue;
		const struct xi_xbg_list *lists[] = { &d->enums, &d->bitmaps, &d->structs };
		for (unsigned l = 0; l < 3; l++) {
			for (unsigned k = 0; k < lists[l]->n; k++) {
				struct xi_decl *decl = lists[l]->decls[k];
				any = true;
				struct vdecl *old = xi_map_get(&c->names, decl->name, strlen(decl->name));
				if (old) {
					if (first_time(c, 'r', decl->loc)) {
						xi_error(c->diag, decl->loc, "redefinition of '%s'", decl->name);
						xi_note(c->diag, old->decl->loc, "previous definition of '%s' is "
							"here", decl->name);
					}
					continue;
				}
				struct vdecl *v = XI_NEW(c->arena, struct vdecl);
				v->decl = decl;
				xi_map_put(&c->names, decl->name, strlen(decl->name), v);
			}
		}
	}
	return any;
}

void xi_xbg_check_views(struct xbg *x)
{
	struct vchecker c = { x, &x->ctx->diag, &x->ctx->arena, { 0 }, { 0 }, 0, 0 };
	xi_map_init(&c.reported);
	bool empty[XI_XBG_VIEW_COUNT];
	unsigned nempty = 0;
	for (c.view = 0; c.view < XI_XBG_VIEW_COUNT && !c.diag->capped; c.view++) {
		xi_map_init(&c.names);
		empty[c.view] = !view_names(&c);
		nempty += empty[c.view];
		for (unsigned i = 0; i < x->ndirs; i++) {
			const struct xi_xbg_dir *d = &x->dirs[i];
			if (!(d->views & (1u << c.view)))
				continue;
			for (unsigned k = 0; k < d->structs.n; k++) {
				const char *name = d->structs.decls[k]->name;
				struct vdecl *v = xi_map_get(&c.names, name, strlen(name));
				if (v && v->decl == d->structs.decls[k])
					struct_layout(&c, v);
			}
		}
		xi_map_free(&c.names);
	}
	if (nempty == XI_XBG_VIEW_COUNT)
		xi_error_at_file(c.diag, x->indir, "no struct, enum or bitmap is defined "
				 "(xenbindgen refuses an empty spec)");
	else
		for (unsigned v = 0; v < XI_XBG_VIEW_COUNT && nempty; v++)
			if (empty[v])
				xi_error_at_file(c.diag, x->indir, "no struct, enum or bitmap is defined for "
						 "%s (xenbindgen refuses an empty spec)", xi_xbg_view_names[v]);
	xi_map_free(&c.reported);
}
