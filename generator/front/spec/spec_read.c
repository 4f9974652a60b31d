/* Helpers shared by the spec readers. */
#include "spec_read.h"

#include <string.h>

enum xi_spec_format xi_format_of_path(const char *path)
{
	const char *slash = strrchr(path, '/');
	const char *dot = strrchr(slash ? slash + 1 : path, '.');
	if (!dot)
		return XI_FORMAT_XIDL;
	if (!strcmp(dot, ".yaml") || !strcmp(dot, ".yml"))
		return XI_FORMAT_YAML;
	if (!strcmp(dot, ".toml"))
		return XI_FORMAT_TOML;
	return XI_FORMAT_XIDL;
}

struct xi_loc xi_source_loc_at(struct xi_source *src, size_t offset)
{
	struct xi_loc loc = { 1, 1, src->id, 1 };
	if (offset > src->len)
		offset = src->len;
	for (size_t i = 0; i < offset; i++) {
		if (src->text[i] == '\n') {
			loc.line++;
			loc.col = 1;
		} else {
			loc.col++;
		}
	}
	return loc;
}
