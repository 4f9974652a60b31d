#include "cprelude.h"

/* Whether a header's first include is a plain import, whose header has
 * the definitions by the same rule. */
static bool first_include_has_them(const struct xi_module *m)
{
	return m->imports && !m->imports->is_arch;
}

/* A header of constants only (xen-compat.h) needs none of them. */
static bool only_constants(const struct xi_module *m)
{
	for (const struct xi_decl *d = m->decls; d; d = d->next)
		if (d->kind != XI_DECL_CONST)
			return false;
	return m->decls != NULL;
}

bool xi_c_carries_prelude(const struct xi_module *m)
{
	return !first_include_has_them(m) && !only_constants(m);
}
