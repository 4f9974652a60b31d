/* Semantic analysis: names, types, constants and the rules of the
 * language. Runs after loading and before layout. */
#ifndef XENIDL_RESOLVE_H
#define XENIDL_RESOLVE_H

#include "ctx.h"

/* Register every declaration, resolve every name, evaluate every constant
 * and check the rules that do not depend on layout. */
void xi_resolve(struct xi_ctx *ctx);

#endif
