/* HVM save records: the constants marked @hvm_save(TYPE), which tie a
 * record's typecode (the constant's value) to the type of its data. */
#include "hvm_save.h"

#include <inttypes.h>
#include <string.h>

/* The record of module m's declarations whose data is named `name`. */
static const struct xi_decl *find_data_type(const struct xi_module *m, const char *name)
{
	for (const struct xi_decl *d = m->decls; d; d = d->next)
		if (!strcmp(d->name, name))
			return d;
	return NULL;
}

/* The typecode is a u16 (hvm_save_descriptor.typecode); the data is a
 * struct or union of the constant's own file, which C declares before the
 * record. */
static void check_record(struct xi_ctx *ctx, struct xi_decl *c)
{
	const struct xi_decl *t = find_data_type(c->module, c->hvm_save);
	if (!t) {
		xi_error(&ctx->diag, c->hvm_save_loc, "unknown type '%s': a save record's data is "
			 "a struct or union of the record's own file", c->hvm_save);
		return;
	}
	if (t->kind != XI_DECL_STRUCT && t->kind != XI_DECL_UNION) {
		xi_error(&ctx->diag, c->hvm_save_loc, "a save record's data is a struct or union; "
			 "'%s' is %s", c->hvm_save, xi_decl_kind_phrase(t->kind));
		xi_note(&ctx->diag, t->loc, "'%s' is declared here", t->name);
		return;
	}
	if (c->const_prim != XI_PRIM_U16) {
		xi_error(&ctx->diag, c->loc, "the typecode of save record '%s' must be a u16, "
			 "the type of hvm_save_descriptor.typecode", c->name);
		return;
	}
	c->hvm_save_decl = t;
}

/* Two records of one typecode that exist on a common ABI. */
static void check_codes(struct xi_ctx *ctx, struct xi_decl **recs, unsigned n)
{
	for (unsigned i = 0; i < n; i++) {
		for (unsigned j = 0; j < i; j++) {
			if (recs[i]->value.mag != recs[j]->value.mag ||
			    !(xi_module_abis(ctx, recs[i]->module) & xi_module_abis(ctx, recs[j]->module)))
				continue;
			xi_error(&ctx->diag, recs[i]->loc, "save records '%s' and '%s' have the same "
				 "typecode %" PRIu64, recs[i]->name, recs[j]->name, recs[i]->value.mag);
			xi_note(&ctx->diag, recs[j]->loc, "'%s' is declared here", recs[j]->name);
			break;
		}
	}
}

void xi_resolve_hvm_save(struct xi_ctx *ctx)
{
	struct xi_decl *recs[XI_HVM_SAVE_MAX_RECORDS];
	unsigned n = 0;
	for (unsigned i = 0; i < ctx->nmodules; i++) {
		for (struct xi_decl *d = ctx->modules[i]->decls; d; d = d->next) {
			if (d->kind != XI_DECL_CONST || !d->hvm_save || d->failed || d->eval_failed)
				continue;
			check_record(ctx, d);
			if (!d->hvm_save_decl)
				continue;
			if (n == XI_HVM_SAVE_MAX_RECORDS) {
				xi_error(&ctx->diag, d->loc, "more than %u save records",
					 XI_HVM_SAVE_MAX_RECORDS);
				return;
			}
			recs[n++] = d;
		}
	}
	check_codes(ctx, recs, n);
}
