/* Readers of the YAML and TOML spellings of an interface: each turns a
 * source into a document tree (doctree.h), reporting malformed input as
 * located errors. The schema mapper (spec_map.h) takes it from there. */
#ifndef XENIDL_SPEC_READ_H
#define XENIDL_SPEC_READ_H

#include "ctx.h"
#include "doctree.h"

enum xi_spec_format {
	XI_FORMAT_XIDL,
	XI_FORMAT_YAML,
	XI_FORMAT_TOML,
};

/* The format of a file, from its extension: .yaml and .yml are YAML,
 * .toml is TOML, anything else is xidl. */
enum xi_spec_format xi_format_of_path(const char *path);

/* Read a whole document. NULL after an error (already reported); an empty
 * document gives an empty mapping. */
struct xi_dnode *xi_yaml_read(struct xi_ctx *ctx, struct xi_source *src);
struct xi_dnode *xi_toml_read(struct xi_ctx *ctx, struct xi_source *src);

/* How the YAML reader types a plain scalar: XI_DNULL, XI_DBOOL, XI_DINT
 * or XI_DSTR (the YAML 1.2 core schema). */
enum xi_dkind xi_yaml_plain_kind(const char *s, size_t len);

/* The location of byte `offset` of a source (for readers whose libraries
 * count in bytes). */
struct xi_loc xi_source_loc_at(struct xi_source *src, size_t offset);

#endif
