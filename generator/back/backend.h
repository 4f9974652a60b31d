/* The backends: each turns the analyzed compilation into output files. */
#ifndef XENIDL_BACKEND_H
#define XENIDL_BACKEND_H

#include "ctx.h"
#include "output.h"

struct xi_gen_options {
	bool packed;             /* C: mark non-legacy types __attribute__((packed)) */
	const char *crate_name;  /* Rust: the crate's name */
};

typedef void (*xi_backend_fn)(struct xi_ctx *ctx, const struct xi_gen_options *opt,
			      struct xi_outset *out);

struct xi_backend {
	const char *name;    /* as given to -l */
	const char *summary; /* for --help */
	xi_backend_fn emit;
};

extern const struct xi_backend xi_backends[];
const struct xi_backend *xi_backend_find(const char *name);

/* The backends. */
void xi_emit_c(struct xi_ctx *ctx, const struct xi_gen_options *opt, struct xi_outset *out);
void xi_emit_manifest(struct xi_ctx *ctx, const struct xi_gen_options *opt, struct xi_outset *out);
void xi_emit_md(struct xi_ctx *ctx, const struct xi_gen_options *opt, struct xi_outset *out);
void xi_emit_rust(struct xi_ctx *ctx, const struct xi_gen_options *opt, struct xi_outset *out);
void xi_emit_marshal(struct xi_ctx *ctx, const struct xi_gen_options *opt, struct xi_outset *out);
void xi_emit_marshal_test(struct xi_ctx *ctx, const struct xi_gen_options *opt,
			  struct xi_outset *out);

#endif
