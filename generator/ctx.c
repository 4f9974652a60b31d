#include "ctx.h"

#include <string.h>

const char *xi_intern(struct xi_ctx *ctx, const char *s, size_t len)
{
	const char *p = xi_map_get(&ctx->interned, s, len);
	if (p)
		return p;
	char *copy = xi_strndup(&ctx->arena, s, len);
	xi_map_put(&ctx->interned, copy, len, copy);
	return copy;
}
