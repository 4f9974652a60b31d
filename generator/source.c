#include "source.h"

#include "arena.h"

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
