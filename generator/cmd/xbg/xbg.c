/* xenbindgen mode, the command: read, check, write every output at once
 * (or none: unlike xenbindgen, a failure leaves no file half written). */
#include "xbg.h"

#include <stdlib.h>
#include <string.h>

#include "xenidl.h"

static void free_lists(struct xbg *x)
{
	for (unsigned i = 0; i < x->ndirs; i++) {
		free(x->dirs[i].enums.decls);
		free(x->dirs[i].bitmaps.decls);
		free(x->dirs[i].structs.decls);
	}
}

int xi_cmd_xenbindgen(const struct xi_options *opt, const char *indir, const char *outdir,
		      const char *lang, bool check)
{
	bool rust = !strcmp(lang, "rust");
	struct xi_ctx *ctx = xi_create(opt, stderr);
	struct xbg x = { ctx, indir, NULL, 0 };
	int status = 1;
	bool ok = xi_xbg_load(&x, indir);
	if (ok)
		ok = xi_xbg_check(&x);
	if (ok) {
		struct xi_outset *out = xi_outset_new(outdir, check ? XI_OUTPUT_CHECK : XI_OUTPUT_WRITE,
						      &ctx->diag);
		for (unsigned i = 0; i < x.ndirs; i++) {
			const struct xi_xbg_dir *d = &x.dirs[i];
			struct xi_out *o = xi_out_open(out, xi_aprintf(&ctx->arena, "%s.%s", d->out,
								      rust ? "rs" : "h"));
			if (!o)
				continue;
			if (rust)
				xi_xbg_emit_rust(&x, d, o);
			else
				xi_xbg_emit_c(&x, d, o);
		}
		if (xi_diag_failed(&ctx->diag))
			xi_outset_abort(out);
		else
			status = xi_outset_commit(out, stdout);
		xi_outset_free(out);
	}
	free_lists(&x);
	xi_destroy(ctx);
	return status;
}
