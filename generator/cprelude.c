#include "cprelude.h"

#include "abi.h"

/* The module a header includes first, when it is a plain import (NULL
 * when it has no import, or when the first is an `import arch`). */
static const struct xi_module *first_include(const struct xi_module *m)
{
	const struct xi_import *im = m->imports;
	return im && !im->is_arch ? im->module[0] : NULL;
}

/* Whether a header gets the definitions from its first include: that
 * header is not a family part (every other header has them), or is one
 * that gets them from its own first include. At most one step per module,
 * in case first includes go round. */
static bool first_include_has_them(const struct xi_ctx *ctx, const struct xi_module *m)
{
	const struct xi_module *inc = first_include(m);
	for (unsigned steps = 0; inc && steps < ctx->nmodules; steps++) {
		if (inc->family == XI_FAM_NONE)
			return true;
		inc = first_include(inc);
	}
	return false;
}

bool xi_c_carries_prelude(const struct xi_ctx *ctx, const struct xi_module *m)
{
	return m->family == XI_FAM_NONE && !first_include_has_them(ctx, m);
}

bool xi_c_has_prelude(const struct xi_ctx *ctx, const struct xi_module *m)
{
	return m->family == XI_FAM_NONE || first_include_has_them(ctx, m);
}
