/* Readers of the YAML and TOML spellings of an interface: each turns a
 * source into a document tree (doctree.h), reporting malformed input as
 * located errors. The schema mapper (spec_map.h) takes it from there. */
#ifndef XENIDL_SPEC_READ_H
#define XENIDL_SPEC_READ_H

#include "ctx.h"
#include "doctree.h"
#include "spelling.h"

/* Read a whole document. NULL after an error (already reported); an empty
 * document gives an empty mapping. */
struct xi_dnode *xi_yaml_read(struct xi_ctx *ctx, struct xi_source *src);
struct xi_dnode *xi_toml_read(struct xi_ctx *ctx, struct xi_source *src);

/* How the YAML reader types a plain scalar: XI_DNULL, XI_DBOOL, XI_DINT
 * or XI_DSTR (the YAML 1.2 core schema). */
enum xi_dkind xi_yaml_plain_kind(const char *s, size_t len);

#endif
