/* The statements of generated decode, encode and check functions (see
 * marshal_body.c). */
#ifndef XENIDL_MARSHAL_BODY_H
#define XENIDL_MARSHAL_BODY_H

#include "marshal_plan.h"

enum xi_mb_mode { XI_MB_DECODE, XI_MB_ENCODE, XI_MB_CHECK };

/* What the bodies of one declaration share, made once for all of them.
 * The code of tagged-union arms: its plans for different ABIs share most
 * arms (few differ between ABIs), whose code is then made once; for the
 * big envelopes (xen_domctl, xen_sysctl) that is most of the work. And
 * the value checks of scalars (an enum's declared values), which every
 * function of every plan makes. Start zeroed; the arms' texts belong to
 * it, it refers to the plans and to texts in the arena given to xi_mb_body,
 * so reset it when they go. */
struct xi_mb_memo {
	struct xi_mb_arm_text *made;
	unsigned n, cap;
	struct xi_mb_condition *conds;
	unsigned nconds, cap_conds;
};
void xi_mb_memo_reset(struct xi_mb_memo *memo);
void xi_mb_memo_free(struct xi_mb_memo *memo);

/* The body of a function of a plan, added to `out`: statements indented
 * by one tab, for the parameters out/in/v, buf (as p), len, flags and
 * err. `fast` allows the little-endian copy path (T_decode and T_encode of
 * the host's own layout). `memo` (or NULL) keeps what the next bodies of
 * the same declaration can share. Short texts made on the way go to
 * `a`. */
void xi_mb_body(struct xi_strbuf *out, struct xi_arena *a, const struct xi_mp_plan *plan,
	     enum xi_mb_mode mode, bool fast, struct xi_mb_memo *memo);

/* Does xi_mb_body take the little-endian copy path for this plan and mode
 * when `fast` allows it? (Otherwise `fast` makes no difference.) */
bool xi_mb_has_fast_path(const struct xi_mp_plan *plan, enum xi_mb_mode mode);

/* Does `text` use identifier `id` (not as part of a longer one)? */
bool xi_mb_uses_ident(const char *text, const char *id);

#endif
