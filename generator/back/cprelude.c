#include "cprelude.h"

/* Whether a header's first include is a plain import, whose header has
 * the definitions by the same rule. */
static bool first_include_has_them(const struct xi_module *m)
{
	return m->imports && !m->imports->is_arch;
}

bool xi_c_carries_prelude(const struct xi_module *m)
{
	return !first_include_has_them(m);
}
