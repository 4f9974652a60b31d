/* libFuzzer target: the ABI manifest reader, and on what it accepts the
 * comparison and the writer (so that every model the reader can build is
 * one abi-diff and -l manifest cope with).
 *
 *   ./configure CC=clang --enable-fuzzing \
 *       CFLAGS='-g -O1 -fsanitize=fuzzer-no-link,address,undefined'
 *   make fuzz/fuzz_manifest
 *   mkdir corpus && find generated/abi -name '*.abi' -exec cp {} corpus/ ';'
 *   fuzz/fuzz_manifest -max_total_time=60 corpus */
#include <stdint.h>
#include <stdio.h>

#include "abidiff.h"
#include "output.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static FILE *devnull;
	if (!devnull)
		devnull = fopen("/dev/null", "w");
	struct xi_diag diag;
	xi_diag_init(&diag, devnull);
	struct xi_mf_model *m = xi_mf_new();
	if (xi_mf_read_text(m, &diag, "fuzz.abi", (const char *)data, size)) {
		struct xi_mf_model *empty = xi_mf_new();
		struct xi_abidiff *d = xi_abidiff_run(m, m);
		xi_abidiff_print_text(devnull, d);
		xi_abidiff_free(d);
		d = xi_abidiff_run(empty, m);
		xi_abidiff_print_json(devnull, d, 0);
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
	xi_mf_free(m);
	xi_diag_free(&diag);
	return 0;
}
