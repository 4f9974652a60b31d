/* libFuzzer target: the ABI manifest reader, and on what it accepts the
 * comparison and the writer (so that every model the reader can build is
 * one abi-diff and -l manifest cope with). Seeds: manifests, and pairs of
 * manifests joined by a NUL byte.
 *
 *   ci/fuzz [SECONDS]      (builds in build-fuzz/, seeds from manifest.seeds)
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "abidiff.h"
#include "emit_manifest.h"
#include "output.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* An input is one manifest, or two separated by a NUL byte (which no
 * manifest holds): the old and the new side of an abi-diff. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static FILE *devnull;
	if (!devnull)
		devnull = fopen("/dev/null", "w");
	const char *text = (const char *)data;
	const char *nul = memchr(text, '\0', size);
	size_t len = nul ? (size_t)(nul - text) : size;
	struct xi_diag diag;
	xi_diag_init(&diag, devnull);
	struct xi_mf_model *m = xi_mf_new();
	struct xi_mf_model *other = NULL;
	bool ok = xi_mf_read_text(m, &diag, "old.abi", text, len);
	if (ok && nul) {
		other = xi_mf_new();
		ok = xi_mf_read_text(other, &diag, "new.abi", nul + 1, size - len - 1);
	}
	if (ok) {
		struct xi_mf_model *empty = xi_mf_new();
		struct xi_abidiff *d = xi_abidiff_run(m, other ? other : m);
		xi_abidiff_print_text(devnull, d);
		xi_abidiff_print_json(devnull, d, 4);
		xi_abidiff_free(d);
		d = xi_abidiff_run(empty, m);
		xi_abidiff_free(d);
		d = xi_abidiff_run(m, empty);
		xi_abidiff_free(d);
		xi_mf_free(empty);
		struct xi_outset *out = xi_outset_new("fuzz", XI_OUTPUT_MEMORY, &diag);
		for (unsigned i = 0; i < m->nmodules; i++) {
			struct xi_out *o = xi_out_open(out, m->modules[i]->rel);
			if (o)
				xi_mf_write(o, m, m->modules[i]);
		}
		xi_outset_free(out);
	}
	xi_mf_free(other);
	xi_mf_free(m);
	xi_diag_free(&diag);
	return 0;
}
