/* Which generated C header carries the definitions every generated header
 * relies on (templates/c_prelude.h): one, as Xen's xen.h does, rather
 * than each. Shared by the C and marshal backends. */
#ifndef XENIDL_CPRELUDE_H
#define XENIDL_CPRELUDE_H

#include <stdbool.h>

#include "ctx.h"

/* Whether a module's header writes the definitions itself. A header whose
 * first include has them (itself or through its own first include)
 * leaves them out; so does the part of a header for one family
 * (arch-x86/...) that a header includes through `import arch`, which is
 * read only after that header's definitions. Over idl/, only xen.h
 * carries them. What a header writes depends on it and its imports only,
 * never on what imports it. */
bool xi_c_carries_prelude(const struct xi_ctx *ctx, const struct xi_module *m);

/* Whether a module's header has the definitions once read on its own:
 * it carries them, or gets them from its first include. A family part
 * without them is read through the header that includes it, as Xen's
 * arch-x86/xen.h is through xen.h. */
bool xi_c_has_prelude(const struct xi_ctx *ctx, const struct xi_module *m);

#endif
