/* IDL spellings of types, for messages, tables and the manifest. */
#ifndef XENIDL_TYPENAME_H
#define XENIDL_TYPENAME_H

#include "ctx.h"

/* The type as written in xidl on one ABI: "u32", "domid_t", "u8[16]",
 * "handle<char>"; inline aggregates are "struct { ... }" and
 * "union switch (tag) { ... }"; arch types show the ABI's choice. */
const char *xi_type_idl_name(struct xi_arena *a, const struct xi_type *t, int abi);

#endif
