/* Length relations (@len, @max) in the marshalling code: the checks of a
 * count against its bound (XENIDL_ELEN), and of a flexible array member
 * against the buffer T_decode is given (XENIDL_ESHORT). */
#ifndef XENIDL_MARSHAL_LEN_H
#define XENIDL_MARSHAL_LEN_H

#include "marshal_body.h"
#include "marshal_plan.h"

/* Append the statements that check a plan's relations in a function of
 * `mode` (after its body: the native value is complete); true if any. */
bool xi_ml_checks(struct xi_strbuf *sb, struct xi_arena *a, const struct xi_mp_plan *plan,
		  enum xi_mb_mode mode);

/* Is `count` a top-level member holding the count of a relation of `d`?
 * Then *bound is the largest count the generated tests may give it:
 * the smallest bound, 0 for a flexible array (the tests' buffers end
 * with the fixed part). */
bool xi_ml_count_bound(const struct xi_decl *d, const struct xi_member *count, uint64_t *bound);

#endif
