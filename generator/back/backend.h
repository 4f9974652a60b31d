/* What a backend is: a function that turns the analyzed compilation into
 * output files, with the options of generation. Each backend's folder
 * declares its function (emit_c.h, ...); the registry of their -l names
 * is the library's (xenidl.h). */
#ifndef XENIDL_BACKEND_H
#define XENIDL_BACKEND_H

#include "ctx.h"
#include "output.h"

struct xi_gen_options {
	bool packed;             /* C: mark non-legacy types __attribute__((packed)) */
	bool c_extras;           /* C: also the names Xen lacks (__ALL masks, _NAME of every bit) */
	const char *crate_name;  /* Rust: the crate's name */
};

typedef void (*xi_backend_fn)(struct xi_ctx *ctx, const struct xi_gen_options *opt,
			      struct xi_outset *out);

#endif
