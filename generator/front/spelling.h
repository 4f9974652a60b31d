/* The forms a file is written in (xidl, YAML or TOML, by its extension),
 * and how xidl's constructs are written in the form of the file a
 * diagnostic points into. Messages and fix-its quote what the user
 * would write there ('@legacy' in xidl, 'legacy: true' in YAML, 'legacy =
 * true' in TOML), so that a fix can be pasted where it is reported. */
#ifndef XENIDL_SPELLING_H
#define XENIDL_SPELLING_H

#include <stdint.h>

#include "ctx.h"

enum xi_spec_format {
	XI_FORMAT_XIDL,
	XI_FORMAT_YAML,
	XI_FORMAT_TOML,
};

/* The format of a file, from its extension: .yaml and .yml are YAML,
 * .toml is TOML, anything else is xidl. */
enum xi_spec_format xi_format_of_path(const char *path);

/* The form of the file of a location (xidl when it has none). */
enum xi_spec_format xi_form_at(const struct xi_ctx *ctx, struct xi_loc loc);

/* An attribute as the user names it: "@c_prefix" in xidl; in YAML and
 * TOML its key, "c_prefix" ("direction" for @in, @out and @inout). */
/* Whether an attribute is one of the directions (in, out, inout), which
 * YAML and TOML write as the value of one key. */
bool xi_attr_is_direction(const char *attr);
const char *xi_spell_attr(struct xi_ctx *ctx, struct xi_loc loc, const char *attr);

/* A flag attribute set, quoted: "'@legacy'", "'legacy: true'",
 * "'legacy = true'" ("'direction: in'" for @in). */
const char *xi_spell_flag(struct xi_ctx *ctx, struct xi_loc loc, const char *attr);

/* Declarations marked legacy: "@legacy declarations", or "declarations
 * with 'legacy: true'". */
const char *xi_spell_legacy_decls(struct xi_ctx *ctx, struct xi_loc loc);

/* The advice to mark a declaration legacy: "mark the declaration @legacy",
 * or "give the declaration 'legacy: true'". */
const char *xi_spell_mark_legacy(struct xi_ctx *ctx, struct xi_loc loc);

/* How a YAML or TOML file writes types: xenidl's spelling under the key
 * 'type' (u8, {array: [u8, 3]}), or xenbindgen's tag and args tables
 * under 'typ' ({tag: u8}). A member written for a file follows the
 * fields around it. */
enum xi_type_spelling { XI_TYPES_PLAIN, XI_TYPES_TAGGED };

/* A reserved member `name` of `bytes` bytes, on one line, as an item of a
 * list of members: what a padding fix-it inserts and its message quotes.
 *   xidl  @reserved pad0: u8[3];
 *   YAML  {name: pad0, reserved: true, type: {array: [u8, 3]}}
 *   TOML  { name = "pad0", reserved = true, type = { array = ["u8", 3] } }
 * with `types` XI_TYPES_TAGGED, in YAML and TOML:
 *         typ = { tag = "array", args = [{ tag = "u8" }, 3] } */
const char *xi_spell_reserved_member(struct xi_ctx *ctx, enum xi_spec_format form,
				     enum xi_type_spelling types, const char *name, uint32_t bytes);

/* The same member as the keys of a TOML table, a line each, each line
 * starting with `indent`: name = "pad0", reserved = true, then the type. */
const char *xi_spell_reserved_keys(struct xi_ctx *ctx, enum xi_type_spelling types,
				   const char *indent, const char *name, uint32_t bytes);

#endif
