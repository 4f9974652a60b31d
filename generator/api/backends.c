/* The registry of backends: each -l name and the function behind it. */
#include "xenidl.h"

#include <string.h>

#include "emit_c.h"
#include "emit_c_checks.h"
#include "emit_manifest.h"
#include "emit_marshal.h"
#include "emit_md.h"
#include "emit_rust.h"

const struct xi_backend xi_backends[] = {
	{ "c", "C headers, as Xen's public headers", xi_emit_c },
	{ "c-checks", "C layout checks of the -l c headers (NAME_checks.c)", xi_emit_c_checks },
	{ "manifest", "ABI manifest (NAME.abi), for review and abi-diff", xi_emit_manifest },
	{ "md", "reference documentation in Markdown", xi_emit_md },
	{ "rust", "a no_std Rust crate (Cargo.toml, src/)", xi_emit_rust },
	{ "marshal", "C decode/encode/check code (with -l c headers)", xi_emit_marshal },
	{ "marshal-test", "self-tests and a fuzz harness of -l marshal", xi_emit_marshal_test },
	{ NULL, NULL, NULL },
};

const struct xi_backend *xi_backend_find(const char *name)
{
	for (const struct xi_backend *b = xi_backends; b->name; b++)
		if (!strcmp(b->name, name))
			return b;
	return NULL;
}
