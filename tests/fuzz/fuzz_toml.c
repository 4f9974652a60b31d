/* libFuzzer target: the TOML reader and the schema mapper. */
#include "fuzz_spec.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_spec(data, size, XI_FORMAT_TOML);
}
