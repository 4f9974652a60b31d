/* The statements of generated decode, encode and check functions (see
 * marshal_body.c). */
#ifndef XENIDL_MARSHAL_BODY_H
#define XENIDL_MARSHAL_BODY_H

#include "marshal_plan.h"

enum mb_mode { MB_DECODE, MB_ENCODE, MB_CHECK };

/* The body of a function of a plan: statements indented by one tab, for
 * the parameters out/in/v, buf (as p), len, flags and err. `fast` allows
 * the little-endian copy path (T_decode and T_encode of the host's own
 * layout). */
const char *mb_body(struct xi_arena *a, const struct mp_plan *plan, enum mb_mode mode, bool fast);

/* Does `text` use identifier `id` (not as part of a longer one)? */
bool mb_uses_ident(const char *text, const char *id);

#endif
