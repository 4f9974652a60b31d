/* Make depfiles: every output depends on every file read, and every file
 * read gets an empty rule so that deleting one does not break make. */
#include <stdio.h>
#include <string.h>

#include "xenidl.h"
#include "strbuf.h"

static void put_path(struct xi_strbuf *sb, const char *p)
{
	for (; *p; p++) {
		if (*p == ' ' || *p == '#' || *p == '\\')
			xi_sb_addc(sb, '\\');
		if (*p == '$')
			xi_sb_addc(sb, '$');
		xi_sb_addc(sb, *p);
	}
}

bool xi_write_depfile(struct xi_ctx *ctx, const struct xi_outset *const *outs, unsigned nouts,
		      const char *path)
{
	struct xi_strbuf sb = XI_STRBUF_INIT;
	bool first = true;
	for (unsigned k = 0; k < nouts; k++) {
		const char *dir = xi_outset_dir(outs[k]);
		for (unsigned i = 0; i < xi_outset_count(outs[k]); i++) {
			if (!first)
				xi_sb_addc(&sb, ' ');
			first = false;
			if (strcmp(dir, ".") != 0) {
				put_path(&sb, dir);
				xi_sb_addc(&sb, '/');
			}
			put_path(&sb, xi_outset_path(outs[k], i));
		}
	}
	xi_sb_addc(&sb, ':');
	for (unsigned i = 0; i < ctx->nmodules; i++) {
		xi_sb_adds(&sb, " \\\n ");
		put_path(&sb, ctx->modules[i]->path);
	}
	xi_sb_addc(&sb, '\n');
	for (unsigned i = 0; i < ctx->nmodules; i++) {
		xi_sb_addc(&sb, '\n');
		put_path(&sb, ctx->modules[i]->path);
		xi_sb_adds(&sb, ":\n");
	}
	bool ok = xi_write_file_atomic(&ctx->diag, path, xi_sb_str(&sb), sb.len);
	xi_sb_free(&sb);
	return ok;
}
