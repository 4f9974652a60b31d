/* Which generated C header carries the definitions every generated header
 * relies on (templates/c_prelude.h): one, as Xen's xen.h does, rather
 * than each. Shared by the C and marshal backends. */
#ifndef XENIDL_CPRELUDE_H
#define XENIDL_CPRELUDE_H

#include <stdbool.h>

#include "ir.h"

/* Whether a module's header writes the definitions itself: unless its
 * first include is a plain import, whose header has them by the same rule.
 * So every header has them when read on its own, and a part for one family
 * (arch-x86/xen.h) that imports nothing writes them too, as Xen's arch
 * headers do: a program may include it before xen.h. Over idl/, xen.h and
 * the arch headers write them, and so do the per-family parts that import
 * nothing until they merge into their headers (issue 13). What a header
 * writes depends on it and its imports only, never on what imports it. */
bool xi_c_carries_prelude(const struct xi_module *m);

#endif
