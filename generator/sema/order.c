/* Dependency order: a declaration comes after everything it contains by
 * value, and after the targets of its handles where possible.
 *
 * The order is source order, except that a declaration used before its
 * definition is moved up. Each module is numbered after the modules it
 * imports, so that its order (module->sorted, the order of its outputs)
 * comes from its own declarations only, whatever else the run holds; the
 * order over the whole compilation (decl->order) is what layout follows.
 *
 * Containing oneself by value is an error. The walk is iterative, so a
 * long chain of declarations cannot exhaust the stack. */
#include "order.h"

#include <stdlib.h>
#include <string.h>

struct deps {
	struct xi_decl **decl;
	bool *soft;      /* handle targets: ordering hints, cycles allowed */
	unsigned n, cap;
};

static void add_dep(struct deps *d, struct xi_decl *x, bool soft)
{
	if (!x)
		return;
	for (unsigned i = 0; i < d->n; i++)
		if (d->decl[i] == x) {
			d->soft[i] = d->soft[i] && soft;
			return;
		}
	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 8;
		d->decl = xi_xrealloc(d->decl, sizeof(*d->decl) * d->cap);
		d->soft = xi_xrealloc(d->soft, sizeof(*d->soft) * d->cap);
	}
	d->decl[d->n] = x;
	d->soft[d->n] = soft;
	d->n++;
}

static void type_deps(struct deps *d, const struct xi_type *t, bool soft)
{
	switch (t->kind) {
	case XI_TYPE_REF:
		if (t->u.ref.per_abi) {
			for (int a = 0; a < XI_ABI_COUNT; a++)
				add_dep(d, t->u.ref.per_abi[a], soft);
		} else {
			add_dep(d, t->u.ref.decl, soft);
		}
		break;
	case XI_TYPE_ARRAY:
		type_deps(d, t->u.array.elem, soft);
		break;
	case XI_TYPE_HANDLE:
	case XI_TYPE_NATIVE_HANDLE:
	case XI_TYPE_PTR:
		type_deps(d, t->u.target, true);
		break;
	case XI_TYPE_AGG:
		for (const struct xi_member *m = t->u.agg->members; m; m = m->next)
			type_deps(d, m->type, soft);
		break;
	case XI_TYPE_ARCH:
		for (const struct xi_arch_choice *c = t->u.arch.choices; c; c = c->next)
			type_deps(d, c->type, soft);
		break;
	case XI_TYPE_PRIM:
	case XI_TYPE_VOID:
		break;
	}
}

static void decl_deps(struct deps *d, const struct xi_decl *x)
{
	d->n = 0;
	if (xi_decl_is_aggregate(x)) {
		for (const struct xi_member *m = x->agg->members; m; m = m->next)
			type_deps(d, m->type, false);
	} else if (x->kind == XI_DECL_ALIAS) {
		type_deps(d, x->type, false);
	} else if (x->hvm_save_decl) {
		/* C declares a save record after its data type */
		add_dep(d, (struct xi_decl *)x->hvm_save_decl, false);
	}
}

enum { UNSEEN, ACTIVE, DONE };

struct frame {
	struct xi_decl *decl;
	struct deps deps;
	unsigned next;
};

static void report_cycle(struct xi_ctx *ctx, struct frame *stack, unsigned depth,
			 struct xi_decl *again)
{
	struct xi_strbuf chain = XI_STRBUF_INIT;
	unsigned first = 0;
	for (unsigned i = 0; i < depth; i++)
		if (stack[i].decl == again)
			first = i;
	for (unsigned i = first; i < depth; i++)
		xi_sb_printf(&chain, "%s -> ", stack[i].decl->name);
	xi_sb_adds(&chain, again->name);
	if (again->kind == XI_DECL_ALIAS)
		xi_error(&ctx->diag, again->loc, "alias '%s' refers to itself: %s", again->name,
			 xi_sb_str(&chain));
	else
		xi_error(&ctx->diag, again->loc, "'%s' contains itself by value: %s", again->name,
			 xi_sb_str(&chain));
	xi_sb_free(&chain);
}

/* Number a module's declarations, after those of the modules it imports.
 * Everything a declaration depends on in another module is then numbered
 * already, so the order within a module depends on that module alone, not
 * on the other files of the run or the order they were named in: a header
 * is the same whether it is generated alone or with others. */
static void order_module(struct xi_ctx *ctx, struct xi_module *m, struct frame *stack,
			 unsigned *counter)
{
	if (m->ordered)
		return;
	m->ordered = true;
	for (const struct xi_import *im = m->imports; im; im = im->next)
		for (int f = 0; f < XI_IMPORT_SLOTS; f++)
			if (im->module[f] && !im->module[f]->left_out)
				order_module(ctx, im->module[f], stack, counter);
	for (struct xi_decl *root = m->decls; root; root = root->next) {
		if (root->order_state != UNSEEN)
			continue;
		unsigned depth = 0;
		stack[depth].decl = root;
		stack[depth].next = 0;
		decl_deps(&stack[depth].deps, root);
		root->order_state = ACTIVE;
		depth++;
		while (depth) {
			struct frame *f = &stack[depth - 1];
			if (f->next < f->deps.n) {
				unsigned k = f->next++;
				struct xi_decl *dep = f->deps.decl[k];
				if (dep->order_state == UNSEEN) {
					struct frame *g = &stack[depth++];
					g->decl = dep;
					g->next = 0;
					decl_deps(&g->deps, dep);
					dep->order_state = ACTIVE;
				} else if (dep->order_state == ACTIVE && !f->deps.soft[k]) {
					report_cycle(ctx, stack, depth, dep);
					dep->in_cycle = true;
				}
				continue;
			}
			f->decl->order_state = DONE;
			f->decl->order = (*counter)++;
			depth--;
		}
	}
}

void xi_order(struct xi_ctx *ctx)
{
	unsigned total = 0;
	for (unsigned i = 0; i < ctx->nmodules; i++)
		total += ctx->modules[i]->ndecls;
	struct frame *stack = xi_xmalloc(sizeof(*stack) * (total + 1));
	memset(stack, 0, sizeof(*stack) * (total + 1));
	unsigned counter = 0;
	for (unsigned i = 0; i < ctx->nmodules; i++)
		order_module(ctx, ctx->modules[i], stack, &counter);
	for (unsigned i = 0; i <= total; i++) {
		free(stack[i].deps.decl);
		free(stack[i].deps.soft);
	}
	free(stack);

	/* Each module's declarations in that order: the order numbers are
	 * 0 to total - 1, so walking them in order places each declaration
	 * (no sort needed). */
	struct xi_decl **all = xi_all_decls_ordered(ctx, &total);
	unsigned *filled = xi_xmalloc(sizeof(*filled) * (ctx->nmodules + 1));
	for (unsigned i = 0; i < ctx->nmodules; i++) {
		struct xi_module *m = ctx->modules[i];
		m->sorted = XI_NEW_ARRAY(&ctx->arena, struct xi_decl *, m->ndecls + 1);
		filled[i] = 0;
	}
	for (unsigned k = 0; k < total; k++) {
		struct xi_module *m = all[k]->module;
		m->sorted[filled[m->index]++] = all[k];
	}
	free(filled);
}

/* Every declaration of the compilation in dependency order: each at the
 * index of its order number (xi_order numbers them 0 to total - 1). */
struct xi_decl **xi_all_decls_ordered(struct xi_ctx *ctx, unsigned *count)
{
	unsigned total = 0;
	for (unsigned i = 0; i < ctx->nmodules; i++)
		total += ctx->modules[i]->ndecls;
	struct xi_decl **all = XI_NEW_ARRAY(&ctx->arena, struct xi_decl *, total + 1);
	for (unsigned i = 0; i < ctx->nmodules; i++)
		for (struct xi_decl *d = ctx->modules[i]->decls; d; d = d->next)
			all[d->order] = d;
	*count = total;
	return all;
}
