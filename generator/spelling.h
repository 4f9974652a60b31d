/* How xidl's constructs are written in the form of the file a diagnostic
 * points into: xidl, YAML or TOML. Messages and fix-its quote what the user
 * would write there ('@legacy' in xidl, 'legacy: true' in YAML, 'legacy =
 * true' in TOML), so that a fix can be pasted where it is reported. */
#ifndef XENIDL_SPELLING_H
#define XENIDL_SPELLING_H

#include <stdint.h>

#include "ctx.h"
#include "spec_read.h"

/* The form of the file of a location (xidl when it has none). */
enum xi_spec_format xi_form_at(const struct xi_ctx *ctx, struct xi_loc loc);

/* An attribute as the user names it: "@c_prefix" in xidl; in YAML and
 * TOML its key, "c_prefix" ("direction" for @in, @out and @inout). */
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

/* A reserved member `name` of `bytes` bytes, as a fix-it to paste:
 *   xidl  '@reserved pad0: u8[3];'
 *   YAML  '- {name: pad0, type: {array: [u8, 3]}, reserved: true}'
 *   TOML  a field with 'name = "pad0"', 'typ = { tag = "array", args =
 *         [{ tag = "u8" }, 3] }' and 'reserved = true' (xenbindgen's
 *         spelling of the type) */
const char *xi_spell_reserved_member(struct xi_ctx *ctx, struct xi_loc loc, const char *name,
				     uint32_t bytes);

#endif
