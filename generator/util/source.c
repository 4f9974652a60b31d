#include "source.h"

#include <stdio.h>
#include <stdlib.h>

#include "arena.h"

/* Readers stream their input, so a source's text is read back only when a
 * diagnostic needs to show a line of it. */
bool xi_source_load(struct xi_source *src)
{
	if (src->text)
		return true;
	FILE *f = fopen(src->path, "rb");
	if (!f)
		return false;
	size_t cap = 4096, n = 0;
	char *buf = xi_xmalloc(cap + 2);
	size_t got;
	while ((got = fread(buf + n, 1, cap - n, f)) > 0) {
		n += got;
		if (n == cap) {
			cap *= 2;
			buf = xi_xrealloc(buf, cap + 2);
		}
	}
	fclose(f);
	buf[n] = buf[n + 1] = '\0';
	src->text = buf;
	src->len = n;
	return true;
}

static void build_line_index(struct xi_source *src)
{
	uint32_t n = 1;
	for (size_t i = 0; i < src->len; i++)
		if (src->text[i] == '\n')
			n++;
	src->line_starts = xi_xmalloc(sizeof(uint32_t) * (n + 1));
	uint32_t k = 0;
	src->line_starts[k++] = 0;
	for (size_t i = 0; i < src->len; i++)
		if (src->text[i] == '\n')
			src->line_starts[k++] = (uint32_t)(i + 1);
	src->line_starts[k] = (uint32_t)src->len + 1;
	src->nlines = n;
}

const char *xi_source_line(struct xi_source *src, uint32_t line, size_t *len)
{
	if (!xi_source_load(src))
		return NULL;
	if (!src->line_starts)
		build_line_index(src);
	if (line == 0 || line > src->nlines)
		return NULL;
	uint32_t start = src->line_starts[line - 1];
	uint32_t end = src->line_starts[line] - 1; /* the '\n', or len+1-1 */
	if (end > src->len)
		end = (uint32_t)src->len;
	if (end > start && src->text[end - 1] == '\r')
		end--;
	*len = end - start;
	return src->text + start;
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
